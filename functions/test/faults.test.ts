// Faults in the store: a failure injected at every write step of plan submit, ledger upload and payout
// run creation answers 503 problem+json (code store.unavailable), leaves nothing partial visible, and
// the same request retried with its Idempotency-Key completes the change whole, audited once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrg, type Plan } from '@teamsheet/shared';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { actuals as actualsRoute } from '../src/functions/actuals';
import { payoutRuns } from '../src/functions/payoutRuns';
import { plans } from '../src/functions/plans';
import { readAuditTrail } from '../src/store';
import { readActuals } from '../src/repositories/actuals';
import { withWriteFaults } from '../src/store/faults';
import { listRuns, readRun } from '../src/repositories/payoutRuns';
import { listPlanVersions, readPlanVersion } from '../src/repositories/plans';
import { call, openFreshStore, seedOrg, tokenFor, type CallResult } from './helpers';

const demo = demoOrg();
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

/** Which write of the next request fails: -1 for none. Counted per request. */
const fault = { at: -1, seen: 0 };
let opened: Awaited<ReturnType<typeof openFreshStore>>;
beforeAll(async () => {
  process.env.TEAMSHEET_DEV_AUTH = '1';
  opened = await openFreshStore('embedded', {
    wrap: (port) => withWriteFaults(port, () => fault.seen++ === fault.at),
  });
  await seedOrg(demo);
});
afterAll(async () => {
  await opened.close();
});

/** Sends the request with the k-th write failing, for k = 0, 1, …, until one goes through untouched. */
async function everyWriteStep(
  send: (attempt: number) => Promise<CallResult>,
  afterFault: (attempt: number) => Promise<void>,
): Promise<number> {
  for (let k = 0; k < 200; k++) {
    fault.at = k;
    fault.seen = 0;
    const res = await send(k);
    fault.at = -1;
    if (res.status < 300) return k; // fewer than k+1 writes: every step was tried
    expect(res.status, `write ${k}: ${res.text}`).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toMatchObject({ status: 503, code: 'store.unavailable' });
    await afterFault(k);
    fault.seen = 0;
    const retry = await send(k);
    expect(retry.status, `retry after write ${k}: ${retry.text}`).toBeLessThan(300);
  }
  throw new Error('the request kept writing');
}

function teamPlan(value: number): Plan {
  return {
    unitId: 'east-shanghai',
    period: '2026',
    templateVersion: '1',
    targets: months.map((period) => ({ owner: 'east-shanghai', metric: 'revenue', period, value })),
  };
}

describe('a store write that fails half way', () => {
  it('plan submit: 503, then the versions are as before or hold the new one whole; the retry completes it, audited once', async () => {
    const token = await tokenFor('mgr-east-shanghai', demo);
    // A retry is the same request: the base version of its first attempt.
    const bases = new Map<number, number>();
    const steps = await everyWriteStep(
      async (k) => {
        if (!bases.has(k))
          bases.set(k, (await listPlanVersions('demo', 'east-shanghai', '2026')).at(-1)?.version ?? 0);
        const base = bases.get(k)!;
        return call(plans, {
          method: 'PUT',
          path: 'plans/east-shanghai/2026',
          params: { unitId: 'east-shanghai', period: '2026' },
          token,
          json: teamPlan(1000 + k),
          headers: { 'idempotency-key': `plan-${k}`, ...(base > 0 ? { 'if-match': `"${base}"` } : {}) },
        });
      },
      async () => {
        for (const v of await listPlanVersions('demo', 'east-shanghai', '2026')) {
          const stored = await readPlanVersion('demo', 'east-shanghai', '2026', v.version);
          expect(stored?.plan.targets).toHaveLength(12); // whole, never a head without its chunks
        }
      },
    );
    expect(steps).toBeGreaterThan(2); // chunks, head, audit, idempotency record at least
    const versions = await listPlanVersions('demo', 'east-shanghai', '2026');
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
    expect(versions.length).toBe(steps + 1);
    const trail = await readAuditTrail('demo', 'plan:east-shanghai:2026');
    expect(trail.intact).toBe(true);
    expect(trail.entries.filter((e) => e.action === 'plan.submit').map((e) => e.afterHash)).toEqual(
      versions.map((v) => v.hash),
    );
  });

  it('ledger upload: 503, then none of the upload is visible or all of it; the retry stores it whole, audited once', async () => {
    const token = await tokenFor('finance-1', demo);
    const upload = (k: number) =>
      Array.from({ length: 300 }, (_, i) => ({
        id: `f${k}-${i}`,
        date: '2026-04-09',
        amount: i + 1,
        credits: [{ personId: i % 2 ? 'rep-001' : 'rep-002', share: 1 }],
      }));
    const steps = await everyWriteStep(
      (k) =>
        call(actualsRoute, {
          method: 'POST',
          path: 'actuals',
          token,
          json: { period: '2026-04', transactions: upload(k) },
          headers: { 'idempotency-key': `ledger-${k}` },
        }),
      async (k) => {
        const ids = (await readActuals('demo', '2026-04')).transactions.filter((t) =>
          t.id.startsWith(`f${k}-`),
        );
        expect([0, 300]).toContain(ids.length);
      },
    );
    expect(steps).toBeGreaterThan(2); // claims, person documents, blocks, head, audit, idempotency record
    const { transactions } = await readActuals('demo', '2026-04');
    expect(transactions).toHaveLength(300 * (steps + 1));
    expect(new Set(transactions.map((t) => t.id)).size).toBe(transactions.length);
    const trail = await readAuditTrail('demo', 'actuals:demo:2026-04');
    expect(trail.intact).toBe(true);
    expect(trail.entries).toHaveLength(steps + 1);
  });

  it('run creation: 503, then the run is absent or whole; the retry answers the same run, audited once', async () => {
    const token = await tokenFor('finance-1', demo);
    const steps = await everyWriteStep(
      (k) =>
        call(payoutRuns, {
          method: 'POST',
          path: 'periods/2026-04/payout-runs',
          params: { period: '2026-04' },
          token,
          json: { plan: { ...sampleCompPlan(`faults-${k}`) } },
          headers: { 'idempotency-key': `run-${k}` },
        }),
      async () => {
        for (const head of await listRuns('demo', '2026-04')) {
          const run = await readRun('demo', '2026-04', head.runId);
          expect(run?.lines).toHaveLength(head.lineCount);
        }
      },
    );
    expect(steps).toBeGreaterThan(2);
    const runs = await listRuns('demo', '2026-04');
    expect(runs).toHaveLength(steps + 1);
    for (const run of runs) {
      const trail = await readAuditTrail('demo', `payout-run:demo:2026-04:${run.runId}`);
      expect(trail.entries.map((e) => e.action)).toEqual(['payout-run.create']);
    }
  });
});
