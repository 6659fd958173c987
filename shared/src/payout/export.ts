// The payroll export of an approved payout run (docs/rules.md, Pay): one row per payout line with the
// columns payroll expects, and CSV per RFC 4180 that a spreadsheet opens safely — a text cell that
// begins with = + - @, tab or CR is neutralised with a leading single quote (numbers stay numbers).
import { asMinor, currencyScale, formatMinor, type Minor } from '../money';
import type { PayoutLine, Person } from '../schemas';

export type PayoutExportRow = {
  personId: string;
  personName: string;
  unitId: string;
  component: string;
  /** Decimal text with the currency's digits, e.g. "1234.50". */
  amount: string;
  amountMinor: Minor;
  currency: string;
  period: string;
  runId: string;
  hash: string;
};

/** Column headers in export order, with the row field each one shows. */
export const PAYOUT_EXPORT_COLUMNS: readonly {
  header: string;
  field: keyof PayoutExportRow;
  numeric?: true;
}[] = [
  { header: 'person', field: 'personId' },
  { header: 'name', field: 'personName' },
  { header: 'unit', field: 'unitId' },
  { header: 'component', field: 'component' },
  { header: 'amount', field: 'amount', numeric: true },
  { header: 'currency', field: 'currency' },
  { header: 'period', field: 'period' },
  { header: 'run id', field: 'runId' },
  { header: 'hash', field: 'hash' },
];

export type PayoutExportInput = {
  period: string;
  runId: string;
  hash: string;
  currency: string;
  lines: readonly Pick<PayoutLine, 'personId' | 'component' | 'amountMinor'>[];
  /** The people of the run, for names and units; a person not found leaves both empty. */
  people: readonly Pick<Person, 'id' | 'name' | 'unitId'>[];
};

/** One row per line, in the run's line order; amounts re-formatted from minor units. */
export function payoutExportRows(input: PayoutExportInput): PayoutExportRow[] {
  const scale = currencyScale(input.currency);
  const byId = new Map(input.people.map((p) => [p.id, p]));
  return input.lines.map((line, i) => {
    const person = byId.get(line.personId);
    // A stored line's amount is a plain number of the contract: checked whole here, where it enters.
    const amountMinor = asMinor(line.amountMinor, `lines[${i}].amountMinor`);
    return {
      personId: line.personId,
      personName: person?.name ?? '',
      unitId: person?.unitId ?? '',
      component: line.component,
      amount: formatMinor(amountMinor, scale),
      amountMinor,
      currency: input.currency,
      period: input.period,
      runId: input.runId,
      hash: input.hash,
    };
  });
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe for spreadsheets (CSV injection): text beginning with = + - @, tab or CR
 * gets a leading single quote, so "=HYPERLINK(…)" shows as text and never runs. Only for text cells.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A field per RFC 4180: quoted when it holds a comma, a double quote, CR or LF; quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The cells of a row as export text: numeric columns as plain decimals, text columns neutralised. */
export function exportCells(row: PayoutExportRow): string[] {
  return PAYOUT_EXPORT_COLUMNS.map((c) =>
    c.numeric ? String(row[c.field]) : neutraliseCell(String(row[c.field])),
  );
}

/** CSV per RFC 4180: UTF-8 BOM (so Excel reads Chinese names right), header row, CRLF line ends. */
export function payoutCsv(rows: readonly PayoutExportRow[]): string {
  const lines = [PAYOUT_EXPORT_COLUMNS.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(exportCells(row).map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
