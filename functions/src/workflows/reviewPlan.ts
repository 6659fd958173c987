// Review a submitted version of a unit's plan (docs/rules.md, Planning cycle): approve it, or reject
// it with a comment saying why; the latest version, once, by someone in the parent unit's scope who
// did not submit it. The review is the version's own append-only document, audited; a rejected plan
// is resubmitted as a new version, which waits for its own review.
import {
  mayReviewPlan,
  reviewProblem,
  type OrgIndex,
  type PlanReviewFacts,
  type ReviewDecision,
} from '@teamsheet/shared';
import type { Caller } from '../auth';
import type { CommandAnswer } from './answer';
import { serverText } from '../messages';
import { refusal } from '../refusal';
import { versionTag } from '../address';
import { readPlanVersion, recordPlanReview } from '../repositories/plans';

export type ReviewPlanInput = {
  unitId: string;
  period: string;
  version: number;
  decision: ReviewDecision;
  comment?: string;
};

/**
 * A review with the reviewer's name: the team reads who decided, though the reviewer (a head above
 * them) is outside the org they may see.
 */
export function namedReview(org: OrgIndex, review: PlanReviewFacts): PlanReviewFacts & { byName: string } {
  return { ...review, byName: org.person(review.by)?.name ?? review.by };
}

/** Scope alone, before the body is read: outside it, every unit gets the same 403. */
export function authorizePlanReview(caller: Caller, unitId: string): void {
  const verdict = mayReviewPlan({ reviewer: caller.principal, unitId, org: caller.org });
  if (verdict.ok) return;
  if (verdict.reason === 'unknown-unit') throw refusal('not-found', 'plan.unit-unknown', { unitId });
  throw refusal('forbidden', 'authz.approve-scope', { unitId }, [{ path: 'unitId', message: unitId }]);
}

export async function reviewPlan(caller: Caller, input: ReviewPlanInput): Promise<CommandAnswer> {
  const { unitId, period, version, decision } = input;
  const { tenantId, principal, locale } = caller;
  if (reviewProblem(decision, input.comment) === 'comment')
    throw refusal('invalid', 'plan.reject-comment', {}, [
      { path: 'comment', message: serverText(locale, 'plan.reject-comment') },
    ]);
  const stored = await readPlanVersion(tenantId, unitId, period, version);
  const latest = await readPlanVersion(tenantId, unitId, period);
  if (!stored || !latest)
    throw refusal('not-found', 'plan.version-missing', {
      unitId,
      period,
      version,
      latest: latest?.head.version ?? '-',
    });
  const verdict = mayReviewPlan({
    reviewer: principal,
    unitId,
    org: caller.org,
    submittedBy: stored.head.author,
  });
  if (!verdict.ok && verdict.reason === 'own-version')
    throw refusal('forbidden', 'authz.approve-own', { version: String(version) });
  const already = (review: { decision: ReviewDecision; by: string; at: string } | undefined) =>
    refusal(
      'conflict',
      review?.decision === 'reject' ? 'plan.already-rejected' : 'plan.already-approved',
      { unitId, period, version, by: review?.by ?? '-', at: review?.at ?? '-' },
      [],
      review ? { review } : {},
    );
  if (stored.review) throw already(stored.review);
  if (latest.head.version !== version)
    throw refusal('conflict', 'plan.superseded', { unitId, period, version, latest: latest.head.version });
  const res = await recordPlanReview({
    head: stored.head,
    decision,
    by: principal.personId,
    ...(input.comment !== undefined ? { comment: input.comment } : {}),
  });
  if (res.status === 'conflict') throw already(res.review);
  const { review, hash } = res;
  return {
    status: 201,
    body: {
      unitId,
      period,
      version,
      status: decision === 'approve' ? 'approved' : 'rejected',
      hash,
      review: namedReview(caller.org, review),
      ...(decision === 'approve' ? { approvedBy: review.by, approvedAt: review.at } : {}),
    },
    headers: { etag: versionTag(version, stored.head.hash) },
  };
}
