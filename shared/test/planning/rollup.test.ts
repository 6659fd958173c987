import { describe, expect, it } from 'vitest';
import { rollUp, sumExact } from '../../src/planning';

describe('rollUp', () => {
  it('sums the children and reports the gap to the parent and the coverage', () => {
    expect(rollUp(1000, [300, 400, 200])).toEqual({ sum: 900, gap: 100, coverage: 0.9 });
  });

  it('a negative gap is over-assignment: children 600 + 600 against 1000 cover 120 %', () => {
    expect(rollUp(1000, [600, 600])).toEqual({ sum: 1200, gap: -200, coverage: 1.2 });
  });

  it('adds decimals exactly: 0.1 + 0.2 against 0.3 leaves no gap', () => {
    expect(rollUp(0.3, [0.1, 0.2])).toEqual({ sum: 0.3, gap: 0, coverage: 1 });
    expect(sumExact([1.005, 2.005, -0.01])).toBe(3);
  });

  it('coverage is null, not Infinity, when the parent is 0', () => {
    expect(rollUp(0, [5])).toEqual({ sum: 5, gap: -5, coverage: null });
  });

  it('no children: the whole parent is the gap', () => {
    expect(rollUp(42, [])).toEqual({ sum: 0, gap: 42, coverage: 0 });
  });
});
