// The Payouts section's workbook side on Excel (office-addin-mock): the comp-plan template written and
// read back, a malformed plan's findings painted on their cells, and the Payouts sheet with its chart.
import {
  TEMPLATE_LAYOUT,
  TEMPLATE_VERSION,
  computePayouts,
  type CompPlan,
  type PayoutRequest,
} from '@teamsheet/shared';
import { revenueCommission } from '@teamsheet/shared/fixtures';
import { describe, expect, it } from 'vitest';
import {
  insertCompPlanTemplate,
  readCompPlan,
  starterCompPlan,
} from '../src/features/payouts/compPlanSheets';
import { layoutPayouts, writePayoutsSheet } from '../src/features/payouts/payoutSheet';
import { LISTS_SHEET } from '../src/features/common/nameLists';
import { paintFindings } from '../src/features/plan/planSheets';
import { createExcelWorkbook } from '../src/office/excelWorkbook';
import { FakeExcel } from './support/fakeExcel';

const excelWith = (sheets: string[] = []) => {
  const excel = new FakeExcel(sheets);
  return { excel, workbook: createExcelWorkbook({ run: excel.run }) };
};

describe('comp-plan template on Excel', () => {
  it('writes Components and Tiers by component name, the settings in words, hides the marker rows, and reads the same plan back', async () => {
    const { excel, workbook } = excelWith();
    const plan = starterCompPlan('en');
    const written = await insertCompPlanTemplate(workbook, plan, 'en');
    expect(written).toEqual({ components: 'Components', tiers: 'Tiers', rows: 6 }); // 3 components + 3 tiers
    // Row 1, hidden as on Targets and Goals: the marker and the plan's id, the values the code needs.
    expect(excel.values('Components', 'A1:B1')).toEqual([[`teamsheet:compplan:${TEMPLATE_VERSION}`, 'sales-2026']]);
    expect(excel.value('Tiers', 'A1')).toBe(`teamsheet:compplan:${TEMPLATE_VERSION}`);
    for (const sheet of ['Components', 'Tiers']) {
      expect([...excel.sheet(sheet).hiddenRows]).toEqual([1]);
      expect(Object.fromEntries(excel.sheet(sheet).names)).toEqual({ [TEMPLATE_LAYOUT.markerName]: 'A1' });
    }
    // Components by name, never by id ('commission', 'new-customers', 'override')
    expect(excel.values('Components', 'A2:B5')).toEqual([
      ['Component', 'Type'],
      ['Commission', 'Commission'],
      ['New-customer bonus', 'New-customer bonus'],
      ['Management override', 'Management override'],
    ]);
    // the plan's settings in words, on the Plan sheet
    expect(excel.values('Plan', 'A1:B4')).toEqual([
      ['Plan setting', 'Value'],
      ['Plan name', 'Sales incentive plan 2026'],
      ['Currency', 'Chinese Yuan'],
      ['Rounding', 'Round half up'],
    ]);
    expect(excel.values('Tiers', 'A3:A5').flat()).toEqual(['Commission', 'Commission', 'Commission']);
    expect(excel.value('Tiers', 'B4')).toBe(1); // the second tier starts at 100 %
    expect(excel.value('Tiers', 'D4')).toBe(0.05);
    expect(excel.format('Tiers', 'D4')).toBe('0.00%');
    // the names beside their ids on the hidden Lists sheet; the Tiers drop-down offers the names
    expect(excel.values(LISTS_SHEET, 'F2:G4')).toEqual([
      ['Commission', 'commission'],
      ['New-customer bonus', 'new-customers'],
      ['Management override', 'override'],
    ]);
    expect(excel.sheet(LISTS_SHEET).visibility).toBe('Hidden');
    expect(excel.validationAt('Tiers', 'A3')).toMatchObject({
      list: { inCellDropDown: true, source: "='Lists'!$F$2:$F$4" },
    });
    const read = await readCompPlan(workbook, 'en');
    expect(read.findings).toEqual([]);
    expect(read.plan).toEqual(plan);
  });

  it('round-trips a stored plan through the Chinese sheets: its ids, name, currency and rounding exactly', async () => {
    const { excel, workbook } = excelWith();
    const plan: CompPlan = {
      id: 'acme-east',
      name: '华东销售提成方案',
      currency: 'USD',
      rounding: 'half-even',
      components: [
        {
          type: 'commission',
          id: 'acme-tiered-commission',
          metric: 'revenue',
          mode: 'marginal',
          tiers: [
            { from: 0, to: 1, rate: 0.03 },
            { from: 1, rate: 0.05 },
          ],
        },
        {
          type: 'commission',
          id: 'acme-gm',
          metric: 'gross_margin',
          mode: 'retroactive',
          tiers: [{ from: 0, rate: 0.01 }],
        },
        {
          type: 'commission',
          id: 'acme-second',
          metric: 'revenue',
          mode: 'marginal',
          tiers: [{ from: 0, rate: 0.02 }],
        },
        { type: 'spiff', id: 'acme-new-customer', amount: 500 },
      ],
    };
    await insertCompPlanTemplate(workbook, plan, 'zh-CN');
    expect(excel.values('薪酬项目', 'A3:A6').flat()).toEqual([
      '提成',
      '提成（毛利）',
      '提成 2',
      '新客户奖励',
    ]);
    expect(excel.values('方案设置', 'A2:B4')).toEqual([
      ['方案名称', '华东销售提成方案'],
      ['币种', '美元'],
      ['舍入规则', '四舍六入五成双'],
    ]);
    const sheets = JSON.stringify([
      excel.values('薪酬项目', 'A2:M6'),
      excel.values('分段费率', 'A2:D6'),
      excel.values('方案设置', 'A1:B4'),
    ]);
    expect(sheets).not.toMatch(/acme-|USD|half-even/);
    const read = await readCompPlan(workbook, 'zh-CN');
    expect(read.findings).toEqual([]);
    expect(read.plan).toEqual(plan);
    // finance renames the plan and changes its currency in words: the plan reads them, ids unchanged
    excel.put('方案设置', 'B2:B3', [['华东提成方案（修订）'], ['人民币']]);
    const changed = await readCompPlan(workbook, 'zh-CN');
    expect(changed.plan).toEqual({ ...plan, name: '华东提成方案（修订）', currency: 'CNY' });
  });

  it('reports a currency it cannot name on its cell, and reads a component typed by a new name under that name', async () => {
    const { excel, workbook } = excelWith();
    await insertCompPlanTemplate(workbook, starterCompPlan('en'), 'en');
    excel.put('Plan', 'B3', [['Monopoly money']]);
    excel.put('Components', 'A4', [['Launch bonus']]); // the spiff renamed on the sheet
    const read = await readCompPlan(workbook, 'en');
    expect(read.findings.map((f) => [f.rule, f.params?.cell])).toEqual([
      ['import.unknown-currency', 'Plan!B3'],
    ]);
    expect(read.hasErrors).toBe(true);
    expect(read.plan.components.map((c) => c.id)).toEqual(['commission', 'Launch bonus', 'override']);
  });

  it('reports a malformed plan on its cells: overlapping tiers, a negative rate, an unknown type', async () => {
    const { excel, workbook } = excelWith();
    await insertCompPlanTemplate(workbook, starterCompPlan('en'), 'en');
    excel.addComment('Tiers', 'Z99', 'A note someone wrote');
    excel.put('Tiers', 'B4', [[0.9]]); // 90 %: overlaps the first tier [0 %, 100 %)
    excel.put('Tiers', 'D5', [[-0.08]]); // a negative rate
    excel.put('Components', 'B4', [['Lottery']]); // not a component type
    const read = await readCompPlan(workbook, 'en');
    expect(read.hasErrors).toBe(true);
    const cells = read.findings.map((f) => [f.rule, f.params?.cell]);
    expect(cells).toEqual(
      expect.arrayContaining([
        ['import.tiers-overlap', 'Tiers!B4'],
        ['import.negative-rate', 'Tiers!D5'],
        ['import.unknown-component-type', 'Components!B4'],
      ]),
    );
    expect(read.plan.components.map((c) => c.id)).toEqual(['override']); // faulty components are left out
    const painted = await paintFindings(workbook, read.sheets, read.located);
    expect(painted).toBe(read.located.filter((l) => l.place).length);
    expect(excel.fill('Tiers', 'B4')).toBe('#FDE7E9'); // red for an error
    expect(excel.notes('Tiers').B4).toMatch(/overlap/i);
    expect(excel.notes('Tiers').Z99).toBe('A note someone wrote'); // a person's note is left alone
  });
});

describe('Payouts sheet on Excel', () => {
  const request: PayoutRequest = {
    period: '2026-03',
    plan: {
      id: 'p',
      name: 'Plan',
      currency: 'CNY',
      components: [
        revenueCommission('retroactive', [
          [0, 0.03],
          [1, 0.05],
        ]),
        { type: 'spiff', id: 'spiff', amount: 500 },
      ],
    },
    people: [
      { id: 'r1', name: 'Li Lei', unitId: 't', role: 'rep' },
      { id: 'r2', name: 'Han Mei', unitId: 't', role: 'rep' },
    ],
    quotas: [
      { personId: 'r1', metric: 'revenue', period: '2026-03', value: 100_000 },
      { personId: 'r2', metric: 'revenue', period: '2026-03', value: 50_000 },
    ],
    transactions: [
      {
        id: 'a',
        date: '2026-03-02',
        amount: 120_000,
        credits: [{ personId: 'r1', share: 1 }],
        customerId: 'c1',
        isNewCustomer: true,
      },
      {
        id: 'b',
        date: '2026-03-09',
        amount: 40_000,
        credits: [
          { personId: 'r1', share: 0.5 },
          { personId: 'r2', share: 0.5 },
        ],
        customerId: 'c2',
      },
    ],
  };
  const labels = {
    name: 'Name',
    attainment: 'Attainment',
    credited: 'Credited',
    quota: 'Quota',
    total: 'Total',
    totalRow: 'Total',
  };

  it('writes person × component amounts, totals that are sums of lines, money formats and a bar chart', async () => {
    const result = computePayouts(request);
    // r1: 140,000 credited, 140 % → all at 5 % = 7,000.00 + 500 spiff; r2: 20,000, 40 % → 3 % = 600.00
    const layout = layoutPayouts(
      result,
      request.plan,
      new Map([
        ['r1', 'Li Lei'],
        ['r2', 'Han Mei'],
      ]),
      labels,
      'en',
    );
    const { excel, workbook } = excelWith();
    await writePayoutsSheet(workbook, layout, 'Attainment by person');
    const row = (n: number) =>
      ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => excel.value('Payouts', `${c}${n}`));
    // People by name; their ids are in no column (only in the cell map Explain reads).
    expect(row(1)).toEqual([
      'Name',
      'Attainment',
      'Credited',
      'Quota',
      'Commission',
      'New-customer bonus',
      'Total',
    ]);
    expect(row(2)).toEqual(['Li Lei', 1.4, 140_000, 100_000, 7_000, 500, 7_500]);
    expect(row(3)).toEqual(['Han Mei', 0.4, 20_000, 50_000, 600, '', 600]);
    expect(row(4)).toEqual(['Total', '', '', '', 7_600, 500, 8_100]);
    expect(result.totals.amount).toBe('8100.00');
    expect(excel.format('Payouts', 'E2')).toBe('#,##0.00');
    expect(excel.format('Payouts', 'B2')).toBe('0.0%');
    expect(excel.sheet('Payouts').charts).toEqual([
      expect.objectContaining({
        name: 'TeamsheetAttainment',
        type: 'BarClustered',
        title: 'Attainment by person',
      }),
    ]);
    expect(layout.chartSource).toBe('A1:B3'); // names and attainment of the two people, not the Total row
    // what Explain finds behind E2: r1's commission line with its trace
    const e2 = layout.cells.get('E2');
    expect(e2?.kind === 'line' && e2.line.amount).toBe('7000.00');
    expect(layout.cells.get('G3')).toMatchObject({ kind: 'total', amount: '600.00', personId: 'r2' });
  });
});
