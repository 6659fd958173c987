// The scorecard defaults (docs/rules.md, Scores) in one place, so that docs, the add-in and the engine agree.
import type { RaterGroup } from '../schemas';

export type GradeBand = { grade: string; min: number };

/** Share of the final score that comes from 360 ratings when the scorecard does not say. */
export const DEFAULT_RATING_SHARE = 0.3;
/** Rater-group weights (上级 50, 同事 20, 自评 10, 客户 20). */
export const DEFAULT_GROUP_WEIGHTS: Record<RaterGroup, number> = {
  superior: 50,
  peer: 20,
  self: 10,
  customer: 20,
};
/** Fewest raters a group needs to count; a lone superior or self-rating is enough. */
export const DEFAULT_MIN_RATERS: Record<RaterGroup, number> = { superior: 1, peer: 3, self: 1, customer: 3 };
/** Linear curve: below the floor an item scores 0; the ratio counts at most up to the cap (120 points). */
export const DEFAULT_LINEAR_FLOOR = 0;
export const DEFAULT_LINEAR_CAP = 1.2;
/** Grade bands S ≥ 95, A ≥ 85, B ≥ 70, C ≥ 60, D below. */
export const DEFAULT_GRADES: readonly GradeBand[] = [
  { grade: 'S', min: 95 },
  { grade: 'A', min: 85 },
  { grade: 'B', min: 70 },
  { grade: 'C', min: 60 },
  { grade: 'D', min: 0 },
];
/** The four-level scale many handbooks use: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 below. */
export const FOUR_LEVEL_GRADES: readonly GradeBand[] = [
  { grade: '优秀', min: 90 },
  { grade: '良好', min: 80 },
  { grade: '合格', min: 60 },
  { grade: '不合格', min: 0 },
];
/** Scores compare with this slack so that 94.99999999999999 (float noise for 95) earns the 95 band. */
export const SCORE_EPSILON = 1e-9;
