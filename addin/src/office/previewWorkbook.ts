// The in-memory workbook of preview mode (a plain browser, no Excel): same interface as Excel's,
// observable so the page can draw it as a grid with sheet tabs.
import { cellAddress, parseCell, parseRange, rangeAddress, rangeFor } from './address';
import {
  rectangular,
  type CellMark,
  type CellValue,
  type ChartSpec,
  type Selection,
  type SheetLayout,
  type TableData,
  type TableSpec,
  type Workbook,
} from './workbook';
import { evaluateSheetFormula } from './previewFormulas';
import type { ColourScaleRule } from './report';

export interface PreviewCell {
  value: CellValue;
  numberFormat?: string;
  fill?: string;
  note?: string;
  /** Allowed values of an in-cell drop-down. */
  list?: string[];
  bold?: boolean;
  /** Indent level (Excel's indentLevel). */
  indent?: number;
  /** The formula the cell holds (`=TEAMSHEET.PAYOUT(…)`); `value` is its result, `#BUSY!` while it is asked. */
  formula?: string;
  /** The formula is the sheet's own (SUM, COUNT, IF of cells): computed here, again after every write. */
  sheetFormula?: boolean;
}

/**
 * Evaluates a formula the preview can answer (the Teamsheet formulas): its value and, for an error,
 * the message Excel shows on the cell; undefined for a formula it does not know (kept as text).
 */
export type FormulaEvaluator = (formula: string) => Promise<{ value: CellValue; note?: string }> | undefined;

export interface PreviewTable {
  name: string;
  row: number;
  col: number;
  rowCount: number; // header included
  colCount: number;
}

export interface PreviewSheet {
  name: string;
  cells: Map<string, PreviewCell>; // key: `row,col`
  tables: PreviewTable[];
  charts: ChartSpec[];
  frozenRows: number;
  colourScales: ColourScaleRule[];
  /** A hidden sheet (Excel's visibility `Hidden`). */
  hidden: boolean;
  /** Hidden rows, 1-based, ascending. */
  hiddenRows: number[];
  /** Sheet-scoped names: name → cell address. */
  names: Record<string, string>;
}

export interface PreviewWorkbook extends Workbook {
  readonly kind: 'preview';
  sheets(): readonly PreviewSheet[];
  sheet(name: string): PreviewSheet | undefined;
  selection(): Selection | null;
  /** Called by the grid when the user clicks a cell. */
  select(sheet: string, address: string): void;
  /** Re-render hook: `listener` runs after every change; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Increases on every change, for React's useSyncExternalStore. */
  version(): number;
  /** Who evaluates formulas typed or written into cells (none: they stay text, as before). */
  useFormulas(evaluate: FormulaEvaluator | null): void;
  /** Evaluates every formula cell again (Excel's Calculate); resolves when all have their values. */
  recalculate(): Promise<void>;
}

const key = (row: number, col: number) => `${row},${col}`;

export function createPreviewWorkbook(initialSheets: string[] = ['Sheet1']): PreviewWorkbook {
  const sheets: PreviewSheet[] = [];
  const listeners = new Set<() => void>();
  const selectionHandlers = new Set<(s: Selection) => void>();
  let current: Selection | null = null;
  let version = 0;

  const changed = () => {
    version += 1;
    for (const l of [...listeners]) l();
  };
  const find = (name: string) => sheets.find((s) => s.name === name);
  const ensure = (name: string): PreviewSheet => {
    let s = find(name);
    if (!s) {
      s = {
        name,
        cells: new Map(),
        tables: [],
        charts: [],
        frozenRows: 0,
        colourScales: [],
        hidden: false,
        hiddenRows: [],
        names: {},
      };
      sheets.push(s);
    }
    return s;
  };
  const cell = (s: PreviewSheet, row: number, col: number): PreviewCell => {
    const k = key(row, col);
    let c = s.cells.get(k);
    if (!c) {
      c = { value: null };
      s.cells.set(k, c);
    }
    return c;
  };
  let evaluator: FormulaEvaluator | null = null;
  /** Asks for a formula cell's value; every cell written in one go is asked in the same task, so they batch. */
  const evaluate = (c: PreviewCell, formula: string): Promise<void> | undefined => {
    const pending = evaluator?.(formula);
    if (!pending) return undefined;
    c.formula = formula;
    c.value = '#BUSY!';
    return pending.then((result) => {
      if (c.formula !== formula) return; // overwritten meanwhile
      c.value = result.value;
      if (result.note) c.note = result.note;
      else delete c.note;
      changed();
    });
  };
  const valueAt = (s: PreviewSheet) => (row: number, col: number) =>
    s.cells.get(key(row, col))?.value ?? null;
  /** Computes the sheet's own formulas again until nothing changes (a formula may read another's result). */
  const recalculateSheet = (s: PreviewSheet) => {
    const formulas = [...s.cells.values()].filter((c) => c.sheetFormula && c.formula);
    for (let pass = 0; pass < 16; pass++) {
      let moved = false;
      for (const c of formulas) {
        const value = evaluateSheetFormula(c.formula ?? '', valueAt(s)) ?? null;
        if (value !== c.value) {
          c.value = value;
          moved = true;
        }
      }
      if (!moved) return;
    }
  };
  const put = (s: PreviewSheet, row: number, col: number, values: CellValue[][]) => {
    values.forEach((r, i) =>
      r.forEach((v, j) => {
        const c = cell(s, row + i, col + j);
        delete c.formula;
        delete c.sheetFormula;
        if (typeof v === 'string' && v.startsWith('=')) {
          if (evaluate(c, v)) return;
          if (evaluateSheetFormula(v, () => null) !== undefined) {
            Object.assign(c, { formula: v, sheetFormula: true, value: null });
            return;
          }
        }
        c.value = v;
      }),
    );
    recalculateSheet(s);
  };
  const read = (
    s: PreviewSheet | undefined,
    row: number,
    col: number,
    rows: number,
    cols: number,
  ): CellValue[][] =>
    Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => s?.cells.get(key(row + i, col + j))?.value ?? null),
    );
  const notify = (sel: Selection) => {
    current = sel;
    for (const h of [...selectionHandlers]) h(sel);
    changed();
  };

  for (const n of initialSheets) ensure(n);

  const wb: PreviewWorkbook = {
    kind: 'preview',
    useFormulas(evaluate) {
      evaluator = evaluate;
    },
    async recalculate() {
      const pending: Promise<void>[] = [];
      for (const s of sheets)
        for (const c of s.cells.values()) {
          const p = c.formula && !c.sheetFormula ? evaluate(c, c.formula) : undefined;
          if (p) pending.push(p);
        }
      for (const s of sheets) recalculateSheet(s);
      changed();
      await Promise.all(pending);
    },
    sheets: () => sheets,
    sheet: find,
    selection: () => current,
    version: () => version,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    select(sheet, address) {
      notify({ sheet, address });
    },

    async listSheets() {
      return sheets.map((s) => s.name);
    },

    async renameSheet(from, to) {
      const s = find(from);
      if (!s || find(to)) return;
      s.name = to;
      if (current?.sheet === from) current = { ...current, sheet: to };
      changed();
    },

    async writeTable(sheetName, spec: TableSpec) {
      const s = ensure(sheetName);
      const at = parseCell(spec.at ?? 'A1');
      const width = spec.headers.length;
      const old = s.tables.find((t) => t.name === spec.name);
      if (old) {
        for (let i = 0; i < old.rowCount; i++)
          for (let j = 0; j < old.colCount; j++) s.cells.delete(key(old.row + i, old.col + j));
        s.tables = s.tables.filter((t) => t !== old);
      }
      const body = rectangular(spec.rows, width);
      put(s, at.row, at.col, [spec.headers, ...body]);
      const listFromRange = (reference: string | undefined): string[] | undefined => {
        if (reference === undefined) return undefined;
        const bang = reference.lastIndexOf('!');
        const from =
          bang >= 0
            ? reference
                .slice(0, bang)
                .replace(/^'(.*)'$/, '$1')
                .replace(/''/g, "'")
            : sheetName;
        const r = parseRange(reference);
        return read(
          find(from),
          r.start.row,
          r.start.col,
          r.end.row - r.start.row + 1,
          r.end.col - r.start.col + 1,
        )
          .flat()
          .filter((v) => v !== null && v !== '')
          .map(String);
      };
      const rowFormatHeaders = new Set(spec.rowFormats?.headers ?? []);
      spec.headers.forEach((h, j) => {
        if (rowFormatHeaders.has(h))
          for (let i = 0; i < body.length; i++) {
            const f = spec.rowFormats?.formats[i];
            if (f) cell(s, at.row + 1 + i, at.col + j).numberFormat = f;
          }
        const fmt = spec.numberFormats?.[h];
        const list = spec.validation?.[h] ?? listFromRange(spec.listRanges?.[h]);
        if (!fmt && !list) return;
        for (let i = 0; i < body.length; i++) {
          const c = cell(s, at.row + 1 + i, at.col + j);
          if (fmt) c.numberFormat = fmt;
          if (list) c.list = [...list];
        }
      });
      const table: PreviewTable = {
        name: spec.name,
        row: at.row,
        col: at.col,
        rowCount: body.length + 1,
        colCount: width,
      };
      s.tables.push(table);
      if (spec.freezeHeader) s.frozenRows = at.row + 1;
      changed();
      return { address: rangeAddress(table.row, table.col, table.rowCount, table.colCount) };
    },

    async readTable(sheetName, name): Promise<TableData | null> {
      const s = find(sheetName);
      const t = s?.tables.find((x) => x.name === name);
      if (!s || !t) return null;
      const all = read(s, t.row, t.col, t.rowCount, t.colCount);
      return {
        name,
        address: rangeAddress(t.row, t.col, t.rowCount, t.colCount),
        headers: (all[0] ?? []).map((h) => String(h ?? '')),
        rows: all.slice(1),
      };
    },

    async writeRange(sheetName, address, values) {
      const r = rangeFor(address, values);
      put(ensure(sheetName), r.start.row, r.start.col, values);
      changed();
    },

    async readRange(sheetName, address) {
      const r = parseRange(address);
      return read(
        find(sheetName),
        r.start.row,
        r.start.col,
        r.end.row - r.start.row + 1,
        r.end.col - r.start.col + 1,
      );
    },

    async setCellStyle(sheetName, address, style) {
      await wb.markCells(sheetName, [{ address, ...style }]);
    },

    async markCells(sheetName, marks: CellMark[]) {
      const s = ensure(sheetName);
      for (const m of marks) {
        const r = parseRange(m.address);
        for (let i = r.start.row; i <= r.end.row; i++)
          for (let j = r.start.col; j <= r.end.col; j++) {
            const c = cell(s, i, j);
            if (m.fill !== undefined) c.fill = m.fill ?? undefined;
            if (m.note !== undefined) c.note = m.note ?? undefined;
          }
      }
      changed();
    },

    async clearMarks(sheetName) {
      const s = find(sheetName);
      if (!s) return;
      for (const c of s.cells.values()) {
        delete c.fill;
        delete c.note;
      }
      changed();
    },

    async selectCell(sheetName, address) {
      ensure(sheetName);
      const start = parseRange(address).start;
      notify({ sheet: sheetName, address: cellAddress(start.row, start.col) });
    },

    async addChart(sheetName, spec) {
      const s = ensure(sheetName);
      parseRange(spec.source); // rejects a bad address now rather than when drawn
      s.charts = [...s.charts.filter((c) => c.name !== spec.name), { ...spec }];
      changed();
    },

    async writeCells(sheetName, blocks, options = {}) {
      const s = ensure(sheetName);
      if (options.clear) {
        s.cells.clear();
        s.tables = [];
        s.colourScales = [];
      }
      for (const block of blocks) {
        const at = parseCell(block.at);
        block.values.forEach((line, i) =>
          line.forEach((v, j) => {
            const c: PreviewCell = { value: v };
            const format = block.columnFormats?.[j];
            if (format) c.numberFormat = format;
            if (block.bold) c.bold = true;
            const indent = j === 0 ? (block.indents?.[i] ?? 0) : 0;
            if (indent > 0) c.indent = indent;
            s.cells.set(key(at.row + i, at.col + j), c);
          }),
        );
      }
      changed();
    },

    async addColourScales(sheetName, rules) {
      const s = ensure(sheetName);
      for (const r of rules) parseRange(r.address); // rejects a bad address now rather than when drawn
      s.colourScales = [...s.colourScales, ...rules.map((r) => ({ ...r }))];
      changed();
    },

    async arrangeSheet(sheetName, layout: SheetLayout) {
      const s = ensure(sheetName);
      for (const n of layout.names ?? []) {
        const start = parseRange(n.address).start;
        s.names[n.name] = cellAddress(start.row, start.col);
      }
      if (layout.hiddenRows)
        s.hiddenRows = [...new Set([...s.hiddenRows, ...layout.hiddenRows])].sort((a, b) => a - b);
      if (layout.hidden !== undefined) s.hidden = layout.hidden;
      changed();
    },

    async onSelectionChanged(handler) {
      selectionHandlers.add(handler);
      return () => {
        selectionHandlers.delete(handler);
      };
    },
  };
  return wb;
}

/** The cells of a sheet's used area (from A1), for drawing: `rows × cols`, both at least 1. */
export function usedSize(sheet: PreviewSheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const [k, c] of sheet.cells) {
    if (c.value === null && !c.fill && !c.note) continue;
    const [r, col] = k.split(',').map(Number) as [number, number];
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, col + 1);
  }
  return { rows: Math.max(rows, 1), cols: Math.max(cols, 1) };
}

/** Shows a value the way its Excel number format would, for the formats the templates use. */
export function displayValue(value: CellValue, numberFormat?: string): string {
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  if (!numberFormat || numberFormat === 'General') return String(value);
  const percent = numberFormat.endsWith('%');
  const decimals = /\.(0+)/.exec(numberFormat)?.[1]?.length ?? 0;
  const grouped = numberFormat.includes(',');
  const n = percent ? value * 100 : value;
  const text = n.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  return percent ? `${text}%` : text;
}
