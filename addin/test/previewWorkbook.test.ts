// The in-memory preview workbook behaves like the Excel one: tables replace by name, ranges are
// rectangular, marks clear, selection events fire; plus the A1 address helpers both share.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  columnIndex,
  columnLetters,
  createPreviewWorkbook,
  displayValue,
  parseRange,
  rangeAddress,
  usedSize,
} from '../src/office';
import { chunkRows } from '../src/office/workbook';

describe('A1 addresses', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702, 16383].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
  it('column letters and indexes are inverse for every Excel column', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnLetters(c)) === c));
  });
  it('parses sheet-qualified, absolute and reversed ranges', () => {
    expect(parseRange("'Plan 2026'!$B$3:A1")).toEqual({ start: { row: 0, col: 0 }, end: { row: 2, col: 1 } });
    expect(rangeAddress(0, 0, 10_000, 10)).toBe('A1:J10000');
    expect(rangeAddress(4, 2, 1, 1)).toBe('C5');
  });
});

describe('chunkRows', () => {
  it('keeps every row, in order, and no chunk above the budget unless a single row is larger', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 6 }), {
          maxLength: 200,
        }),
        fc.integer({ min: 50, max: 2000 }),
        (rows, budget) => {
          const chunks = chunkRows(rows, budget);
          expect(chunks.flat()).toEqual(rows);
          for (const c of chunks) expect(c.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('previewWorkbook', () => {
  it('writes a table with formats, lists and a frozen header, and reads it back', async () => {
    const wb = createPreviewWorkbook(['Sheet1']);
    const { address } = await wb.writeTable('Plan', {
      name: 'Targets',
      headers: ['Person', 'Metric', 'Target'],
      rows: [
        ['p1', 'revenue', 1200.5],
        ['p2', 'visits'], // short row: padded with an empty cell
      ],
      numberFormats: { Target: '#,##0.00' },
      validation: { Metric: ['revenue', 'visits'] },
      freezeHeader: true,
    });
    expect(address).toBe('A1:C3');
    expect(await wb.listSheets()).toEqual(['Sheet1', 'Plan']);
    expect(await wb.readTable('Plan', 'Targets')).toEqual({
      name: 'Targets',
      address: 'A1:C3',
      headers: ['Person', 'Metric', 'Target'],
      rows: [
        ['p1', 'revenue', 1200.5],
        ['p2', 'visits', null],
      ],
    });
    const sheet = wb.sheet('Plan')!;
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.cells.get('1,2')?.numberFormat).toBe('#,##0.00');
    expect(sheet.cells.get('2,1')?.list).toEqual(['revenue', 'visits']);
    expect(displayValue(1200.5, '#,##0.00')).toBe('1,200.50');
    expect(displayValue(0.875, '0.0%')).toBe('87.5%');
    expect(usedSize(sheet)).toEqual({ rows: 3, cols: 3 });
  });

  it('replacing a table of the same name removes the old cells', async () => {
    const wb = createPreviewWorkbook([]);
    await wb.writeTable('S', { name: 'T', headers: ['a'], rows: [[1], [2], [3]] });
    await wb.writeTable('S', { name: 'T', headers: ['a'], rows: [[9]] });
    expect(await wb.readRange('S', 'A1:A4')).toEqual([['a'], [9], [null], [null]]);
    expect(wb.sheet('S')!.tables).toHaveLength(1);
    expect(await wb.readTable('S', 'missing')).toBeNull();
    expect(await wb.readTable('Nope', 'T')).toBeNull();
  });

  it('writes and reads ranges, and rejects values that do not fit the address', async () => {
    const wb = createPreviewWorkbook();
    await wb.writeRange('Sheet1', 'B2:C3', [
      [1, 2],
      [3, 4],
    ]);
    expect(await wb.readRange('Sheet1', 'A1:C3')).toEqual([
      [null, null, null],
      [null, 1, 2],
      [null, 3, 4],
    ]);
    await expect(wb.writeRange('Sheet1', 'A1:B1', [[1]])).rejects.toThrow(
      'A1:B1 holds 1×2 cells; the values are 1×1',
    );
  });

  it('marks cells with fills and notes, and clears them again', async () => {
    const wb = createPreviewWorkbook();
    await wb.setCellStyle('Sheet1', 'B2', { fill: '#FDE7E9', note: 'targets[0].value: below last year' });
    await wb.markCells('Sheet1', [{ address: 'A1:A2', fill: '#FFF4CE' }]);
    const s = wb.sheet('Sheet1')!;
    expect(s.cells.get('1,1')).toMatchObject({ fill: '#FDE7E9', note: 'targets[0].value: below last year' });
    expect(s.cells.get('0,0')?.fill).toBe('#FFF4CE');
    expect(s.cells.get('1,0')?.fill).toBe('#FFF4CE');
    await wb.clearMarks('Sheet1');
    expect(s.cells.get('1,1')?.fill).toBeUndefined();
    expect(s.cells.get('1,1')?.note).toBeUndefined();
  });

  it('tells subscribers about changes and selection handlers about selections, until they unsubscribe', async () => {
    const wb = createPreviewWorkbook();
    let renders = 0;
    const stop = wb.subscribe(() => renders++);
    const seen: string[] = [];
    const off = await wb.onSelectionChanged((s) => seen.push(`${s.sheet}!${s.address}`));
    await wb.selectCell('Plan', 'C4:D9');
    wb.select('Plan', 'A1'); // a click in the grid
    off();
    await wb.selectCell('Plan', 'B2');
    stop();
    await wb.writeRange('Plan', 'A1', [[1]]);
    expect(seen).toEqual(['Plan!C4', 'Plan!A1']);
    expect(renders).toBe(3);
    expect(wb.selection()).toEqual({ sheet: 'Plan', address: 'B2' });
  });

  it('keeps charts as data, one per name', async () => {
    const wb = createPreviewWorkbook();
    await wb.addChart('Sheet1', { name: 'Attainment', type: 'column', source: 'A1:B6' });
    await wb.addChart('Sheet1', {
      name: 'Attainment',
      type: 'bar',
      source: 'A1:B6',
      title: 'Attainment by rep',
    });
    expect(wb.sheet('Sheet1')!.charts).toEqual([
      { name: 'Attainment', type: 'bar', source: 'A1:B6', title: 'Attainment by rep' },
    ]);
    await expect(wb.addChart('Sheet1', { name: 'Bad', type: 'line', source: 'not a range' })).rejects.toThrow(
      'not a cell address',
    );
  });
});

describe('the sheet formulas the templates write', () => {
  const quarter = '=IF(COUNT(D3:F3)=0,"",SUM(D3:F3))';

  it('shows a quarter blank while its months are, then their sum after every month written', async () => {
    const wb = createPreviewWorkbook();
    await wb.writeRange('Sheet1', 'P3', [[quarter]]);
    expect((await wb.readRange('Sheet1', 'P3'))[0]![0]).toBe('');
    await wb.writeRange('Sheet1', 'D3:F3', [[100000, 110000, 120000.5]]);
    expect((await wb.readRange('Sheet1', 'P3'))[0]![0]).toBe(330000.5);
    await wb.writeRange('Sheet1', 'E3', [[null]]);
    expect((await wb.readRange('Sheet1', 'P3'))[0]![0]).toBe(220000.5);
    expect(wb.sheet('Sheet1')!.cells.get('2,15')!.formula).toBe(quarter);
  });

  it('a formula reading another formula follows it, and a number typed over a formula replaces it', async () => {
    const wb = createPreviewWorkbook();
    await wb.writeRange('Sheet1', 'A1:D1', [['=B1*2', '=SUM(C1:D1)', 3, 4]]);
    expect((await wb.readRange('Sheet1', 'A1:B1'))[0]).toEqual([14, 7]);
    await wb.writeRange('Sheet1', 'B1', [[10]]);
    await wb.writeRange('Sheet1', 'C1', [[30]]);
    expect((await wb.readRange('Sheet1', 'A1:B1'))[0]).toEqual([20, 10]);
    expect(wb.sheet('Sheet1')!.cells.get('0,1')!.formula).toBeUndefined();
  });

  it('IF, COUNT and comparisons as Excel computes them; an unknown formula stays text', async () => {
    const wb = createPreviewWorkbook();
    await wb.writeRange('Sheet1', 'A1:F1', [
      [5, 'x', '=COUNT(A1:B1)', '=IF(A1>=5,"big","small")', '=IF(A1<>5,1,2)/4', '=VLOOKUP(A1,B1,1)'],
    ]);
    expect((await wb.readRange('Sheet1', 'C1:F1'))[0]).toEqual([1, 'big', 0.5, '=VLOOKUP(A1,B1,1)']);
  });
});
