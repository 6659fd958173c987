// Who may do what, as pure functions (docs/rules.md, Organisation and Payouts): the server's workflows
// ask these and turn a "no" into a refusal; the pane can ask the same to hide what would be refused.
import type { Role } from './schemas';

/** The answer of a policy: allowed, or the reason it is not. */
export type Verdict<R extends string> = { ok: true } | { ok: false; reason: R };

const yes = { ok: true } as const;
const no = <R extends string>(reason: R): Verdict<R> => ({ ok: false, reason });

/** The part of the organisation a policy reads: units' parents and who manages what. */
export type PolicyOrg = {
  unit(id: string): { parentId?: string | null } | undefined;
  canSeeUnit(personId: string, unitId: string): boolean;
};

/**
 * Approving (or reviewing) a unit's plan: from the parent unit's scope — its manager or a regional
 * head above it — or an administrator. Outside that scope a unit that does not exist, the root and a
 * unit of another region are the same "scope" answer, so a refusal reveals nothing. The submitter of a
 * version never approves it (four eyes).
 */
export function mayReviewPlan(args: {
  reviewer: { personId: string; roles: readonly Role[] };
  unitId: string;
  org: PolicyOrg;
  /** Who submitted the version under review; omitted when checking scope alone. */
  submittedBy?: string;
}): Verdict<'role' | 'scope' | 'unknown-unit' | 'own-version'> {
  const { reviewer, org, unitId } = args;
  const admin = reviewer.roles.includes('admin');
  if (!admin && !reviewer.roles.some((r) => r === 'manager' || r === 'regional_head')) return no('role');
  const unit = org.unit(unitId);
  if (admin) {
    if (!unit) return no('unknown-unit');
  } else {
    const parentId = unit?.parentId ?? null;
    if (parentId === null || !org.canSeeUnit(reviewer.personId, parentId)) return no('scope');
  }
  if (args.submittedBy !== undefined && args.submittedBy === reviewer.personId) return no('own-version');
  return yes;
}

/** Approving a payout run: never by the person who created it (four eyes). */
export function mayApproveRun(args: { approver: string; createdBy: string }): Verdict<'own-run'> {
  return args.approver === args.createdBy ? no('own-run') : yes;
}

/** Closing a period: only with an approved run of it. */
export function mayClosePeriod(args: {
  approvedRun: { runId: string } | undefined;
}): Verdict<'no-approved-run'> {
  return args.approvedRun ? yes : no('no-approved-run');
}
