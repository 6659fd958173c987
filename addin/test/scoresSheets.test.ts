// The Scores sheet written through both workbooks: on Excel (Office.js through office-addin-mock) the
// table, its number formats, the grade fills, the colour scale on Final and the grade-distribution
// column chart; on the preview workbook the same cells, fills and chart, from a real computeScores result.
import { describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { computeScores, type Person, type ScoreRequest } from '@teamsheet/shared';
import {
  GRADE_CHART,
  GRADE_FILLS,
  SHEETS,
  runSizing,
  scoresTranslator,
  writeScoresSheet,
} from '../src/features/scores/sheets';
import { scoresEn, scoresZhCN } from '../src/i18n/scores';
import { createExcelWorkbook } from '../src/office/excelWorkbook';
import type { XlContext } from '../src/office/excelTypes';
import { createPreviewWorkbook } from '../src/office';

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

/** Records what the Office.js calls ask for; reads of isNullObject work only after load + sync (mock). */
function recordingExcel() {
  const log = {
    syncs: 0,
    values: [] as { sheet: string; row: number; col: number; values: unknown[][] }[],
    formats: [] as { row: number; col: number; numberFormat: unknown[][] }[],
    fills: new Map<string, string>(),
    tables: [] as { address: string; name?: string }[],
    scales: [] as { address: string; type: string; criteria?: unknown }[],
    charts: [] as { type: string; source: string; name?: string; title?: string }[],
  };
  const nullObject = (isNull: boolean) => ({
    isNullObject: isNull,
    load() {
      return this;
    },
    delete() {},
    getRange: () => ({ clear() {} }),
  });
  const sheets = new Set<string>();
  const range = (sheet: string, address: string, row = 0, col = 0) => {
    const r: Record<string, unknown> = {
      format: {
        fill: {
          clear: () => log.fills.delete(address),
          set color(c: string) {
            log.fills.set(address, c);
          },
        },
      },
      dataValidation: { rule: null },
      conditionalFormats: {
        add(type: string) {
          const entry: { address: string; type: string; criteria?: unknown } = { address, type };
          log.scales.push(entry);
          return {
            colorScale: {
              set criteria(c: unknown) {
                entry.criteria = c;
              },
            },
          };
        },
      },
      select() {},
      clear() {},
      set values(v: unknown[][]) {
        log.values.push({ sheet, row, col, values: v });
      },
      set numberFormat(f: unknown[][]) {
        log.formats.push({ row, col, numberFormat: f });
      },
    };
    return r;
  };
  const sheet = (name: string) => ({
    name,
    isNullObject: !sheets.has(name),
    load() {
      return this;
    },
    getRange: (address: string) => range(name, address),
    getRangeByIndexes: (row: number, col: number) => range(name, `${row},${col}`, row, col),
    tables: {
      add: (address: string) => {
        const t: { address: string; name?: string } = { address };
        log.tables.push(t);
        return t;
      },
    },
    freezePanes: { freezeRows() {} },
    comments: {
      items: [],
      load() {
        return this;
      },
    },
    charts: {
      getItemOrNullObject: () => nullObject(true),
      add: (type: string, source: { address?: string }) => {
        const c: { type: string; source: string; name?: string; title?: string } = {
          type,
          source: String(source),
        };
        log.charts.push(c);
        return {
          set name(n: string) {
            c.name = n;
          },
          title: {
            set text(t: string) {
              c.title = t;
            },
          },
        };
      },
    },
    activate() {},
  });
  const root = new OfficeMockObject({ workbook: {} }) as unknown as {
    workbook: Record<string, unknown>;
    sync: () => Promise<void>;
  };
  root.workbook.worksheets = {
    getItemOrNullObject: sheet,
    getItem: sheet,
    add: (name: string) => {
      sheets.add(name);
      return sheet(name);
    },
  };
  root.workbook.tables = { getItemOrNullObject: () => nullObject(true) };
  root.workbook.comments = { add() {} };
  root.sync = async () => {
    log.syncs += 1;
  };
  const context = root as unknown as XlContext;
  return { log, workbook: createExcelWorkbook({ run: (batch) => batch(context) }) };
}

describe('the Scores sheet', () => {
  it('on Excel: table, 0.00 formats, grade fills, a colour scale on Final and a column chart of grades', async () => {
    const { log, workbook } = recordingExcel();
    const { counts } = await writeScoresSheet(workbook, { result, scorecard: request.scorecard, people, st });
    expect(counts).toEqual({ S: 1, A: 1, B: 0, C: 0, D: 1 });
    // Header + 3 rows, ranked: a (120), b (90), c (0).
    const body = log.values.find((v) => v.sheet === SHEETS.scores && v.row === 0 && v.col === 0)!.values;
    expect(body).toEqual([
      ['Person', 'Name', 'revenue', 'KPI score', 'Rating score', 'Final', 'Grade', 'Rank'],
      ['a', 'Ann', 120, 120, '', 120, 'S', 1],
      ['b', 'Bo', 90, 90, '', 90, 'A', 2],
      ['c', 'Cy', 0, 0, '', 0, 'D', 3],
    ]);
    expect(log.formats).toContainEqual({ row: 1, col: 5, numberFormat: [['0.00'], ['0.00'], ['0.00']] });
    expect(log.tables[0]).toEqual({ address: "'Scores'!A1:H4", name: 'Scores' });
    expect(Object.fromEntries(log.fills)).toMatchObject({
      G2: GRADE_FILLS.S,
      G3: GRADE_FILLS.A,
      G4: GRADE_FILLS.D,
    });
    expect(log.scales).toEqual([
      expect.objectContaining({
        address: 'F2:F4',
        type: 'ColorScale',
        criteria: expect.objectContaining({ midpoint: expect.objectContaining({ formula: '70' }) }),
      }),
    ]);
    // Grade table in J1:K6 (5 grades), the chart over it.
    const grades = log.values.find((v) => v.row === 0 && v.col === 9)!.values;
    expect(grades).toEqual([
      ['Grade', 'People'],
      ['S', 1],
      ['A', 1],
      ['B', 0],
      ['C', 0],
      ['D', 1],
    ]);
    expect(log.charts).toEqual([
      { type: 'ColumnClustered', source: expect.any(String), name: GRADE_CHART, title: 'People per grade' },
    ]);
  });

  it('on the preview workbook: the same numbers, fills, colour scale and chart source', async () => {
    const wb = createPreviewWorkbook([]);
    await writeScoresSheet(wb, { result, scorecard: request.scorecard, people, st });
    const table = await wb.readTable(SHEETS.scores, 'Scores');
    expect(table?.rows.map((r) => [r[0], r[5], r[6], r[7]])).toEqual([
      ['a', 120, 'S', 1],
      ['b', 90, 'A', 2],
      ['c', 0, 'D', 3],
    ]);
    const sheet = wb.sheet(SHEETS.scores)!;
    expect(sheet.cells.get('1,5')?.numberFormat).toBe('0.00');
    expect(sheet.cells.get('1,6')?.fill).toBe(GRADE_FILLS.S);
    expect(sheet.colourScales.map((s) => s.address)).toEqual(['F2:F4']);
    expect(sheet.charts).toEqual([
      { name: GRADE_CHART, type: 'column', source: 'J1:K6', title: 'People per grade' },
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
    expect(text).toContain('ceil(3600 / (220 × 6)) = ceil(2.73) = 3');
  });

  it('has the same keys in English and Chinese', () => {
    expect(Object.keys(scoresZhCN).sort()).toEqual(Object.keys(scoresEn).sort());
  });
});
