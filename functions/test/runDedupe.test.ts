// A payout run is content-addressed: a double click, ten parallel creations or a retry after a lost
// answer give one draft, answered 200 with `existing: true` after the first 201; `fresh: true` asks for
// a second run of the same content; new data make a new run.
import { describe, expect, it } from 'vitest';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { demoOrg } from '@teamsheet/shared/demo';
import { actuals as actualsRoute } from '../src/functions/actuals';
import { payoutRuns } from '../src/functions/payoutRuns';
import { listRuns } from '../src/repositories/payoutRuns';
import { call, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const create = async (body: unknown, who = 'finance-1') =>
  call(payoutRuns, {
    method: 'POST',
    path: 'periods/2026-06/payout-runs',
    params: { period: '2026-06' },
    token: await tokenFor(who, demo),
    json: body,
  });

describe('POST /api/periods/{period}/payout-runs, twice or ten times', () => {
  useFreshStore();

  it('stores one draft for ten parallel creations of the same period, plan and inputs', async () => {
    await seedOrg(demo);
    await call(actualsRoute, {
      method: 'POST',
      path: 'actuals',
      token: await tokenFor('finance-1', demo),
      json: {
        period: '2026-06',
        transactions: [
          { id: 'd1', date: '2026-06-03', amount: 5000, credits: [{ personId: 'rep-001', share: 1 }] },
        ],
      },
    });
    const plan = sampleCompPlan('dedupe');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => create({ plan }, i % 2 ? 'finance-1' : 'finance-2')),
    );
    expect(answers.every((a) => a.status === 201 || a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.json.runId as string)).size).toBe(1);
    expect(answers.filter((a) => a.json.existing === false).length).toBeGreaterThanOrEqual(1);
    expect(await listRuns('demo', '2026-06')).toHaveLength(1);

    const again = await create({ plan });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ runId: answers[0]!.json.runId, existing: true, status: 'draft' });

    const fresh = await create({ plan, fresh: true });
    expect(fresh.status).toBe(201);
    expect(fresh.json.runId).not.toBe(answers[0]!.json.runId);
    expect(fresh.json.hash).toBe(answers[0]!.json.hash); // the same content, asked for twice on purpose
    expect(await listRuns('demo', '2026-06')).toHaveLength(2);
  });

  it('makes a new run when the inputs changed', async () => {
    const before = (await listRuns('demo', '2026-06')).length;
    await call(actualsRoute, {
      method: 'POST',
      path: 'actuals',
      token: await tokenFor('finance-1', demo),
      json: {
        period: '2026-06',
        transactions: [
          { id: 'd2', date: '2026-06-04', amount: 700, credits: [{ personId: 'rep-001', share: 1 }] },
        ],
      },
    });
    const res = await create({ plan: sampleCompPlan('dedupe') });
    expect(res.status).toBe(201);
    expect(await listRuns('demo', '2026-06')).toHaveLength(before + 1);
  });
});
