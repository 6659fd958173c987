// GET /api/plans/{unitId}/{period}/versions: every stored version of a unit's plan, oldest first,
// with who submitted it (by name too), when, the summary of its findings and its review (approved or
// rejected, by whom, the comment).
import type { HttpRequest } from '../azure';
import { allow, signedInCaller } from '../auth';
import { handler, json } from '../http';
import { route } from '../registry';
import { listPlanVersions } from '../repositories/plans';
import { refusal } from '../refusal';
import { planAddress } from '../address';
import { namedReview } from '../workflows/reviewPlan';

async function getVersions(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { locale, tenantId: tenant } = caller;
  const { unitId, period } = planAddress(locale, request.params);
  allow(caller, { unitId });
  if (!caller.org.unit(unitId)) throw refusal('not-found', 'plan.unit-unknown', { unitId });
  const versions = (await listPlanVersions(tenant, unitId, period)).map((v) => ({
    ...v,
    authorName: caller.org.person(v.author)?.name ?? v.author,
    ...(v.review ? { review: namedReview(caller.org, v.review) } : {}),
  }));
  const newest = versions.at(-1);
  return json(versions, 200, newest ? { etag: `"${newest.version}"` } : {});
}

export const planVersions = route({
  name: 'planVersions',
  methods: ['GET'],
  route: 'plans/{unitId}/{period}/versions',
  handler: handler(getVersions),
});
