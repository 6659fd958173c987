// Finance's view of a period: the approved payout run pulled into a sheet with the columns payroll
// expects, and its export (csv or xlsx) downloaded through the browser from the same route.
import { currencyScale, type Locale, type PayoutExportRow, type PayoutMoney } from '@teamsheet/shared';
import type { Api } from '../../api';
import type { CellValue, Workbook } from '../../office';

export const RUN_TABLE = 'TeamsheetPayoutRun';
export const runSheetName = (period: string, locale: Locale) =>
  locale === 'zh-CN' ? `薪酬发放 ${period}` : `Payroll ${period}`;

/**
 * The JSON of GET /api/periods/{period}/payouts?format=json, exactly as the route builds it
 * (functions/src/functions/payoutsExport.ts): the run's identity and totals, and one row per payout
 * line from the core's `payoutExportRows` — the same rows the CSV and the xlsx are written from.
 */
export interface ApprovedRun {
  period: string;
  runId: string;
  hash: string;
  status: 'approved' | 'locked';
  currency: string;
  totals: PayoutMoney;
  rows: PayoutExportRow[];
}

/** The answer is not the export's JSON (an old or a foreign server): said plainly, never half-written. */
export class UnexpectedRunAnswer extends Error {
  constructor(readonly field: string) {
    super(`the payout export's answer has no valid "${field}"`);
    this.name = 'UnexpectedRunAnswer';
  }
}

/** Checks the fields the sheet is written from; anything else in the answer passes through untouched. */
export function readApprovedRun(body: unknown): ApprovedRun {
  const b = (body ?? {}) as Partial<Record<keyof ApprovedRun, unknown>>;
  for (const field of ['period', 'runId', 'hash', 'currency'] as const)
    if (typeof b[field] !== 'string') throw new UnexpectedRunAnswer(field);
  if (!Array.isArray(b.rows)) throw new UnexpectedRunAnswer('rows');
  (b.rows as unknown[]).forEach((row, i) => {
    const r = (row ?? {}) as Record<string, unknown>;
    for (const field of ['personId', 'component', 'amount'] as const)
      if (typeof r[field] !== 'string') throw new UnexpectedRunAnswer(`rows[${i}].${field}`);
  });
  return body as ApprovedRun;
}

export async function fetchApprovedRun(api: Api, period: string): Promise<ApprovedRun> {
  return readApprovedRun(
    await api.get<unknown>(`/api/periods/${encodeURIComponent(period)}/payouts?format=json`),
  );
}

export interface RunHeaders {
  name: string;
  unit: string;
  component: string;
  amount: string;
  currency: string;
  period: string;
}

/** How the sheet names what a row holds: people and units by name, components by their kind. */
export interface RunNames {
  unit(id: string): string;
  component(id: string): string;
}

/** `#,##0.00` for CNY, `#,##0` for JPY: the currency's own minor digits. */
export function amountFormat(currency: string): string {
  const scale = currencyScale(currency);
  return scale > 0 ? `#,##0.${'0'.repeat(scale)}` : '#,##0';
}

/** Writes the run as a table, amounts as numbers with the currency's decimals. */
export async function writeRunSheet(
  workbook: Workbook,
  run: ApprovedRun,
  headers: RunHeaders,
  locale: Locale,
  names: RunNames,
): Promise<string> {
  // Pulled again in the other language: the same sheet, re-headed, not a second one beside it.
  const sheetNames = [
    runSheetName(run.period, locale),
    runSheetName(run.period, locale === 'en' ? 'zh-CN' : 'en'),
  ];
  const existing = await workbook.listSheets();
  const sheet = sheetNames.find((n) => existing.includes(n)) ?? sheetNames[0]!;
  // Names, not ids (the person's id, the run id and its hash are in the export files for payroll).
  const rows: CellValue[][] = run.rows.map((r) => [
    r.personName || null,
    r.unitId ? names.unit(r.unitId) : null,
    names.component(r.component),
    Number(r.amount), // a number for Excel to add up; the export files keep the exact decimal text
    r.currency,
    r.period,
  ]);
  const h = headers;
  await workbook.writeTable(sheet, {
    name: RUN_TABLE,
    headers: [h.name, h.unit, h.component, h.amount, h.currency, h.period],
    rows,
    numberFormats: { [h.amount]: amountFormat(run.currency) },
    freezeHeader: true,
  });
  await workbook.selectCell(sheet, 'A1');
  return sheet;
}

/**
 * Downloads the approved run as csv or xlsx through the API client (a plain link would carry no
 * bearer token), then saves it through a temporary object URL. Failures are the client's own errors.
 */
export async function downloadExport(
  api: Api,
  period: string,
  format: 'csv' | 'xlsx',
): Promise<{ fileName: string; bytes: number }> {
  const file = await api.download(`/api/periods/${encodeURIComponent(period)}/payouts?format=${format}`);
  const fileName = file.fileName ?? `payouts-${period}.${format}`;
  saveFile(file.blob, fileName);
  return { fileName, bytes: file.blob.size };
}

/** Hands a file to the browser's download (the only way out of a task pane's sandbox). */
function saveFile(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
