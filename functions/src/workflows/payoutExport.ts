// What payroll is paid from (GET /api/periods/{period}/payouts): the approved run of a period as the
// rows payroll expects (person, name, unit, component, amount, currency, period, run id, hash); 404
// while the period has no approved run.
import { payoutExportRows } from '@teamsheet/shared';
import { refusal } from '../refusal';
import { approvedRun } from '../repositories/payoutRuns';

export async function payoutExport(tenantId: string, period: string) {
  const run = await approvedRun(tenantId, period);
  if (!run) throw refusal('not-found', 'export.no-approved-run', { period });
  const { head } = run;
  const rows = payoutExportRows({
    period,
    runId: head.runId,
    hash: head.runHash,
    currency: head.currency,
    lines: run.lines,
    people: run.members,
  });
  return { run, head, rows };
}
