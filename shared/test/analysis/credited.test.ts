import { describe, expect, it } from 'vitest';
import { creditMinor, creditedByMonth } from '../../src/analysis/credited';

describe('credited amounts by month', () => {
  it('credit amount × share exactly, rounded once half-up: 1.005 × 1 is 1.01, not 1.00', () => {
    expect(creditMinor(1.005, 1)).toBe(101); // 1.005 × 100 in binary floating point is 100.4999…
    expect(creditMinor(0.01, 0.5)).toBe(1); // half a cent rounds up
    expect(creditMinor(100.01, 0.3333)).toBe(3333); // 10001 × 0.3333 = 3333.3333 cents
    expect(creditMinor(-250, 0.4)).toBe(-10000); // a cancellation reduces credit
  });

  it('sum per person and per unit by month, for the metric asked', () => {
    const org = {
      people: [
        { id: 'a', unitId: 'T', role: 'rep' as const },
        { id: 'b', unitId: 'T', role: 'rep' as const },
      ],
    };
    const rows = creditedByMonth(org, [
      {
        id: '1',
        date: '2026-01-03',
        amount: 1000,
        credits: [
          { personId: 'a', share: 0.6 },
          { personId: 'b', share: 0.4 },
        ],
      },
      { id: '2', date: '2026-01-20', amount: -100, credits: [{ personId: 'a', share: 1 }] },
      {
        id: '3',
        date: '2026-02-01',
        amount: 7,
        metric: 'gross_margin',
        credits: [{ personId: 'a', share: 1 }],
      },
    ]);
    expect(rows).toEqual([
      { owner: 'T', metric: 'revenue', period: '2026-01', value: 900 },
      { owner: 'a', metric: 'revenue', period: '2026-01', value: 500 },
      { owner: 'b', metric: 'revenue', period: '2026-01', value: 400 },
    ]);
  });
});
