// Approve a submitted version of a unit's plan (docs/rules.md, Planning): the latest version, once,
// by someone in the parent unit's scope who did not submit it; the approval is its own append-only
// document, audited.
import { mayReviewPlan } from '@teamsheet/shared';
import type { Caller } from '../auth';
import type { CommandAnswer } from './answer';
import { refusal } from '../refusal';
import { versionTag } from '../address';
import { approvePlanVersion, readPlanVersion } from '../repositories/plans';

export type ApprovePlanInput = { unitId: string; period: string; version: number };

/** Scope alone, before the body is read: outside it, every unit gets the same 403. */
export function authorizePlanReview(caller: Caller, unitId: string): void {
  const verdict = mayReviewPlan({ reviewer: caller.principal, unitId, org: caller.org });
  if (verdict.ok) return;
  if (verdict.reason === 'unknown-unit') throw refusal('not-found', 'plan.unit-unknown', { unitId });
  throw refusal('forbidden', 'authz.approve-scope', { unitId }, [{ path: 'unitId', message: unitId }]);
}

export async function approvePlan(caller: Caller, input: ApprovePlanInput): Promise<CommandAnswer> {
  const { unitId, period, version } = input;
  const { tenantId, principal } = caller;
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
  const already = (by: string, at: string) =>
    refusal('conflict', 'plan.already-approved', { unitId, period, version, by, at });
  if (stored.approval) throw already(stored.approval.approvedBy, stored.approval.approvedAt);
  if (latest.head.version !== version)
    throw refusal('conflict', 'plan.superseded', { unitId, period, version, latest: latest.head.version });
  const res = await approvePlanVersion({ head: stored.head, approvedBy: principal.personId });
  if (res.status === 'conflict')
    throw already(res.approval?.approvedBy ?? '-', res.approval?.approvedAt ?? '-');
  const { approval } = res;
  return {
    status: 201,
    body: {
      unitId,
      period,
      version,
      status: 'approved',
      hash: approval.hash,
      approvedBy: approval.approvedBy,
      approvedAt: approval.approvedAt,
    },
    headers: { etag: versionTag(version, stored.head.hash) },
  };
}
