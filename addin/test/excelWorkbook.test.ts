// excelWorkbook against office-addin-mock: whole-range writes and reads, one sync per chunk, chunks
// under Office's 5 MB request limit, and reads only after a sync (the mock refuses earlier reads).
import { describe, expect, it } from 'vitest';
import { createExcelWorkbook, readTableIn, writeTableIn } from '../src/office/excelWorkbook';
import type { CellValue } from '../src/office';
import { FakeExcel } from './support/fakeExcel';

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
    expect(excel.sheet('Plan').frozenRows).toBe(1);
    expect(excel.sheet('Plan').validation).toEqual([
      {
        row: 1,
        col: 1,
        rows: 9_999,
        cols: 1,
        rule: { list: { inCellDropDown: true, source: 'revenue,visits' } },
      },
    ]);
    expect(excel.format('Plan', 'D2')).toBe('#,##0.00');
    expect(excel.format('Plan', 'D1')).toBeUndefined(); // the header keeps General

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
    const wb = createExcelWorkbook({ run: excel.run });
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
    expect(excel.sheets.has('New')).toBe(true);
    const table = await wb.readTable('New', 'T');
    expect(table).toEqual({ name: 'T', address: 'A1:B2', headers: ['a', 'b'], rows: [[7, 8]] });
    // the rows of the old, longer table are cleared, not left behind under the new one
    expect(excel.value('New', 'A4')).toBeUndefined();
  });

  it('answers null for a table that does not exist or lives on another sheet', async () => {
    const excel = new FakeExcel(['A', 'B']);
    const wb = createExcelWorkbook({ run: excel.run });
    expect(await wb.readTable('A', 'Nope')).toBeNull();
    await wb.writeTable('A', { name: 'OnA', headers: ['x'], rows: [[1]] });
    expect(await wb.readTable('B', 'OnA')).toBeNull();
    expect((await wb.readTable('A', 'OnA'))?.rows).toEqual([[1]]);
  });

  it('hands out the mock’s error text for a value read before load and sync, as Office refuses it', async () => {
    const excel = new FakeExcel(['S']);
    excel.put('S', 'B2', [[42]]);
    const range = excel.context.workbook.worksheets.getItem('S').getRange('B2');
    expect(range.values).toBe('Error, property was not loaded');
    range.load('values');
    expect(range.values).toBe('Error, context.sync() was not called');
    await excel.context.sync();
    expect(range.values).toEqual([[42]]);
    // a write lands only at sync
    range.values = [[43]];
    expect(excel.value('S', 'B2')).toBe(42);
    await excel.context.sync();
    expect(excel.value('S', 'B2')).toBe(43);
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
