// POST /api/periods/{period}/payout-runs/{id}/verify (finance): recompute a stored run from its stored
// input snapshot with the engine in force and compare the content hash. Writes nothing, so it is
// allowed after the period closed: an auditor can re-run any run at any time.
import { handler, json } from '../http';
import { route } from '../registry';
import { verifyRun } from '../repositories/payoutRuns';
import { financeRunAddress } from './payoutRuns';

export const payoutRunVerify = route({
  name: 'payoutRunVerify',
  methods: ['POST'],
  route: 'periods/{period}/payout-runs/{runId}/verify',
  handler: handler(async (request) => {
    const { tenantId, period, runId, readRunOr404 } = await financeRunAddress(request);
    const run = await readRunOr404();
    return json({ runId, period, ...(await verifyRun(tenantId, run.head)) });
  }),
});
