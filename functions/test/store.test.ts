import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  appendAudit,
  canonicalJson,
  contentHash,
  createImmutable,
  getStore,
  queryByType,
  readAuditTrail,
  readChunkedVersion,
  readOne,
  writeChunkedVersion,
  type VersionHead,
} from '../src/store';
import { useFreshStore } from './helpers';

describe('canonical JSON and content hashes', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"x":2,"z":1}]},"b":1}',
    );
  });

  it('hashes the same value the same whatever order its keys were built in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(contentHash(reversed)).toBe(contentHash(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it('writes keys in string order also where they are array indexes ("10" before "2")', () => {
    expect(canonicalJson({ b: 1, 10: 'x', 2: 'y', a: [{ 3: 0, 21: 1 }] })).toBe(
      '{"10":"x","2":"y","a":[{"21":1,"3":0}],"b":1}',
    );
    // The reading every stored hash was made with: keys sorted at every depth, JSON's own text.
    const reference = (v: unknown): string => {
      if (v === null || typeof v !== 'object') return JSON.stringify(v);
      if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
      const o = v as Record<string, unknown>;
      return `{${Object.keys(o)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${reference(o[k])}`)
        .join(',')}}`;
    };
    const key = fc.oneof(fc.nat({ max: 50 }).map(String), fc.string({ maxLength: 4 }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 6 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(JSON.parse(JSON.stringify(v))));
      }),
      { numRuns: 2000 },
    );
  });

  it('is sha256 hex of the canonical text', () => {
    // sha256("{\"a\":1}")
    expect(contentHash({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });
});

describe('append-only documents', () => {
  useFreshStore();

  it('creates once; a second create with the same id is a Conflict and leaves the first intact', async () => {
    const { containers } = await getStore();
    const first = await createImmutable(containers.history, {
      id: 'plan:t1:2026:v1',
      pk: 'demo|2026',
      value: 1,
    });
    expect(first.status).toBe('created');
    const second = await createImmutable(containers.history, {
      id: 'plan:t1:2026:v1',
      pk: 'demo|2026',
      value: 2,
    });
    expect(second).toEqual({ status: 'conflict', id: 'plan:t1:2026:v1' });
    expect(await readOne(containers.history, 'plan:t1:2026:v1', 'demo|2026')).toEqual({
      id: 'plan:t1:2026:v1',
      pk: 'demo|2026',
      value: 1,
    });
    expect(await readOne(containers.history, 'missing', 'demo|2026')).toBeUndefined();
  });

  it('queries with parameters inside one partition', async () => {
    const { containers } = await getStore();
    for (const [id, pk, n] of [
      ['a', 'demo|2026-01', 1],
      ['b', 'demo|2026-01', 2],
      ['c', 'demo|2026-02', 3],
    ] as const) {
      await createImmutable(containers.history, { id, pk, n, type: 'q' });
    }
    const rows = await queryByType<{ id: string }>(containers.history, 'demo|2026-01', 'q');
    expect(rows.map((r) => r.id).sort()).toEqual(['a', 'b']);
  });

  it('writes a large version as chunks plus a head and reads it back whole, in order', async () => {
    const { containers } = await getStore();
    const items = Array.from({ length: 25 }, (_, i) => ({ row: i }));
    const res = await writeChunkedVersion(containers.history, {
      headId: 'plan:big:2026:v1',
      partition: { field: 'pk', value: 'demo|2026' },
      type: 'plan',
      version: 1,
      head: { unitId: 'big' },
      items,
      chunkSize: 10,
    });
    expect(res.status).toBe('created');
    const back = await readChunkedVersion<VersionHead, { row: number }>(
      containers.history,
      'plan:big:2026:v1',
      'demo|2026',
    );
    expect(back?.head.chunkIds).toHaveLength(3);
    expect(back?.items).toEqual(items);
  });

  it('lets only one of two writers of the same version win, without mixing their chunks', async () => {
    const { containers } = await getStore();
    const write = (tag: string) =>
      writeChunkedVersion(containers.history, {
        headId: 'plan:race:2026:v1',
        partition: { field: 'pk', value: 'demo|2026' },
        type: 'plan',
        version: 1,
        head: { tag },
        items: [{ tag }, { tag }],
        chunkSize: 1,
      });
    const results = await Promise.all([write('A'), write('B')]);
    expect(results.map((r) => r.status).sort()).toEqual(['conflict', 'created']);
    const back = await readChunkedVersion<VersionHead & { tag: string }, { tag: string }>(
      containers.history,
      'plan:race:2026:v1',
      'demo|2026',
    );
    expect(new Set(back!.items.map((i) => i.tag)).size).toBe(1);
    expect(back!.items[0]!.tag).toBe(back!.head.tag);
  });

  it('records an audit entry once even when the same change is audited twice (a retried request)', async () => {
    const input = {
      tenantId: 'demo',
      who: 'admin',
      action: 'plan.put',
      entity: 'plan:t1:2026',
      beforeHash: null,
      afterHash: 'abc',
      at: '2026-03-04T05:06:07.000Z',
    };
    const a = await appendAudit(input);
    const b = await appendAudit({ ...input, at: '2026-03-04T05:09:00.000Z' });
    expect(b.id).toBe(a.id);
    expect(a.pk).toBe('demo|plan:t1:2026');
    const { entries: rows, intact } = await readAuditTrail('demo', 'plan:t1:2026');
    expect(intact).toBe(true);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ who: 'admin', afterHash: 'abc', at: '2026-03-04T05:06:07.000Z' });
  });
});
