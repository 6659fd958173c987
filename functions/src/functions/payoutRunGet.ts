// GET /api/periods/{period}/payout-runs/{id} (finance): a stored run — snapshot summary, status
// (draft, approved, locked), totals, people, findings and every line with its trace.
import { handler, json } from '../http';
import { route } from '../registry';
import { financeRunAddress } from './payoutRuns';
import { runView } from '../workflows/runView';

export const payoutRunGet = route({
  name: 'payoutRunGet',
  methods: ['GET'],
  route: 'periods/{period}/payout-runs/{runId}',
  handler: handler(async (request) => {
    const { readRunOr404 } = await financeRunAddress(request);
    const run = await readRunOr404();
    return json(runView(run, request.query.get('lines') !== 'false'));
  }),
});
