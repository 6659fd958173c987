import { describe, expect, it } from 'vitest';
import { salesForceSize } from '../../src/analysis/index';

describe('sales-force sizing by workload', () => {
  it('works the handbook example: 14,800 visits over 240 days × 5 visits = 12.33 → 13 reps, 3 more than today', () => {
    const result = salesForceSize({
      classes: [
        { class: 'A', customers: 200, visitsPerYear: 24 },
        { class: 'B', customers: 500, visitsPerYear: 12 },
        { class: 'C', customers: 1000, visitsPerYear: 4 },
      ],
      workingDays: 240,
      visitsPerDay: 5,
      currentHeadcount: 10,
    });
    expect(result.byClass.map((c) => c.visits)).toEqual([4800, 6000, 4000]);
    expect(result).toMatchObject({ totalVisits: 14800, capacityPerRep: 1200, repsNeeded: 13, gap: 3 });
    expect(result.exact).toBeCloseTo(12.3333333, 6);
  });
  it('needs exactly as many reps as a whole quotient says, float noise aside', () => {
    const result = salesForceSize({
      classes: [{ class: 'A', customers: 30, visitsPerYear: 0.1 * 3 * 100 }],
      workingDays: 30,
      visitsPerDay: 3,
    });
    expect(result.repsNeeded).toBe(10); // 900 / 90
    expect(result.gap).toBeNull();
  });
  it('refuses to size with no capacity', () => {
    const result = salesForceSize({ classes: [], workingDays: 220, visitsPerDay: 0 });
    expect(result.repsNeeded).toBeNull();
    expect(result.findings[0]).toMatchObject({
      rule: 'sizing.no-capacity',
      severity: 'error',
      path: 'visitsPerDay',
    });
  });
});
