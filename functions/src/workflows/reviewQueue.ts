// The review queue of a unit for a period (docs/rules.md, Planning cycle): every unit directly below
// it with where its plan stands — status, due date, late or not, who submitted which version when,
// the findings summary, the review, an open draft (saved, not submitted) — named, so the pane shows
// people and units, not ids.
import {
  isDraftOpen,
  isPlanLate,
  planCycleStatus,
  planDueDate,
  type PlanCycleStatus,
  type PlanReviewFacts,
  type ValidationSummary,
} from '@teamsheet/shared';
import type { Caller } from '../auth';
import { draftFacts, listUnitPlanStates } from '../repositories/plans';

export type QueueRow = {
  unitId: string;
  unitName: string;
  manager: { personId: string; name: string } | null;
  status: PlanCycleStatus;
  dueDate: string;
  late: boolean;
  version: number | null;
  submittedBy: { personId: string; name: string } | null;
  submittedAt: string | null;
  summary: ValidationSummary | null;
  review: (PlanReviewFacts & { byName: string }) | null;
  /** The draft saved since the latest version (or before any), not submitted; null when none is open. */
  draft: { draft: number; savedBy: { personId: string; name: string }; savedAt: string } | null;
};

export async function reviewQueue(
  caller: Caller,
  parentId: string,
  period: string,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<{ parentId: string; parentName: string; period: string; today: string; units: QueueRow[] }> {
  const { org, tenantId } = caller;
  const states = new Map((await listUnitPlanStates(tenantId, period)).map((s) => [s.unitId, s]));
  const named = (personId: string) => ({ personId, name: org.person(personId)?.name ?? personId });
  const units = org.children(parentId).map((unitId): QueueRow => {
    const unit = org.unit(unitId);
    const state = states.get(unitId);
    const latestVersion = state?.head?.version ?? null;
    const facts = state?.draft ? draftFacts(state.draft) : undefined;
    const open = isDraftOpen(facts, latestVersion);
    const status = planCycleStatus(latestVersion, state?.review, open ? facts : undefined);
    const dueDate = planDueDate(period, org.ancestors(unitId).length);
    const manager = org.managerOf(unitId);
    const review = state?.review;
    return {
      unitId,
      unitName: unit?.name ?? unitId,
      manager: manager ? named(manager.id) : null,
      status,
      dueDate,
      late: isPlanLate(status, dueDate, today),
      version: latestVersion,
      submittedBy: state?.head ? named(state.head.author) : null,
      submittedAt: state?.head?.createdAt ?? null,
      summary: state?.head?.summary ?? null,
      review: review ? { ...review, byName: named(review.by).name } : null,
      draft:
        open && state?.draft
          ? { draft: state.draft.version, savedBy: named(state.draft.author), savedAt: state.draft.createdAt }
          : null,
    };
  });
  return { parentId, parentName: org.unit(parentId)?.name ?? parentId, period, today, units };
}
