import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcClassify } from '../../src/analysis/index';

describe('ABC classification', () => {
  it('classes by cumulative share: ≤ 70 % A, ≤ 90 % B, else C', () => {
    // total 1000: 400 (40 %), 300 (70 %), 150 (85 %), 50 (90 %), 50 (95 %), 30 (98 %), 20 (100 %)
    const rows = abcClassify([
      { id: 'c7', value: 20 },
      { id: 'c1', value: 400 },
      { id: 'c3', value: 150 },
      { id: 'c2', value: 300 },
      { id: 'c5', value: 50 },
      { id: 'c4', value: 50 },
      { id: 'c6', value: 30 },
    ]);
    expect(rows.map((r) => [r.id, r.cumulativeShare, r.class])).toEqual([
      ['c1', 0.4, 'A'],
      ['c2', 0.7, 'A'],
      ['c3', 0.85, 'B'],
      ['c4', 0.9, 'B'], // ties by id: c4 before c5
      ['c5', 0.95, 'C'],
      ['c6', 0.98, 'C'],
      ['c7', 1, 'C'],
    ]);
  });
  it('takes other thresholds, and classes items of 0 or less as C', () => {
    const rows = abcClassify(
      [
        { id: 'a', value: 50 },
        { id: 'b', value: 30 },
        { id: 'c', value: 20 },
        { id: 'd', value: 0 },
        { id: 'e', value: -5 },
      ],
      { a: 0.5, b: 0.8 },
    );
    expect(rows.map((r) => r.class)).toEqual(['A', 'B', 'C', 'C', 'C']);
    expect(rows[4]).toMatchObject({ id: 'e', share: 0, rank: 5 });
  });
  it('gives the same classes whatever the input order', () => {
    const items = fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), value: fc.integer({ min: 0, max: 1000 }) }),
      {
        selector: (i) => i.id,
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(items, fc.infiniteStream(fc.nat()), (list, stream) => {
        const shuffled = [...list].sort(() => (stream.next().value % 3) - 1);
        const byId = (rows: ReturnType<typeof abcClassify>) =>
          Object.fromEntries(rows.map((r) => [r.id, r.class]));
        expect(byId(abcClassify(shuffled))).toEqual(byId(abcClassify(list)));
      }),
    );
  });
});
