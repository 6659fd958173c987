// POST /api/periods/{period}/close (finance): lock a period once it has an approved payout run (409
// otherwise, and 409 when it is closed already). Afterwards every mutating route of the period answers
// 409; corrections go to the next open period as prior-period adjustments. GET tells the state.
import type { HttpRequest } from '../azure';
import { handler, json } from '../http';
import { route } from '../registry';
import { readApproval } from '../store/payoutRuns';
import { financeCaller } from '../auth';
import { payoutError, periodParam } from '../store/payoutMessages';
import { assertPeriodOpen, closePeriod, periodState } from '../store/periods';

async function close(request: HttpRequest) {
  const { locale, principal, tenantId } = await financeCaller(request);
  const period = periodParam(request);
  await assertPeriodOpen(tenantId, period, locale);
  const approval = await readApproval(tenantId, period);
  if (!approval) throw payoutError(locale, 409, 'period.no-approved-run', { period });
  const doc = await closePeriod({
    tenantId,
    period,
    runId: approval.runId,
    runHash: approval.runHash,
    who: principal.personId,
    locale,
  });
  return json(
    {
      period,
      state: 'closed',
      runId: doc.runId,
      hash: doc.runHash,
      closedBy: doc.closedBy,
      closedAt: doc.closedAt,
    },
    200,
  );
}

export const periodCloseRoute = route({
  name: 'periodClose',
  methods: ['GET', 'POST'],
  route: 'periods/{period}/close',
  handler: handler(async (request) => {
    if (request.method === 'POST') return close(request);
    const { tenantId } = await financeCaller(request, ['finance', 'admin', 'manager', 'regional_head']);
    return json(await periodState(tenantId, periodParam(request)));
  }),
});
