// GET /api/rollup/{unitId}/{period}: the consolidation (docs/rules.md, Consolidation) of the latest submitted
// or approved plans below a unit, for a manager or regional head in scope (finance and admin: all). The ETag
// stands for the inputs (plan versions, statuses, org version); If-None-Match answers 304, and `?since=<ETag
// or ISO time>` answers only the rows of units whose plan changed since then.
import type { HttpRequest } from '../azure';
import { unitPeriodOf } from '../address';
import { allow, signedInCaller } from '../auth';
import { handler, json } from '../http';
import { route } from '../registry';
import { rollupView } from '../workflows/rollupView';

export { rollupEtag, SINCE_SKEW_MS } from '../workflows/rollupView';

async function getRollup(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { unitId, period } = unitPeriodOf(caller.locale, request.params);
  // Scope first: outside it, a unit that exists and one that does not get the same 403.
  allow(caller, { roles: ['manager', 'regional_head', 'finance', 'admin'], unitId });
  const ask = {
    unitId,
    period,
    ifNoneMatch: request.headers.get('if-none-match'),
    since: request.query.get('since'),
  };
  const answer = await rollupView(caller, ask);
  if (answer.status === 304) return { status: 304, headers: answer.headers };
  return json(answer.body, answer.status, answer.headers);
}

export const rollup = route({
  name: 'rollup',
  methods: ['GET'],
  route: 'rollup/{unitId}/{period}',
  handler: handler(getRollup),
});
