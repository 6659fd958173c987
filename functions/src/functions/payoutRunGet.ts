// GET /api/periods/{period}/payout-runs/{id} (finance): a stored run — snapshot summary, status
// (draft, approved, locked), totals, people, findings and every line with its trace.
import { handler, json } from '../http';
import { route } from '../registry';
import { readRun } from '../store/payoutRuns';
import { financeCaller, payoutError, periodParam } from '../store/payoutMessages';
import { runView } from './payoutRuns';

export const payoutRunGet = route({
  name: 'payoutRunGet',
  methods: ['GET'],
  route: 'periods/{period}/payout-runs/{runId}',
  handler: handler(async (request) => {
    const { locale, tenantId } = await financeCaller(request);
    const period = periodParam(request);
    const runId = request.params.runId ?? '';
    const run = await readRun(tenantId, period, runId);
    if (!run) throw payoutError(locale, 404, 'runs.not-found', { runId, period });
    return json(runView(run, request.query.get('lines') !== 'false'));
  }),
});
