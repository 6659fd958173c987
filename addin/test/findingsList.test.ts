// The findings list's cards: one rule on one row of a sheet is one card however many months it names;
// other rules, other rows and findings about no cell keep their own cards.
import { describe, expect, it } from 'vitest';
import { cardsOf } from '../src/features/plan/FindingsList';
import type { LocatedFinding } from '../src/features/plan/planSheets';

const at = (rule: string, address: string | null, sheet = 'Targets'): LocatedFinding => ({
  finding: { rule, severity: 'warning', path: 'targets[0].value', message: `${rule} ${address}` },
  place: address ? { sheet, addresses: [address] } : null,
});

describe('finding cards', () => {
  it('folds the twelve months of one row into one card, in order', () => {
    const months = 'DEFGHIJKLMNO'.split('').map((c) => at('attainable.capacity-exceeded', `${c}3`));
    const cards = cardsOf([
      ...months,
      at('attainable.capacity-exceeded', 'D4'),
      at('attainable.ratchet', 'E3'),
    ]);
    expect(cards.map((c) => [c.first.place?.addresses[0], c.others.length])).toEqual([
      ['D3', 11],
      ['D4', 0],
      ['E3', 0],
    ]);
  });

  it('keeps findings about no cell, and the same row of another sheet, apart', () => {
    const cards = cardsOf([
      at('relevant.no-parent', null),
      at('relevant.no-parent', null),
      at('x', 'B3', 'Goals'),
      at('x', 'C3'),
    ]);
    expect(cards).toHaveLength(4);
  });
});
