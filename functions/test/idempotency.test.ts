import { describe, expect, it } from 'vitest';
import { Refusal } from '../src/refusal';
import { idempotent } from '../src/repositories';
import { useFreshStore } from './helpers';

describe('Idempotency-Key', () => {
  useFreshStore();

  it('runs once per key and caller, and returns the first answer to a repeat', async () => {
    let runs = 0;
    const run = async () => ({ status: 201, body: JSON.stringify({ version: ++runs }) });
    const args = { tenantId: 'demo', caller: 'mgr-1', key: 'k-1', request: { plan: [1, 2] }, run };
    expect(await idempotent(args)).toEqual({ status: 201, body: '{"version":1}', replayed: false });
    expect(await idempotent(args)).toEqual({ status: 201, body: '{"version":1}', replayed: true });
    expect(runs).toBe(1);
    // Another caller's identical key is theirs alone.
    expect(await idempotent({ ...args, caller: 'mgr-2' })).toMatchObject({
      body: '{"version":2}',
      replayed: false,
    });
  });

  it('refuses the same key with a different body with 422', async () => {
    const args = {
      tenantId: 'demo',
      caller: 'mgr-1',
      key: 'k-2',
      request: { a: 1 },
      run: async () => ({ status: 200 }),
    };
    await idempotent(args);
    const error = await idempotent({ ...args, request: { a: 2 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refusal);
    expect((error as Refusal).status).toBe(422);
    expect((error as Refusal).code).toBe('idempotency.key-reused');
  });

  it('does not remember a server error, so the retry runs again', async () => {
    let runs = 0;
    const args = {
      tenantId: 'demo',
      caller: 'mgr-1',
      key: 'k-3',
      request: {},
      run: async () => ({ status: ++runs === 1 ? 503 : 200 }),
    };
    expect((await idempotent(args)).status).toBe(503);
    expect((await idempotent(args)).status).toBe(200);
  });

  it('runs every time without a key', async () => {
    let runs = 0;
    const args = {
      tenantId: 'demo',
      caller: 'mgr-1',
      key: null,
      request: {},
      run: async () => ({ status: 200, body: String(++runs) }),
    };
    await idempotent(args);
    expect((await idempotent(args)).body).toBe('2');
  });
});
