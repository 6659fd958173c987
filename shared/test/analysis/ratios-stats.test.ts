import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completionRate, linearTrend, median, periodOnPeriod, yearOnYear } from '../../src/analysis/index';

describe('completion, year-on-year, period-on-period', () => {
  it('divides actual by target and gives growth over a base', () => {
    expect(completionRate(85, 100)).toBe(0.85);
    expect(yearOnYear(120, 100)).toBeCloseTo(0.2, 12);
    expect(periodOnPeriod(90, 120)).toBe(-0.25);
  });
  it('is empty, not 0 or Infinity, for a zero or missing base', () => {
    expect(completionRate(85, 0)).toBeNull();
    expect(yearOnYear(120, 0)).toBeNull();
    expect(periodOnPeriod(null, 120)).toBeNull();
    expect(completionRate(85, undefined)).toBeNull();
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
  it('skips empties and has no value for an empty series', () => {
    expect(median([null, 7, undefined, 1])).toBe(4);
    expect(median([])).toBeNull();
  });
});

describe('least-squares trend', () => {
  it('fits 10, 12, 15, 17 and forecasts the fifth period', () => {
    // x̄ = 2.5, ȳ = 13.5; Sxy = (−1.5)(−3.5) + (−0.5)(−1.5) + 0.5×1.5 + 1.5×3.5 = 12; Sxx = 5
    // slope 2.4, intercept 13.5 − 2.4 × 2.5 = 7.5, forecast 7.5 + 2.4 × 5 = 19.5
    // Syy = 12.25 + 2.25 + 2.25 + 12.25 = 29, r² = 2.4 × 12 / 29 = 28.8 / 29
    const trend = linearTrend([10, 12, 15, 17])!;
    expect(trend.slope).toBeCloseTo(2.4, 12);
    expect(trend.intercept).toBeCloseTo(7.5, 12);
    expect(trend.forecast).toBeCloseTo(19.5, 12);
    expect(trend.r2).toBeCloseTo(28.8 / 29, 12);
  });
  it('keeps the positions of empty periods and forecasts after the last position', () => {
    const trend = linearTrend([10, null, 30, null])!; // points (1, 10) and (3, 30): slope 10
    expect(trend.points).toBe(2);
    expect(trend.slope).toBeCloseTo(10, 12);
    expect(trend.forecast).toBeCloseTo(50, 12); // x = 5
  });
  it('fits a flat series exactly and needs two points', () => {
    expect(linearTrend([7, 7, 7])).toMatchObject({ slope: 0, intercept: 7, r2: 1, forecast: 7 });
    expect(linearTrend([7])).toBeNull();
  });
  it('recovers any straight line exactly (r² = 1)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 2, max: 24 }),
        (a, b, n) => {
          const trend = linearTrend(Array.from({ length: n }, (_, i) => a + b * (i + 1)))!;
          expect(trend.slope).toBeCloseTo(b, 6);
          expect(trend.forecast).toBeCloseTo(a + b * (n + 1), 6);
          if (b !== 0) expect(trend.r2).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});
