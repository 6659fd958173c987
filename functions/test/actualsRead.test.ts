// GET /api/actuals/{unitId}/{period} against the embedded store: a team's stored deals (a split deal
// once, another team's deal not at all), its activity logs, a quarter reading its months, the scope
// of managers, regional heads and finance, and the paths of bad addresses.
import { describe, expect, it } from 'vitest';
import { demoOrg } from '@teamsheet/shared/demo';
import { actuals as actualsRoute } from '../src/functions/actuals';
import { actualsRead } from '../src/functions/actualsRead';
import { saveActivityBatch } from '../src/repositories/activities';
import { saveTransactions } from '../src/repositories/actuals';
import { call, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
// rep-001 … rep-007 are the Shanghai team (east-shanghai); rep-008 is in Hangzhou, the same region.
const deal = (id: string, date: string, amount: number, credits: [string, number][]) => ({
  id,
  date,
  amount,
  credits: credits.map(([personId, share]) => ({ personId, share })),
});

async function read(unitId: string, period: string, who = 'mgr-east-shanghai', locale?: string) {
  return call(actualsRead, {
    path: `actuals/${unitId}/${period}`,
    params: { unitId, period },
    token: await tokenFor(who, demo),
    ...(locale ? { headers: { 'accept-language': locale } } : {}),
  });
}

describe('GET /api/actuals/{unitId}/{period}', () => {
  useFreshStore();

  it('answers the deals crediting the team: a split deal once with both credits, another team’s deal not', async () => {
    await seedOrg(demo);
    // seeded through the POST route as finance, the way the stack gets its actuals
    const upload = await call(actualsRoute, {
      method: 'POST',
      path: 'actuals',
      token: await tokenFor('finance-1', demo),
      json: {
        period: '2026-03',
        transactions: [
          deal('sh-1', '2026-03-03', 1200, [['rep-001', 1]]),
          deal('split-1', '2026-03-10', 800, [
            ['rep-002', 0.5],
            ['rep-008', 0.5],
          ]),
          deal('hz-1', '2026-03-12', 999, [['rep-008', 1]]),
          deal('sh-2', '2026-03-20', 300, [
            ['rep-003', 0.25],
            ['rep-004', 0.75],
          ]),
        ],
        activities: [
          { personId: 'rep-001', metric: 'visits', period: '2026-03', value: 14 },
          { personId: 'rep-008', metric: 'visits', period: '2026-03', value: 9 },
        ],
      },
    });
    expect(upload.status).toBe(201);

    const res = await read('east-shanghai', '2026-03');
    expect(res.status).toBe(200);
    expect(res.json.transactions.map((t: { id: string }) => t.id)).toEqual(['sh-1', 'sh-2', 'split-1']);
    const split = res.json.transactions.find((t: { id: string }) => t.id === 'split-1');
    expect(split.credits).toEqual([
      { personId: 'rep-002', share: 0.5 },
      { personId: 'rep-008', share: 0.5 },
    ]);
    expect(split.amount).toBe(800);
    // 1 + 2 + 2 credits: the sheet's rows, one per credited person
    expect(res.json.counts).toEqual({ transactions: 3, credits: 5, activities: 1, metricActuals: 0 });
    expect(res.json.activities).toEqual([
      { personId: 'rep-001', metric: 'visits', period: '2026-03', value: 14 },
    ]);
    expect(res.json.people).toContain('mgr-east-shanghai');
    expect(res.json.people).not.toContain('rep-008');
  });

  it('gives Hangzhou its own deal and its half of the split, and the region everything', async () => {
    const hz = await read('east-hangzhou', '2026-03', 'mgr-east-hangzhou');
    expect(hz.status).toBe(200);
    expect(hz.json.transactions.map((t: { id: string }) => t.id)).toEqual(['hz-1', 'split-1']);
    const region = await read('east', '2026-03', 'head-east');
    expect(region.json.transactions.map((t: { id: string }) => t.id)).toEqual([
      'hz-1',
      'sh-1',
      'sh-2',
      'split-1',
    ]);
    expect(region.json.counts.activities).toBe(2);
  });

  it('reads a quarter from its months, and an empty period as an empty list', async () => {
    await saveTransactions({
      tenantId: 'demo',
      period: '2026-01',
      transactions: [deal('jan-1', '2026-01-15', 50, [['rep-005', 1]])],
      who: 'test',
    });
    await saveActivityBatch({
      tenantId: 'demo',
      period: '2026',
      activities: [{ personId: 'rep-005', metric: 'calls', period: '2026-02', value: 30 }],
      who: 'test',
    });
    const q1 = await read('east-shanghai', '2026-Q1');
    expect(q1.json.transactions.map((t: { id: string }) => t.id)).toEqual([
      'jan-1',
      'sh-1',
      'sh-2',
      'split-1',
    ]);
    expect(q1.json.activities).toEqual(
      expect.arrayContaining([
        { personId: 'rep-001', metric: 'visits', period: '2026-03', value: 14 },
        { personId: 'rep-005', metric: 'calls', period: '2026-02', value: 30 },
      ]),
    );
    expect(q1.json.counts.activities).toBe(2);
    const april = await read('east-shanghai', '2026-04');
    expect(april.status).toBe(200);
    expect(april.json.transactions).toEqual([]);
    expect(april.json.counts.transactions).toBe(0);
  });

  it('lets finance read any unit, and refuses a manager another team (403) and a rep (403)', async () => {
    const finance = await read('south-xiamen', '2026-03', 'finance-2');
    expect(finance.status).toBe(200);
    expect(finance.json.transactions).toEqual([]);
    const other = await read('east-hangzhou', '2026-03', 'mgr-east-shanghai');
    expect(other.status).toBe(403);
    expect(other.json.detail).toContain('east-hangzhou');
    const rep = await read('east-shanghai', '2026-03', 'rep-001');
    expect(rep.status).toBe(403);
  });

  it('answers 400 with the path of a bad period or unit, and 404 for an unknown unit', async () => {
    const badPeriod = await read('east-shanghai', '2026-13');
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.json.errors).toEqual([{ path: 'period', message: expect.stringContaining('2026-13') }]);
    const both = await read('a#b', 'March');
    expect(both.status).toBe(400);
    expect(both.json.errors.map((e: { path: string }) => e.path)).toEqual(['unitId', 'period']);
    const unknown = await read('east-atlantis', '2026-03', 'admin');
    expect(unknown.status).toBe(404);
    expect(unknown.json.errors).toEqual([
      { path: 'unitId', message: expect.stringContaining('east-atlantis') },
    ]);
    const zh = await read('east-shanghai', '2026-13', 'mgr-east-shanghai', 'zh-CN');
    expect(zh.json.errors[0].message).toContain('期间编号');
  });
});
