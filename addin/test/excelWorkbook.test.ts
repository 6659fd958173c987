// excelWorkbook against office-addin-mock: whole-range writes and reads, one sync per chunk, chunks
// under Office's 5 MB request limit, and reads only after a sync (the mock refuses earlier reads).
import { describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { createExcelWorkbook, readTableIn, writeTableIn } from '../src/office/excelWorkbook';
import type { XlContext } from '../src/office/excelTypes';
import type { CellValue } from '../src/office';

interface TableRecord {
  sheet: string;
  address: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * A small Excel: cells per sheet, tables, and a request queue. Proxies are OfficeMockObjects, so a
 * property read before `load` + `sync` yields the mock's error text instead of data; value writes
 * land in the cells only at `sync`, as in Office.
 */
class FakeExcel {
  cells = new Map<string, Map<string, CellValue>>();
  formats = new Map<string, string>();
  tables = new Map<string, TableRecord>();
  frozen = new Map<string, number>();
  validation: { sheet: string; row: number; col: number; rows: number; rule: unknown }[] = [];
  syncs = 0;
  writeBytes: number[] = [];
  private proxies: OfficeMockObject[] = [];
  private pendingWrites: { sheet: string; row: number; col: number; range: Record<string, unknown> }[] = [];
  readonly context: XlContext;

  constructor(sheets: string[]) {
    for (const s of sheets) this.cells.set(s, new Map());
    const root = new OfficeMockObject({ workbook: {} }) as unknown as {
      workbook: Record<string, unknown>;
      sync: () => Promise<void>;
    };
    const workbook = root.workbook;
    workbook.worksheets = {
      getItemOrNullObject: (name: string) => this.sheetProxy(name),
      getItem: (name: string) => this.sheetProxy(name),
      add: (name: string) => {
        this.cells.set(name, new Map());
        return this.sheetProxy(name);
      },
    };
    workbook.tables = { getItemOrNullObject: (name: string) => this.tableProxy(name) };
    root.sync = async () => {
      this.syncs += 1;
      for (const w of this.pendingWrites) this.applyWrite(w);
      this.pendingWrites = [];
      for (const p of this.proxies) await p.sync();
      await new Promise((r) => setTimeout(r, 0)); // let the mock's nested property syncs settle
    };
    this.context = root as unknown as XlContext;
  }

  private track<T extends OfficeMockObject>(proxy: T): T {
    this.proxies.push(proxy);
    return proxy;
  }

  private read(sheet: string, row: number, col: number, rows: number, cols: number): CellValue[][] {
    const cells = this.cells.get(sheet) ?? new Map<string, CellValue>();
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => cells.get(`${row + i},${col + j}`) ?? ''),
    );
  }

  private applyWrite({
    sheet,
    row,
    col,
    range,
  }: {
    sheet: string;
    row: number;
    col: number;
    range: Record<string, unknown>;
  }) {
    const cells = this.cells.get(sheet)!;
    if (Array.isArray(range.values)) {
      this.writeBytes.push(
        JSON.stringify(range.values).length +
          (Array.isArray(range.numberFormat) ? JSON.stringify(range.numberFormat).length : 0),
      );
      (range.values as CellValue[][]).forEach((line, i) =>
        line.forEach((v, j) => cells.set(`${row + i},${col + j}`, v)),
      );
    }
    if (Array.isArray(range.numberFormat)) {
      this.writeBytes.push(JSON.stringify(range.numberFormat).length);
      (range.numberFormat as string[][]).forEach((line, i) =>
        line.forEach((f, j) => this.formats.set(`${sheet}!${row + i},${col + j}`, f)),
      );
    }
  }

  private rangeProxy(sheet: string, row: number, col: number, rows: number, cols: number) {
    const range = this.track(
      new OfficeMockObject({
        values: this.read(sheet, row, col, rows, cols),
        address: `${sheet}!R${row}C${col}`,
        rowIndex: row,
        columnIndex: col,
        rowCount: rows,
        columnCount: cols,
        dataValidation: {},
        clear: () => {
          const cells = this.cells.get(sheet)!;
          for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) cells.delete(`${row + i},${col + j}`);
        },
      }),
    ) as unknown as Record<string, unknown> & { dataValidation: Record<string, unknown> };
    // Office replaces a value that was never loaded; the mock shows its "not loaded" text until then.
    this.pendingWrites.push({ sheet, row, col, range });
    const validation = this.validation;
    Object.defineProperty(range.dataValidation, 'rule', {
      set(rule: unknown) {
        validation.push({ sheet, row, col, rows, rule });
      },
    });
    return range;
  }

  private sheetProxy(name: string) {
    const exists = this.cells.has(name);
    return this.track(
      new OfficeMockObject({
        name,
        isNullObject: !exists,
        getRangeByIndexes: (r: number, c: number, nr: number, nc: number) =>
          this.rangeProxy(name, r, c, nr, nc),
        tables: {
          add: (address: string, hasHeaders: boolean) => {
            expect(hasHeaders).toBe(true);
            const local = address.slice(address.lastIndexOf('!') + 1);
            const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(local)!;
            const col = m[1]!.charCodeAt(0) - 65;
            const record: TableRecord = {
              sheet: name,
              address: local,
              row: Number(m[2]) - 1,
              col,
              rows: Number(m[4]) - Number(m[2]) + 1,
              cols: m[3]!.length === 1 ? m[3]!.charCodeAt(0) - 65 - col + 1 : 26,
            };
            const proxy = { name: '' };
            queueMicrotask(() => this.tables.set(proxy.name, record));
            return proxy;
          },
        },
        freezePanes: { freezeRows: (n: number) => this.frozen.set(name, n) },
      }),
    );
  }

  private tableProxy(name: string) {
    const record = this.tables.get(name);
    return this.track(
      new OfficeMockObject({
        name,
        isNullObject: !record,
        worksheet: {
          name: record?.sheet ?? '',
          getRangeByIndexes: (r: number, c: number, nr: number, nc: number) =>
            this.rangeProxy(record!.sheet, r, c, nr, nc),
        },
        getRange: () => this.rangeProxy(record!.sheet, record!.row, record!.col, record!.rows, record!.cols),
        delete: () => this.tables.delete(name),
      }),
    );
  }
}

const headers = ['Person', 'Metric', 'Period', 'Target', 'Q1', 'Q2', 'Q3', 'Q4', 'Region', 'Note'];
function planRows(count: number): CellValue[][] {
  return Array.from({ length: count }, (_, i) => [
    `p${i}`,
    'revenue',
    '2026',
    1000 + i,
    250,
    250,
    250,
    250 + i,
    `r${i % 7}`,
    i % 3 === 0 ? null : 'ok',
  ]);
}

describe('excelWorkbook on office-addin-mock', () => {
  it('writes a 100,000-cell table in at most 3 syncs and reads it back in at most 3', async () => {
    const excel = new FakeExcel(['Plan']);
    const rows = planRows(9_999); // + header = 10,000 rows × 10 columns = 100,000 cells
    const written = await writeTableIn(excel.context, 'Plan', {
      name: 'Targets',
      headers,
      rows,
      numberFormats: { Target: '#,##0.00' },
      validation: { Metric: ['revenue', 'visits'] },
      freezeHeader: true,
    });
    expect(written.address).toBe('A1:J10000');
    expect(excel.syncs).toBeLessThanOrEqual(3);
    expect(excel.frozen.get('Plan')).toBe(1);
    expect(excel.validation).toEqual([
      {
        sheet: 'Plan',
        row: 1,
        col: 1,
        rows: 9_999,
        rule: { list: { inCellDropDown: true, source: 'revenue,visits' } },
      },
    ]);
    expect(excel.formats.get('Plan!1,3')).toBe('#,##0.00');
    expect(excel.formats.get('Plan!0,3')).toBeUndefined(); // the header keeps General

    excel.syncs = 0;
    const table = await readTableIn(excel.context, 'Plan', 'Targets');
    expect(excel.syncs).toBeLessThanOrEqual(3);
    expect(table?.headers).toEqual(headers);
    expect(table?.rows).toHaveLength(9_999);
    // an empty cell is written as '' (Excel treats null as "leave unchanged") and read back as ''
    expect(table?.rows[0]).toEqual(['p0', 'revenue', '2026', 1000, 250, 250, 250, 250, 'r0', '']);
    expect(table?.rows[9_998]).toEqual([
      'p9998',
      'revenue',
      '2026',
      10_998,
      250,
      250,
      250,
      10_248,
      'r2',
      'ok',
    ]);
  });

  it('splits a large write into chunks that each stay under 5 MB, one sync per chunk', async () => {
    const excel = new FakeExcel(['Big']);
    const wide = 'x'.repeat(60);
    const rows = Array.from({ length: 40_000 }, (_, i) => [i, wide, wide, wide, wide]); // ~200,000 cells, ~12 MB as JSON
    await writeTableIn(excel.context, 'Big', { name: 'BigTable', headers: ['n', 'a', 'b', 'c', 'd'], rows });
    const total = excel.writeBytes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(10_000_000);
    expect(Math.max(...excel.writeBytes)).toBeLessThan(5_000_000);
    const chunks = excel.writeBytes.length;
    expect(chunks).toBeGreaterThanOrEqual(3);
    expect(excel.syncs).toBe(1 + chunks); // one look-up sync, then one per chunk (the table is added with the last)
  });

  it('creates a missing sheet and replaces a table of the same name', async () => {
    const excel = new FakeExcel([]);
    const wb = createExcelWorkbook({ run: (batch) => batch(excel.context) });
    await wb.writeTable('New', {
      name: 'T',
      headers: ['a', 'b'],
      rows: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
    });
    await wb.writeTable('New', { name: 'T', headers: ['a', 'b'], rows: [[7, 8]] });
    expect(excel.cells.has('New')).toBe(true);
    const table = await wb.readTable('New', 'T');
    expect(table).toEqual({ name: 'T', address: 'A1:B2', headers: ['a', 'b'], rows: [[7, 8]] });
    // the rows of the old, longer table are cleared, not left behind under the new one
    expect(excel.cells.get('New')!.get('3,0')).toBeUndefined();
  });

  it('answers null for a table that does not exist or lives on another sheet', async () => {
    const excel = new FakeExcel(['A', 'B']);
    const wb = createExcelWorkbook({ run: (batch) => batch(excel.context) });
    expect(await wb.readTable('A', 'Nope')).toBeNull();
    await wb.writeTable('A', { name: 'OnA', headers: ['x'], rows: [[1]] });
    expect(await wb.readTable('B', 'OnA')).toBeNull();
    expect((await wb.readTable('A', 'OnA'))?.rows).toEqual([[1]]);
  });

  it('refuses a drop-down list longer than Excel accepts, before touching the workbook', async () => {
    const excel = new FakeExcel(['S']);
    const values = Array.from({ length: 60 }, (_, i) => `metric_${i}`); // 60 × 9–10 chars + commas > 255
    await expect(
      writeTableIn(excel.context, 'S', { name: 'L', headers: ['m'], rows: [], validation: { m: values } }),
    ).rejects.toThrow(/255/);
    expect(excel.syncs).toBe(0);
  });
});
