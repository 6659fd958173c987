// Grade bands and competition ranking (docs/rules.md, Scores): the grade a final score earns, and ranks in
// which ties share a place and the next place is skipped (1, 2, 2, 4).
import { DEFAULT_GRADES, SCORE_EPSILON, type GradeBand } from './settings';

/** Bands from the highest minimum down; an empty or missing list means the default S/A/B/C/D. */
export function sortGradeBands(bands?: readonly GradeBand[]): GradeBand[] {
  const source = bands && bands.length > 0 ? bands : DEFAULT_GRADES;
  return [...source].sort((a, b) => b.min - a.min);
}

/**
 * The grade of the first band whose minimum the score reaches; a score below every band gets the
 * lowest band, so every score has a grade. `bands` must be sorted by `sortGradeBands`.
 */
export function gradeFor(score: number, bands: readonly GradeBand[]): string {
  for (const band of bands) if (score >= band.min - SCORE_EPSILON) return band.grade;
  const lowest = bands[bands.length - 1];
  if (!lowest) throw new RangeError('gradeFor needs at least one grade band');
  return lowest.grade;
}

/**
 * Competition ranks ("1224") of `values`, highest first (or lowest first with `direction: 'lower'`).
 * Values within `epsilon` of the first of a tied run share its rank.
 */
export function competitionRanks(
  values: readonly number[],
  direction: 'higher' | 'lower' = 'higher',
  epsilon = SCORE_EPSILON,
): number[] {
  const order = values.map((_, i) => i);
  const sign = direction === 'higher' ? -1 : 1;
  order.sort((a, b) => sign * ((values[a] as number) - (values[b] as number)) || a - b);
  const ranks = new Array<number>(values.length);
  let leader = Number.NaN;
  let leaderRank = 0;
  order.forEach((index, position) => {
    const value = values[index] as number;
    if (position === 0 || Math.abs(value - leader) > epsilon) {
      leader = value;
      leaderRank = position + 1;
    }
    ranks[index] = leaderRank;
  });
  return ranks;
}
