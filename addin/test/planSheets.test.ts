// The planning workflow's logic on the preview workbook: templates written from the core's
// definitions, read back into a Plan, findings located on their cells, painted and cleared,
// allocation through the core, and the diff sheet.
import { describe, expect, it } from 'vitest';
import { TEMPLATE_VERSION, validatePlan, type Finding } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { createPreviewWorkbook, type PreviewWorkbook } from '../src/office';
import {
  SEVERITY_FILL,
  insertTemplates,
  locateAll,
  paintFindings,
  readPlan,
  readStamp,
  readTargetsGrid,
  writeDiffSheet,
  writeMonths,
  writeTotals,
} from '../src/features/plan/planSheets';
import { monthParts, runAllocation } from '../src/features/plan/allocation';

const org = demoOrg();
const unitId = 'east-shanghai';
const people = org.people.filter((p) => p.unitId === unitId).map((p) => p.id);
/** The names the sheets show: the unit's and each person's, from the organisation. */
const ownerNames = new Map<string, string>([
  ...org.units.map((u) => [u.id, u.name ?? u.id] as [string, string]),
  ...org.people.map((p) => [p.id, p.name ?? p.id] as [string, string]),
]);
const owners = [unitId, ...people];

const cellOf = (wb: PreviewWorkbook, sheet: string, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return wb.sheet(sheet)?.cells.get(`${Number(m[2]) - 1},${m[1]!.charCodeAt(0) - 65}`);
};

async function freshPlan(): Promise<PreviewWorkbook> {
  const wb = createPreviewWorkbook([]);
  await insertTemplates(wb, {
    unitId,
    year: 2026,
    owners,
    metrics: ['revenue', 'visits'],
    locale: 'en',
    ownerNames,
  });
  return wb;
}

describe('plan templates in a workbook', () => {
  it('writes Targets as owner × metric rows with a Total and 12 months, drop-downs, formats by metric, frozen header and the stamp', async () => {
    const wb = await freshPlan();
    const sheet = wb.sheet('Targets')!;
    expect(cellOf(wb, 'Targets', 'A1')?.value).toBe(`teamsheet:targets:${TEMPLATE_VERSION}`);
    expect(await readStamp(wb, 'en')).toEqual({
      unitId,
      period: '2026',
      templateVersion: TEMPLATE_VERSION,
      baseVersion: 0,
    });
    const header = await wb.readRange('Targets', 'A2:O2');
    const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
    expect(header[0]).toEqual(['Owner', 'Metric', 'Total', ...months]);
    expect(sheet.frozenRows).toBe(2); // stamp row and header row
    // the unit and each of its people, each with revenue then visits: 2 × (1 + people) rows
    const table = await wb.readTable('Targets', 'TeamsheetTargets');
    expect(table?.rows).toHaveLength(2 * owners.length);
    // owners by name, metrics by their label: no ids on the sheet (they read back as ids, below)
    const unitName = ownerNames.get(unitId)!;
    expect(table?.rows[0]?.slice(0, 2)).toEqual([unitName, 'Revenue']);
    expect(table?.rows[1]?.slice(0, 2)).toEqual([unitName, 'Visits']);
    expect(table?.rows[2]?.[0]).toBe(ownerNames.get(people[0]!));
    // revenue is money (two decimals), visits a count
    expect(cellOf(wb, 'Targets', 'C3')?.numberFormat).toBe('#,##0.00');
    expect(cellOf(wb, 'Targets', 'O3')?.numberFormat).toBe('#,##0.00');
    expect(cellOf(wb, 'Targets', 'C4')?.numberFormat).toBe('#,##0');
    // drop-downs come from the Lists sheet: the owners, and the whole metric catalog (too long for an inline list)
    expect(cellOf(wb, 'Targets', 'A3')?.list).toEqual(owners.map((o) => ownerNames.get(o)));
    expect(cellOf(wb, 'Targets', 'B3')?.list).toContain('New customers');
    expect(cellOf(wb, 'Targets', 'B3')?.list?.join(',').length).toBeGreaterThan(255);
    // Goals: the starter goal, its owner drop-down and the date format of the deadline
    expect(cellOf(wb, 'Goals', 'A1')?.value).toBe(`teamsheet:goals:${TEMPLATE_VERSION}`);
    expect(cellOf(wb, 'Goals', 'A3')?.value).toBe('G1');
    expect(cellOf(wb, 'Goals', 'B3')?.list).toEqual(owners.map((o) => ownerNames.get(o)));
    expect(cellOf(wb, 'Goals', 'B3')?.value).toBe(ownerNames.get(unitId));
    expect(cellOf(wb, 'Goals', 'H3')?.numberFormat).toBe('yyyy-mm-dd');
  });

  it('reads the sheets back into a Plan: a Total becomes the year target, each filled month a month target', async () => {
    const wb = await freshPlan();
    await wb.writeRange('Targets', 'C3:O3', [
      [1200, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
    ]);
    const read = await readPlan(wb, 'en');
    const mine = read.plan.targets.filter((t) => t.owner === unitId && t.metric === 'revenue');
    expect(mine).toHaveLength(13);
    expect(mine[0]).toEqual({ owner: unitId, metric: 'revenue', period: '2026', value: 1200 });
    expect(mine[12]).toEqual({ owner: unitId, metric: 'revenue', period: '2026-12', value: 100 });
    expect(read.plan.unitId).toBe(unitId);
    expect(read.plan.goals?.map((g) => g.id)).toEqual(['G1']);
    expect(read.importFindings).toEqual([]);
  });

  it('locates a missing month on its own cell, paints it red with a note, and a fix clears the mark', async () => {
    const wb = await freshPlan();
    // Jan, Feb, Apr..Dec filled; March (column F) left empty
    await wb.writeRange('Targets', 'C3:O3', [
      [1100, 100, 100, null, 100, 100, 100, 100, 100, 100, 100, 100, 100],
    ]);
    let read = await readPlan(wb, 'en');
    let result = validatePlan(read.plan, { org }, { locale: 'en' });
    const missing = result.findings.find((f) => f.rule === 'timebound.months-missing')!;
    expect(missing.params?.missing).toBe('2026-03');
    let located = locateAll(read, read.importFindings, result.findings);
    expect(located.find((l) => l.finding === missing)?.place).toEqual({
      sheet: 'Targets',
      addresses: ['F3'],
    });
    await paintFindings(wb, ['Targets', 'Goals'], located);
    expect(cellOf(wb, 'Targets', 'F3')?.fill).toBe(SEVERITY_FILL.error);
    expect(cellOf(wb, 'Targets', 'F3')?.note).toContain('2026-03');

    await wb.writeRange('Targets', 'F3', [[100]]);
    read = await readPlan(wb, 'en');
    result = validatePlan(read.plan, { org }, { locale: 'en' });
    expect(result.findings.filter((f) => f.rule === 'timebound.months-missing')).toEqual([]);
    located = locateAll(read, read.importFindings, result.findings);
    await paintFindings(wb, ['Targets', 'Goals'], located);
    expect(cellOf(wb, 'Targets', 'F3')?.fill).toBeUndefined();
    expect(cellOf(wb, 'Targets', 'F3')?.note).toBeUndefined();
  });

  it('marks a vague goal amber on its objective cell, in Chinese when the user reads Chinese', async () => {
    const wb = await freshPlan();
    // vague wording and no target value: nothing states the result
    await wb.writeRange('Goals', 'C3', [['进一步加强客户意识']]);
    await wb.writeRange('Goals', 'F3', [[null]]);
    const read = await readPlan(wb, 'zh-CN');
    const result = validatePlan(read.plan, { org }, { locale: 'zh-CN' });
    const vague = result.findings.find((f) => f.rule === 'specific.vague-wording')!;
    expect(vague.severity).toBe('warning');
    const located = locateAll(read, [], [vague]);
    expect(located[0]?.place).toEqual({ sheet: 'Goals', addresses: ['C3'] });
    await paintFindings(wb, ['Targets', 'Goals'], located);
    expect(cellOf(wb, 'Goals', 'C3')?.fill).toBe(SEVERITY_FILL.warning);
    expect(cellOf(wb, 'Goals', 'C3')?.note).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports text in a number cell at that cell, from the core importer', async () => {
    const wb = await freshPlan();
    await wb.writeRange('Targets', 'E5', [['abc']]);
    const read = await readPlan(wb, 'en');
    const notNumber = read.importFindings.find((f: Finding) => f.rule === 'import.not-a-number')!;
    expect(notNumber.severity).toBe('error');
    expect(locateAll(read, [notNumber], [])[0]?.place).toEqual({ sheet: 'Targets', addresses: ['E5'] });
  });

  it('writes an allocation of 1,000,000.00 over 12 months that sums exactly: 4 months get the extra cent', async () => {
    const wb = await freshPlan();
    const result = runAllocation(
      { total: 1_000_000, basis: 'even', parts: monthParts(2026), metric: 'revenue' },
      'en',
    );
    expect(result.parts.map((p) => p.value)).toEqual([
      83333.34, 83333.34, 83333.34, 83333.34, 83333.33, 83333.33, 83333.33, 83333.33, 83333.33, 83333.33,
      83333.33, 83333.33,
    ]);
    const grid = await readTargetsGrid(wb, 'en');
    await writeMonths(
      wb,
      grid,
      2,
      result.parts.map((p) => p.value),
    );
    const row = await wb.readRange('Targets', 'D3:O3');
    expect(row[0]?.reduce((a: number, v) => a + Math.round(Number(v) * 100), 0)).toBe(100_000_000);
    // the quarter formulas fill in at once: Q1 holds the three 83,333.34, Q2 the fourth and two .33
    expect((await wb.readRange('Targets', 'P3:S3'))[0]).toEqual([250000.02, 250000, 249999.99, 249999.99]);
    // Total as the spreadsheet adds it (999,999.9999999998), read into the plan as the 1,000,000 it shows
    expect((await wb.readRange('Targets', 'C3'))[0]![0]).toBeCloseTo(1_000_000, 6);
    const read = await readPlan(wb, 'en');
    expect(read.plan.targets.find((t) => t.owner === unitId && t.period === '2026')!.value).toBe(1_000_000);
  });

  it('the quarters and Total follow a month typed after the allocation; a typed Total is kept and read', async () => {
    const wb = await freshPlan();
    const grid = await readTargetsGrid(wb, 'en');
    await writeMonths(wb, grid, 2, Array(12).fill(100_000));
    await writeTotals(wb, grid, new Map([[2, grid.totalFormula(2)!]]));
    await wb.writeRange('Targets', 'F3', [[130_000]]); // March up by 30,000
    expect((await wb.readRange('Targets', 'C3'))[0]![0]).toBe(1_230_000);
    expect((await wb.readRange('Targets', 'P3:S3'))[0]).toEqual([330_000, 300_000, 300_000, 300_000]);
    const read = await readPlan(wb, 'en');
    expect(read.importFindings).toEqual([]);
    const unitRevenue = read.plan.targets.filter((t) => t.owner === unitId && t.metric === 'revenue');
    expect(unitRevenue.map((t) => t.period)).toEqual(['2026', ...monthParts(2026).map((p) => p.id)]);
    expect(unitRevenue[0]!.value).toBe(1_230_000);
    // a year target typed over the formula is the year's target, and the months are held to it
    await wb.writeRange('Targets', 'C3', [[1_200_000]]);
    const typed = await readPlan(wb, 'en');
    expect(typed.plan.targets.find((t) => t.owner === unitId && t.period === '2026')!.value).toBe(1_200_000);
    expect(validatePlan(typed.plan, { org }).findings.map((f) => f.rule)).toContain(
      'relevant.children-do-not-sum',
    );
  });

  it('splits a unit total over its people by weights and writes only their Totals', async () => {
    const wb = await freshPlan();
    const grid = await readTargetsGrid(wb, 'en');
    const visitsRows = grid.rows.filter((r) => r.metric === 'visits' && r.owner !== unitId);
    const result = runAllocation(
      {
        total: 1000,
        basis: 'weights',
        parts: visitsRows.map((r, i) => ({ id: r.owner, weight: i === 0 ? 3 : 1 })),
        metric: 'visits',
      },
      'en',
    );
    const n = visitsRows.length;
    // weight 3 for the first person, 1 for each other: 3/(n+2) of 1000, rounded by largest remainder
    expect(result.parts.reduce((a, p) => a + p.value, 0)).toBe(1000);
    expect(result.parts[0]?.value).toBe(Math.round((3 * 1000) / (n + 2)));
    await writeTotals(wb, grid, new Map(visitsRows.map((r, i) => [r.row, result.parts[i]!.value])));
    const after = await readTargetsGrid(wb, 'en');
    expect(after.rows.filter((r) => r.metric === 'visits' && r.owner !== unitId).map((r) => r.total)).toEqual(
      result.parts.map((p) => p.value),
    );
    expect(after.rows.find((r) => r.metric === 'revenue' && r.owner === unitId)?.total).toBeNull();
    // only the people's Total cells were written: every other row keeps its Total formula
    const revenueRow = after.rows.find((r) => r.metric === 'revenue' && r.owner === people[0])!.row;
    expect(cellOf(wb, 'Targets', `C${revenueRow + 1}`)?.formula).toBe(grid.totalFormula(revenueRow));
    expect(cellOf(wb, 'Targets', `C${visitsRows[0]!.row + 1}`)?.formula).toBeUndefined();
  });

  it('writes a diff sheet with one row per changed cell, green added, red removed, amber changed', async () => {
    const wb = createPreviewWorkbook([]);
    const sheet = await writeDiffSheet(
      wb,
      [
        {
          sheet: 'Targets',
          key: { owner: 'rep-001', metric: 'revenue', period: '2026-03' },
          field: 'value',
          before: 100,
          after: 120,
          kind: 'changed',
        },
        {
          sheet: 'Targets',
          key: { owner: 'rep-002', metric: 'revenue', period: '2026-04' },
          field: 'value',
          before: null,
          after: 50,
          kind: 'added',
        },
        {
          sheet: 'Goals',
          key: { id: 'G2' },
          field: 'objective',
          before: 'old',
          after: null,
          kind: 'removed',
        },
      ],
      1,
      2,
      ['Sheet', 'Owner / goal', 'Metric / field', 'Month', 'Before', 'After', 'Change'],
      (k) => k,
    );
    expect(sheet).toBe('Diff v1→v2');
    expect(await wb.readRange(sheet, 'A2:G4')).toEqual([
      ['Targets', 'rep-001', 'revenue', '2026-03', 100, 120, 'changed'],
      ['Targets', 'rep-002', 'revenue', '2026-04', null, 50, 'added'],
      ['Goals', 'G2', 'objective', null, 'old', null, 'removed'],
    ]);
    expect(cellOf(wb, sheet, 'A2')?.fill).toBe('#FFF4CE');
    expect(cellOf(wb, sheet, 'G3')?.fill).toBe('#DFF6DD');
    expect(cellOf(wb, sheet, 'D4')?.fill).toBe('#FDE7E9');
  });
});
