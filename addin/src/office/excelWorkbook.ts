// The Workbook interface on real Excel (Office.js). Every call takes an Excel request context,
// moves whole 2-D ranges, and syncs once per chunk; chunks stay under Office's 5 MB request limit.
/* eslint-disable office-addins/no-context-sync-in-loop -- the loops below go chunk by chunk, one sync per <4 MB chunk, by design */
/* eslint-disable office-addins/no-navigational-load -- isNullObject is a scalar; the rule mistakes it for a navigation property */
import { columnLetters, parseCell, parseRange, rangeAddress, rangeFor } from './address';
import type { ExcelRun } from './excelTypes';
import { addChartIn, addColourScalesIn, writeCellsIn } from './excelReport';
import {
  CHUNK_BYTES,
  chunkRows,
  rectangular,
  type CellMark,
  type CellValue,
  type SheetLayout,
  type TableData,
  type TableSpec,
  type Workbook,
} from './workbook';

/** Notes this add-in writes start with this text, so clearing marks never removes a person's comments. */
export const MARK_PREFIX = 'Teamsheet: ';
/** Excel's own limit on an in-cell list typed as text. */
const LIST_SOURCE_MAX = 255;

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return v === '' ? '' : null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** `Lists!A2:A40` → `'Lists'!$A$2:$A$40`, the form a list validation's source formula takes. */
export function absoluteReference(reference: string): string {
  const bang = reference.lastIndexOf('!');
  const sheet =
    bang >= 0
      ? reference
          .slice(0, bang)
          .replace(/^'(.*)'$/, '$1')
          .replace(/''/g, "'")
      : '';
  const r = parseRange(bang >= 0 ? reference.slice(bang + 1) : reference);
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const local = `${cell(r.start.row, r.start.col)}:${cell(r.end.row, r.end.col)}`;
  return sheet ? `${quoteSheet(sheet)}!${local}` : local;
}

// Excel writes `null` as "leave unchanged"; an empty string empties the cell, which is what a table write means.
const toExcel = (rows: CellValue[][]) => rows.map((r) => r.map((v) => (v === null ? '' : v)));

async function getOrAddSheet(context: Excel.RequestContext, name: string): Promise<Excel.Worksheet> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  sheet.load('isNullObject');
  await context.sync();
  return sheet.isNullObject ? context.workbook.worksheets.add(name) : sheet;
}

/** Writes header and rows as an Excel table, replacing a table of the same name: 2 syncs for up to ~4 MB. */
export async function writeTableIn(
  context: Excel.RequestContext,
  sheetName: string,
  spec: TableSpec,
): Promise<{ address: string }> {
  const at = parseCell(spec.at ?? 'A1');
  const width = spec.headers.length;
  if (width === 0) throw new Error(`table ${spec.name} needs at least one column`);
  const lists = Object.entries(spec.validation ?? {}).map(([header, values]) => {
    const source = values.join(',');
    if (source.length > LIST_SOURCE_MAX)
      throw new Error(
        `the drop-down list of ${header} is ${source.length} characters; Excel allows ${LIST_SOURCE_MAX}`,
      );
    return { col: spec.headers.indexOf(header), source };
  });

  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load('isNullObject');
  const old = context.workbook.tables.getItemOrNullObject(spec.name);
  old.load('isNullObject');
  await context.sync();

  const target = sheet.isNullObject ? context.workbook.worksheets.add(sheetName) : sheet;
  if (!old.isNullObject) {
    old.getRange().clear();
    old.delete();
  }

  const formats = spec.headers
    .map((h, col) => ({ col, format: spec.numberFormats?.[h] }))
    .filter((f): f is { col: number; format: string } => typeof f.format === 'string');
  const rowFormatCols = (spec.rowFormats?.headers ?? [])
    .map((h) => spec.headers.indexOf(h))
    .filter((col) => col >= 0);
  const rowFormatBytes = Math.max(0, ...(spec.rowFormats?.formats ?? []).map((f) => (f ?? 'General').length));
  const extraPerRow =
    formats.reduce((n, f) => n + f.format.length * 2 + 4, 0) +
    rowFormatCols.length * (rowFormatBytes * 2 + 4);
  const body = rectangular(spec.rows, width);
  const chunks = chunkRows([spec.headers, ...body], CHUNK_BYTES, extraPerRow);
  let row = at.row;
  for (const [i, chunk] of chunks.entries()) {
    target.getRangeByIndexes(row, at.col, chunk.length, width).values = toExcel(chunk);
    const firstBodyRow = i === 0 ? 1 : 0; // the header row keeps the General format
    const count = chunk.length - firstBodyRow;
    for (const f of formats)
      if (count > 0)
        target.getRangeByIndexes(row + firstBodyRow, at.col + f.col, count, 1).numberFormat = Array.from(
          { length: count },
          () => [f.format],
        );
    if (count > 0 && rowFormatCols.length > 0) {
      const bodyStart = row + firstBodyRow - at.row - 1; // index of this chunk's first body row
      const column = Array.from({ length: count }, (_, k) => [
        spec.rowFormats?.formats[bodyStart + k] ?? 'General',
      ]);
      for (const col of rowFormatCols)
        target.getRangeByIndexes(row + firstBodyRow, at.col + col, count, 1).numberFormat = column;
    }
    row += chunk.length;
    if (i < chunks.length - 1) await context.sync();
  }

  const address = rangeAddress(at.row, at.col, body.length + 1, width);
  const table = target.tables.add(`${quoteSheet(sheetName)}!${address}`, true);
  table.name = spec.name;
  for (const l of lists)
    if (l.col >= 0 && body.length > 0)
      target.getRangeByIndexes(at.row + 1, at.col + l.col, body.length, 1).dataValidation.rule = {
        list: { inCellDropDown: true, source: l.source },
      };
  for (const [header, source] of Object.entries(spec.listRanges ?? {})) {
    const col = spec.headers.indexOf(header);
    if (col >= 0 && body.length > 0)
      target.getRangeByIndexes(at.row + 1, at.col + col, body.length, 1).dataValidation.rule = {
        list: { inCellDropDown: true, source: `=${absoluteReference(source)}` },
      };
  }
  if (spec.freezeHeader) target.freezePanes.freezeRows(at.row + 1);
  await context.sync();
  return { address };
}

/** Reads a table by name in row chunks: 2 syncs to find it, then one per ~4 MB of cells. */
export async function readTableIn(
  context: Excel.RequestContext,
  sheetName: string,
  name: string,
): Promise<TableData | null> {
  const table = context.workbook.tables.getItemOrNullObject(name);
  table.load('isNullObject');
  await context.sync();
  if (table.isNullObject) return null;

  const range = table.getRange().load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  table.worksheet.load('name');
  await context.sync();
  if (table.worksheet.name !== sheetName) return null;

  const rows = await readByIndexes(
    context,
    table.worksheet,
    range.rowIndex,
    range.columnIndex,
    range.rowCount,
    range.columnCount,
  );
  const [header = [], ...body] = rows;
  return {
    name,
    address: rangeAddress(range.rowIndex, range.columnIndex, range.rowCount, range.columnCount),
    headers: header.map((h) => String(h ?? '')),
    rows: body,
  };
}

async function readByIndexes(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  row: number,
  col: number,
  rowCount: number,
  colCount: number,
): Promise<CellValue[][]> {
  // Responses share the 5 MB limit; a cell is budgeted at 40 bytes of JSON, generous for numbers and short text.
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK_BYTES / (40 * Math.max(1, colCount))));
  const out: CellValue[][] = [];
  for (let r = 0; r < rowCount; r += rowsPerChunk) {
    const n = Math.min(rowsPerChunk, rowCount - r);
    const part = sheet.getRangeByIndexes(row + r, col, n, colCount).load('values');
    await context.sync();
    for (const line of part.values) out.push(line.map(toCellValue));
  }
  return out;
}

export async function writeRangeIn(
  context: Excel.RequestContext,
  sheetName: string,
  address: string,
  values: CellValue[][],
): Promise<void> {
  const r = rangeFor(address, values);
  const sheet = await getOrAddSheet(context, sheetName);
  let row = r.start.row;
  for (const chunk of chunkRows(values)) {
    sheet.getRangeByIndexes(row, r.start.col, chunk.length, r.end.col - r.start.col + 1).values = chunk.map(
      (line) => line.map((v) => v ?? ''),
    );
    row += chunk.length;
    await context.sync();
  }
}

export async function readRangeIn(
  context: Excel.RequestContext,
  sheetName: string,
  address: string,
): Promise<CellValue[][]> {
  const r = parseRange(address);
  const sheet = context.workbook.worksheets.getItem(sheetName);
  return readByIndexes(
    context,
    sheet,
    r.start.row,
    r.start.col,
    r.end.row - r.start.row + 1,
    r.end.col - r.start.col + 1,
  );
}

/** Our notes on a sheet, found by their prefix: 1 sync to list the comments, 1 more for their cells. */
async function ourNotes(context: Excel.RequestContext, sheet: Excel.Worksheet) {
  sheet.comments.load('items/content');
  await context.sync();
  const ours = sheet.comments.items.filter((c) => c.content.startsWith(MARK_PREFIX));
  const locations = ours.map((c) => c.getLocation().load('address'));
  if (ours.length > 0) await context.sync();
  return ours.map((comment, i) => ({ comment, address: parseRange(locations[i]!.address) }));
}

const sameCell = (a: string, b: { start: { row: number; col: number } }) => {
  const p = parseRange(a).start;
  return p.row === b.start.row && p.col === b.start.col;
};

/**
 * Fills and notes for many cells. Notes are Excel comments (ExcelApi 1.10) prefixed with
 * MARK_PREFIX; a cell holds one, so an earlier note of ours on the same cell is replaced.
 */
export async function markCellsIn(
  context: Excel.RequestContext,
  sheetName: string,
  marks: CellMark[],
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const withNotes = marks.filter((m) => m.note !== undefined);
  if (withNotes.length > 0) {
    for (const { comment, address } of await ourNotes(context, sheet))
      if (withNotes.some((m) => sameCell(m.address, address))) comment.delete();
  }
  // Each mark is a few hundred bytes of request at most; 5,000 per sync keeps well under the limit.
  for (let i = 0; i < marks.length; i += 5_000) {
    for (const m of marks.slice(i, i + 5_000)) {
      const range = sheet.getRange(m.address);
      if (m.fill === null) range.format.fill.clear();
      else if (m.fill !== undefined) range.format.fill.color = m.fill;
      if (m.note)
        context.workbook.comments.add(
          `${quoteSheet(sheetName)}!${m.address.split(':')[0]}`,
          MARK_PREFIX + m.note,
        );
    }
    await context.sync();
  }
}

export async function clearMarksIn(
  context: Excel.RequestContext,
  sheetName: string,
  filled: Iterable<string>,
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  for (const { comment } of await ourNotes(context, sheet)) comment.delete();
  for (const address of filled) sheet.getRange(address).format.fill.clear();
  await context.sync();
}

/**
 * Hidden rows, sheet-scoped names and the sheet's visibility: one sync to find names to replace
 * (Excel refuses to add a name that exists), one to apply everything.
 */
export async function arrangeSheetIn(
  context: Excel.RequestContext,
  sheetName: string,
  layout: SheetLayout,
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const names = layout.names ?? [];
  const existing = names.map((n) => sheet.names.getItemOrNullObject(n.name).load('isNullObject'));
  if (existing.length > 0) await context.sync();
  for (const item of existing) if (!item.isNullObject) item.delete();
  for (const n of names) sheet.names.add(n.name, sheet.getRange(n.address));
  for (const row of layout.hiddenRows ?? []) sheet.getRangeByIndexes(row - 1, 0, 1, 1).rowHidden = true;
  if (layout.hidden !== undefined) sheet.visibility = layout.hidden ? 'Hidden' : 'Visible';
  await context.sync();
}

/** Renames a sheet when it exists and the new name is free: one sync to look, one to rename. */
export async function renameSheetIn(context: Excel.RequestContext, from: string, to: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(from);
  const taken = context.workbook.worksheets.getItemOrNullObject(to);
  sheet.load('isNullObject');
  taken.load('isNullObject');
  await context.sync();
  if (sheet.isNullObject || !taken.isNullObject) return;
  sheet.name = to;
  await context.sync();
}

export interface ExcelWorkbookOptions {
  /** `Excel.run`; tests hand in a mock. */
  run: ExcelRun;
}

/**
 * The Workbook on Excel. Fills placed through it are remembered for `clearMarks` during the session
 * (Excel keeps no record of who coloured a cell); notes are found again by their prefix at any time.
 */
export function createExcelWorkbook({ run }: ExcelWorkbookOptions): Workbook {
  const filled = new Map<string, Set<string>>();
  const workbook: Workbook = {
    kind: 'excel',
    listSheets: () =>
      run(async (context) => {
        const sheets = context.workbook.worksheets.load('items/name');
        await context.sync();
        return sheets.items.map((s) => s.name);
      }),
    renameSheet: (from, to) => run((context) => renameSheetIn(context, from, to)),
    writeTable: (sheet, spec) => run((context) => writeTableIn(context, sheet, spec)),
    readTable: (sheet, name) => run((context) => readTableIn(context, sheet, name)),
    writeRange: (sheet, address, values) => run((context) => writeRangeIn(context, sheet, address, values)),
    readRange: (sheet, address) => run((context) => readRangeIn(context, sheet, address)),
    setCellStyle: (sheet, address, style) => workbook.markCells(sheet, [{ address, ...style }]),
    markCells: async (sheet, marks) => {
      await run((context) => markCellsIn(context, sheet, marks));
      const set = filled.get(sheet) ?? new Set<string>();
      for (const m of marks) if (m.fill) set.add(m.address);
      filled.set(sheet, set);
    },
    clearMarks: async (sheet) => {
      await run((context) => clearMarksIn(context, sheet, filled.get(sheet) ?? []));
      filled.delete(sheet);
    },
    selectCell: (sheet, address) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      }),
    addChart: (sheet, spec) => run((context) => addChartIn(context, sheet, spec)),
    writeCells: async (sheet, blocks, options) => {
      await run((context) => writeCellsIn(context, sheet, blocks, options));
    },
    addColourScales: (sheet, rules) => run((context) => addColourScalesIn(context, sheet, rules)),
    arrangeSheet: (sheet, layout) => run((context) => arrangeSheetIn(context, sheet, layout)),
    onSelectionChanged: (handler) =>
      run(async (context) => {
        const subscription = context.workbook.worksheets.onSelectionChanged.add(async (args) => {
          await run(async (inner) => {
            const ws = inner.workbook.worksheets.getItem(args.worksheetId).load('name');
            await inner.sync();
            handler({ sheet: ws.name, address: args.address });
          });
        });
        await context.sync();
        return () => {
          subscription.remove();
          void subscription.context.sync();
        };
      }),
  };
  return workbook;
}
