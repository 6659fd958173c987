// GET /api/plans/{unitId}/{period}/diff?from=&to=: the cells that changed between two versions of a
// unit's plan, as the core's diffPlans lists them. `to` defaults to the latest version, `from` to the one before it.
import type { HttpRequest } from '../azure';
import { allow, signedInCaller } from '../auth';
import { handler, json } from '../http';
import { route } from '../registry';
import { planDiffView } from '../workflows/planDiff';
import { planAddress, versionParam } from '../address';

async function getDiff(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { locale } = caller;
  const { unitId, period } = planAddress(locale, request.params);
  allow(caller, { unitId });
  const from = versionParam(locale, 'from', request.query.get('from'));
  const to = versionParam(locale, 'to', request.query.get('to'));
  const answer = await planDiffView(caller, { unitId, period, from, to });
  return json(answer.body, answer.status, answer.headers);
}

export const planDiff = route({
  name: 'planDiff',
  methods: ['GET'],
  route: 'plans/{unitId}/{period}/diff',
  handler: handler(getDiff),
});
