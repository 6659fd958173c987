// 360-degree ratings (上级/同事/自评/客户; docs/rules.md, Scores): each rater's mean over dimensions, the mean
// per rater group, groups below their minimum number of raters dropped, the rest weighted and renormalised.
import type { RaterGroup, Rating, Scorecard } from '../schemas';
import { DEFAULT_GROUP_WEIGHTS, DEFAULT_MIN_RATERS, DEFAULT_RATING_SHARE } from './settings';

export const RATER_GROUPS: readonly RaterGroup[] = ['superior', 'peer', 'self', 'customer'];

/** Group names in the users' words (上级/同事/自评/客户). */
export const RATER_GROUP_LABELS: Record<RaterGroup, { en: string; 'zh-CN': string }> = {
  superior: { en: 'superior', 'zh-CN': '上级' },
  peer: { en: 'peer', 'zh-CN': '同事' },
  self: { en: 'self', 'zh-CN': '自评' },
  customer: { en: 'customer', 'zh-CN': '客户' },
};

export type RatingSettings = {
  share: number;
  groups: Record<RaterGroup, number>;
  minRaters: Record<RaterGroup, number>;
};

/**
 * The scorecard's rating settings with the defaults filled in. Groups the scorecard lists weigh what it
 * says and unlisted groups weigh 0; without a `ratings` block every default applies.
 */
export function resolveRatingSettings(ratings?: Scorecard['ratings']): RatingSettings {
  if (!ratings) {
    return {
      share: DEFAULT_RATING_SHARE,
      groups: { ...DEFAULT_GROUP_WEIGHTS },
      minRaters: { ...DEFAULT_MIN_RATERS },
    };
  }
  const groups = { superior: 0, peer: 0, self: 0, customer: 0 };
  for (const g of RATER_GROUPS) groups[g] = ratings.groups[g] ?? 0;
  return { share: ratings.share, groups, minRaters: { ...DEFAULT_MIN_RATERS, ...ratings.minRaters } };
}

export type RaterGroupResult = {
  group: RaterGroup;
  weight: number;
  raters: number;
  minRaters: number;
  /** Mean of the raters' means; null when the group has no rater. */
  mean: number | null;
  dropped: boolean;
};

export type RatingScore = {
  /** Weighted mean of the kept groups; null when no group with a weight is kept. */
  score: number | null;
  groups: RaterGroupResult[];
};

/**
 * The rating score of one person from their ratings. Only groups with a positive weight take part;
 * such a group with fewer distinct raters than its minimum (none at all included) is dropped.
 */
export function ratingScore(ratings: readonly Rating[], settings: RatingSettings): RatingScore {
  const scorer = new RatingScorer(settings);
  const score = scorer.score(ratings, null, 0, ratings.length);
  return { score, groups: scorer.groups() };
}

function groupIndex(group: RaterGroup): number {
  return group === 'superior' ? 0 : group === 'peer' ? 1 : group === 'self' ? 2 : 3;
}
// Past this many raters in one group, finding a rater by scanning costs more than a Map.
const SCAN_LIMIT = 32;

/**
 * Scores one person after another with the same scratch space, so that a roster of 10,000 people
 * costs no allocation per person. Read `groups()` or `dropped` right after `score`.
 */
export class RatingScorer {
  private readonly weights: number[];
  private readonly raters: string[][] = [[], [], [], []];
  private readonly raterCount = new Int32Array(4);
  private readonly sums: number[][] = [[], [], [], []];
  private readonly counts: number[][] = [[], [], [], []];
  private readonly lookups: (Map<string, number> | null)[] = [null, null, null, null];
  private readonly means: (number | null)[] = [null, null, null, null];
  /** Groups dropped by the last `score` call, in group order. */
  readonly dropped: RaterGroup[] = [];

  constructor(private readonly settings: RatingSettings) {
    this.weights = RATER_GROUPS.map((g) => settings.groups[g]);
  }

  /** The rating score over `ratings[order[k]]` for k in [from, to) (or `ratings[k]` without an order). */
  score(
    ratings: readonly Rating[],
    order: ArrayLike<number> | null,
    from: number,
    to: number,
  ): number | null {
    this.raterCount.fill(0);
    this.lookups.fill(null);
    for (let k = from; k < to; k++) {
      const r = ratings[order ? (order[k] as number) : k] as Rating;
      const g = groupIndex(r.group);
      if (!((this.weights[g] as number) > 0)) continue;
      const raters = this.raters[g]!;
      const sums = this.sums[g]!;
      const counts = this.counts[g]!;
      const lookup = this.lookups[g];
      const n = this.raterCount[g] as number;
      let at = -1;
      if (lookup) at = lookup.get(r.raterId) ?? -1;
      else for (let i = 0; i < n; i++) if (raters[i] === r.raterId) at = i;
      if (at === -1) {
        at = n;
        raters[at] = r.raterId;
        sums[at] = 0;
        counts[at] = 0;
        this.raterCount[g] = n + 1;
        if (lookup) lookup.set(r.raterId, at);
        else if (n + 1 > SCAN_LIMIT)
          this.lookups[g] = new Map(raters.slice(0, n + 1).map((id, i) => [id, i]));
      }
      sums[at] = (sums[at] as number) + r.score;
      counts[at] = (counts[at] as number) + 1;
    }
    this.dropped.length = 0;
    let weighted = 0;
    let weights = 0;
    for (let g = 0; g < 4; g++) {
      const weight = this.weights[g] as number;
      if (!(weight > 0)) continue;
      const count = this.raterCount[g] as number;
      let mean: number | null = null;
      if (count > 0) {
        // Each rater's mean over their dimensions first, so raters weigh the same however much they rated.
        let sum = 0;
        for (let i = 0; i < count; i++) sum += (this.sums[g]![i] as number) / (this.counts[g]![i] as number);
        mean = sum / count;
      }
      this.means[g] = mean;
      const group = RATER_GROUPS[g] as RaterGroup;
      if (mean === null || count < this.settings.minRaters[group]) this.dropped.push(group);
      else {
        weighted += weight * mean;
        weights += weight;
      }
    }
    return weights > 0 ? weighted / weights : null;
  }

  /** Every weighted group of the last `score` call with its raters, mean and whether it was dropped. */
  groups(): RaterGroupResult[] {
    const out: RaterGroupResult[] = [];
    for (let g = 0; g < 4; g++) {
      const weight = this.weights[g] as number;
      if (!(weight > 0)) continue;
      const group = RATER_GROUPS[g] as RaterGroup;
      out.push({
        group,
        weight,
        raters: this.raterCount[g] as number,
        minRaters: this.settings.minRaters[group],
        mean: this.means[g] ?? null,
        dropped: this.dropped.includes(group),
      });
    }
    return out;
  }
}
