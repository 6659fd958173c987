// The Rollup sheet: its layout from a hand-checkable roll-up (drill-down, gap and coverage, missing and
// stale units with managers, the coverage chart), the Excel writer on office-addin-mock (values,
// formats, bold, indents, colour-scale rules, chart, one sync per chunk), and colour-scale fills.
import { consolidate, unitCoverage } from '@teamsheet/shared';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n';
import { colourScaleFill, colourScaleFills, chartData, type CellValue } from '../src/office';
import { addChartIn, addColourScalesIn, writeCellsIn } from '../src/office/excelReport';
import { cellAddress } from '../src/office/address';
import { FakeExcel } from './support/fakeExcel';
import {
  COVERAGE_CHART,
  COVERAGE_SCALE,
  GAP_SCALE,
  blocksOf,
  rollupSheet,
} from '../src/features/consolidate/layout';
import { smallRegion } from './consolidate.fixture';

const tr = translator('en');
const stamp = { pulledAt: '2026-11-25T09:00:00.000Z' };
const text = (line: { values: CellValue[] } | undefined) => line?.values.filter((v) => v !== null);

describe('gap and coverage per unit line (core unitCoverage)', () => {
  it('compares each unit’s own total with the lines directly below it, and the region with its target', () => {
    const rollup = consolidate(smallRegion());
    const cov = unitCoverage(rollup);
    const of = (id: string) => cov[rollup.rows.findIndex((r) => r.id === id)];
    expect(of('R')).toEqual({ target: 3000, below: 2400, gap: 600, coverage: 0.8 });
    expect(of('T1')).toEqual({ target: 1200, below: 1200, gap: 0, coverage: 1 });
    expect(of('T2')).toEqual({ target: 1200, below: 540, gap: 660, coverage: 0.45 });
    expect(of('a1')).toBeNull(); // people have nothing below them
  });
});

describe('the Rollup sheet layout', () => {
  const rollup = consolidate(smallRegion());
  const sheet = rollupSheet(rollup, smallRegion().org, stamp, tr, 'en');
  const find = (first: string) => sheet.lines.findIndex((l) => l.values[0] === first);

  it('starts with a title, the stamp of the pull (unit by name, time in the locale, no ETag) and a summary', () => {
    expect(sheet.lines[0]!.values[0]).toBe('Roll-up of Region · 2026');
    expect(sheet.lines[0]!.bold).toBe(true);
    expect(text(sheet.lines[1])).toEqual([
      'Unit',
      'Region',
      'Period',
      '2026',
      'Pulled at',
      new Date(stamp.pulledAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' }),
      'Lines',
      sheet.lines.length,
    ]);
    expect(String(sheet.lines[1]!.values[5])).toMatch(/^Nov 25, 2026/);
    expect(sheet.lines[2]!.values[0]).toBe('2 of 3 units counted · 1 missing · 1 on an old template');
  });

  it('lists the missing and the stale units with their managers, by name (no ids)', () => {
    const missing = find('Not submitted (1)');
    expect(text(sheet.lines[missing + 1])).toEqual(['Unit', 'Parent unit', 'Manager']);
    expect(text(sheet.lines[missing + 2])).toEqual(['Team Three', 'Region', 'Ma Three']);
    const stale = find('On an old template (1; current 2026.1)');
    expect(text(sheet.lines[stale + 2])).toEqual(['Team Two', 1, '2025.1', 'Ma Two']);
  });

  it('puts coverage of every team under the chart, 0 % for the team that has not submitted', () => {
    const title = find('Coverage by unit · Revenue');
    expect(text(sheet.lines[title + 2])).toEqual(['Team One', 1]);
    expect(text(sheet.lines[title + 3])).toEqual(['Team Two', 0.45]);
    expect(text(sheet.lines[title + 4])).toEqual(['Team Three', 0]);
    expect(sheet.chart).toEqual({
      name: COVERAGE_CHART,
      type: 'bar',
      source: `A${title + 2}:B${title + 5}`,
      title: 'Coverage by unit · Revenue',
    });
    expect(sheet.colourScales).toContainEqual({
      address: `B${title + 3}:B${title + 5}`,
      scale: COVERAGE_SCALE,
    });
  });

  it('writes a revenue block: months across, target, planned below, gap and coverage, drill-down indented', () => {
    const header = sheet.lines.findIndex((l) => l.values[3] === '2026-01');
    expect(sheet.width).toBe(19);
    expect(sheet.lines[header]!.values.slice(0, 3)).toEqual(['Unit / person', 'Source', 'Version']);
    expect(sheet.lines[header]!.values.slice(15)).toEqual(['Total', 'Planned below', 'Gap', 'Coverage']);
    expect(sheet.lines[header - 1]!.values[0]).toBe('Revenue'); // the metric by its label, not its id
    const region = sheet.lines[header + 1]!;
    expect(region.values).toEqual(['Region', 'target', null, ...Array(12).fill(250), 3000, 2400, 600, 0.8]);
    expect(region.formats?.[3]).toBe('#,##0.00');
    expect(region.formats?.[18]).toBe('0.0%');
    expect(sheet.lines[header + 2]!.values.slice(0, 1)).toEqual(['↳ planned below']);
    expect(sheet.lines[header + 2]!.values[15]).toBe(2400);
    expect(sheet.lines[header + 3]!.values.slice(3, 16)).toEqual([...Array(12).fill(50), 600]);
    expect(sheet.lines[header + 4]!.values.slice(3, 16)).toEqual(Array(13).fill(0.8));
    const t1 = sheet.lines[header + 5]!;
    expect(t1.values).toEqual(['Team One', 'plan', 2, ...Array(12).fill(100), 1200, 1200, 0, 1]);
    expect(t1.indent).toBe(1);
    const ann = sheet.lines[header + 6]!;
    expect(ann.values.slice(0, 4)).toEqual(['Ann', 'person', 2, 60]);
    expect(ann.values.slice(15)).toEqual([720, null, null, null]);
    expect(ann.indent).toBe(2);
    const t2Block = sheet.lines.findIndex((l, i) => i > header && l.values[0] === 'Team Two');
    expect(sheet.lines[t2Block]!.values.slice(15)).toEqual([1200, 540, 660, 0.45]);
    // colour scales: gap and coverage columns over the block's lines, and the region's monthly rows
    const first = header + 2; // 1-based row of the region line
    const last = t2Block + 2; // Bo's line is the block's last
    expect(sheet.colourScales).toContainEqual({ address: `R${first}:R${last}`, scale: GAP_SCALE });
    expect(sheet.colourScales).toContainEqual({ address: `S${first}:S${last}`, scale: COVERAGE_SCALE });
    expect(sheet.colourScales).toContainEqual({
      address: `D${header + 5}:P${header + 5}`,
      scale: COVERAGE_SCALE,
    });
  });

  it('groups consecutive lines of the same look into one block', () => {
    const blocks = blocksOf(sheet.lines, [0, 1, 2, 3]);
    expect(blocks.map((b) => b.at)).toEqual(['A1', 'A2']);
    expect(blocks[1]!.values).toHaveLength(3);
  });

  it('speaks Chinese too', () => {
    const zh = rollupSheet(rollup, smallRegion().org, stamp, translator('zh-CN'), 'zh-CN');
    expect(zh.lines[0]!.values[0]).toBe('Region 汇总 · 2026');
    expect(zh.chart?.title).toBe('各单位覆盖率 · 销售额');
    expect(zh.name).toBe('汇总');
    expect(text(zh.lines[1])?.slice(0, 2)).toEqual(['单位', 'Region']);
    expect(String(zh.lines[1]!.values[5])).toMatch(/^2026年11月25日/);
  });
});

describe('colour scales', () => {
  it('is red below 95 %, white at 100 %, green from 110 %, and linear between', () => {
    expect(colourScaleFill(0.5, COVERAGE_SCALE, 0, 2)).toBe('#F8696B');
    expect(colourScaleFill(1, COVERAGE_SCALE, 0, 2)).toBe('#FFFFFF');
    expect(colourScaleFill(1.2, COVERAGE_SCALE, 0, 2)).toBe('#63BE7B');
    // half way from red (F8 69 6B) to white (FF FF FF): FC B4 B5
    expect(colourScaleFill(0.975, COVERAGE_SCALE, 0, 2)).toBe('#FCB4B5');
  });

  it('reads lowest and highest from the range', () => {
    const values = new Map([
      ['0,0', 0],
      ['1,0', 600],
      ['2,0', 300],
    ]);
    const fills = colourScaleFills(
      [{ address: 'A1:A3', scale: GAP_SCALE }],
      (r, c) => values.get(`${r},${c}`) ?? null,
    );
    expect(fills.get('0,0')).toBe('#FFFFFF');
    expect(fills.get('1,0')).toBe('#F8696B');
    expect(fills.get('2,0')).toBe('#FCB4B5');
  });

  it('reads chart data as Excel does: header, categories, one series per column', () => {
    expect(
      chartData([
        ['Unit', 'Coverage'],
        ['A', 1],
        ['B', null],
      ]),
    ).toEqual({
      categories: ['A', 'B'],
      series: [{ name: 'Coverage', values: [1, null] }],
    });
  });
});

describe('the Excel writer on office-addin-mock', () => {
  it('writes the sheet’s lines with values, number formats, bold and indents, in one sync per chunk', async () => {
    const rollup = consolidate(smallRegion());
    const sheet = rollupSheet(rollup, smallRegion().org, stamp, tr, 'en');
    const excel = new FakeExcel(['Rollup']);
    excel.put('Rollup', 'Z50', [['left over from the last pull']]);
    excel.sheet('Rollup').conditionalFormats.push({ address: 'T9:T12', type: 'ColorScale', criteria: {} });
    const { syncs } = await writeCellsIn(
      excel.context,
      'Rollup',
      blocksOf(
        sheet.lines,
        sheet.lines.map((_, i) => i),
      ),
      { clear: true },
    );
    // the sheet is emptied first: old values and old colour scales are gone
    expect(excel.value('Rollup', 'Z50')).toBeUndefined();
    expect(excel.sheet('Rollup').conditionalFormats).toEqual([]);
    expect(syncs).toBe(2); // find the sheet, then one chunk (well under 4 MB)
    expect(excel.syncs).toBe(2);
    const at = (row: number, col: number) => excel.value('Rollup', cellAddress(row, col));
    const header = sheet.lines.findIndex((l) => l.values[3] === '2026-01');
    expect(at(header, 0)).toBe('Unit / person');
    expect(at(header + 1, 18)).toBe(0.8);
    expect(at(header + 1, 2)).toBe(''); // empty cells are written as '' (null would mean "unchanged")
    // the coverage column of the block carries the percent format, the months two decimals
    expect(excel.format('Rollup', cellAddress(header + 1, 18))).toBe('0.0%');
    expect(excel.format('Rollup', cellAddress(header + 1, 3))).toBe('#,##0.00');
    const bold = excel.sheet('Rollup').bold;
    expect(bold.has(`${header},0`)).toBe(true);
    expect(bold.has(`${header + 1},0`)).toBe(false);
    const ann = sheet.lines.findIndex((l) => l.values[0] === 'Ann');
    expect(excel.sheet('Rollup').indents.get(`${ann},0`)).toBe(2);
    expect(excel.sheet('Rollup').indents.get(`${ann},1`)).toBeUndefined(); // only the first column is indented
  });

  it('adds every colour scale as a conditional format in one sync', async () => {
    const excel = new FakeExcel(['Rollup']);
    await addColourScalesIn(excel.context, 'Rollup', [
      { address: 'T10:T20', scale: COVERAGE_SCALE },
      { address: 'S10:S20', scale: GAP_SCALE },
    ]);
    expect(excel.syncs).toBe(1);
    const formats = excel.sheet('Rollup').conditionalFormats;
    expect(formats.map((c) => [c.address, c.type])).toEqual([
      ['T10:T20', 'ColorScale'],
      ['S10:S20', 'ColorScale'],
    ]);
    expect(formats[0]!.criteria).toEqual({
      minimum: { type: 'Number', formula: '0.95', color: '#F8696B' },
      midpoint: { type: 'Number', formula: '1', color: '#FFFFFF' },
      maximum: { type: 'Number', formula: '1.1', color: '#63BE7B' },
    });
    expect(formats[1]!.criteria).toEqual({
      minimum: { type: 'Number', formula: '0', color: '#FFFFFF' },
      maximum: { type: 'HighestValue', color: '#F8696B' },
    });
  });

  it('replaces the coverage chart of the same name with a clustered bar chart of its range', async () => {
    const excel = new FakeExcel(['Rollup']);
    excel.sheet('Rollup').charts.push({
      name: COVERAGE_CHART,
      type: 'Line',
      source: 'A1:B3',
      seriesBy: 'Auto',
      title: 'last pull',
    });
    await addChartIn(excel.context, 'Rollup', {
      name: COVERAGE_CHART,
      type: 'bar',
      source: 'A15:B17',
      title: 'Coverage by unit · Revenue',
    });
    expect(excel.sheet('Rollup').charts).toEqual([
      {
        name: COVERAGE_CHART,
        type: 'BarClustered',
        source: 'A15:B17',
        seriesBy: 'Auto',
        title: 'Coverage by unit · Revenue',
      },
    ]);
    expect(excel.syncs).toBe(2);
  });
});
