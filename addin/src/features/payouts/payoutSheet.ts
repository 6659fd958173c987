// The Payouts sheet: one row per person (attainment, credited, quota, an amount per component, total),
// a Total row of sums, money formats, and a bar chart of attainment per person. It also keeps what
// each cell is, so that selecting a cell can explain it.
import {
  NUMBER_FORMATS,
  componentNames as coreComponentNames,
  type CompPlan,
  type Locale,
  type PayoutLine,
  type PayoutResult,
} from '@teamsheet/shared';
import { cellAddress, rangeAddress, type CellValue, type Workbook } from '../../office';

export const PAYOUTS_TABLE = 'TeamsheetPayouts';
export const PAYOUTS_CHART = 'TeamsheetAttainment';
export const payoutsSheetName = (locale: Locale) => (locale === 'zh-CN' ? '薪酬预览' : 'Payouts');

/** What a cell of the Payouts sheet holds, for Explain. */
export type PayoutCell =
  | { kind: 'line'; personId: string; name: string; line: PayoutLine }
  | { kind: 'total'; personId: string; name: string; lines: PayoutLine[]; amount: string }
  | { kind: 'person'; personId: string; name: string; lines: PayoutLine[] };

export interface PayoutLayout {
  sheet: string;
  headers: string[];
  rows: CellValue[][];
  numberFormats: Record<string, string>;
  /** The chart's source: the Name and Attainment columns of the person rows. */
  chartSource: string;
  /** Keyed by A1 address on the sheet. */
  cells: Map<string, PayoutCell>;
  /** Each component's column title, by id (what Explain calls it). */
  componentNames?: Map<string, string>;
}

export interface LayoutLabels {
  name: string;
  attainment: string;
  credited: string;
  quota: string;
  total: string;
  /** The first cell of the Total row. */
  totalRow: string;
}

/** Money text of the contract (`"1234.50"`) as a cell number; Excel stores numbers as doubles anyway. */
const cellMoney = (amount: string | undefined): CellValue => (amount === undefined ? null : Number(amount));

/** Lays out a payout result: Person | Name | Attainment | Credited | Quota | components… | Total. */
export function layoutPayouts(
  result: PayoutResult,
  plan: CompPlan,
  names: ReadonlyMap<string, string>,
  labels: LayoutLabels,
  locale: Locale,
): PayoutLayout {
  const components = plan.components.map((c) => c.id);
  // Titles by the components' names in the language (the comp-plan sheets' names; a kind twice numbered).
  const componentNames = coreComponentNames(plan.components, locale);
  const titles = components.map((id) => componentNames.get(id) ?? id);
  // People by name (no id column: the sheet is read by a person; the ids stay in the cell map).
  const headers = [labels.name, labels.attainment, labels.credited, labels.quota, ...titles, labels.total];
  const first = 4;
  const totalCol = first + components.length;
  const linesOf = new Map<string, PayoutLine[]>();
  for (const line of result.lines) linesOf.set(line.personId, [...(linesOf.get(line.personId) ?? []), line]);
  const cells = new Map<string, PayoutCell>();
  const rows: CellValue[][] = [];
  const componentMinor = components.map(() => 0);
  result.people.forEach((p, i) => {
    const row = i + 1; // 0-based sheet row under the header
    const name = names.get(p.personId) ?? p.personId;
    const lines = linesOf.get(p.personId) ?? [];
    const values: CellValue[] = [name, p.attainment ?? null, cellMoney(p.credited), cellMoney(p.quota)];
    components.forEach((id, k) => {
      const line = lines.find((l) => l.component === id);
      values.push(line ? cellMoney(line.amount) : null);
      if (line) {
        componentMinor[k]! += line.amountMinor;
        cells.set(cellAddress(row, first + k), { kind: 'line', personId: p.personId, name, line });
      }
    });
    values.push(cellMoney(p.amount));
    cells.set(cellAddress(row, totalCol), {
      kind: 'total',
      personId: p.personId,
      name,
      lines,
      amount: p.amount,
    });
    for (let c = 0; c < first; c++)
      cells.set(cellAddress(row, c), { kind: 'person', personId: p.personId, name, lines });
    rows.push(values);
  });
  // Sums of the lines, in minor units, so the Total row equals the result's totals to the cent.
  const scale = /\.(\d+)$/.exec(result.totals.amount)?.[1]?.length ?? 2;
  rows.push([
    labels.totalRow,
    null,
    null,
    null,
    ...componentMinor.map((m) => m / 10 ** scale),
    cellMoney(result.totals.amount),
  ]);
  const money = NUMBER_FORMATS.currency;
  const numberFormats: Record<string, string> = {
    [labels.attainment]: '0.0%',
    [labels.credited]: money,
    [labels.quota]: money,
    [labels.total]: money,
  };
  for (const title of titles) numberFormats[title] = money;
  return {
    sheet: payoutsSheetName(locale),
    headers,
    rows,
    numberFormats,
    chartSource: rangeAddress(0, 0, result.people.length + 1, 2),
    cells,
    componentNames,
  };
}

/** Writes the Payouts table and its attainment chart, then brings the sheet to the front (selects A1). */
export async function writePayoutsSheet(
  workbook: Workbook,
  layout: PayoutLayout,
  chartTitle: string,
): Promise<void> {
  await workbook.writeTable(layout.sheet, {
    name: PAYOUTS_TABLE,
    headers: layout.headers,
    rows: layout.rows,
    numberFormats: layout.numberFormats,
    freezeHeader: true,
  });
  if (layout.rows.length > 1)
    await workbook.addChart(layout.sheet, {
      name: PAYOUTS_CHART,
      type: 'bar',
      source: layout.chartSource,
      title: chartTitle,
    });
  await workbook.selectCell(layout.sheet, 'A1');
}
