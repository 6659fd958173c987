// POST /api/periods/{period}/payout-runs/{id}/approve (finance): approve a draft run. Not by the
// person who created it (403, four-eyes rule); one approved run per period (409 for a second); a
// closed period refuses (409). The approval is its own document, audited (workflows/payoutRuns.ts).
import { routePeriod } from '../address';
import { command } from '../http/command';
import { route } from '../registry';
import { approveRun } from '../workflows/payoutRuns';

export const payoutRunApprove = route({
  name: 'payoutRunApprove',
  methods: ['POST'],
  route: 'periods/{period}/payout-runs/{runId}/approve',
  handler: command('payout-run.approve', {
    roles: ['finance'],
    parse: (request) => ({ period: routePeriod(request), runId: request.params.runId ?? '' }),
    period: (input) => input.period,
    run: approveRun,
  }),
});
