// PUT /api/comp-plans/{id} (finance): store a new version of a comp plan, effective-dated and scoped
// to units and/or roles (workflows/compPlans.ts); If-Match names the version it was based on, an
// Idempotency-Key makes a retry safe. GET /api/comp-plans/{id}[?version=n]: a version (the latest by
// default) with the list of versions. GET /api/comp-plans: every comp plan with its versions. Finance
// reads every one; managers and regional heads those that reach their scope.
import { compPlanVersionBody } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { signedInCaller } from '../auth';
import { idOf, ifMatchOf, versionParam, versionTag } from '../address';
import { handler, json, readJson } from '../http';
import { command } from '../http/command';
import { route } from '../registry';
import { listCompPlanVersions } from '../repositories/compPlans';
import { refusal } from '../refusal';
import { checkCompPlanAddress, readableVersions, storeCompPlan, versionView } from '../workflows/compPlans';

const READERS = ['finance' as const, 'manager' as const, 'regional_head' as const];

const putCompPlan = command('comp-plan.store', {
  roles: ['finance'],
  parse: async (request, caller) => {
    const compPlanId = idOf(caller.locale, request.params, 'id');
    const base = ifMatchOf(caller.locale, request.headers.get('if-match'));
    const body = await readJson(request, compPlanVersionBody);
    const input = { compPlanId, base, body };
    checkCompPlanAddress(input);
    return input;
  },
  period: () => null,
  run: storeCompPlan,
});

async function getCompPlan(request: HttpRequest) {
  const caller = await signedInCaller(request, { roles: READERS });
  const compPlanId = idOf(caller.locale, request.params, 'id');
  const version = versionParam(caller.locale, 'version', request.query.get('version'));
  const all = await listCompPlanVersions(caller.tenantId, compPlanId);
  const readable = readableVersions(caller, all);
  const finance = caller.principal.roles.includes('finance');
  // Outside the scope, a plan that exists and one that does not get the same answer.
  if (readable.length === 0) {
    if (finance) throw refusal('not-found', 'comp-plans.not-found', { compPlanId });
    throw refusal('forbidden', 'authz.comp-plan');
  }
  const doc =
    version === undefined ? readable[readable.length - 1]! : readable.find((d) => d.version === version);
  if (!doc) {
    if (!finance && all.some((d) => d.version === version)) throw refusal('forbidden', 'authz.comp-plan');
    throw refusal('not-found', 'comp-plans.version-missing', {
      compPlanId,
      version: version ?? '-',
      latest: readable[readable.length - 1]!.version,
    });
  }
  const tag = versionTag(doc.version, doc.hash);
  if (request.headers.get('if-none-match') === tag) return { status: 304, headers: { etag: tag } };
  return json({ ...versionView(doc), plan: doc.plan, versions: readable.map(versionView) }, 200, {
    etag: tag,
  });
}

async function listCompPlans(request: HttpRequest) {
  const caller = await signedInCaller(request, { roles: READERS });
  const readable = readableVersions(caller, await listCompPlanVersions(caller.tenantId));
  const byId = new Map<string, typeof readable>();
  for (const d of readable) byId.set(d.compPlanId, [...(byId.get(d.compPlanId) ?? []), d]);
  const compPlans = [...byId].map(([compPlanId, docs]) => {
    const latest = docs[docs.length - 1]!;
    return {
      compPlanId,
      name: latest.plan.name,
      currency: latest.plan.currency,
      latestVersion: latest.version,
      etag: versionTag(latest.version, latest.hash),
      versions: docs.map(versionView),
    };
  });
  return json({ compPlans });
}

const getHandler = handler(getCompPlan);

export const compPlans = route({
  name: 'compPlans',
  methods: ['GET'],
  route: 'comp-plans',
  handler: handler(listCompPlans),
});

export const compPlan = route({
  name: 'compPlan',
  methods: ['GET', 'PUT'],
  route: 'comp-plans/{id}',
  handler: (request, context) => (request.method === 'PUT' ? putCompPlan : getHandler)(request, context),
});
