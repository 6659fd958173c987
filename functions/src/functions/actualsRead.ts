// GET /api/actuals/{unitId}/{period}: the stored transactions of a period (and of its months) that
// credit anyone in a unit's subtree, with the activity logs and metric actuals of those people, for a
// manager or regional head in scope (finance and admin: any unit). A split deal is answered once,
// whole, with every credit as stored: the shares belong to the deal, not to the team asking.
import type { HttpRequest } from '../azure';
import { unitPeriodOf } from '../address';
import { allow, signedInCaller } from '../auth';
import { handler, json } from '../http';
import { route } from '../registry';
import { unitActuals } from '../workflows/unitActuals';

export type { UnitActuals } from '../workflows/unitActuals';

async function readUnitActuals(request: HttpRequest) {
  const caller = await signedInCaller(request, { roles: ['manager', 'regional_head', 'finance', 'admin'] });
  const { locale } = caller;
  const { unitId, period } = unitPeriodOf(locale, request.params);

  // Scope first: outside it, a unit that exists and one that does not get the same 403.
  allow(caller, { unitId });
  return json(await unitActuals(caller, unitId, period), 200, { 'cache-control': 'no-store' });
}

export const actualsRead = route({
  name: 'actualsRead',
  methods: ['GET'],
  route: 'actuals/{unitId}/{period}',
  handler: handler(readUnitActuals),
});
