// GET /api/plans/{unitId}/{period}/versions: every stored version of a unit's plan, oldest first,
// with who submitted it, when, the summary of its findings and whether it was approved.
import type { HttpRequest } from '../azure';
import { authenticate, authorize } from '../auth';
import { HttpError, handler, json, localeOf } from '../http';
import { route } from '../registry';
import { currentTenant, readLatestOrg } from '../store';
import { listPlanVersions, planAddress, planError } from '../store/plans';

async function getVersions(request: HttpRequest) {
  const locale = localeOf(request);
  const principal = await authenticate(request);
  const { unitId, period } = planAddress(locale, request.params);
  const tenant = currentTenant();
  const latest = await readLatestOrg(tenant);
  if (!latest) throw HttpError.of(404, 'org.missing', { tenant });
  authorize(principal, { unitId, org: latest.index, locale });
  if (!latest.index.unit(unitId)) throw planError(locale, 404, 'plan.unit-unknown', { unitId });
  const versions = await listPlanVersions(tenant, unitId, period);
  const newest = versions.at(-1);
  return json(versions, 200, newest ? { etag: `"${newest.version}"` } : {});
}

export const planVersions = route({
  name: 'planVersions',
  methods: ['GET'],
  route: 'plans/{unitId}/{period}/versions',
  handler: handler(getVersions),
});
