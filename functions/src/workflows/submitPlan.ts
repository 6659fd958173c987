// Submit a new version of a unit's plan (docs/rules.md, Planning): checked by the core with the
// stored context (org, parent's targets, last year's plan, history), refused whole with 422 when it has
// errors, stored on top of the version the caller based it on (412 otherwise), audited once.
// Save a draft of it: checked the same way, stored with its findings (errors too: a draft is work in
// progress), on top of the same base, audited once.
import { validatePlan, type Finding, type Plan, type ValidationSummary } from '@teamsheet/shared';
import type { Caller } from '../auth';
import type { CommandAnswer } from './answer';
import { refusal } from '../refusal';
import { versionTag, type BaseVersion } from '../address';
import {
  auditDraft,
  auditSubmission,
  previousDraftHashOf,
  previousHashOf,
  requestKeyOf,
  savePlanDraft,
  savePlanVersion,
  storedPlanContext,
  type PlanDraftHead,
  type PlanHead,
  type PlanWrite,
} from '../repositories/plans';

export type SubmitPlanInput = { unitId: string; period: string; base: BaseVersion | null; plan: Plan };

/** The body must be the plan of the address: 400 naming the field that differs. */
export function checkPlanAddress(input: SubmitPlanInput): void {
  for (const field of ['unitId', 'period'] as const) {
    const routeValue = input[field];
    if (input.plan[field] !== routeValue)
      throw refusal('invalid', 'plan.route-mismatch', { field, body: input.plan[field], route: routeValue }, [
        { path: field, message: `expected "${routeValue}" as in the address` },
      ]);
  }
}

/** The answer of a submission, built from the head alone so a recognised retry gets the same bytes. */
export function submittedAnswer(head: PlanHead, findings: Finding[]): CommandAnswer {
  return {
    status: 201,
    body: {
      unitId: head.unitId,
      period: head.period,
      version: head.version,
      status: 'submitted',
      author: head.author,
      createdAt: head.createdAt,
      basedOn: head.basedOn,
      hash: head.hash,
      summary: head.summary,
      findings,
    },
    headers: {
      etag: versionTag(head.version, head.hash),
      location: `/api/plans/${encodeURIComponent(head.unitId)}/${head.period}?version=${head.version}`,
    },
  };
}

export async function submitPlan(
  caller: Caller,
  input: SubmitPlanInput,
  context: { idempotencyKey: string | null },
): Promise<CommandAnswer> {
  const { tenantId, locale } = caller;
  const { plan, unitId, period } = input;
  const { findings, summary } = validatePlan(plan, await storedPlanContext(tenantId, plan), { locale });
  if (summary.errors > 0) {
    const errors = findings.filter((f) => f.severity === 'error');
    throw refusal(
      'unprocessable',
      'plan.invalid',
      { count: summary.errors },
      errors.map((f) => ({ path: f.path, message: f.message })),
      { findings, summary },
    );
  }
  const saved = await savePlanVersion(planWrite(caller, input, summary, context.idempotencyKey));
  if (saved.status === 'stale') throw staleBase(unitId, period, saved);
  // A retry of a submission that was stored but never answered: make sure its audit entry exists.
  if (saved.status === 'replayed') await auditSubmission(saved.head, await previousHashOf(saved.head));
  return submittedAnswer(saved.head, findings);
}

/** The store's write of the caller's plan on the base If-Match named. */
function planWrite(
  caller: Caller,
  input: SubmitPlanInput,
  summary: ValidationSummary,
  idempotencyKey: string | null,
): PlanWrite {
  const { personId } = caller.principal;
  return {
    tenantId: caller.tenantId,
    plan: input.plan,
    author: personId,
    baseVersion: input.base?.version ?? null,
    baseHash: input.base?.hash ?? null,
    summary,
    requestKey: requestKeyOf(personId, idempotencyKey),
  };
}

/** 412: the base the caller named is not the latest submitted version (or one exists where none was named). */
function staleBase(
  unitId: string,
  period: string,
  saved: { baseVersion: number | null; currentVersion: number },
): Error {
  const params = { unitId, period, base: saved.baseVersion ?? 0, current: saved.currentVersion };
  return refusal('stale', saved.baseVersion === null ? 'plan.exists' : 'plan.stale', params, [], {
    currentVersion: saved.currentVersion,
    baseVersion: saved.baseVersion,
  });
}

/** The tag of a draft: `"d<n>.<hash>"`, never mistaken for a version's. */
export const draftTag = (draft: number, hash: string): string => `"d${draft}.${hash.slice(0, 8)}"`;

/** The answer of a saved draft, from its head alone so a recognised retry gets the same bytes. */
export function draftAnswer(head: PlanDraftHead, findings: Finding[], open = true): CommandAnswer {
  return {
    status: 201,
    body: {
      unitId: head.unitId,
      period: head.period,
      draft: head.version,
      status: 'draft',
      open,
      author: head.author,
      createdAt: head.createdAt,
      basedOn: head.basedOn,
      hash: head.hash,
      summary: head.summary,
      findings,
    },
    headers: {
      etag: draftTag(head.version, head.hash),
      location: `/api/plans/${encodeURIComponent(head.unitId)}/${head.period}/draft`,
    },
  };
}

/**
 * Saves the plan as a draft: not submitted, not reviewed, counted nowhere; findings (errors included)
 * come back and are kept with it. The base must be the latest submitted version (412 otherwise).
 */
export async function saveDraft(
  caller: Caller,
  input: SubmitPlanInput,
  context: { idempotencyKey: string | null },
): Promise<CommandAnswer> {
  const { tenantId, locale } = caller;
  const { plan, unitId, period } = input;
  const { findings, summary } = validatePlan(plan, await storedPlanContext(tenantId, plan), { locale });
  const saved = await savePlanDraft(planWrite(caller, input, summary, context.idempotencyKey));
  if (saved.status === 'stale') throw staleBase(unitId, period, saved);
  if (saved.status === 'replayed') await auditDraft(saved.head, await previousDraftHashOf(saved.head));
  return draftAnswer(saved.head, findings);
}
