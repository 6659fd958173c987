// POST /api/periods/{period}/close (finance): lock a period once it has an approved payout run (409
// otherwise, and 409 when it is closed already). Afterwards every mutating route of the period answers
// 409; corrections go to the next open period as prior-period adjustments. GET tells the state.
import { financeCaller } from '../auth';
import { routePeriod } from '../address';
import { handler, json } from '../http';
import { command } from '../http/command';
import { route } from '../registry';
import { periodState } from '../repositories/periods';
import { closePeriod } from '../workflows/payoutRuns';

const close = command('period.close', {
  roles: ['finance'],
  parse: (request) => ({ period: routePeriod(request) }),
  period: (input) => input.period,
  run: closePeriod,
});

const state = handler(async (request) => {
  const { tenantId } = await financeCaller(request, ['finance', 'admin', 'manager', 'regional_head']);
  return json(await periodState(tenantId, routePeriod(request)));
});

export const periodCloseRoute = route({
  name: 'periodClose',
  methods: ['GET', 'POST'],
  route: 'periods/{period}/close',
  handler: (request, context) => (request.method === 'POST' ? close : state)(request, context),
});
