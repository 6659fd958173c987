import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoreRequest } from '../../src/schemas';
import { computeScores, gradeFor, sortGradeBands } from '../../src/scoring/index';
import { makeScoringFixture } from '../../src/fixtures';

const scaleWeights = (request: ScoreRequest, k: number, g: number): ScoreRequest => ({
  ...request,
  scorecard: {
    ...request.scorecard,
    items: request.scorecard.items.map((item) => ({ ...item, weight: item.weight * k })),
    ratings: { share: 0.3, groups: { superior: 50 * g, peer: 20 * g, self: 10 * g, customer: 20 * g } },
  },
});

describe('scoring properties', () => {
  it('scaling all item weights and all rater-group weights changes no score, grade or rank', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (seed, k, g) => {
          const base = scaleWeights(makeScoringFixture(20, seed), 1, 1);
          const before = computeScores(base).people;
          const after = computeScores(scaleWeights(base, k, g)).people;
          after.forEach((p, i) => {
            const q = before[i]!;
            // Reported to two decimals: a different float path may move a value by at most one cent.
            expect(Math.abs(p.kpiScore - q.kpiScore)).toBeLessThanOrEqual(0.0100001);
            expect(Math.abs(p.final - q.final)).toBeLessThanOrEqual(0.0100001);
            expect(Math.abs((p.ratingScore ?? 0) - (q.ratingScore ?? 0))).toBeLessThanOrEqual(0.0100001);
            expect(p.grade).toBe(q.grade);
            expect(p.rank).toBe(q.rank);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the grade is monotone in the final score, for default and any custom bands', () => {
    const bandsArb = fc
      .uniqueArray(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 6 })
      .map((mins) => sortGradeBands(mins.map((min, i) => ({ grade: `G${i}`, min }))));
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(sortGradeBands()), bandsArb),
        fc.double({ min: 0, max: 150, noNaN: true }),
        fc.double({ min: 0, max: 150, noNaN: true }),
        (bands, x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const position = (score: number) => bands.findIndex((b) => b.grade === gradeFor(score, bands));
          // Bands are sorted best first: a higher score never lands in a later (worse) band.
          expect(position(hi)).toBeLessThanOrEqual(position(lo));
        },
      ),
    );
  });

  it('within a unit, a higher final never has a worse rank or a worse grade', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const result = computeScores(makeScoringFixture(30, seed));
        const bands = sortGradeBands();
        const order = (g: string) => bands.findIndex((b) => b.grade === g);
        const people = result.people;
        for (const a of people) {
          for (const b of people) {
            if (a.final <= b.final) continue;
            expect(order(a.grade)).toBeLessThanOrEqual(order(b.grade));
            if (sameTeam(a.personId, b.personId)) expect(a.rank).toBeLessThan(b.rank);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});

/** Fixture people p0…p9 are team-0, p10…p19 team-1, and so on. */
function sameTeam(a: string, b: string): boolean {
  return Math.floor(Number(a.slice(1)) / 10) === Math.floor(Number(b.slice(1)) / 10);
}

describe('makeScoringFixture', () => {
  it('is deterministic for a seed and different across seeds', () => {
    expect(makeScoringFixture(50, 7)).toEqual(makeScoringFixture(50, 7));
    expect(makeScoringFixture(50, 7)).not.toEqual(makeScoringFixture(50, 8));
  });
  it('yields a request that scores cleanly: every item has a target and an actual, every group enough raters', () => {
    const request = makeScoringFixture(200, 3);
    expect(request.people).toHaveLength(200);
    const result = computeScores(request);
    expect(result.findings.filter((f) => f.rule !== 'grade.distribution-exceeded')).toEqual([]);
    expect(result.people.every((p) => p.ratingScore !== undefined)).toBe(true);
  });
});
