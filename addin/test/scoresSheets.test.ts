// The Scores sheet written through both workbooks: on Excel (Office.js through office-addin-mock) the
// table, its number formats, the grade fills, the colour scale on Final and the grade-distribution
// column chart; on the preview workbook the same cells, fills and chart, from a real computeScores result.
import { describe, expect, it } from 'vitest';
import { computeScores, type Person, type ScoreRequest } from '@teamsheet/shared';
import {
  GRADE_CHART,
  GRADE_FILLS,
  SHEETS,
  SHEET_NAMES,
  insertTemplates,
  readScoreRequest,
  runSizing,
  scoresTranslator,
  writeScoresSheet,
} from '../src/features/scores/sheets';
import { scoresEn, scoresZhCN } from '../src/i18n/scores';
import { createExcelWorkbook } from '../src/office/excelWorkbook';
import { createPreviewWorkbook } from '../src/office';
import { FakeExcel } from './support/fakeExcel';

const people: Person[] = [
  { id: 'a', name: 'Ann', unitId: 't', role: 'rep' },
  { id: 'b', name: 'Bo', unitId: 't', role: 'rep' },
  { id: 'c', name: 'Cy', unitId: 't', role: 'rep' },
];
// a: 130 % of revenue → capped at 120 (S); b: 90 % → 90 (A); c: 50 %, under the floor 60 % → 0 (D).
const request: ScoreRequest = {
  period: '2026-Q1',
  scorecard: {
    items: [
      { id: 'revenue', metric: 'revenue', weight: 100, curve: { type: 'linear', floor: 0.6, cap: 1.2 } },
    ],
  },
  people,
  targets: people.map((p) => ({ owner: p.id, metric: 'revenue', period: '2026-Q1', value: 1000 })),
  actuals: [
    { owner: 'a', metric: 'revenue', period: '2026-Q1', value: 1300 },
    { owner: 'b', metric: 'revenue', period: '2026-Q1', value: 900 },
    { owner: 'c', metric: 'revenue', period: '2026-Q1', value: 500 },
  ],
};
const result = computeScores(request);
const st = scoresTranslator('en');

describe('the Scores sheet', () => {
  it('on Excel: table, 0.00 formats, grade fills, a colour scale on Final and a column chart of grades', async () => {
    const excel = new FakeExcel([]);
    const workbook = createExcelWorkbook({ run: excel.run });
    const { counts } = await writeScoresSheet(workbook, { result, scorecard: request.scorecard, people, st });
    expect(counts).toEqual({ S: 1, A: 1, B: 0, C: 0, D: 1 });
    // Header + 3 rows, ranked: a (120), b (90), c (0).
    // People by name, the item by its metric's label: no ids on the sheet.
    expect(excel.values(SHEETS.scores, 'A1:G4')).toEqual([
      ['Name', 'Revenue', 'KPI score', 'Rating score', 'Final', 'Grade', 'Rank'],
      ['Ann', 120, 120, '', 120, 'S', 1],
      ['Bo', 90, 90, '', 90, 'A', 2],
      ['Cy', 0, 0, '', 0, 'D', 3],
    ]);
    expect(['E2', 'E3', 'E4'].map((a) => excel.format(SHEETS.scores, a))).toEqual(['0.00', '0.00', '0.00']);
    expect(excel.tables.get('Scores')).toEqual({
      name: 'Scores',
      sheet: SHEETS.scores,
      row: 0,
      col: 0,
      rows: 4,
      cols: 7,
    });
    expect(excel.fills(SHEETS.scores)).toMatchObject({
      F2: GRADE_FILLS.S,
      F3: GRADE_FILLS.A,
      F4: GRADE_FILLS.D,
    });
    expect(excel.sheet(SHEETS.scores).conditionalFormats).toEqual([
      expect.objectContaining({
        address: 'E2:E4',
        type: 'ColorScale',
        criteria: expect.objectContaining({ midpoint: expect.objectContaining({ formula: '70' }) }),
      }),
    ]);
    // Grade table in I1:J6 (5 grades), the chart over it.
    expect(excel.values(SHEETS.scores, 'I1:J6')).toEqual([
      ['Grade', 'People'],
      ['S', 1],
      ['A', 1],
      ['B', 0],
      ['C', 0],
      ['D', 1],
    ]);
    expect(excel.sheet(SHEETS.scores).charts).toEqual([
      {
        type: 'ColumnClustered',
        source: 'I1:J6',
        seriesBy: 'Auto',
        name: GRADE_CHART,
        title: 'People per grade',
      },
    ]);
  });

  it('on the preview workbook: the same numbers, fills, colour scale and chart source', async () => {
    const wb = createPreviewWorkbook([]);
    await writeScoresSheet(wb, { result, scorecard: request.scorecard, people, st });
    const table = await wb.readTable(SHEETS.scores, 'Scores');
    expect(table?.rows.map((r) => [r[0], r[4], r[5], r[6]])).toEqual([
      ['Ann', 120, 'S', 1],
      ['Bo', 90, 'A', 2],
      ['Cy', 0, 'D', 3],
    ]);
    const sheet = wb.sheet(SHEETS.scores)!;
    expect(sheet.cells.get('1,4')?.numberFormat).toBe('0.00');
    expect(sheet.cells.get('1,5')?.fill).toBe(GRADE_FILLS.S);
    expect(sheet.colourScales.map((s) => s.address)).toEqual(['E2:E4']);
    expect(sheet.charts).toEqual([
      { name: GRADE_CHART, type: 'column', source: 'I1:J6', title: 'People per grade' },
    ]);
  });

  it('in zh-CN: sheets named in Chinese, renamed rather than doubled, people and metrics read back to ids', async () => {
    const wb = createPreviewWorkbook([]);
    await writeScoresSheet(wb, { result, scorecard: request.scorecard, people, st });
    await writeScoresSheet(wb, {
      result,
      scorecard: request.scorecard,
      people,
      st: scoresTranslator('zh-CN'),
      locale: 'zh-CN',
    });
    expect(await wb.listSheets()).toEqual([SHEET_NAMES.scores['zh-CN']]);
    const table = await wb.readTable(SHEET_NAMES.scores['zh-CN'], 'Scores');
    expect(table?.headers.slice(0, 2)).toEqual(['姓名', '销售额']);
    // templates written in Chinese read back to the same ids
    await insertTemplates(wb, {
      locale: 'zh-CN',
      period: '2026-Q1',
      people,
      st: scoresTranslator('zh-CN'),
    });
    const inputs = await wb.readTable(SHEET_NAMES.inputs['zh-CN'], 'ScoreInputs');
    expect(inputs?.rows[0]?.slice(0, 2)).toEqual(['Ann', '销售额']);
    const { request: read } = await readScoreRequest(wb, { locale: 'zh-CN', period: '2026-Q1', people });
    expect(read.scorecard.items.map((i) => [i.id, i.metric])).toEqual([
      ['revenue', 'revenue'],
      ['visits', 'visits'],
    ]);
  });

  it('sizes the force by the workload method: example inputs first, then ceil(3,600 / 1,320) = 3 reps', async () => {
    const wb = createPreviewWorkbook([]);
    expect(await runSizing(wb, { headcount: 4, st, locale: 'en' })).toEqual({ inserted: true });
    const out = await runSizing(wb, { headcount: 4, st, locale: 'en' });
    // 40 × 24 + 120 × 12 + 300 × 4 = 960 + 1,440 + 1,200 = 3,600 visits; 220 days × 6 = 1,320 a rep; 2.73 → 3.
    expect(out.inserted).toBe(false);
    if (out.inserted) return;
    expect(out.result).toMatchObject({ totalVisits: 3600, capacityPerRep: 1320, repsNeeded: 3, gap: -1 });
    const text = (await wb.readRange(SHEETS.sizing, 'A10:A12')).flat().join('\n');
    expect(text).toContain('ceil(3,600 / (220 × 6)) = ceil(2.73) = 3');
  });

  it('computes from blank templates: a ratings row with only its person filled in is no rating, not an error', async () => {
    const workbook = createPreviewWorkbook();
    await insertTemplates(workbook, { locale: 'en', period: '2026-Q1', people, st });
    const { request: read, findings } = await readScoreRequest(workbook, {
      locale: 'en',
      period: '2026-Q1',
      people,
    });
    expect(findings.filter((f) => f.path.startsWith('ratings'))).toEqual([]);
    expect(read.ratings ?? []).toEqual([]);
  });

  it('has the same keys in English and Chinese', () => {
    expect(Object.keys(scoresZhCN).sort()).toEqual(Object.keys(scoresEn).sort());
  });
});
