import { describe, expect, it } from 'vitest';
import { quotaMetrics, quotasFromTargets } from '../../src/payout/quotas';
import { sampleCompPlan } from '../../src/fixtures';
import type { Target } from '../../src/schemas';

const plan = sampleCompPlan('p', [{ type: 'spiff', id: 'spiff', amount: 500 }]);
const t = (owner: string, metric: string, period: string, value: number): Target => ({
  owner,
  metric,
  period,
  value,
});

describe('quotas from plan targets', () => {
  it("measure attainment on the plan's commission metrics only", () => {
    expect(quotaMetrics(plan)).toEqual(['revenue']);
  });

  it("take a person's targets for the period or the months inside it, never a unit's or another metric's", () => {
    const targets = [
      t('rep-1', 'revenue', '2026', 1_200_000), // the year: wider than Q1, not a Q1 quota
      t('rep-1', 'revenue', '2026-01', 100_000),
      t('rep-1', 'revenue', '2026-02', 100_000),
      t('rep-1', 'revenue', '2026-03', 100_000),
      t('rep-1', 'revenue', '2026-04', 100_000), // after Q1
      t('rep-1', 'visits', '2026-01', 80), // not a quota metric
      t('team-1', 'revenue', '2026-01', 900_000), // a unit, not a person
    ];
    const quotas = quotasFromTargets(targets, new Set(['rep-1']), plan, '2026-Q1');
    expect(quotas.map((q) => q.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(quotas.reduce((sum, q) => sum + q.value, 0)).toBe(300_000);
    expect(quotasFromTargets(targets, new Set(['rep-1']), plan, '2026').map((q) => q.period)).toEqual([
      '2026',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
  });
});
