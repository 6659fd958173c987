// The planning cycle (docs/rules.md, Planning cycle): where a unit's plan for a period stands, when it
// is due and whether it is late, and what a review must carry. Stored versions are submissions; a
// review (approval or rejection) names one version; a resubmission is a new version, submitted again.
// A draft is stored work that is not submitted: its own append-only series beside the versions, open
// while no version has been submitted since it was saved.
import { addDays, periodStart } from '../period';

export type PlanCycleStatus = 'not-started' | 'draft' | 'submitted' | 'approved' | 'rejected';
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

/** The latest draft of a unit's plan as the cycle needs it: the version that was latest when it was saved. */
export type PlanDraftFacts = { draft: number; basedOn: number | null };

/**
 * Whether a draft is still the team's open work: no version has been submitted since it was saved
 * (the latest version is the one it was saved on top of). A submission closes every draft before it.
 */
export function isDraftOpen(draft: PlanDraftFacts | undefined, latestVersion: number | null): boolean {
  return !!draft && (draft.basedOn ?? 0) === (latestVersion ?? 0);
}

/**
 * The status of a unit's plan from its latest version and that version's review, if any: `draft` when
 * nothing is submitted yet but a draft is stored. Once a version exists its status is the version's; an
 * open draft on top of it is shown beside the status (isDraftOpen), not instead of it.
 */
export function planCycleStatus(
  latestVersion: number | null,
  review: PlanReviewFacts | undefined,
  draft?: PlanDraftFacts,
): PlanCycleStatus {
  if (latestVersion === null) return draft ? 'draft' : 'not-started';
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

/** Late: past the due date (`today` after it) without a submitted version (a draft is not submitted). */
export function isPlanLate(status: PlanCycleStatus, dueDate: string, today: string): boolean {
  return (status === 'not-started' || status === 'draft') && today > dueDate;
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
