// The one Excel stand-in of the add-in's unit tests, built on office-addin-mock's OfficeMockObject.
// It keeps a small workbook (cells, number formats, fills, bold, indents, tables, frozen panes, hidden
// rows and sheets, sheet-scoped names, data validation, comments, charts, colour-scale conditional
// formats) and follows Office's request model:
// - a property read before `load` + `sync` gives the mock's error text ("Error, property was not
//   loaded" / "Error, context.sync() was not called") instead of data, as office-addin-mock does;
// - loaded values are taken at `sync`, after the writes queued before it;
// - writes (property sets and method calls) land in the workbook only at `sync`, in the order queued;
// - every `sync` is counted, with the bytes of values and number formats it carried;
// - a formula written as a value (`=SUM(D3:F3)`) reads back as its result, as Excel's `values` do,
//   computed by the preview workbook's evaluator of the sheet functions the templates write.
// Tests drive the real code path: `createExcelWorkbook({ run: excel.run })` or the `…In(excel.context)` functions.
import { OfficeMockObject } from 'office-addin-mock';
import { cellAddress, parseRange, rangeAddress } from '../../src/office/address';
import type { ExcelRun } from '../../src/office/excelTypes';
import type { CellValue } from '../../src/office';
import { evaluateSheetFormula } from '../../src/office/previewFormulas';

/** Excel's sheet size: `getRange()` without an address is the whole sheet. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MOCK_ERRORS = new Set(['Error, property was not loaded', 'Error, context.sync() was not called']);
const isMockError = (v: unknown) => typeof v === 'string' && MOCK_ERRORS.has(v);

export interface FakeTable {
  name: string;
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface FakeValidation {
  row: number;
  col: number;
  rows: number;
  cols: number;
  rule: unknown;
}

export interface FakeComment {
  sheet: string;
  /** The cell, e.g. `F3`. */
  address: string;
  content: string;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string | undefined;
  title: string;
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  criteria: unknown;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, CellValue>; // key `row,col`, 0-based
  formats: Map<string, string>;
  fills: Map<string, string>;
  bold: Set<string>;
  indents: Map<string, number>;
  validation: FakeValidation[];
  frozenRows: number;
  /** 1-based hidden rows. */
  hiddenRows: Set<number>;
  visibility: string;
  /** Sheet-scoped names: name → address. */
  names: Map<string, string>;
  charts: FakeChart[];
  conditionalFormats: FakeConditionalFormat[];
}

interface Box {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A property write to watch: applied at the next sync when it differs from what the mock last showed. */
interface Watch {
  get: () => unknown;
  apply: (value: never) => number | void;
  seen: unknown;
}

type Mock = OfficeMockObject & Record<string, unknown>;

const key = (row: number, col: number) => `${row},${col}`;
const boxAt = (sheet: string, address: string): Box => {
  const r = parseRange(address);
  return {
    sheet,
    row: r.start.row,
    col: r.start.col,
    rows: r.end.row - r.start.row + 1,
    cols: r.end.col - r.start.col + 1,
  };
};
const unquote = (sheet: string) => sheet.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
const splitReference = (reference: string) => {
  const bang = reference.lastIndexOf('!');
  return bang < 0
    ? { sheet: null, local: reference }
    : { sheet: unquote(reference.slice(0, bang)), local: reference.slice(bang + 1) };
};

/**
 * Where a load is pending (loaded, not yet synced), sets the value the mock hands out at sync: the
 * mock keeps it in `_properties.get(name)._valueBeforeLoaded`. `compute` runs only then.
 */
function refreshLoaded(mock: Mock, property: string, compute: () => unknown): void {
  const inner = (
    mock as unknown as { _properties?: Map<string, { _loaded: boolean; _valueBeforeLoaded: unknown }> }
  )._properties;
  const p = inner?.get(property);
  if (!p) throw new Error(`office-addin-mock changed: no property record for ${property}`);
  if (p._loaded && isMockError(mock[property])) p._valueBeforeLoaded = compute();
}

export class FakeExcel {
  readonly sheets = new Map<string, FakeSheet>();
  readonly tables = new Map<string, FakeTable>();
  comments: FakeComment[] = [];
  selected: { sheet: string; address: string } | null = null;
  active: string | null = null;
  syncs = 0;
  /** Bytes of values and number formats sent by each sync that wrote any. */
  writeBytes: number[] = [];
  readonly context: Excel.RequestContext;
  /** `Excel.run` over this workbook: every batch gets the same context, as a test of one session needs. */
  readonly run: ExcelRun = (batch) => batch(this.context);

  private proxies: Mock[] = [];
  private watches: Watch[] = [];
  private refreshers: (() => void)[] = [];
  private queue: (() => void)[] = [];
  private boxes = new WeakMap<object, Box>();

  constructor(sheets: string[] = []) {
    for (const s of sheets) this.addSheet(s);
    const root = new OfficeMockObject({ workbook: {} }) as unknown as {
      workbook: Record<string, unknown>;
      sync: () => Promise<void>;
    };
    const worksheets = this.collection(() => [...this.sheets.keys()].map((name) => ({ name })), {
      getItem: (name: string) => this.sheetProxy(name),
      getItemOrNullObject: (name: string) => this.sheetProxy(name),
      add: (name: string) => {
        if (this.sheets.has(name)) throw new Error(`a sheet named ${name} exists`);
        this.addSheet(name); // Office creates it in the same request; later calls in the batch may use it
        return this.sheetProxy(name);
      },
    });
    root.workbook.worksheets = worksheets;
    root.workbook.tables = { getItemOrNullObject: (name: string) => this.tableProxy(name) };
    root.workbook.comments = this.commentCollection(null);
    root.sync = () => this.sync();
    this.context = root as unknown as Excel.RequestContext;
  }

  // ---- what a test reads or does as a person ------------------------------------------------------

  sheet(name: string): FakeSheet {
    const s = this.sheets.get(name);
    if (!s) throw new Error(`no sheet ${name}; sheets: ${[...this.sheets.keys()].join(', ')}`);
    return s;
  }

  /** The value of a cell, `undefined` when it was never written. */
  value(sheet: string, address: string): CellValue | undefined {
    const { start } = parseRange(address);
    return this.sheets.get(sheet)?.cells.get(key(start.row, start.col));
  }

  /** The values of a range, `''` for empty cells (what Excel reads back). */
  values(sheet: string, address: string): CellValue[][] {
    const b = boxAt(sheet, address);
    return this.read(sheet, b.row, b.col, b.rows, b.cols);
  }

  format(sheet: string, address: string): string | undefined {
    const { start } = parseRange(address);
    return this.sheets.get(sheet)?.formats.get(key(start.row, start.col));
  }

  fill(sheet: string, address: string): string | undefined {
    const { start } = parseRange(address);
    return this.sheets.get(sheet)?.fills.get(key(start.row, start.col));
  }

  /** Filled cells of a sheet as `{ F3: '#FDE7E9' }`. */
  fills(sheet: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, color] of this.sheets.get(sheet)?.fills ?? []) {
      const [row, col] = k.split(',').map(Number) as [number, number];
      out[cellAddress(row, col)] = color;
    }
    return out;
  }

  /** The comments (notes) on a sheet as `{ F3: 'text' }`. */
  notes(sheet: string): Record<string, string> {
    return Object.fromEntries(
      this.comments.filter((c) => c.sheet === sheet).map((c) => [c.address, c.content]),
    );
  }

  /** The drop-down rule over a cell, if any. */
  validationAt(sheet: string, address: string): unknown {
    const { start } = parseRange(address);
    const v = this.sheets
      .get(sheet)
      ?.validation.find(
        (x) =>
          start.row >= x.row &&
          start.row < x.row + x.rows &&
          start.col >= x.col &&
          start.col < x.col + x.cols,
      );
    return v?.rule;
  }

  /** Types values into cells directly, as a person would in Excel (no request, no sync). */
  put(sheet: string, address: string, values: CellValue[][]): void {
    const { start } = parseRange(address);
    const s = this.sheets.get(sheet) ?? this.addSheet(sheet);
    values.forEach((line, i) => line.forEach((v, j) => s.cells.set(key(start.row + i, start.col + j), v)));
  }

  /** A comment a person wrote, not this add-in. */
  addComment(sheet: string, address: string, content: string): void {
    this.comments.push({ sheet, address, content });
  }

  // ---- the workbook ---------------------------------------------------------------------------

  private addSheet(name: string): FakeSheet {
    const s: FakeSheet = {
      name,
      cells: new Map(),
      formats: new Map(),
      fills: new Map(),
      bold: new Set(),
      indents: new Map(),
      validation: [],
      frozenRows: 0,
      hiddenRows: new Set(),
      visibility: 'Visible',
      names: new Map(),
      charts: [],
      conditionalFormats: [],
    };
    this.sheets.set(name, s);
    return s;
  }

  private read(sheet: string, row: number, col: number, rows: number, cols: number): CellValue[][] {
    const cells = this.sheets.get(sheet)?.cells ?? new Map<string, CellValue>();
    const valueAt = (r: number, c: number, depth = 0): CellValue => {
      const v = cells.get(key(r, c)) ?? null;
      if (typeof v !== 'string' || !v.startsWith('=') || depth > 16) return v;
      return evaluateSheetFormula(v, (rr, cc) => valueAt(rr, cc, depth + 1)) ?? v;
    };
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => valueAt(row + i, col + j) ?? ''),
    );
  }

  private forCells(box: Box, each: (s: FakeSheet, k: string) => void): void {
    const s = this.sheet(box.sheet);
    if (box.rows * box.cols > 1_000_000) {
      // the whole sheet (or a huge range): visit what exists rather than every address
      const keys = new Set([
        ...s.cells.keys(),
        ...s.formats.keys(),
        ...s.fills.keys(),
        ...s.bold,
        ...s.indents.keys(),
      ]);
      for (const k of keys) {
        const [row, col] = k.split(',').map(Number) as [number, number];
        if (row >= box.row && row < box.row + box.rows && col >= box.col && col < box.col + box.cols)
          each(s, k);
      }
      return;
    }
    for (let i = 0; i < box.rows; i++)
      for (let j = 0; j < box.cols; j++) each(s, key(box.row + i, box.col + j));
  }

  private async sync(): Promise<void> {
    this.syncs += 1;
    const queued = this.queue;
    this.queue = [];
    for (const op of queued) op();
    let bytes = 0;
    for (const w of this.watches) {
      const v = w.get();
      if (v !== w.seen && v !== undefined && !isMockError(v))
        bytes += (w.apply as (v: unknown) => number | void)(v) ?? 0;
    }
    if (bytes > 0) this.writeBytes.push(bytes);
    for (const refresh of this.refreshers) refresh();
    for (const p of this.proxies) await p.sync();
    await new Promise((r) => setTimeout(r, 0)); // the mock syncs nested properties without awaiting them
    for (const w of this.watches) w.seen = w.get();
  }

  private track<T extends Mock>(proxy: T): T {
    this.proxies.push(proxy);
    return proxy;
  }

  private watch(get: () => unknown, apply: (value: never) => number | void): void {
    this.watches.push({ get, apply, seen: get() });
  }

  /**
   * A collection whose `items` are loaded as Office loads them (`items/name` and the like: the mock
   * cannot navigate into an array, so the path is loaded as `items`, taken at sync).
   */
  private collection(items: () => unknown[], methods: Record<string, unknown>): Mock {
    const mock = this.track(new OfficeMockObject({ items: [], ...methods }) as Mock);
    const load = mock.load.bind(mock);
    mock.load = ((properties?: string | string[]) => {
      const list = (Array.isArray(properties) ? properties : [properties ?? 'items']).map((p) =>
        p.startsWith('items') ? 'items' : p,
      );
      load([...new Set(list)]);
      return mock;
    }) as never;
    this.refreshers.push(() => refreshLoaded(mock, 'items', items));
    return mock;
  }

  private commentCollection(sheet: string | null): Mock {
    return this.collection(
      () => this.comments.filter((c) => sheet === null || c.sheet === sheet).map((c) => this.commentItem(c)),
      {
        add: (address: string, content: string) => {
          const ref = splitReference(address);
          const on = ref.sheet ?? sheet;
          if (!on) throw new Error(`a workbook comment needs a sheet-qualified address: ${address}`);
          const start = parseRange(ref.local).start;
          this.queue.push(() =>
            this.comments.push({ sheet: on, address: cellAddress(start.row, start.col), content }),
          );
          return {};
        },
      },
    );
  }

  private commentItem(c: FakeComment) {
    return {
      content: c.content,
      getLocation: () =>
        this.rangeProxy(c.sheet, parseRange(c.address).start.row, parseRange(c.address).start.col, 1, 1),
      delete: () => this.queue.push(() => (this.comments = this.comments.filter((x) => x !== c))),
    };
  }

  private rangeProxy(sheet: string, row: number, col: number, rows: number, cols: number): Mock {
    const box: Box = { sheet, row, col, rows, cols };
    const quoted = `'${sheet.replace(/'/g, "''")}'`;
    const s = () => this.sheet(sheet);
    const conditionalFormats = {
      add: (type: string) => {
        const format = { colorScale: { criteria: undefined as unknown } };
        const address = rangeAddress(row, col, rows, cols);
        this.queue.push(() =>
          s().conditionalFormats.push({ address, type, criteria: format.colorScale.criteria }),
        );
        return format;
      },
      clearAll: () =>
        this.queue.push(() => {
          s().conditionalFormats = s().conditionalFormats.filter((f) => {
            const r = parseRange(f.address);
            return (
              r.end.row < row || r.start.row >= row + rows || r.end.col < col || r.start.col >= col + cols
            );
          });
        }),
    };
    const range = this.track(
      new OfficeMockObject({
        values: [],
        numberFormat: [],
        address: `${quoted}!${rangeAddress(row, col, rows, cols)}`,
        rowIndex: row,
        columnIndex: col,
        rowCount: rows,
        columnCount: cols,
        rowHidden: false,
        format: {
          fill: {
            color: '',
            clear: () => this.queue.push(() => this.forCells(box, (x, k) => x.fills.delete(k))),
          },
          font: { bold: false },
          indentLevel: 0,
        },
        dataValidation: {
          clear: () =>
            this.queue.push(() => {
              s().validation = s().validation.filter(
                (v) => !(v.row === row && v.col === col && v.rows === rows && v.cols === cols),
              );
            }),
        },
        clear: (applyTo?: string) =>
          this.queue.push(() =>
            this.forCells(box, (x, k) => {
              if (applyTo === undefined || applyTo === 'All' || applyTo === 'Contents') x.cells.delete(k);
              if (applyTo === undefined || applyTo === 'All' || applyTo === 'Formats') {
                x.formats.delete(k);
                x.fills.delete(k);
                x.bold.delete(k);
                x.indents.delete(k);
              }
            }),
          ),
        select: () =>
          this.queue.push(() => (this.selected = { sheet, address: rangeAddress(row, col, rows, cols) })),
      }) as Mock,
    ) as Mock & {
      format: Mock & { fill: Mock; font: Mock };
      dataValidation: Mock;
    };
    range.conditionalFormats = conditionalFormats;
    this.boxes.set(range, box);
    const cellsOf = (grid: unknown[][], put: (k: string, v: unknown) => void) =>
      grid.forEach((line, i) => line.forEach((v, j) => put(key(row + i, col + j), v)));
    this.watch(
      () => range.values,
      (values: CellValue[][]) => {
        cellsOf(values, (k, v) => s().cells.set(k, v as CellValue));
        return JSON.stringify(values).length;
      },
    );
    this.watch(
      () => range.numberFormat,
      (formats: string[][]) => {
        cellsOf(formats, (k, f) => s().formats.set(k, String(f)));
        return JSON.stringify(formats).length;
      },
    );
    this.watch(
      () => range.format.fill.color,
      (color: string) => this.forCells(box, (x, k) => x.fills.set(k, color)),
    );
    this.watch(
      () => range.format.font.bold,
      (bold: boolean) => this.forCells(box, (x, k) => (bold ? x.bold.add(k) : x.bold.delete(k))),
    );
    this.watch(
      () => range.format.indentLevel,
      (level: number) => this.forCells(box, (x, k) => x.indents.set(k, level)),
    );
    this.watch(
      () => range.rowHidden,
      (hidden: boolean) => {
        for (let r = row + 1; r <= row + rows; r++) {
          if (hidden) s().hiddenRows.add(r);
          else s().hiddenRows.delete(r);
        }
      },
    );
    this.watch(
      () => range.dataValidation.rule,
      (rule: unknown) => {
        const others = s().validation.filter(
          (v) => !(v.row === row && v.col === col && v.rows === rows && v.cols === cols),
        );
        s().validation = [...others, { row, col, rows, cols, rule }];
      },
    );
    this.refreshers.push(() => {
      if (!this.sheets.has(sheet)) return;
      refreshLoaded(range, 'values', () => this.read(sheet, row, col, rows, cols));
      refreshLoaded(range, 'numberFormat', () =>
        Array.from({ length: rows }, (_, i) =>
          Array.from({ length: cols }, (_, j) => s().formats.get(key(row + i, col + j)) ?? 'General'),
        ),
      );
    });
    return range;
  }

  private sheetProxy(name: string): Mock {
    const exists = this.sheets.has(name);
    const byAddress = (address?: string) => {
      if (address === undefined) return this.rangeProxy(name, 0, 0, MAX_ROWS, MAX_COLS);
      const b = boxAt(name, address);
      return this.rangeProxy(name, b.row, b.col, b.rows, b.cols);
    };
    const boxOf = (range: unknown) => {
      const box = this.boxes.get(range as object);
      if (!box) throw new Error('expected a range of this workbook');
      return box;
    };
    const sheet = this.track(
      new OfficeMockObject({
        name,
        isNullObject: !exists,
        visibility: exists ? this.sheet(name).visibility : 'Visible',
        getRange: byAddress,
        getRangeByIndexes: (r: number, c: number, nr: number, nc: number) =>
          this.rangeProxy(name, r, c, nr, nc),
        tables: {
          add: (address: string, hasHeaders: boolean) => {
            if (!hasHeaders) throw new Error('the add-in writes tables with a header row');
            const ref = splitReference(address);
            if (ref.sheet !== null && ref.sheet !== name)
              throw new Error(`table address ${address} is not on sheet ${name}`);
            const b = boxAt(name, ref.local);
            const table = { name: '' };
            this.queue.push(() => {
              const record: FakeTable = { ...b, name: table.name || `Table${this.tables.size + 1}` };
              if (this.tables.has(record.name)) throw new Error(`a table named ${record.name} exists`);
              this.tables.set(record.name, record);
            });
            return table;
          },
        },
        freezePanes: { freezeRows: (n: number) => this.queue.push(() => (this.sheet(name).frozenRows = n)) },
        charts: {
          getItemOrNullObject: (chart: string) =>
            this.track(
              new OfficeMockObject({
                name: chart,
                isNullObject: !(this.sheets.get(name)?.charts.some((c) => c.name === chart) ?? false),
                delete: () =>
                  this.queue.push(() => {
                    const s = this.sheet(name);
                    s.charts = s.charts.filter((c) => c.name !== chart);
                  }),
              }) as Mock,
            ),
          add: (type: string, source: unknown, seriesBy?: string) => {
            const box = boxOf(source);
            const chart = { name: '', title: { text: '' } };
            this.queue.push(() =>
              this.sheet(name).charts.push({
                name: chart.name,
                type,
                source: rangeAddress(box.row, box.col, box.rows, box.cols),
                seriesBy,
                title: chart.title.text,
              }),
            );
            return chart;
          },
        },
        names: {
          getItemOrNullObject: (item: string) =>
            this.track(
              new OfficeMockObject({
                name: item,
                isNullObject: !(this.sheets.get(name)?.names.has(item) ?? false),
                delete: () => this.queue.push(() => this.sheet(name).names.delete(item)),
              }) as Mock,
            ),
          add: (item: string, reference: unknown) => {
            const address =
              typeof reference === 'string'
                ? splitReference(reference).local
                : (() => {
                    const b = boxOf(reference);
                    return rangeAddress(b.row, b.col, b.rows, b.cols);
                  })();
            this.queue.push(() => {
              const s = this.sheet(name);
              if (s.names.has(item)) throw new Error(`the name ${item} already exists on ${name}`);
              s.names.set(item, address);
            });
            return {};
          },
        },
        activate: () => this.queue.push(() => (this.active = name)),
      }) as Mock,
    ) as Mock & { visibility: unknown };
    sheet.comments = this.commentCollection(name);
    this.watch(
      () => sheet.visibility,
      (visibility: string) => {
        this.sheet(name).visibility = visibility;
      },
    );
    return sheet;
  }

  private tableProxy(name: string): Mock {
    const t = this.tables.get(name);
    return this.track(
      new OfficeMockObject({
        name,
        isNullObject: !t,
        worksheet: {
          name: t?.sheet ?? '',
          getRangeByIndexes: (r: number, c: number, nr: number, nc: number) =>
            this.rangeProxy(t!.sheet, r, c, nr, nc),
          getRange: (address: string) => {
            const b = boxAt(t!.sheet, address);
            return this.rangeProxy(b.sheet, b.row, b.col, b.rows, b.cols);
          },
        },
        getRange: () => this.rangeProxy(t!.sheet, t!.row, t!.col, t!.rows, t!.cols),
        delete: () => this.queue.push(() => this.tables.delete(name)),
      }) as Mock,
    );
  }
}
