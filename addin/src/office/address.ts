// A1-style cell addresses for the workbook layer: parse and format them without Office.js, so the
// Excel and the preview workbook agree on what "B3" or "A1:C10" means.

import { columnLetter } from '@teamsheet/shared';

export interface CellRef {
  row: number; // 0-based
  col: number; // 0-based
}
export interface RangeRef {
  start: CellRef;
  end: CellRef; // inclusive
}

/** 0-based column → letters (0 → A); the letters themselves are the core's rule. */
export function columnLetters(col: number): string {
  return columnLetter(col + 1);
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const cellPattern = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCell(text: string): CellRef {
  const m = cellPattern.exec(text.trim());
  if (!m) throw new Error(`not a cell address: ${text}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

/** Accepts `B3`, `A1:C10` and sheet-qualified forms (`'Plan 2026'!A1:C10`); the sheet part is dropped. */
export function parseRange(text: string): RangeRef {
  const bang = text.lastIndexOf('!');
  const local = bang >= 0 ? text.slice(bang + 1) : text;
  const [a, b] = local.split(':');
  const start = parseCell(a ?? '');
  const end = b === undefined ? start : parseCell(b);
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeAddress(row: number, col: number, rowCount: number, colCount: number): string {
  const first = cellAddress(row, col);
  if (rowCount === 1 && colCount === 1) return first;
  return `${first}:${cellAddress(row + rowCount - 1, col + colCount - 1)}`;
}

/** The range `address` names, checked to be exactly the size of `values` (both workbooks write this way). */
export function rangeFor(address: string, values: readonly (readonly unknown[])[]): RangeRef {
  const r = parseRange(address);
  const rows = r.end.row - r.start.row + 1;
  const cols = r.end.col - r.start.col + 1;
  if (values.length !== rows || values.some((v) => v.length !== cols))
    throw new Error(
      `${address} holds ${rows}×${cols} cells; the values are ${values.length}×${values[0]?.length ?? 0}`,
    );
  return r;
}
