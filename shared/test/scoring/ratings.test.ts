import { describe, expect, it } from 'vitest';
import type { Rating } from '../../src/schemas';
import { ratingScore, resolveRatingSettings } from '../../src/scoring/index';

const r = (raterId: string, group: Rating['group'], score: number, dimension = 'results'): Rating => ({
  personId: 'a',
  raterId,
  group,
  dimension,
  score,
});

describe('360 ratings', () => {
  it('averages each rater over dimensions first, so a rater with more dimensions does not weigh more', () => {
    // superior: (90 + 70) / 2 = 80 ; peers: (80 + 90 + 100) / 3 = 90 (p1 rated two dimensions: 70, 90 → 80)
    const ratings = [
      r('s', 'superior', 90),
      r('s', 'superior', 70, 'ability'),
      r('p1', 'peer', 70),
      r('p1', 'peer', 90, 'attitude'),
      r('p2', 'peer', 90),
      r('p3', 'peer', 100),
    ];
    const result = ratingScore(
      ratings,
      resolveRatingSettings({ share: 0.3, groups: { superior: 50, peer: 20 } }),
    );
    expect(result.groups.map((g) => [g.group, g.raters, g.mean, g.dropped])).toEqual([
      ['superior', 1, 80, false],
      ['peer', 3, 90, false],
    ]);
    // (50×80 + 20×90) / 70 = 5800 / 70
    expect(result.score).toBeCloseTo(5800 / 70, 12);
  });

  it('drops a group under its minimum and renormalises the rest (default weights 50/20/10/20)', () => {
    const ratings = [
      r('s', 'superior', 80),
      r('p1', 'peer', 100),
      r('me', 'self', 90),
      r('c1', 'customer', 60),
      r('c2', 'customer', 60),
      r('c3', 'customer', 90),
    ];
    const result = ratingScore(ratings, resolveRatingSettings());
    expect(result.groups.find((g) => g.group === 'peer')).toMatchObject({
      raters: 1,
      minRaters: 3,
      dropped: true,
    });
    // (50×80 + 10×90 + 20×70) / 80 = 6300 / 80 = 78.75
    expect(result.score).toBe(78.75);
  });

  it('honours custom minimums, and a group nobody rated is dropped too', () => {
    const ratings = [r('s', 'superior', 80), r('p1', 'peer', 100)];
    const result = ratingScore(
      ratings,
      resolveRatingSettings({
        share: 0.3,
        groups: { superior: 50, peer: 50, self: 10 },
        minRaters: { peer: 1 },
      }),
    );
    expect(result.groups.map((g) => [g.group, g.dropped])).toEqual([
      ['superior', false],
      ['peer', false],
      ['self', true],
    ]);
    expect(result.score).toBe(90);
  });

  it('has no score when every weighted group is dropped', () => {
    expect(ratingScore([r('p1', 'peer', 90)], resolveRatingSettings()).score).toBeNull();
  });
});
