// GET /api/plans/{unitId}/{period}[?version=n]: a stored version of a unit's plan (the latest by default).
// PUT /api/plans/{unitId}/{period}: a manager in scope submits a new version: If-Match names the
// version it was based on, Idempotency-Key makes a retry safe, validation errors refuse it (422).
import { plan as planSchema, validatePlan, type Finding } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { allow, signedInCaller } from '../auth';
import { handler, json, readJson } from '../http';
import { route } from '../registry';
import { assertPeriodOpen } from '../store/periods';
import { idempotent } from '../store';
import {
  auditSubmission,
  baseVersionOf,
  planAddress,
  planError,
  previousHashOf,
  readPlanVersion,
  requestKeyOf,
  savePlanVersion,
  storedPlanContext,
  versionParam,
  MAX_PLAN_BYTES,
  type PlanHead,
} from '../store/plans';

const etag = (version: number): string => `"${version}"`;

async function getPlan(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { locale, tenantId: tenant } = caller;
  const { unitId, period } = planAddress(locale, request.params);
  allow(caller, { unitId });
  const version = versionParam(locale, 'version', request.query.get('version'));
  const stored = await readPlanVersion(tenant, unitId, period, version);
  if (!stored) {
    if (version === undefined) throw planError(locale, 404, 'plan.none', { unitId, period });
    const latest = await readPlanVersion(tenant, unitId, period);
    throw planError(locale, 404, 'plan.version-missing', {
      unitId,
      period,
      version,
      latest: latest?.head.version ?? '-',
    });
  }
  const { head, plan, status, approval } = stored;
  const tag = etag(head.version);
  if (request.headers.get('if-none-match') === tag) return { status: 304, headers: { etag: tag } };
  return json(
    {
      unitId,
      period,
      version: head.version,
      status,
      author: head.author,
      createdAt: head.createdAt,
      basedOn: head.basedOn,
      hash: head.hash,
      summary: head.summary,
      ...(approval ? { approvedBy: approval.approvedBy, approvedAt: approval.approvedAt } : {}),
      plan,
    },
    200,
    { etag: tag },
  );
}

/** The 201 answer of a submission; built from the head alone so that a recognised retry gets the same bytes. */
function submitted(head: PlanHead, findings: Finding[]) {
  return json(
    {
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
    201,
    {
      etag: etag(head.version),
      location: `/api/plans/${encodeURIComponent(head.unitId)}/${head.period}?version=${head.version}`,
    },
  );
}

async function putPlan(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { locale, principal, tenantId: tenant, org: index } = caller;
  const { unitId, period } = planAddress(locale, request.params);
  // Finance sees every plan but edits none (docs/rules.md, Organisation); reps plan nothing.
  allow(caller, { roles: ['manager', 'regional_head', 'admin'], unitId });
  if (!index.unit(unitId)) throw planError(locale, 404, 'plan.unit-unknown', { unitId });
  // A closed period (or its closed quarter or year) takes no new plan versions: 409.
  await assertPeriodOpen(tenant, period, locale);
  const base = baseVersionOf(locale, request.headers.get('if-match'));
  const plan = await readJson(request, planSchema, { maxBytes: MAX_PLAN_BYTES });
  for (const [field, routeValue] of [
    ['unitId', unitId],
    ['period', period],
  ] as const) {
    if (plan[field] !== routeValue) {
      throw planError(locale, 400, 'plan.route-mismatch', { field, body: plan[field], route: routeValue }, [
        { path: field, message: `expected "${routeValue}" as in the address` },
      ]);
    }
  }
  const key = request.headers.get('idempotency-key');
  const answer = await idempotent({
    tenantId: tenant,
    caller: principal.personId,
    key,
    request: { method: 'PUT', unitId, period, base, plan },
    run: async () => {
      const context = await storedPlanContext(tenant, plan);
      const { findings, summary } = validatePlan(plan, context, { locale });
      if (summary.errors > 0) {
        const errors = findings.filter((f) => f.severity === 'error');
        throw planError(
          locale,
          422,
          'plan.invalid',
          { count: summary.errors },
          errors.map((f) => ({ path: f.path, message: f.message })),
          { findings, summary },
        );
      }
      const saved = await savePlanVersion({
        tenantId: tenant,
        plan,
        author: principal.personId,
        baseVersion: base,
        summary,
        requestKey: requestKeyOf(principal.personId, key),
      });
      if (saved.status === 'stale') {
        const params = { unitId, period, base: saved.baseVersion ?? 0, current: saved.currentVersion };
        throw planError(
          locale,
          412,
          saved.baseVersion === null ? 'plan.exists' : 'plan.stale',
          params,
          undefined,
          {
            currentVersion: saved.currentVersion,
            baseVersion: saved.baseVersion,
          },
        );
      }
      // A retry of a submission that was stored but never answered: make sure its audit entry exists.
      if (saved.status === 'replayed') await auditSubmission(saved.head, await previousHashOf(saved.head));
      const answer = submitted(saved.head, findings);
      return {
        status: answer.status ?? 201,
        headers: answer.headers as Record<string, string>,
        body: answer.body as string,
      };
    },
  });
  const { replayed: _replayed, ...response } = answer;
  return response;
}

export const plans = route({
  name: 'plans',
  methods: ['GET', 'PUT'],
  route: 'plans/{unitId}/{period}',
  maxBodyBytes: MAX_PLAN_BYTES,
  handler: handler(async (request) => (request.method === 'PUT' ? putPlan(request) : getPlan(request))),
});
