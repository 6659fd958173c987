// GET /api/analysis/{unitId}/{period} against the embedded store: plan versus actual by month with
// year-on-year and month-on-month growth, the trend forecast, ABC classes, and a KPI with a zero
// denominator left empty with its finding. Targets come from a stored plan; transactions through the
// actuals source the actuals store plugs in (here: a hand-made list, as that store would hand it over).
import { describe, expect, it } from 'vitest';
import type { Transaction } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { analysis } from '../src/functions/analysis';
import { currentTenant } from '../src/repositories';
import { savePlanVersion } from '../src/repositories/plans';
import { actuals as actualsRoute } from '../src/functions/actuals';
import { call, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const tx = (id: string, date: string, amount: number, personId = 'rep-001'): Transaction => ({
  id,
  date,
  amount,
  metric: 'revenue',
  credits: [{ personId, share: 1 }],
});
const transactions = [
  tx('ly1', '2025-01-10', 1000),
  tx('ly2', '2025-02-10', 2000),
  tx('t1', '2026-01-10', 1500),
  tx('t2', '2026-02-10', 2000),
  tx('t3', '2026-02-12', 1000, 'rep-003'),
  tx('t4', '2026-03-10', 3300),
];

describe('GET /api/analysis/{unitId}/{period}', () => {
  useFreshStore();

  it('answers plan vs actual by month with YoY, MoM, trend forecast, ABC and an empty KPI with its finding', async () => {
    await seedOrg(demo);
    for (const year of ['2025', '2026']) {
      const uploaded = await call(actualsRoute, {
        method: 'POST',
        path: 'actuals',
        token: await tokenFor('finance-1', demo),
        json: { period: year, transactions: transactions.filter((t) => t.date.startsWith(year)) },
      });
      expect(uploaded.status, uploaded.text).toBe(201);
    }
    await savePlanVersion({
      tenantId: currentTenant(),
      plan: {
        unitId: 'east-shanghai',
        period: '2026',
        templateVersion: '1',
        targets: [1000, 2000, 3000].map((value, i) => ({
          owner: 'east-shanghai',
          metric: 'revenue',
          period: `2026-0${i + 1}`,
          value,
        })),
      },
      author: 'mgr-east-shanghai',
      baseVersion: null,
      summary: { errors: 0, warnings: 0, infos: 0 },
      requestKey: null,
    });
    const res = await call(analysis, {
      path: 'analysis/east-shanghai/2026-02',
      params: { unitId: 'east-shanghai', period: '2026-02' },
      token: await tokenFor('mgr-east-shanghai', demo),
    });
    expect(res.status).toBe(200);
    const [jan, feb, mar, apr] = res.json.monthly.rows;
    expect(jan).toMatchObject({
      period: '2026-01',
      plan: 1000,
      actual: 1500,
      lastYear: 1000,
      yoy: 0.5,
      mom: null,
    });
    // February: 2,000 + 1,000 = 3,000 against 2,000 last year (+50 %) and 1,500 in January (+100 %).
    expect(feb).toMatchObject({
      plan: 2000,
      actual: 3000,
      lastYear: 2000,
      yoy: 0.5,
      mom: 1,
      completion: 1.5,
    });
    expect(mar).toMatchObject({ actual: 3300, lastYear: null, yoy: null });
    expect(mar.mom).toBeCloseTo(0.1, 10);
    expect(apr).toMatchObject({ plan: null, actual: null });
    // Least squares through (1, 1500), (2, 3000), (3, 3300): slope 900, intercept 800; April 800 + 900 × 4.
    expect(res.json.monthly.trend.slope).toBeCloseTo(900, 9);
    expect(res.json.monthly.trend.forecast).toBeCloseTo(4400, 9);
    expect(res.json.monthly.forecastPeriod).toBe('2026-04');
    expect(res.json.monthly.median).toBe(3000);
    // February by person: rep-001 2,000 (66.7 % of 3,000, within 70 % → A), rep-003 1,000 (cumulative 100 % → C).
    expect(res.json.abc.slice(0, 2)).toEqual([
      expect.objectContaining({ id: 'rep-001', value: 2000, class: 'A' }),
      expect.objectContaining({ id: 'rep-003', value: 1000, class: 'C' }),
    ]);
    expect(res.json.kpis.values.yoy).toBeCloseTo(0.5, 10);
    expect(res.json.kpis.values.mom).toBeCloseTo(1, 10);
    // No policy carries a written date, so persistency has nothing to divide by: empty, with a finding.
    expect(res.json.kpis.values.persistency_13).toBeNull();
    expect(res.json.findings).toContainEqual(
      expect.objectContaining({ rule: 'kpi.zero-denominator', path: 'kpis.persistency_13' }),
    );
  });

  it('refuses a unit outside the caller’s scope (403) and names a bad period (400)', async () => {
    const outside = await call(analysis, {
      path: 'analysis/north-beijing/2026-02',
      params: { unitId: 'north-beijing', period: '2026-02' },
      token: await tokenFor('mgr-east-shanghai', demo),
    });
    expect(outside.status).toBe(403);
    const bad = await call(analysis, {
      path: 'analysis/east-shanghai/2026-14',
      params: { unitId: 'east-shanghai', period: '2026-14' },
      token: await tokenFor('mgr-east-shanghai', demo),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('period');
  });
});
