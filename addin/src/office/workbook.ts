// The one interface the task pane uses to touch a workbook. Two implementations: Excel (Office.js,
// see excelWorkbook.ts) and an in-memory preview used outside Office and in browser tests.

import type { CellBlock, ColourScaleRule, WriteCellsOptions } from './report';

export type CellValue = string | number | boolean | null;

export interface TableSpec {
  name: string;
  headers: string[];
  rows: CellValue[][];
  /** Excel number format per header, e.g. `{ value: '#,##0.00' }`. */
  numberFormats?: Record<string, string>;
  /** In-cell drop-down lists per header. */
  validation?: Record<string, string[]>;
  /**
   * In-cell drop-down lists per header whose entries are the cells of a range, e.g. `Lists!A2:A40`
   * (for lists longer than the 255 characters Excel allows as text).
   */
  listRanges?: Record<string, string>;
  /** A number format per body row for some columns (e.g. targets: by each row's metric); null keeps General. */
  rowFormats?: { headers: string[]; formats: (string | null)[] };
  freezeHeader?: boolean;
  /** Top-left cell of the header row; default `A1`. */
  at?: string;
}

export interface TableData {
  name: string;
  address: string;
  headers: string[];
  rows: CellValue[][];
}

export interface CellMark {
  address: string;
  /** A colour like `#FDE7E9`; `null` removes the fill. */
  fill?: string | null;
  /** A short note on the cell (a finding, a trace); `null` removes it. */
  note?: string | null;
}

export type ChartType = 'column' | 'bar' | 'line' | 'pie';

export interface ChartSpec {
  name: string;
  type: ChartType;
  /** Source range with a header row and the category in its first column, e.g. `A1:C6`. */
  source: string;
  title?: string;
}

/** How a sheet is laid out beyond its cells: hidden rows, sheet-scoped names of cells, a hidden sheet. */
export interface SheetLayout {
  /** 1-based rows to hide, e.g. `[1]` for a template's marker row. */
  hiddenRows?: number[];
  /** Sheet-scoped names of cells, e.g. `{ name: 'Teamsheet.TemplateVersion', address: 'A1' }`; an existing one is replaced. */
  names?: { name: string; address: string }[];
  /** Hides (true) or shows (false) the whole sheet, e.g. the lists the drop-downs read from. */
  hidden?: boolean;
}

export interface Selection {
  sheet: string;
  address: string;
}

export interface Workbook {
  readonly kind: 'excel' | 'preview';
  listSheets(): Promise<string[]>;
  /**
   * Renames sheet `from` to `to` (a sheet written in one language found again in another); nothing
   * changes when `from` does not exist or `to` already does.
   */
  renameSheet(from: string, to: string): Promise<void>;
  /** Creates the sheet if needed and replaces any table of the same name. */
  writeTable(sheet: string, spec: TableSpec): Promise<{ address: string }>;
  /** The table's header and body, or `null` when the sheet or table does not exist. */
  readTable(sheet: string, name: string): Promise<TableData | null>;
  writeRange(sheet: string, address: string, values: CellValue[][]): Promise<void>;
  readRange(sheet: string, address: string): Promise<CellValue[][]>;
  setCellStyle(sheet: string, address: string, style: Omit<CellMark, 'address'>): Promise<void>;
  /** Many marks in one round trip (one sync per chunk in Excel). */
  markCells(sheet: string, marks: CellMark[]): Promise<void>;
  /** Removes the fills and notes this add-in placed on the sheet. */
  clearMarks(sheet: string): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  /** Adds a chart, replacing one of the same name on the sheet. */
  addChart(sheet: string, spec: ChartSpec): Promise<void>;
  /** Blocks of cells with number formats, bold and indents (report sheets); one sync per chunk in Excel. */
  writeCells(sheet: string, blocks: readonly CellBlock[], options?: WriteCellsOptions): Promise<void>;
  /** Colour-scale conditional formats on ranges (ExcelApi 1.6), all in one round trip. */
  addColourScales(sheet: string, rules: readonly ColourScaleRule[]): Promise<void>;
  /** Hides rows, names cells (sheet scope) and hides or shows the sheet, in one round trip (two with names). */
  arrangeSheet(sheet: string, layout: SheetLayout): Promise<void>;
  /** Calls `handler` whenever the user selects other cells; resolves to an unsubscribe function. */
  onSelectionChanged(handler: (selection: Selection) => void): Promise<() => void>;
}

/** Office's request payload limit is 5 MB; chunks aim well under it, estimated from the JSON size. */
export const CHUNK_BYTES = 4_000_000;

export function estimateBytes(value: CellValue): number {
  if (value === null) return 4;
  if (typeof value === 'string') return value.length * 2 + 4; // worst case for escapes and non-ASCII
  if (typeof value === 'number') return 24;
  return 6;
}

/** Splits rows into consecutive slices whose estimated payload stays under `budget` bytes. */
export function chunkRows<T extends CellValue[]>(
  rows: readonly T[],
  budget = CHUNK_BYTES,
  extraPerRow = 0,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const row of rows) {
    let rowSize = 4 + extraPerRow;
    for (const v of row) rowSize += estimateBytes(v) + 1;
    if (current.length > 0 && size + rowSize > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(row);
    size += rowSize;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Rows padded or cut to the header width, so a table's body is always rectangular. */
export function rectangular(rows: readonly CellValue[][], width: number): CellValue[][] {
  return rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? null : r[i]!)));
}
