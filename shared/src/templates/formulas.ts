// The formula columns of a template (the targets' Total and quarters): the Excel formula a row gets
// and the value it computes, so the pane, the .xlsx writer and both readers follow one rule.
import { columnLetter } from './cells';
import type { ColumnDef, SheetDef } from './definitions';
import { TEMPLATE_LAYOUT } from './version';

/** The columns of a sheet that a formula fills, in column order. */
export function formulaColumns(sheet: SheetDef): ColumnDef[] {
  return sheet.columns.filter((c) => c.sumOf !== undefined);
}

/**
 * The sum a formula column shows: the numbers among its parts, added; null (a blank cell) when none
 * is a number, so a row without months shows no Total and no quarters rather than 0. Rounded to 15
 * significant digits, as Excel shows a sum (0.1 + 0.2 is 0.3).
 */
export function sumOfParts(values: readonly unknown[]): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values)
    if (typeof v === 'number' && Number.isFinite(v)) {
      sum += v;
      count++;
    }
  return count === 0 ? null : Number(sum.toPrecision(15));
}

/** The value of a formula column in a row whose values are keyed by column key. */
export function computedValue(col: ColumnDef, values: Readonly<Record<string, unknown>>): number | null {
  return sumOfParts((col.sumOf ?? []).map((key) => values[key]));
}

/** The four quarter sums of a year's twelve months (blank where a quarter's months are blank). */
export function quarterTotals(months: readonly (number | null | undefined)[]): (number | null)[] {
  return [0, 1, 2, 3].map((q) => sumOfParts(months.slice(q * 3, q * 3 + 3)));
}

/** Whether a number shown in a formula cell is the sum of its parts (up to the noise of two adders). */
export function isSumOf(value: number, sum: number): boolean {
  return Math.abs(value - sum) <= 1e-9 * Math.max(1, Math.abs(sum));
}

export type FormulaPlace = {
  /** 1-based sheet row of the cell (default: the first data row). */
  row?: number;
  /** 1-based sheet column of the table's first column (default 1, column A). */
  firstColumn?: number;
  /** Where each column key sits, 0-based from the first column (default: the sheet's own order). */
  columns?: ReadonlyMap<string, number>;
};

/**
 * The Excel formula of a formula column in one row, blank while its parts are:
 * `=IF(COUNT(D3:F3)=0,"",SUM(D3:F3))`. Undefined when the column is no formula column or a part is
 * not on the sheet (an older layout without it).
 */
export function columnFormula(sheet: SheetDef, key: string, place: FormulaPlace = {}): string | undefined {
  const col = sheet.columns.find((c) => c.key === key);
  if (!col?.sumOf || col.sumOf.length === 0) return undefined;
  const row = place.row ?? TEMPLATE_LAYOUT.firstDataRow;
  const first = place.firstColumn ?? 1;
  const positions = new Map(sheet.columns.map((c, i) => [c.key, i] as const));
  const at = col.sumOf.map((k) => (place.columns ?? positions).get(k));
  if (at.some((i) => i === undefined)) return undefined;
  const sorted = (at as number[]).slice().sort((a, b) => a - b);
  const cell = (i: number) => `${columnLetter(first + i)}${row}`;
  const contiguous = sorted.every((v, i) => i === 0 || v === (sorted[i - 1] as number) + 1);
  const parts = contiguous
    ? sorted.length === 1
      ? cell(sorted[0] as number)
      : `${cell(sorted[0] as number)}:${cell(sorted[sorted.length - 1] as number)}`
    : sorted.map(cell).join(',');
  return `=IF(COUNT(${parts})=0,"",SUM(${parts}))`;
}

/** The cells of a row with nothing typed yet: the formula of every formula column, blank elsewhere. */
export function blankRowFormulas(
  sheet: SheetDef,
  place: Omit<FormulaPlace, 'columns'> = {},
): (string | null)[] {
  return sheet.columns.map((c) => (c.sumOf ? (columnFormula(sheet, c.key, place) ?? null) : null));
}
