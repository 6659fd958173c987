// POST /api/periods/{period}/payout-runs/{id}/verify (finance): recompute a stored run from its stored
// input snapshot with the engine in force and compare the content hash. Writes nothing, so it is
// allowed after the period closed: an auditor can re-run any run at any time.
import { handler, json } from '../http';
import { route } from '../registry';
import { readRun, verifyRun } from '../store/payoutRuns';
import { financeCaller, payoutError, periodParam } from '../store/payoutMessages';

export const payoutRunVerify = route({
  name: 'payoutRunVerify',
  methods: ['POST'],
  route: 'periods/{period}/payout-runs/{runId}/verify',
  handler: handler(async (request) => {
    const { locale, tenantId } = await financeCaller(request);
    const period = periodParam(request);
    const runId = request.params.runId ?? '';
    const run = await readRun(tenantId, period, runId);
    if (!run) throw payoutError(locale, 404, 'runs.not-found', { runId, period });
    return json({ runId, period, ...(await verifyRun(tenantId, run.head)) });
  }),
});
