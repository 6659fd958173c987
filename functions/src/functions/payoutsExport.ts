// GET /api/periods/{period}/payouts?format=json|csv|xlsx (finance): the approved run of a period in
// the columns payroll expects (person, name, unit, component, amount, currency, period, run id, hash);
// CSV per RFC 4180 with a UTF-8 BOM and xlsx with numeric amounts, text cells neutralised in both.
import { payoutCsv, payoutExportRows } from '@teamsheet/shared';
import { handler, json } from '../http';
import { route } from '../registry';
import { approvedRun } from '../repositories/payoutRuns';
import { financeCaller } from '../auth';
import { routePeriod } from '../address';
import { payoutWorkbook, XLSX_CONTENT_TYPE } from '../xlsx/payoutExport';
import { serverText } from '../messages';
import { refusal } from '../refusal';

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

export const payoutsExport = route({
  name: 'payoutsExport',
  methods: ['GET'],
  route: 'periods/{period}/payouts',
  handler: handler(async (request) => {
    const { locale, tenantId } = await financeCaller(request);
    const period = routePeriod(request);
    const format = (request.query.get('format') ?? 'json').toLowerCase();
    if (!FORMATS.includes(format as Format))
      throw refusal('invalid', 'export.bad-format', { format }, [
        { path: 'format', message: serverText(locale, 'export.bad-format', { format }) },
      ]);
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
    const name = `payouts-${period}-${head.runId}`;
    const meta = { 'x-payout-run': head.runId, 'x-payout-hash': head.runHash, 'cache-control': 'no-store' };
    if (format === 'csv')
      return {
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8; header=present',
          'content-disposition': `attachment; filename="${name}.csv"`,
          ...meta,
        },
        body: payoutCsv(rows),
      };
    if (format === 'xlsx')
      return {
        status: 200,
        headers: {
          'content-type': XLSX_CONTENT_TYPE,
          'content-disposition': `attachment; filename="${name}.xlsx"`,
          ...meta,
        },
        body: await payoutWorkbook(rows, { period, runId: head.runId }),
      };
    return json(
      {
        period,
        runId: head.runId,
        hash: head.runHash,
        status: run.status,
        currency: head.currency,
        totals: head.totals,
        rows,
      },
      200,
      meta,
    );
  }),
});
