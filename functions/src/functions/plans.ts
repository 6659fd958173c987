// GET /api/plans/{unitId}/{period}[?version=n]: a stored version of a unit's plan (the latest by default),
// with its status and review (a rejection's comment).
// PUT /api/plans/{unitId}/{period}: a manager in scope submits a new version (workflows/submitPlan.ts):
// If-Match names the version it was based on, Idempotency-Key makes a retry safe, errors refuse it (422).
import { plan as planSchema, type Role } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { allow, signedInCaller, type Caller } from '../auth';
import { handler, json, readJson } from '../http';
import { command } from '../http/command';
import { route } from '../registry';
import { readPlanVersion, MAX_PLAN_BYTES } from '../repositories/plans';
import { refusal } from '../refusal';
import { ifMatchOf, planAddress, versionParam, versionTag } from '../address';
import { checkPlanAddress, submitPlan, type SubmitPlanInput } from '../workflows/submitPlan';
import { namedReview } from '../workflows/reviewPlan';

async function getPlan(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { locale, tenantId: tenant } = caller;
  const { unitId, period } = planAddress(locale, request.params);
  allow(caller, { unitId });
  const version = versionParam(locale, 'version', request.query.get('version'));
  const stored = await readPlanVersion(tenant, unitId, period, version);
  if (!stored) {
    if (version === undefined) throw refusal('not-found', 'plan.none', { unitId, period });
    const latest = await readPlanVersion(tenant, unitId, period);
    throw refusal('not-found', 'plan.version-missing', {
      unitId,
      period,
      version,
      latest: latest?.head.version ?? '-',
    });
  }
  const { head, plan, status, approval, review } = stored;
  const tag = versionTag(head.version, head.hash);
  if (request.headers.get('if-none-match') === tag) return { status: 304, headers: { etag: tag } };
  const { author, createdAt, basedOn, hash, summary } = head;
  const approved = approval ? { approvedBy: approval.approvedBy, approvedAt: approval.approvedAt } : {};
  const body = { unitId, period, version: head.version, status, author, createdAt, basedOn, hash, summary };
  // The review of this version (a rejection with its comment), for the team to read.
  const reviewed = review ? { review: namedReview(caller.org, review) } : {};
  return json({ ...body, ...approved, ...reviewed, plan }, 200, { etag: tag });
}

/** Who writes a unit's plan: finance sees every plan but edits none (docs/rules.md, Organisation); reps plan nothing. */
export const PLAN_WRITERS: Role[] = ['manager', 'regional_head', 'admin'];

/** A plan write's input (a submission or a draft): the address in scope, the base If-Match names, the plan. */
export async function planWriteOf(request: HttpRequest, caller: Caller): Promise<SubmitPlanInput> {
  const { unitId, period } = planAddress(caller.locale, request.params);
  allow(caller, { unitId });
  if (!caller.org.unit(unitId)) throw refusal('not-found', 'plan.unit-unknown', { unitId });
  const base = ifMatchOf(caller.locale, request.headers.get('if-match'));
  const plan = await readJson(request, planSchema, { maxBytes: MAX_PLAN_BYTES });
  const input = { unitId, period, base, plan };
  checkPlanAddress(input);
  return input;
}

const putPlan = command('plan.submit', {
  roles: PLAN_WRITERS,
  parse: planWriteOf,
  period: (input) => input.period,
  run: submitPlan,
});

const getHandler = handler(getPlan);

export const plans = route({
  name: 'plans',
  methods: ['GET', 'PUT'],
  route: 'plans/{unitId}/{period}',
  maxBodyBytes: MAX_PLAN_BYTES,
  handler: (request, context) => (request.method === 'PUT' ? putPlan : getHandler)(request, context),
});
