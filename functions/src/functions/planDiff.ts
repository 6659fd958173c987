// GET /api/plans/{unitId}/{period}/diff?from=&to=: the cells that changed between two versions of a
// unit's plan, as the core's diffPlans lists them. `to` defaults to the latest version, `from` to the one before it.
import { diffPlans } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { allow, signedInCaller } from '../auth';
import { handler, json } from '../http';
import { route } from '../registry';
import { readPlanVersion } from '../repositories/plans';
import { refusal } from '../refusal';
import { planAddress, versionParam } from '../address';

async function getDiff(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { locale, tenantId: tenant } = caller;
  const { unitId, period } = planAddress(locale, request.params);
  allow(caller, { unitId });
  const from = versionParam(locale, 'from', request.query.get('from'));
  const to = versionParam(locale, 'to', request.query.get('to'));
  const latest = await readPlanVersion(tenant, unitId, period, to);
  if (!latest) {
    if (to === undefined) throw refusal('not-found', 'plan.none', { unitId, period });
    const newest = await readPlanVersion(tenant, unitId, period);
    throw refusal('not-found', 'plan.version-missing', {
      unitId,
      period,
      version: to,
      latest: newest?.head.version ?? '-',
    });
  }
  const fromVersion = from ?? latest.head.version - 1;
  // Version 0 is the empty plan before the first submission: everything in v1 shows as added.
  const before =
    fromVersion === 0
      ? { plan: { targets: [], goals: [] } }
      : await readPlanVersion(tenant, unitId, period, fromVersion);
  if (!before) {
    throw refusal('not-found', 'plan.version-missing', {
      unitId,
      period,
      version: fromVersion,
      latest: latest.head.version,
    });
  }
  return json(diffPlans(before.plan, latest.plan), 200, {
    etag: `"${fromVersion}-${latest.head.version}"`,
  });
}

export const planDiff = route({
  name: 'planDiff',
  methods: ['GET'],
  route: 'plans/{unitId}/{period}/diff',
  handler: handler(getDiff),
});
