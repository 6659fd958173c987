// Submit a new version of a unit's plan (docs/rules.md, Planning): checked by the core with the
// stored context (org, parent's targets, last year's plan, history), refused whole with 422 when it has
// errors, stored on top of the version the caller based it on (412 otherwise), audited once.
import { validatePlan, type Finding, type Plan } from '@teamsheet/shared';
import type { Caller } from '../auth';
import type { CommandAnswer } from './answer';
import { refusal } from '../refusal';
import { versionTag, type BaseVersion } from '../address';
import {
  auditSubmission,
  previousHashOf,
  requestKeyOf,
  savePlanVersion,
  storedPlanContext,
  type PlanHead,
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
  const { tenantId, principal, locale } = caller;
  const { plan, base, unitId, period } = input;
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
  const saved = await savePlanVersion({
    tenantId,
    plan,
    author: principal.personId,
    baseVersion: base?.version ?? null,
    baseHash: base?.hash ?? null,
    summary,
    requestKey: requestKeyOf(principal.personId, context.idempotencyKey),
  });
  if (saved.status === 'stale') {
    const params = { unitId, period, base: saved.baseVersion ?? 0, current: saved.currentVersion };
    throw refusal('stale', saved.baseVersion === null ? 'plan.exists' : 'plan.stale', params, [], {
      currentVersion: saved.currentVersion,
      baseVersion: saved.baseVersion,
    });
  }
  // A retry of a submission that was stored but never answered: make sure its audit entry exists.
  if (saved.status === 'replayed') await auditSubmission(saved.head, await previousHashOf(saved.head));
  return submittedAnswer(saved.head, findings);
}
