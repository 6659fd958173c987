// The planning templates on the REAL Excel code path (createExcelWorkbook → Office.js calls) over the
// office-addin-mock stand-in: what Insert template writes (tables, drop-downs from the Lists sheet,
// number formats by metric, frozen header, the hidden and named marker row), reading the tables back
// into the Plan that was written, painting findings (fill + note) and clearing them after a fix, and
// a number of syncs that does not grow with the rows.
import { describe, expect, it } from 'vitest';
import { TEMPLATE_LAYOUT, TEMPLATE_VERSION, metricCatalog, validatePlan, type Plan } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { createPreviewWorkbook } from '../src/office';
import { createExcelWorkbook } from '../src/office/excelWorkbook';
import {
  LISTS_SHEET,
  SEVERITY_FILL,
  insertTemplates,
  locateAll,
  paintFindings,
  readPlan,
} from '../src/features/plan/planSheets';
import { FakeExcel } from './support/fakeExcel';

const org = demoOrg();
const unitId = 'east-shanghai';
const people = org.people.filter((p) => p.unitId === unitId).map((p) => p.id);
const owners = [unitId, ...people];
const catalog = Object.keys(metricCatalog);
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

function excelPlan(sheets: string[] = ['Sheet1']) {
  const excel = new FakeExcel(sheets);
  return { excel, workbook: createExcelWorkbook({ run: excel.run }) };
}

async function inserted(plan?: Plan) {
  const { excel, workbook } = excelPlan();
  await insertTemplates(workbook, {
    unitId,
    year: 2026,
    owners,
    metrics: ['revenue', 'visits'],
    locale: 'en',
    ...(plan ? { plan, baseVersion: 3 } : {}),
  });
  return { excel, workbook };
}

/** A plan a manager could have stored: the unit's revenue by month, a rep's year target, two goals. */
function storedPlan(): Plan {
  return {
    unitId,
    period: '2026',
    templateVersion: TEMPLATE_VERSION,
    targets: [
      { owner: unitId, metric: 'revenue', period: '2026', value: 1_200_000 },
      ...months.map((period) => ({ owner: unitId, metric: 'revenue', period, value: 100_000 })),
      { owner: unitId, metric: 'visits', period: '2026', value: 2_400 },
      { owner: people[0]!, metric: 'revenue', period: '2026', value: 400_000.5 },
    ],
    goals: [
      {
        id: 'G1',
        owner: unitId,
        objective: 'Raise revenue from 900,000 to 1,200,000 by 31 December 2026',
        metric: 'revenue',
        baseline: 900_000,
        target: 1_200_000,
        unit: 'CNY',
        deadline: '2026-12-31',
        strategy: 'Monthly split, weekly review',
        measure: 'Monthly completion rate',
      },
      {
        id: 'G2',
        owner: people[0]!,
        objective: 'Win 24 new customers by 30 June 2026',
        metric: 'new_customers',
        baseline: 0,
        target: 24,
        unit: 'customers',
        deadline: '2026-06-30',
        strategy: 'Two visits a day',
        measure: 'New accounts opened',
      },
    ],
  };
}

describe('Insert template on Excel', () => {
  it('writes the Targets table: headers, owner × metric rows, drop-downs from Lists, formats by metric, frozen header', async () => {
    const { excel } = await inserted();
    const monthNames = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
    expect(excel.values('Targets', 'A2:S2')).toEqual([
      ['Owner', 'Metric', 'Total', ...monthNames, 'Q1', 'Q2', 'Q3', 'Q4'],
    ]);
    const rows = 2 * owners.length; // each owner with revenue then visits
    expect(excel.tables.get('TeamsheetTargets')).toEqual({
      name: 'TeamsheetTargets',
      sheet: 'Targets',
      row: 1,
      col: 0,
      rows: rows + 1,
      cols: 19,
    });
    // Total and the quarters are Excel formulas over the row's months, blank while they are empty
    expect(excel.value('Targets', 'C3')).toBe('=IF(COUNT(D3:O3)=0,"",SUM(D3:O3))');
    expect(excel.value('Targets', 'P4')).toBe('=IF(COUNT(D4:F4)=0,"",SUM(D4:F4))');
    expect(excel.value('Targets', 'S4')).toBe('=IF(COUNT(M4:O4)=0,"",SUM(M4:O4))');
    expect(excel.values('Targets', 'P3:S3')).toEqual([['', '', '', '']]);
    expect(excel.format('Targets', 'S3')).toBe('#,##0.00');
    expect(excel.values('Targets', 'A3:B4')).toEqual([
      [unitId, 'Revenue'],
      [unitId, 'Visits'],
    ]);
    expect(excel.value('Targets', `A${2 + rows}`)).toBe(people.at(-1));
    // drop-downs: owners in Lists!A, the whole metric catalog in Lists!B (too long for an inline list)
    expect(excel.validationAt('Targets', 'A3')).toEqual({
      list: { inCellDropDown: true, source: `='Lists'!$A$2:$A$${owners.length + 1}` },
    });
    expect(excel.validationAt('Targets', `B${2 + rows}`)).toEqual({
      list: { inCellDropDown: true, source: `='Lists'!$B$2:$B$${catalog.length + 1}` },
    });
    expect(excel.validationAt('Targets', 'C3')).toBeUndefined();
    expect(excel.values(LISTS_SHEET, `A2:A${owners.length + 1}`).flat()).toEqual(owners);
    // Metric labels for the drop-down; each id kept beside its label in column D, for reading back.
    expect(excel.values(LISTS_SHEET, `B2:B${catalog.length + 1}`).flat()).toEqual(
      catalog.map((m) => metricCatalog[m]!.label.en),
    );
    expect(excel.values(LISTS_SHEET, `D2:D${catalog.length + 1}`).flat()).toEqual(catalog);
    // number formats per row by its metric: revenue is money, visits a count; the header stays General
    expect(excel.format('Targets', 'C3')).toBe('#,##0.00');
    expect(excel.format('Targets', 'O3')).toBe('#,##0.00');
    expect(excel.format('Targets', 'C4')).toBe('#,##0');
    expect(excel.format('Targets', 'O4')).toBe('#,##0');
    expect(excel.format('Targets', 'C2')).toBeUndefined();
    expect(excel.format('Targets', 'A3')).toBeUndefined();
    // frozen through the header (row 2), below the marker row
    expect(excel.sheet('Targets').frozenRows).toBe(2);
  });

  it('writes the Goals table with the starter goal, owner and metric drop-downs and a date format', async () => {
    const { excel } = await inserted();
    expect(excel.value('Goals', 'A2')).toBe('Id');
    expect(excel.value('Goals', 'A3')).toBe('G1');
    expect(excel.value('Goals', 'B3')).toBe(unitId);
    expect(excel.validationAt('Goals', 'B3')).toEqual({
      list: { inCellDropDown: true, source: `='Lists'!$A$2:$A$${owners.length + 1}` },
    });
    expect(excel.validationAt('Goals', 'D3')).toEqual({
      list: { inCellDropDown: true, source: `='Lists'!$B$2:$B$${catalog.length + 1}` },
    });
    expect(excel.format('Goals', 'H3')).toBe('yyyy-mm-dd');
    expect(excel.sheet('Goals').frozenRows).toBe(2);
  });

  it('puts the template-version marker in row 1, hides that row, names its cell and hides the Lists sheet', async () => {
    const { excel } = await inserted();
    expect(excel.values('Targets', 'A1:D1')).toEqual([
      [`teamsheet:targets:${TEMPLATE_VERSION}`, unitId, '2026', 0],
    ]);
    expect(excel.value('Goals', 'A1')).toBe(`teamsheet:goals:${TEMPLATE_VERSION}`);
    for (const sheet of ['Targets', 'Goals']) {
      expect([...excel.sheet(sheet).hiddenRows]).toEqual([1]);
      expect(Object.fromEntries(excel.sheet(sheet).names)).toEqual({ [TEMPLATE_LAYOUT.markerName]: 'A1' });
      expect(excel.sheet(sheet).visibility).toBe('Visible');
    }
    expect(excel.sheet(LISTS_SHEET).visibility).toBe('Hidden');
    expect(excel.sheet('Sheet1').visibility).toBe('Visible');
  });

  it('lays out the marker row and the Lists sheet the same way in the preview workbook', async () => {
    const wb = createPreviewWorkbook(['Sheet1']);
    await insertTemplates(wb, { unitId, year: 2026, owners, metrics: ['revenue'], locale: 'en' });
    for (const sheet of ['Targets', 'Goals']) {
      expect(wb.sheet(sheet)?.hiddenRows).toEqual([1]);
      expect(wb.sheet(sheet)?.names).toEqual({ [TEMPLATE_LAYOUT.markerName]: 'A1' });
      expect(wb.sheet(sheet)?.hidden).toBe(false);
    }
    expect(wb.sheet(LISTS_SHEET)?.hidden).toBe(true);
    expect(wb.sheet('Sheet1')?.hidden).toBe(false);
  });

  it('inserts again over an existing template (a reload): the name is replaced, not added twice', async () => {
    const { excel, workbook } = await inserted();
    await insertTemplates(workbook, {
      unitId,
      year: 2026,
      owners,
      metrics: ['revenue'],
      locale: 'en',
      plan: storedPlan(),
      baseVersion: 3,
    });
    expect(excel.value('Targets', 'D1')).toBe(3);
    expect(excel.sheet('Targets').names.size).toBe(1);
    expect(excel.sheet('Targets').names.get(TEMPLATE_LAYOUT.markerName)).toBe('A1');
    expect(excel.tables.get('TeamsheetTargets')?.rows).toBe(1 + 3); // header + the stored plan's 3 rows
    expect(excel.value('Targets', 'A6')).toBeUndefined(); // the longer empty template's rows are gone
  });
});

describe('reading the plan back from Excel', () => {
  it('reads the tables back into exactly the Plan that was written', async () => {
    const written = storedPlan();
    const { workbook } = await inserted(written);
    const read = await readPlan(workbook, 'en');
    expect(read.importFindings).toEqual([]);
    expect(read.stamp).toEqual({ unitId, period: '2026', templateVersion: TEMPLATE_VERSION, baseVersion: 3 });
    expect(read.plan.unitId).toBe(written.unitId);
    expect(read.plan.period).toBe(written.period);
    expect(read.plan.templateVersion).toBe(written.templateVersion);
    const order = (t: Plan['targets']) =>
      [...t].sort((a, b) =>
        `${a.owner}|${a.metric}|${a.period}`.localeCompare(`${b.owner}|${b.metric}|${b.period}`),
      );
    expect(order(read.plan.targets)).toEqual(order(written.targets));
    expect(read.plan.goals).toEqual(written.goals);
  });

  it('gives text typed into a number cell its finding at that cell', async () => {
    const { excel, workbook } = await inserted(storedPlan());
    excel.put('Targets', 'E3', [['about 100k']]); // February of the unit's revenue
    const read = await readPlan(workbook, 'en');
    const notNumber = read.importFindings.filter((f) => f.rule === 'import.not-a-number');
    expect(notNumber).toHaveLength(1);
    expect(notNumber[0]!.severity).toBe('error');
    expect(notNumber[0]!.params?.cell).toBe('Targets!E3');
    expect(notNumber[0]!.message).toContain('about 100k');
    expect(locateAll(read, notNumber, [])[0]?.place).toEqual({ sheet: 'Targets', addresses: ['E3'] });
    // the unreadable month is left out; the other 11 months and the year total are read
    expect(read.plan.targets.filter((t) => t.owner === unitId && t.metric === 'revenue')).toHaveLength(12);
  });
});

describe('painting findings on Excel', () => {
  it('paints error red, warning amber and info blue with notes, and a re-check after a fix clears them', async () => {
    const { excel, workbook } = await inserted(storedPlan());
    excel.addComment('Targets', 'A3', 'Ask Wang about the Q3 promotion'); // a person's own note
    excel.put('Targets', 'C3', [[1_200_000]]); // the year's target typed over the Total formula
    excel.put('Targets', 'F3', [['']]); // March of the unit's revenue left empty → error
    excel.put('Targets', 'C5', [[1_500_000]]); // a rep above the unit's 1,200,000 → info on the unit's Total
    excel.put('Goals', 'C3', [['进一步加强客户意识']]); // vague wording, and with no target value → warning
    excel.put('Goals', 'F3', [['']]); // no target value → error
    const sheets = ['Targets', 'Goals'];

    let read = await readPlan(workbook, 'en');
    let result = validatePlan(read.plan, { org }, { locale: 'en' });
    const rules = (severity: string) =>
      result.findings.filter((f) => f.severity === severity).map((f) => f.rule);
    expect(rules('error')).toContain('timebound.months-missing');
    expect(rules('warning')).toContain('specific.vague-wording');
    expect(rules('info')).toContain('relevant.over-assigned');
    let located = locateAll(read, read.importFindings, result.findings);
    const painted = await paintFindings(workbook, sheets, located);
    expect(painted).toBe(
      Object.keys(excel.fills('Targets')).length + Object.keys(excel.fills('Goals')).length,
    );

    expect(SEVERITY_FILL).toEqual({ error: '#FDE7E9', warning: '#FFF4CE', info: '#DEECF9' });
    expect(excel.fill('Targets', 'F3')).toBe(SEVERITY_FILL.error);
    expect(excel.notes('Targets').F3).toBe(
      'Teamsheet: east-shanghai revenue: 1 of the 12 months of 2026 have no target: 2026-03.',
    );
    expect(excel.fill('Goals', 'C3')).toBe(SEVERITY_FILL.warning);
    expect(excel.notes('Goals').C3).toMatch(/^Teamsheet: Goal G1 uses vague wording \(进一步, 加强\)/);
    expect(excel.fill('Goals', 'F3')).toBe(SEVERITY_FILL.error);
    // the unit's Total carries two findings: the worst colour, both messages in one note
    // (11 months make 1,100,000, not 1,200,000; 1,500,000 below it is 25 % over)
    expect(excel.fill('Targets', 'C3')).toBe(SEVERITY_FILL.error);
    expect(excel.notes('Targets').C3).toBe(
      'Teamsheet: east-shanghai revenue 2026: the 11 months add up to 1,100,000, not the total 1,200,000 (gap 100,000).\n' +
        'east-shanghai revenue 2026: its 1 people and sub-units add up to 1,500,000, 25% over its target 1,200,000 (over-assignment).',
    );
    expect(excel.fill('Targets', 'D3')).toBeUndefined(); // January is fine
    expect(excel.notes('Targets').A3).toBe('Ask Wang about the Q3 promotion');

    const recheck = async () => {
      read = await readPlan(workbook, 'en');
      result = validatePlan(read.plan, { org }, { locale: 'en' });
      located = locateAll(read, read.importFindings, result.findings);
      await paintFindings(workbook, sheets, located);
    };

    // fix March and the goal: their marks go; the Total keeps only the over-assignment, in blue
    excel.put('Targets', 'F3', [[100_000]]);
    excel.put('Goals', 'C3', [['Raise revenue from 900,000 to 1,200,000 by 31 December 2026']]);
    excel.put('Goals', 'F3', [[1_200_000]]);
    await recheck();
    expect(excel.fill('Targets', 'F3')).toBeUndefined();
    expect(excel.notes('Targets').F3).toBeUndefined();
    expect(excel.fill('Goals', 'C3')).toBeUndefined();
    expect(excel.notes('Goals').C3).toBeUndefined();
    expect(excel.fill('Goals', 'F3')).toBeUndefined();
    expect(excel.fill('Targets', 'C3')).toBe(SEVERITY_FILL.info);
    expect(excel.notes('Targets').C3).toBe(
      'Teamsheet: east-shanghai revenue 2026: its 1 people and sub-units add up to 1,500,000, 25% over its target 1,200,000 (over-assignment).',
    );

    // the rep takes exactly the unit's 1,200,000: no mark is left on Targets but the person's note
    excel.put('Targets', 'C5', [[1_200_000]]);
    await recheck();
    expect(located.filter((l) => l.place?.sheet === 'Targets')).toEqual([]);
    expect(excel.fills('Targets')).toEqual({});
    expect(excel.notes('Targets')).toEqual({ A3: 'Ask Wang about the Q3 promotion' });
  });
});

describe('round trips to Excel', () => {
  /** Syncs of the whole workflow: insert, read, check and paint, fix and repaint. */
  async function syncsFor(peopleCount: number) {
    const many = Array.from({ length: peopleCount }, (_, i) => `rep-${String(i).padStart(4, '0')}`);
    const { excel, workbook } = excelPlan();
    await insertTemplates(workbook, {
      unitId,
      year: 2026,
      owners: [unitId, ...many],
      metrics: ['revenue', 'visits', 'calls'],
      locale: 'en',
    });
    const afterInsert = excel.syncs;
    const rows = 3 * (1 + peopleCount);
    // text in every row's January: one importer finding per row, so painting covers every row
    excel.put(
      'Targets',
      `D3:D${2 + rows}`,
      Array.from({ length: rows }, () => ['n/a']),
    );
    const read = await readPlan(workbook, 'en');
    const afterRead = excel.syncs - afterInsert;
    const result = validatePlan(read.plan, { org }, { locale: 'en' });
    const located = locateAll(read, read.importFindings, result.findings);
    const before = excel.syncs;
    const painted = await paintFindings(workbook, ['Targets', 'Goals'], located);
    await paintFindings(workbook, ['Targets', 'Goals'], located);
    return {
      painted,
      rows,
      insert: afterInsert,
      read: afterRead,
      paint: excel.syncs - before,
      maxBytes: Math.max(...excel.writeBytes),
    };
  }

  it('uses the same number of syncs for 6 rows and for 1,503 rows: none per row', async () => {
    const small = await syncsFor(1);
    const large = await syncsFor(500);
    expect(large.rows).toBe(1503);
    expect([small.painted, large.painted]).toEqual([6, 1503]); // one red January per row
    expect(large.insert).toBe(small.insert);
    expect(large.read).toBe(small.read);
    expect(large.paint).toBe(small.paint);
    // insert: 3 tables (2 syncs each), 2 stamp writes (2 each), 3 sheet layouts (2, 2, 1)
    expect(small.insert).toBe(3 * 2 + 2 * 2 + 5);
    expect(large.maxBytes).toBeLessThan(5_000_000);
  });
});
