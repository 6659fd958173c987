import { describe, expect, it } from 'vitest';
import type { Plan, Target } from '../../src/schemas';
import { validatePlan } from '../../src/planning/validate';
import {
  TEMPLATE_VERSION,
  columnFormula,
  getTemplate,
  quarterTotals,
  sumOfParts,
  parseTemplateMarker,
  planToTargetRows,
  splitTemplateSheet,
  targetRowsToPlan,
  templateKinds,
  templateMarker,
  templateSheetCells,
  type CellValue,
} from '../../src/templates/index';

const base = { unitId: 'T1', period: '2026', templateVersion: TEMPLATE_VERSION };
const sortTargets = (ts: readonly Target[]): Target[] =>
  [...ts].sort((a, b) =>
    `${a.owner}|${a.metric}|${a.period}`.localeCompare(`${b.owner}|${b.metric}|${b.period}`),
  );
const months = (values: (number | null)[]): CellValue[] => values;

describe('template definitions', () => {
  it('every kind has sheets whose column keys are unique and whose headers exist in both languages', () => {
    for (const kind of templateKinds) {
      for (const sheet of getTemplate(kind).sheets) {
        const keys = sheet.columns.map((c) => c.key);
        expect(new Set(keys).size, `${kind}/${sheet.key}`).toBe(keys.length);
        for (const c of sheet.columns) {
          expect(c.header.en.length).toBeGreaterThan(0);
          expect(c.header['zh-CN'].length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('the targets template has Owner, Metric, Total, the twelve months Jan..Dec and the quarters Q1..Q4', () => {
    const columns = getTemplate('targets', { year: 2026 }).sheets[0]!.columns;
    const headers = columns.map((c) => c.header.en);
    expect(headers).toEqual([
      'Owner',
      'Metric',
      'Total',
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
      'Q1',
      'Q2',
      'Q3',
      'Q4',
    ]);
    expect(columns.slice(15).map((c) => c.header['zh-CN'])).toEqual(['一季度', '二季度', '三季度', '四季度']);
    // Q2 sums April..June; Total all twelve months
    expect(columns.find((c) => c.key === 'q2')!.sumOf).toEqual(['m4', 'm5', 'm6']);
    expect(columns.find((c) => c.key === 'total')!.sumOf).toHaveLength(12);
  });

  it('under an April fiscal start the months run Apr..Mar', () => {
    const sheet = getTemplate('targets', { year: 2026, fiscalYearStartMonth: 4 }).sheets[0]!;
    expect(sheet.columns.slice(3, 15).map((c) => c.header['zh-CN'])).toEqual([
      '4月',
      '5月',
      '6月',
      '7月',
      '8月',
      '9月',
      '10月',
      '11月',
      '12月',
      '1月',
      '2月',
      '3月',
    ]);
  });

  it('the marker names kind and version and is read back from the first cell of the sheet', () => {
    expect(templateMarker('targets')).toBe(`teamsheet:targets:${TEMPLATE_VERSION}`);
    expect(parseTemplateMarker('teamsheet:goals:2025.1')).toEqual({ kind: 'goals', version: '2025.1' });
    expect(parseTemplateMarker('teamsheet:nothing:2025.1')).toBeNull();
    const cells = templateSheetCells(
      templateMarker('ratings', '2025.2'),
      ['Person', 'Rater'],
      [['p1', 'p2']],
    );
    const split = splitTemplateSheet(cells);
    expect(split.marker).toEqual({ kind: 'ratings', version: '2025.2' });
    expect(split.headers).toEqual(['Person', 'Rater']);
    expect(split.rows).toEqual([['p1', 'p2']]);
    expect(split.firstRow).toBe(3);
  });

  it('a sheet without a marker row is read from its first row as headers', () => {
    const split = splitTemplateSheet([
      ['Owner', 'Metric'],
      ['T1', 'revenue'],
    ]);
    expect(split.marker).toBeNull();
    expect(split.firstRow).toBe(2);
    expect(split.rows).toEqual([['T1', 'revenue']]);
  });
});

describe('targets sheet → plan', () => {
  it('matches headers in either language, whatever their case and spacing', () => {
    const headers = ['  OWNER ', '指标', 'total', '1月', 'February', '2026-03', '四月'];
    const { plan, findings } = targetRowsToPlan({
      ...base,
      headers,
      rows: [['T1', 'revenue', 1000, 80, 90, 100, 110]],
    });
    expect(findings).toEqual([]);
    expect(sortTargets(plan.targets)).toEqual(
      sortTargets([
        { owner: 'T1', metric: 'revenue', period: '2026', value: 1000 },
        { owner: 'T1', metric: 'revenue', period: '2026-01', value: 80 },
        { owner: 'T1', metric: 'revenue', period: '2026-02', value: 90 },
        { owner: 'T1', metric: 'revenue', period: '2026-03', value: 100 },
        { owner: 'T1', metric: 'revenue', period: '2026-04', value: 110 },
      ]),
    );
  });

  it('a Total cell becomes a target for the year, and empty month cells are left out, not zero', () => {
    const headers = ['Owner', 'Metric', 'Total', 'Jan', 'Feb', 'Mar'];
    const { plan } = targetRowsToPlan({ ...base, headers, rows: [['p1', 'visits', 240, 20, null, '  ']] });
    expect(plan.targets).toEqual([
      { owner: 'p1', metric: 'visits', period: '2026', value: 240 },
      { owner: 'p1', metric: 'visits', period: '2026-01', value: 20 },
    ]);
  });

  it('a number typed as text ("1,234") is a finding with its cell, never parsed', () => {
    const headers = ['Owner', 'Metric', 'Total', 'Jan', 'Feb'];
    const { plan, findings } = targetRowsToPlan({
      ...base,
      headers,
      rows: [['T1', 'revenue', null, '1,234', 500]],
    });
    expect(plan.targets).toEqual([{ owner: 'T1', metric: 'revenue', period: '2026-02', value: 500 }]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'import.not-a-number',
      severity: 'error',
      path: 'targets[0].m1',
      params: { cell: 'Targets!D3', row: 3, column: 'Jan', value: '1,234' },
    });
    expect(findings[0]!.message).toContain('Targets!D3');
    expect(findings[0]!.message).toContain('1,234');
  });

  it('even plain digits as text are refused, and the finding reads in Chinese for a Chinese user', () => {
    const { findings } = targetRowsToPlan(
      { ...base, headers: ['负责人', '指标', '1月'], rows: [['T1', 'revenue', '1234']] },
      'zh-CN',
    );
    expect(findings[0]?.rule).toBe('import.not-a-number');
    expect(findings[0]?.params?.column).toBe('1月');
    expect(findings[0]?.message).toContain('单元格 Targets!C3');
  });

  it('cell references follow where the table sits: sheet name, first row and first column', () => {
    const { findings } = targetRowsToPlan({
      ...base,
      headers: ['Owner', 'Metric', 'Jan'],
      rows: [
        ['T1', 'revenue', 1],
        ['T1', 'visits', 'x'],
      ],
      sheetName: 'My plan',
      firstRow: 10,
      firstColumn: 2,
    });
    expect(findings[0]?.params?.cell).toBe("'My plan'!D11");
  });

  it('a formula in a text field is kept as text and flagged', () => {
    const { plan, findings } = targetRowsToPlan({
      ...base,
      headers: ['Owner', 'Metric', 'Jan'],
      rows: [['=HYPERLINK("x")', 'revenue', 5]],
    });
    expect(plan.targets[0]?.owner).toBe('=HYPERLINK("x")');
    expect(findings).toMatchObject([
      {
        rule: 'import.formula-in-text',
        severity: 'warning',
        path: 'targets[0].owner',
        params: { cell: 'Targets!A3' },
      },
    ]);
  });

  it('an unknown column is a warning, a missing required column an error', () => {
    const { findings } = targetRowsToPlan({
      ...base,
      headers: ['Owner', 'Remarks', 'Jan'],
      rows: [['T1', 'note', 5]],
    });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['import.unknown-column', 'warning'],
      ['import.missing-column', 'error'],
    ]);
    expect(findings[0]?.params?.cell).toBe('Targets!B2');
  });

  it('an owner × metric given twice is an error; only its first row counts', () => {
    const { plan, findings } = targetRowsToPlan({
      ...base,
      headers: ['Owner', 'Metric', 'Jan'],
      rows: [
        ['T1', 'revenue', 5],
        ['T1', 'revenue', 7],
      ],
    });
    expect(plan.targets).toEqual([{ owner: 'T1', metric: 'revenue', period: '2026-01', value: 5 }]);
    expect(findings).toMatchObject([
      { rule: 'import.duplicate-row', path: 'targets[1].metric', params: { row: 4, firstRow: 3 } },
    ]);
  });

  it('a metric written by its label is read as its id; blank rows are skipped', () => {
    const { plan } = targetRowsToPlan({
      ...base,
      headers: ['Owner', 'Metric', 'Jan'],
      rows: [
        [null, null, null],
        ['T1', '销售额', 5],
      ],
    });
    expect(plan.targets).toEqual([{ owner: 'T1', metric: 'revenue', period: '2026-01', value: 5 }]);
  });

  it('a sheet from an older template says so', () => {
    const { findings } = targetRowsToPlan({
      ...base,
      templateVersion: '2025.3',
      headers: ['Owner', 'Metric'],
      rows: [],
    });
    expect(findings).toMatchObject([
      {
        rule: 'import.old-template',
        severity: 'info',
        params: { version: '2025.3', current: TEMPLATE_VERSION },
      },
    ]);
  });
});

describe('plan → targets sheet → plan', () => {
  const plan: Plan = {
    ...base,
    targets: [
      { owner: 'T1', metric: 'revenue', period: '2026', value: 1200000.5 },
      ...Array.from({ length: 12 }, (_, i) => ({
        owner: 'T1',
        metric: 'revenue',
        period: `2026-${String(i + 1).padStart(2, '0')}`,
        value: 100000 + i * 0.25,
      })),
      { owner: 'p1', metric: 'visits', period: '2026-03', value: 40 },
      { owner: 'p1', metric: 'visits', period: '2026-01', value: 0 },
      { owner: 'p1', metric: 'activity_rate', period: '2026', value: 0.85 },
    ],
  };

  it('writes one row per owner × metric with the number format of the metric', () => {
    const sheet = planToTargetRows(plan, 2026);
    expect(sheet.headers.slice(0, 4)).toEqual(['Owner', 'Metric', 'Total', 'Jan']);
    expect(sheet.rows.map((r) => [r[0], r[1]])).toEqual([
      ['T1', 'revenue'],
      ['p1', 'visits'],
      ['p1', 'activity_rate'],
    ]);
    // Q1 is the sum of January's 0 and March's 40; the other quarters have no months, so no sum
    expect(sheet.rows[1]).toEqual([
      'p1',
      'visits',
      null,
      0,
      null,
      40,
      ...months(Array(9).fill(null)),
      40,
      null,
      null,
      null,
    ]);
    expect(sheet.numberFormats).toEqual(['#,##0.00', '#,##0', '0.0%']);
    expect(sheet.omitted).toEqual([]);
  });

  it('reads back the same targets (a zero month stays a zero target)', () => {
    const sheet = planToTargetRows(plan, 2026, { locale: 'zh-CN' });
    const back = targetRowsToPlan({ ...base, headers: sheet.headers, rows: sheet.rows }, 'zh-CN');
    expect(back.findings).toEqual([]);
    expect(sortTargets(back.plan.targets)).toEqual(sortTargets(plan.targets));
    expect(back.plan).toMatchObject({ unitId: 'T1', period: '2026', templateVersion: TEMPLATE_VERSION });
  });

  it('targets the sheet cannot hold (a quarter, another year) are returned as omitted, not lost silently', () => {
    const sheet = planToTargetRows(
      {
        targets: [
          { owner: 'T1', metric: 'revenue', period: '2026-Q1', value: 1 },
          { owner: 'T1', metric: 'revenue', period: '2027-01', value: 2 },
        ],
      },
      2026,
    );
    expect(sheet.rows).toEqual([]);
    expect(sheet.omitted).toHaveLength(2);
  });
});

describe('quarter columns and the Total formula', () => {
  const sheetOf = (year = 2026) => getTemplate('targets', { year }).sheets[0]!;
  const revenueMonths = Array.from({ length: 12 }, (_, i) => 100000 + i * 1000); // 100,000 … 111,000
  const monthTargets = (owner: string, values: number[]): Target[] =>
    values.map((value, i) => ({
      owner,
      metric: 'revenue',
      period: `2026-${String(i + 1).padStart(2, '0')}`,
      value,
    }));

  it('a formula column is blank while its months are, else their sum as Excel shows it', () => {
    expect(sumOfParts([null, undefined, ''])).toBeNull();
    expect(sumOfParts([null, 0])).toBe(0);
    expect(sumOfParts([0.1, 0.2])).toBe(0.3);
    expect(quarterTotals(revenueMonths)).toEqual([303000, 312000, 321000, 330000]);
    expect(quarterTotals([5, null, null, null, null, null, 1, 2, 3])).toEqual([5, null, 6, null]);
  });

  it('each quarter sums its three months and Total all twelve, with a formula per row', () => {
    const sheet = sheetOf();
    expect(columnFormula(sheet, 'q1')).toBe('=IF(COUNT(D3:F3)=0,"",SUM(D3:F3))');
    expect(columnFormula(sheet, 'q4', { row: 7 })).toBe('=IF(COUNT(M7:O7)=0,"",SUM(M7:O7))');
    expect(columnFormula(sheet, 'total', { row: 4 })).toBe('=IF(COUNT(D4:O4)=0,"",SUM(D4:O4))');
    // a table starting in column B moves every reference one to the right
    expect(columnFormula(sheet, 'q2', { row: 3, firstColumn: 2 })).toBe('=IF(COUNT(H3:J3)=0,"",SUM(H3:J3))');
    expect(columnFormula(sheet, 'm1')).toBeUndefined();
    // under an April fiscal start Q1 is April..June, still the first three month columns
    expect(sheetOf().columns.find((c) => c.key === 'q1')!.sumOf).toEqual(
      getTemplate('targets', { year: 2026, fiscalYearStartMonth: 4 }).sheets[0]!.columns.find(
        (c) => c.key === 'q1',
      )!.sumOf,
    );
  });

  it('writes the quarter formulas, and the Total formula where the year target is the months’ sum', () => {
    const rows = planToTargetRows(
      {
        targets: [
          { owner: 'T1', metric: 'revenue', period: '2026', value: 1266000 },
          ...monthTargets('T1', revenueMonths),
          // a year target the months miss by 0.25 % (within tolerance): kept as the number it is
          { owner: 'p1', metric: 'revenue', period: '2026', value: 1203000 },
          ...monthTargets('p1', Array(12).fill(100000)),
          // a year target not split into months yet
          { owner: 'p2', metric: 'revenue', period: '2026', value: 500000 },
        ],
      },
      2026,
      { formulas: { row: 3 } },
    ).rows;
    expect(rows[0]![2]).toBe('=IF(COUNT(D3:O3)=0,"",SUM(D3:O3))');
    expect(rows[0]!.slice(15)).toEqual([
      '=IF(COUNT(D3:F3)=0,"",SUM(D3:F3))',
      '=IF(COUNT(G3:I3)=0,"",SUM(G3:I3))',
      '=IF(COUNT(J3:L3)=0,"",SUM(J3:L3))',
      '=IF(COUNT(M3:O3)=0,"",SUM(M3:O3))',
    ]);
    expect(rows[1]![2]).toBe(1203000);
    expect(rows[1]![15]).toBe('=IF(COUNT(D4:F4)=0,"",SUM(D4:F4))');
    expect(rows[2]![2]).toBe(500000);
  });

  it('reads quarters as no targets, so nothing is counted twice and the plan validates clean', () => {
    const sheet = planToTargetRows(
      {
        targets: [
          { owner: 'T1', metric: 'revenue', period: '2026', value: 1266000 },
          ...monthTargets('T1', revenueMonths),
        ],
      },
      2026,
    );
    expect(sheet.rows[0]!.slice(15)).toEqual([303000, 312000, 321000, 330000]);
    const back = targetRowsToPlan({ ...base, headers: sheet.headers, rows: sheet.rows });
    expect(back.findings).toEqual([]);
    expect(back.plan.targets).toHaveLength(13);
    expect(back.plan.targets.some((t) => t.period.includes('Q'))).toBe(false);
    expect(validatePlan(back.plan).findings).toEqual([]);
  });

  it('a quarter typed over its formula is reported on its cell, and its months count', () => {
    const sheet = planToTargetRows({ targets: monthTargets('T1', revenueMonths) }, 2026);
    const rows = sheet.rows.map((r) => [...r]);
    rows[0]![16] = 400000; // Q2 (column Q) where April..June add up to 312,000
    rows.push(['p1', 'revenue', null, ...Array(12).fill(null), 90000, null, null, null]); // Q1 without months
    const back = targetRowsToPlan({ ...base, headers: sheet.headers, rows });
    expect(back.findings.map((f) => [f.rule, f.severity, f.params?.cell, f.params?.sum])).toEqual([
      ['import.derived-not-sum', 'warning', 'Targets!Q3', 312000],
      ['import.derived-without-parts', 'warning', 'Targets!P4', undefined],
    ]);
    expect(back.findings[0]!.message).toContain('Q2');
    expect(back.plan.targets).toHaveLength(12);
    expect(back.plan.targets.find((t) => t.period === '2026-04')!.value).toBe(103000);
  });

  it('a sheet of template 2026.1 (no quarter columns, a typed Total) still reads, with an old-template info', () => {
    const headers = sheetOf()
      .columns.slice(0, 15)
      .map((c) => c.header.en);
    const total = revenueMonths.reduce((a, b) => a + b, 0);
    const cells = templateSheetCells('teamsheet:targets:2026.1', headers, [
      ['T1', 'revenue', total, ...revenueMonths],
    ]);
    const split = splitTemplateSheet(cells);
    expect(split.marker).toEqual({ kind: 'targets', version: '2026.1' });
    const back = targetRowsToPlan({ ...base, ...split, templateVersion: split.marker!.version });
    expect(back.findings.map((f) => [f.rule, f.severity])).toEqual([['import.old-template', 'info']]);
    expect(back.plan.targets).toEqual([
      { owner: 'T1', metric: 'revenue', period: '2026', value: 1266000 },
      ...monthTargets('T1', revenueMonths),
    ]);
  });
});
