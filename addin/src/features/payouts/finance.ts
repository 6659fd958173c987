// Finance's view of a period: the approved payout run pulled into a sheet with the columns payroll
// expects, and its export (csv or xlsx) downloaded through the browser from the same route.
import type { Locale } from '@teamsheet/shared';
import { ApiError, NetworkError, type Api, type ProblemDetails } from '../../api';
import type { CellValue, Workbook } from '../../office';

export const RUN_TABLE = 'TeamsheetPayoutRun';
export const runSheetName = (period: string, locale: Locale) =>
  locale === 'zh-CN' ? `薪酬发放 ${period}` : `Payroll ${period}`;

/** One payroll line of an approved run. */
export interface RunLine {
  personId: string;
  name?: string;
  unitId?: string;
  component: string;
  amount: string;
  currency: string;
  period: string;
  runId: string;
  hash: string;
}

export interface ApprovedRun {
  period: string;
  runId: string;
  hash: string;
  currency: string;
  lines: RunLine[];
}

type Loose = Record<string, unknown>;
const str = (...values: unknown[]): string => {
  for (const v of values) if (typeof v === 'string' || typeof v === 'number') return String(v);
  return '';
};

/** The export's JSON as payroll lines; run-level fields fill in what a line leaves out. */
export function normaliseRun(body: unknown, period: string): ApprovedRun {
  const b = (body ?? {}) as Loose;
  const run = (typeof b.run === 'object' && b.run !== null ? b.run : {}) as Loose;
  const runId = str(b.runId, run.id, run.runId);
  const hash = str(b.hash, run.hash);
  const currency = str(b.currency, run.currency);
  const list = (Array.isArray(b.lines) ? b.lines : Array.isArray(b.rows) ? b.rows : []) as Loose[];
  const lines = list.map((l) => {
    const line: RunLine = {
      personId: str(l.personId, l.person),
      component: str(l.component),
      amount: str(l.amount),
      currency: str(l.currency, currency),
      period: str(l.period, b.period, period),
      runId: str(l.runId, runId),
      hash: str(l.hash, hash),
    };
    const unit = str(l.unitId, l.unit);
    if (unit) line.unitId = unit;
    const name = str(l.name, l.personName);
    if (name) line.name = name;
    return line;
  });
  return { period: str(b.period, period), runId, hash, currency, lines };
}

export async function fetchApprovedRun(api: Api, period: string): Promise<ApprovedRun> {
  const body = await api.get<unknown>(`/api/periods/${encodeURIComponent(period)}/payouts?format=json`);
  return normaliseRun(body, period);
}

export interface RunHeaders {
  person: string;
  name: string;
  unit: string;
  component: string;
  amount: string;
  currency: string;
  period: string;
  runId: string;
  hash: string;
}

/** Writes the run as a table, amounts as numbers with two decimals. */
export async function writeRunSheet(
  workbook: Workbook,
  run: ApprovedRun,
  headers: RunHeaders,
  locale: Locale,
): Promise<string> {
  const sheet = runSheetName(run.period, locale);
  const rows: CellValue[][] = run.lines.map((l) => [
    l.personId,
    l.name ?? null,
    l.unitId ?? null,
    l.component,
    Number(l.amount),
    l.currency,
    l.period,
    l.runId,
    l.hash,
  ]);
  const h = headers;
  await workbook.writeTable(sheet, {
    name: RUN_TABLE,
    headers: [h.person, h.name, h.unit, h.component, h.amount, h.currency, h.period, h.runId, h.hash],
    rows,
    numberFormats: { [h.amount]: '#,##0.00' },
    freezeHeader: true,
  });
  await workbook.selectCell(sheet, 'A1');
  return sheet;
}

/** The API's origin, as the shell's: '' is the page's own origin (npm start serves both). */
export const apiBase = (
  (import.meta as { env?: Record<string, string | undefined> }).env?.VITE_TEAMSHEET_API_BASE ?? ''
).replace(/\/$/, '');

/**
 * Downloads the approved run as csv or xlsx: fetched with the bearer token (a plain link would carry
 * none), then saved through a temporary object URL. Failures come back as the API's own errors.
 */
export async function downloadExport(opts: {
  period: string;
  format: 'csv' | 'xlsx';
  token: string | undefined;
  locale: Locale;
  base?: string;
  fetchImpl?: typeof fetch;
}): Promise<{ fileName: string; bytes: number }> {
  const url = `${opts.base ?? apiBase}/api/periods/${encodeURIComponent(opts.period)}/payouts?format=${opts.format}`;
  const doFetch = opts.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        'accept-language': opts.locale,
      },
    });
  } catch (cause) {
    throw new NetworkError(url, cause);
  }
  if (!response.ok) {
    const text = await response.text();
    let problem: ProblemDetails = { status: response.status, title: response.statusText };
    try {
      problem = { ...(JSON.parse(text) as ProblemDetails), status: response.status };
    } catch {
      if (text) problem.detail = text.slice(0, 500);
    }
    throw new ApiError(response.status, problem, url);
  }
  const blob = await response.blob();
  const fileName = `payouts-${opts.period}.${opts.format}`;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return { fileName, bytes: blob.size };
}
