// The planning cycle (docs/rules.md, Planning cycle): where a unit's plan for a period stands, when it
// is due and whether it is late, and what a review must carry. Stored versions are submissions; a
// review (approval or rejection) names one version; a resubmission is a new version, submitted again.
import { addDays, periodStart } from '../period';

export type PlanCycleStatus = 'not-started' | 'submitted' | 'approved' | 'rejected';
export type ReviewDecision = 'approve' | 'reject';

export type PlanReviewFacts = {
  version: number;
  decision: ReviewDecision;
  by: string;
  at: string;
  comment?: string;
};

export interface PlanCycleSettings {
  /**
   * Days before the period's first day a unit's plan is due, by depth in the organisation (0 = the
   * company, 1 = a region, 2 = a team…); deeper units take the last entry. Teams are due first so
   * their region can consolidate and submit after them.
   */
  dueDaysBeforeStart: readonly number[];
}

export const defaultPlanCycleSettings: PlanCycleSettings = { dueDaysBeforeStart: [0, 10, 20] };

/** The status of a unit's plan from its latest version and that version's review, if any. */
export function planCycleStatus(
  latestVersion: number | null,
  review: PlanReviewFacts | undefined,
): PlanCycleStatus {
  if (latestVersion === null) return 'not-started';
  if (!review || review.version !== latestVersion) return 'submitted';
  return review.decision === 'approve' ? 'approved' : 'rejected';
}

/** The day a unit's plan for a period is due (ISO date), from its depth in the organisation. */
export function planDueDate(
  period: string,
  depth: number,
  settings: PlanCycleSettings = defaultPlanCycleSettings,
): string {
  const days = settings.dueDaysBeforeStart;
  const before = days[Math.min(Math.max(0, depth), days.length - 1)] ?? 0;
  return addDays(periodStart(period), -before);
}

/** Late: past the due date (`today` after it) without a submitted version. */
export function isPlanLate(status: PlanCycleStatus, dueDate: string, today: string): boolean {
  return status === 'not-started' && today > dueDate;
}

/** The longest review comment kept (a paragraph or two). */
export const MAX_REVIEW_COMMENT = 2000;

/**
 * What a review must carry: a rejection says why (a comment that is not blank). Answers the path of
 * the missing field, or null when the review may be recorded.
 */
export function reviewProblem(decision: ReviewDecision, comment: string | undefined): 'comment' | null {
  if (decision === 'reject' && !(comment ?? '').trim()) return 'comment';
  return null;
}
