// A small Excel behind office-addin-mock for the Payouts tests: cells, number formats, tables,
// charts, fills and comments per sheet. Proxies are OfficeMockObjects, so a property read before
// load + sync fails as in Office; range writes land in the cells at sync.
import { OfficeMockObject } from 'office-addin-mock';
import { parseRange } from '../src/office/address';
import type { XlContext } from '../src/office/excelTypes';
import type { CellValue } from '../src/office';

type Table = { sheet: string; row: number; col: number; rows: number; cols: number };

export class PayoutsExcel {
  cells = new Map<string, Map<string, CellValue>>();
  formats = new Map<string, string>();
  fills = new Map<string, string>();
  comments: { sheet: string; address: string; content: string }[] = [];
  tables = new Map<string, Table>();
  charts: { sheet: string; name: string; type: string; source: string; title: string }[] = [];
  syncs = 0;
  private proxies: OfficeMockObject[] = [];
  private pending: (() => void)[] = [];
  readonly context: XlContext;

  constructor(sheets: string[] = []) {
    for (const s of sheets) this.cells.set(s, new Map());
    const root = new OfficeMockObject({ workbook: {} }) as unknown as {
      workbook: Record<string, unknown>;
      sync: () => Promise<void>;
    };
    root.workbook.worksheets = {
      getItemOrNullObject: (name: string) => this.sheet(name),
      getItem: (name: string) => this.sheet(name),
      add: (name: string) => {
        this.cells.set(name, new Map());
        return this.sheet(name);
      },
    };
    root.workbook.tables = { getItemOrNullObject: (name: string) => this.table(name) };
    root.workbook.comments = {
      add: (address: string, content: string) => {
        const bang = address.lastIndexOf('!');
        const sheet = address
          .slice(0, bang)
          .replace(/^'(.*)'$/, '$1')
          .replace(/''/g, "'");
        this.comments.push({ sheet, address: address.slice(bang + 1), content });
      },
    };
    root.sync = async () => {
      this.syncs += 1;
      for (const apply of this.pending) apply();
      this.pending = [];
      for (const p of this.proxies) await p.sync();
      await new Promise((r) => setTimeout(r, 0));
    };
    this.context = root as unknown as XlContext;
  }

  value(sheet: string, address: string): CellValue | undefined {
    const { start } = parseRange(address);
    return this.cells.get(sheet)?.get(`${start.row},${start.col}`);
  }

  /** Fills a table's cells directly, as a person typing into Excel would. */
  put(sheet: string, address: string, values: CellValue[][]): void {
    const { start } = parseRange(address);
    const cells = this.cells.get(sheet) ?? new Map<string, CellValue>();
    this.cells.set(sheet, cells);
    values.forEach((line, i) => line.forEach((v, j) => cells.set(`${start.row + i},${start.col + j}`, v)));
  }

  private track<T extends OfficeMockObject>(proxy: T): T {
    this.proxies.push(proxy);
    return proxy;
  }

  private range(sheet: string, row: number, col: number, rows: number, cols: number) {
    const cells = this.cells.get(sheet) ?? new Map<string, CellValue>();
    const values = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => cells.get(`${row + i},${col + j}`) ?? ''),
    );
    const fill = { color: '', clear: () => this.fills.delete(`${sheet}!${row},${col}`) };
    const range = this.track(
      new OfficeMockObject({
        values,
        address: `${sheet}!A1`,
        rowIndex: row,
        columnIndex: col,
        rowCount: rows,
        columnCount: cols,
        dataValidation: {},
        format: { fill },
        clear: () => {
          for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) cells.delete(`${row + i},${col + j}`);
        },
        select: () => undefined,
      }),
    ) as unknown as Record<string, unknown> & { format: { fill: { color: string } } };
    this.pending.push(() => {
      if (Array.isArray(range.values) && range.values !== values)
        (range.values as CellValue[][]).forEach((line, i) =>
          line.forEach((v, j) => cells.set(`${row + i},${col + j}`, v)),
        );
      if (Array.isArray(range.numberFormat))
        (range.numberFormat as string[][]).forEach((line, i) =>
          line.forEach((f, j) => this.formats.set(`${sheet}!${row + i},${col + j}`, f)),
        );
      if (range.format.fill.color) this.fills.set(`${sheet}!${row},${col}`, range.format.fill.color);
    });
    return range;
  }

  private sheet(name: string) {
    const byAddress = (address: string) => {
      const r = parseRange(address);
      return this.range(
        name,
        r.start.row,
        r.start.col,
        r.end.row - r.start.row + 1,
        r.end.col - r.start.col + 1,
      );
    };
    const sheet = this.track(
      new OfficeMockObject({
        name,
        isNullObject: !this.cells.has(name),
        getRangeByIndexes: (r: number, c: number, nr: number, nc: number) => this.range(name, r, c, nr, nc),
        getRange: byAddress,
        tables: {
          add: (address: string) => {
            const r = parseRange(address);
            const proxy = { name: '' };
            const record = {
              sheet: name,
              row: r.start.row,
              col: r.start.col,
              rows: r.end.row - r.start.row + 1,
              cols: r.end.col - r.start.col + 1,
            };
            queueMicrotask(() => this.tables.set(proxy.name, record));
            return proxy;
          },
        },
        freezePanes: { freezeRows: () => undefined },
        charts: {
          getItemOrNullObject: (chart: string) =>
            this.track(
              new OfficeMockObject({
                isNullObject: !this.charts.some((c) => c.name === chart && c.sheet === name),
                delete: () => undefined,
              }),
            ),
          add: (type: string, source: { address?: string }) => {
            const chart = { sheet: name, name: '', type, source: String(source.address ?? ''), title: '' };
            const proxy = { name: '', title: { text: '' } };
            queueMicrotask(() => this.charts.push({ ...chart, name: proxy.name, title: proxy.title.text }));
            return proxy;
          },
        },
        activate: () => undefined,
      }),
    ) as unknown as Record<string, unknown>;
    // A person's own note is always there (and must survive clearing our marks); ours follow it.
    // Comments are a plain collection: the mock cannot load `items/content` of an array.
    const items = [
      { sheet: name, address: 'Z99', content: 'A note someone wrote' },
      ...this.comments.filter((c) => c.sheet === name),
    ].map((c) => ({
      content: c.content,
      getLocation: () => ({
        address: `${name}!${c.address}`,
        load() {
          return this;
        },
      }),
      delete: () => {
        this.comments = this.comments.filter((x) => x !== c);
      },
    }));
    sheet.comments = {
      items,
      load() {
        return this;
      },
    };
    return sheet;
  }

  private table(name: string) {
    const t = this.tables.get(name);
    return this.track(
      new OfficeMockObject({
        name,
        isNullObject: !t,
        worksheet: {
          name: t?.sheet ?? '',
          getRangeByIndexes: (r: number, c: number, nr: number, nc: number) =>
            this.range(t!.sheet, r, c, nr, nc),
        },
        getRange: () => this.range(t!.sheet, t!.row, t!.col, t!.rows, t!.cols),
        delete: () => this.tables.delete(name),
      }),
    );
  }
}
