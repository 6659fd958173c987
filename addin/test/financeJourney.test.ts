// How the finance journey names what it shows: components by their kind in the user's language (never
// their ids), months and money in the user's locale, what a version applies to by unit names and role
// words; and the payroll sheet pulled again in the other language lands on the same sheet.
import { describe, expect, it } from 'vitest';
import { makeFinding, type CompPlan, type Component } from '@teamsheet/shared';
import { translator } from '../src/i18n';
import {
  appliesToLabel,
  componentLabel,
  financeNextStep,
  monthLabel,
  moneyLabel,
  runFindingLines,
  spanLabel,
} from '../src/features/payouts/financeJourney';
import { runSheetName, writeRunSheet, type ApprovedRun } from '../src/features/payouts/finance';
import { explainTrace } from '../src/features/payouts/explain';
import { createPreviewWorkbook } from '../src/office';

const en = translator('en');
const zh = translator('zh-CN');
const metricName = (id: string) => (id === 'gross_margin' ? '毛利' : id);
const org = {
  units: [
    { id: 'east', name: '华东大区', kind: 'region' },
    { id: 'east-shanghai', name: '上海组', kind: 'team', parentId: 'east' },
  ],
  people: [],
};

describe('a run’s findings as finance reads them', () => {
  const quota = (personId: string) =>
    makeFinding('payout.no-quota', 'warning', `people.${personId}`, {
      personId,
      metric: 'gross_margin',
      period: '2026-04',
      component: 'gm-commission',
    });
  const run = {
    plan: {
      components: [{ type: 'commission', id: 'gm-commission', metric: 'gross_margin', rate: 0.05 }],
    } as unknown as CompPlan,
    findings: [
      ...['rep-1', 'rep-2', 'rep-3', 'rep-4', 'rep-5', 'rep-6', 'rep-7'].map(quota),
      makeFinding('payout.no-plan', 'warning', 'people[9]', {
        personId: 'rep-9',
        role: 'rep',
        period: '2026-04',
        daysEmployed: 1200,
      }),
      makeFinding('payout.draw-balance-positive', 'warning', 'drawBalances[0].amount', {
        personId: 'ghost-1',
        amount: '12500',
      }),
    ],
  };
  const people = new Map(
    ['王伟', '李娜', '张敏', '刘洋', '陈静', '杨帆', '赵磊', '黄丽'].map((name, i) => [
      i === 7 ? 'rep-9' : `rep-${i + 1}`,
      name,
    ]),
  );

  it('words each by the core with names, component labels, roles and grouped money; one line for many people', () => {
    const zhLines = runFindingLines(run, { locale: 'zh-CN', tr: zh, org, people, metricName }).map(
      (f) => f.message,
    );
    expect(zhLines).toEqual([
      '王伟 没有 2026-04 的 毛利 指标额（组件 提成（毛利）），设定指标额前不发提成。 另有 6 人同样如此：李娜、张敏、刘洋、陈静、杨帆 等',
      '黄丽（销售代表）在 2026-04 有业绩或指标额，但不适用任何薪酬方案：方案只适用于周期内在职的销售代表、经理和大区经理（在职 1,200 天）。',
      'ghost-1 的保底余额 12,500.00 为正数；余额表示本人尚欠的金额，应为 0 或负数。已忽略。',
    ]);
    const enLines = runFindingLines(run, { locale: 'en', tr: en, org, people, metricName }, 1);
    expect(enLines.map((f) => f.message)).toEqual([
      '王伟 has no 毛利 quota for 2026-04 (component Commission (Gross margin)); no commission is paid until a quota is set. The same for 6 more: 李娜, 张敏, 刘洋, 陈静, 杨帆 and others',
    ]);
  });
});

describe('finance’s next step, the section’s one primary button', () => {
  it('goes store → create → approve (by another) → close → pull', () => {
    expect(financeNextStep({ hasPlans: false, run: null, ownRun: false })).toBe('store');
    expect(financeNextStep({ hasPlans: true, run: null, ownRun: false })).toBe('create');
    expect(financeNextStep({ hasPlans: true, run: { status: 'draft' }, ownRun: true })).toBeNull();
    expect(financeNextStep({ hasPlans: true, run: { status: 'draft' }, ownRun: false })).toBe('approve');
    expect(financeNextStep({ hasPlans: true, run: { status: 'approved' }, ownRun: true })).toBe('close');
    expect(financeNextStep({ hasPlans: true, run: { status: 'locked' }, ownRun: false })).toBe('pull');
  });
});

describe('the finance journey’s words', () => {
  it('names a component by its kind, with the metric when it is not revenue, never by its id', () => {
    const commission: Component = {
      type: 'commission',
      id: 'acme-x',
      metric: 'revenue',
      mode: 'marginal',
      tiers: [{ from: 0, rate: 0.1 }],
    };
    expect(componentLabel(commission, zh, 'zh-CN')).toBe('提成');
    expect(componentLabel({ ...commission, metric: 'gross_margin' }, zh, 'zh-CN')).toBe('提成（毛利）');
    expect(componentLabel({ type: 'spiff', id: 'acme-y', amount: 5 }, en, 'en')).toBe('New-customer bonus');
    expect(componentLabel(undefined, zh, 'zh-CN')).toBe('其他');
  });

  it('writes months, spans and money in the user’s locale', () => {
    expect(monthLabel('2026-04', 'zh-CN')).toBe('2026年4月');
    expect(monthLabel('2026-04', 'en')).toBe('April 2026');
    expect(spanLabel({ effectiveFrom: '2026-04' }, 'zh-CN', zh)).toBe('2026年4月 – 长期有效');
    expect(spanLabel({ effectiveFrom: '2026-04', effectiveTo: '2026-09' }, 'en', en)).toBe(
      'April 2026 – September 2026',
    );
    expect(moneyLabel('12345.60', 'CNY', 'zh-CN')).toBe('¥12,345.60');
    expect(moneyLabel('12345.60', 'CNY', 'en')).toBe('CN¥12,345.60');
  });

  it('says what a version applies to by unit names and role words, or everyone', () => {
    expect(appliesToLabel({}, org, zh)).toBe('所有人');
    expect(appliesToLabel({ unitIds: ['east'], roles: ['manager'] }, org, zh)).toBe('华东大区、团队负责人');
    expect(appliesToLabel({ unitIds: ['gone'] }, org, en)).toBe('a unit no longer in the organisation');
  });

  it('names the rounding rule in Chinese: 舍入（四舍五入）', () => {
    const [step] = explainTrace([{ step: 'rounding', value: '12.345 → 12.35 (half-up)' }], zh);
    expect(step).toBe('舍入（四舍五入）：12.345 → 12.35');
  });
});

describe('the payroll sheet in two languages', () => {
  it('pulled again in Chinese rewrites the English sheet instead of adding a second one', async () => {
    const workbook = createPreviewWorkbook();
    const run: ApprovedRun = {
      period: '2026-03',
      runId: 'run-1',
      hash: 'h',
      status: 'approved',
      currency: 'CNY',
      totals: { amount: '1.00', amountMinor: 100 as never },
      rows: [],
    };
    const headers = { name: 'N', unit: 'U', component: 'C', amount: 'A', currency: 'Cu', period: 'Pe' };
    const names = { unit: (id: string) => id, component: (id: string) => id };
    expect(await writeRunSheet(workbook, run, headers, 'en', names)).toBe(runSheetName('2026-03', 'en'));
    const before = (await workbook.listSheets()).length;
    expect(await writeRunSheet(workbook, run, { ...headers, name: '姓名' }, 'zh-CN', names)).toBe(
      'Payroll 2026-03',
    );
    expect((await workbook.listSheets()).length).toBe(before);
  });
});

describe('the comp-plan sheets in Chinese', () => {
  it('show components, the rounding rule and the metrics in words, the marker row hidden, and read back to the same plan', async () => {
    const { insertCompPlanTemplate, readCompPlan, starterCompPlan } =
      await import('../src/features/payouts/compPlanSheets');
    const workbook = createPreviewWorkbook();
    const plan = { ...starterCompPlan('zh-CN'), rounding: 'half-even' as const };
    const written = await insertCompPlanTemplate(workbook, plan, 'zh-CN');
    // the preview hides the marker row as Excel does
    expect(workbook.sheet(written.components)?.hiddenRows).toEqual([1]);
    expect(workbook.sheet(written.tiers)?.hiddenRows).toEqual([1]);
    const settings = await workbook.readTable('方案设置', 'TeamsheetCompSettings');
    expect(settings?.rows).toEqual([
      ['方案名称', '销售提成方案 2026'],
      ['币种', '人民币'],
      ['舍入规则', '四舍六入五成双'],
    ]);
    const table = await workbook.readTable(written.components, 'TeamsheetCompComponents');
    expect(table?.rows.map((r) => r[0])).toEqual(['提成', '新客户奖励', '管理提成']);
    expect(JSON.stringify(table?.rows)).toContain('销售额');
    expect(JSON.stringify(table?.rows)).not.toMatch(/"(revenue|commission|new-customers|override)"/);
    const read = await readCompPlan(workbook, 'zh-CN');
    expect(read.findings).toEqual([]);
    expect(read.plan).toEqual(plan);
  });
});

describe('the Payouts preview sheet', () => {
  it('titles each component column by its kind in the user’s language, a kind twice numbered', async () => {
    const { computePayouts } = await import('@teamsheet/shared');
    const { layoutPayouts } = await import('../src/features/payouts/payoutSheet');
    const { payoutLabels } = await import('../src/features/payouts/payoutActions');
    const plan = {
      id: 'p',
      name: '方案',
      currency: 'CNY',
      components: [
        {
          type: 'commission' as const,
          id: 'acme-a',
          metric: 'revenue',
          mode: 'marginal' as const,
          tiers: [{ from: 0, rate: 0.1 }],
        },
        {
          type: 'commission' as const,
          id: 'acme-b',
          metric: 'revenue',
          mode: 'marginal' as const,
          tiers: [{ from: 0, rate: 0.2 }],
        },
        { type: 'spiff' as const, id: 'acme-c', amount: 100 },
      ],
    };
    const request = {
      period: '2026-03',
      plan,
      people: [{ id: 'r1', unitId: 'u', role: 'rep' as const }],
      quotas: [{ personId: 'r1', metric: 'revenue', period: '2026-03', value: 1000 }],
      transactions: [{ id: 't', date: '2026-03-02', amount: 1000, credits: [{ personId: 'r1', share: 1 }] }],
    };
    const layout = layoutPayouts(
      computePayouts(request),
      plan,
      new Map([['r1', '李雷']]),
      payoutLabels(zh),
      'zh-CN',
    );
    expect(layout.headers.slice(4, 7)).toEqual(['提成', '提成 2', '新客户奖励']);
    expect(JSON.stringify(layout.headers)).not.toContain('acme-');
    expect(layout.componentNames?.get('acme-b')).toBe('提成 2');
  });
});
