import { describe, expect, it } from 'vitest';
import { planVsActual } from '../../src/analysis/index';

describe('plan versus actual', () => {
  const result = planVsActual(
    ['2026-01', '2026-02', '2026-03', '2026-04'],
    [100, 100, 120, 120],
    [90, 110, 132, null],
    [80, 100, 0, 100],
  );

  it('gives each period its variance, completion, year-on-year and period-on-period', () => {
    expect(result.rows[0]).toMatchObject({ variance: -10, completion: 0.9, mom: null });
    expect(result.rows[0]!.yoy).toBeCloseTo(0.125, 12); // 90 / 80 − 1
    expect(result.rows[1]!.mom).toBeCloseTo(110 / 90 - 1, 12);
    expect(result.rows[2]).toMatchObject({ completion: 1.1, yoy: null }); // last year 0: empty
    expect(result.rows[2]!.mom).toBeCloseTo(0.2, 12);
    expect(result.rows[3]).toMatchObject({ actual: null, completion: null, yoy: null, mom: null });
  });

  it('accumulates the year to date while actuals last', () => {
    expect(result.rows.map((r) => [r.cumulativePlan, r.cumulativeActual])).toEqual([
      [100, 90],
      [200, 200],
      [320, 332],
      [440, null],
    ]);
    expect(result.rows[2]!.cumulativeCompletion).toBeCloseTo(332 / 320, 12);
  });

  it('totals against the whole plan and last year like for like', () => {
    expect(result.total).toMatchObject({ plan: 440, actual: 332, lastYear: 280 });
    expect(result.total.completion).toBeCloseTo(332 / 440, 12);
    expect(result.total.yoy).toBeCloseTo(332 / 180 - 1, 12); // April has no actual: its 100 is left out
  });

  it('adds the median and the trend of the actuals, forecasting the period after the last actual', () => {
    expect(result.median).toBe(110);
    // (1, 90), (2, 110), (3, 132): x̄ 2, ȳ 332/3, Sxy 42, Sxx 2 → slope 21, intercept 332/3 − 42 = 206/3
    expect(result.trend!.slope).toBeCloseTo(21, 12);
    expect(result.trend!.intercept).toBeCloseTo(206 / 3, 12);
    // April (position 4) is the first period without an actual: 206/3 + 21 × 4 = 458/3
    expect(result.trend!.forecast).toBeCloseTo(458 / 3, 12);
    expect(result.forecastPeriod).toBe('2026-04');
    const complete = planVsActual(['2026-11', '2026-12'], [1, 1], [10, 20]);
    expect(complete.forecastPeriod).toBe('2027-01');
    expect(complete.trend!.forecast).toBeCloseTo(30, 12);
  });
});
