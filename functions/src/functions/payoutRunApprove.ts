// POST /api/periods/{period}/payout-runs/{id}/approve (finance): approve a draft run. Not by the
// person who created it (403, four-eyes rule); one approved run per period (409 for a second); a
// closed period refuses (409). The approval is its own document, audited.
import { forbidden } from '../auth';
import { HttpError, handler, json } from '../http';
import { route } from '../registry';
import { idempotent } from '../store';
import { approveRun } from '../store/payoutRuns';
import { assertPeriodOpen } from '../store/periods';
import { financeRunAddress } from './payoutRuns';

export const payoutRunApprove = route({
  name: 'payoutRunApprove',
  methods: ['POST'],
  route: 'periods/{period}/payout-runs/{runId}/approve',
  handler: handler(async (request) => {
    const { locale, principal, tenantId, period, runId, readRunOr404 } = await financeRunAddress(request);
    const answer = await idempotent({
      tenantId,
      caller: principal.personId,
      key: request.headers.get('idempotency-key'),
      request: { method: 'POST', route: 'payout-runs/approve', period, runId },
      run: async () => {
        await assertPeriodOpen(tenantId, period, locale);
        const run = await readRunOr404();
        const approval = await approveRun({ tenantId, run: run.head, who: principal.personId, locale }).catch(
          (error: unknown) => {
            // The store's four-eyes refusal names the creator, who is the caller: answer without naming them.
            if (error instanceof HttpError && error.status === 403)
              throw forbidden(locale, 'authz.approve-own-run', { runId });
            throw error;
          },
        );
        const response = json(
          {
            runId,
            period,
            status: 'approved',
            hash: approval.runHash,
            approvedBy: approval.approvedBy,
            approvedAt: approval.approvedAt,
          },
          200,
        );
        return {
          status: 200,
          headers: response.headers as Record<string, string>,
          body: response.body as string,
        };
      },
    });
    const { replayed: _replayed, ...response } = answer;
    return response;
  }),
});
