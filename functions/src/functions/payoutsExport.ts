// GET /api/periods/{period}/payouts?format=json|csv|xlsx (finance): the approved run of a period in
// the columns payroll expects (person, name, unit, component, amount, currency, period, run id, hash);
// CSV per RFC 4180 with a UTF-8 BOM and xlsx with numeric amounts, text cells neutralised in both.
import { payoutCsv } from '@teamsheet/shared';
import { handler, json } from '../http';
import { route } from '../registry';
import { payoutExport } from '../workflows/payoutExport';
import { financeCaller } from '../auth';
import { routePeriod } from '../address';
import { payoutWorkbook, XLSX_CONTENT_TYPE } from '../xlsx/payoutExport';
import { serverText } from '../messages';
import { refusal } from '../refusal';

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

/** A file answer: its bytes or text, its type and the name it is saved under. */
const file = (type: string, name: string, body: string | Uint8Array, meta: Record<string, string>) => ({
  status: 200,
  headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, ...meta },
  body,
});

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
    const { run, head, rows } = await payoutExport(tenantId, period);
    const name = `payouts-${period}-${head.runId}`;
    const meta = { 'x-payout-run': head.runId, 'x-payout-hash': head.runHash, 'cache-control': 'no-store' };
    if (format === 'csv')
      return file('text/csv; charset=utf-8; header=present', `${name}.csv`, payoutCsv(rows), meta);
    if (format === 'xlsx')
      return file(
        XLSX_CONTENT_TYPE,
        `${name}.xlsx`,
        await payoutWorkbook(rows, { period, runId: head.runId }),
        meta,
      );
    const { runId, runHash: hash, currency, totals } = head;
    return json({ period, runId, hash, status: run.status, currency, totals, rows }, 200, meta);
  }),
});
