// The handbooks' own SMART examples (docs/rules.md, SMART validation) must come out as the handbooks say.
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../src/planning';
import type { Goal, Plan } from '../../src/schemas';

const org = {
  units: [{ id: 'D1', name: '销售一部', kind: 'area', parentId: null }],
  people: [{ id: 'p1', unitId: 'D1', role: 'rep' as const }],
};
const TODAY = '2026-11-25'; // a Wednesday
const check = (goal: Omit<Goal, 'id' | 'owner'> & { owner?: string }, locale: 'en' | 'zh-CN' = 'zh-CN') => {
  const plan: Plan = {
    unitId: 'D1',
    period: '2026',
    templateVersion: '1',
    targets: [],
    goals: [{ id: 'g1', owner: 'D1', ...goal }],
  };
  return validatePlan(plan, { org }, { today: TODAY, locale }).findings;
};
const families = (findings: { rule: string }[]): string[] =>
  [...new Set(findings.map((f) => f.rule.split('.')[0] as string))].sort();

describe("the handbooks' SMART examples", () => {
  it('"增强客户意识" (enhance customer awareness) fails specific', () => {
    const findings = check({ objective: '增强客户意识' });
    expect(findings.find((f) => f.rule === 'specific.vague-wording')).toMatchObject({
      path: 'goals[0].objective',
      params: { words: '增强…意识' },
    });
    expect(families(findings)).toContain('specific');
  });

  it('"截止到12月末,各部门基本达成销售计划" fails measurable: "基本达成" has no number, and 12月末 is a date, not a result', () => {
    const findings = check({ objective: '截止到12月末,各部门基本达成销售计划' });
    expect(findings.find((f) => f.rule === 'measurable.no-target')).toMatchObject({
      severity: 'error',
      path: 'goals[0].target',
    });
    // It does name a deadline (the end of December), so time-bound is satisfied.
    expect(findings.map((f) => f.rule)).not.toContain('timebound.no-deadline');
  });

  it('"客户投诉率从4%降到2%, 月底前" passes every rule', () => {
    expect(check({ objective: '客户投诉率从4%降到2%, 月底前' })).toEqual([]);
  });

  it("a one-week goal of building a ¥50,000 monthly business from nothing is flagged attainable (the handbook's own text)", () => {
    const findings = check({
      objective:
        '本周我要完成某某餐饮街的立项、前期拜访、厨师联谊会、小区推广、开发进货、生动化宣传、维护巩固全过程,造就月销量5万元的首条餐饮样板街.',
    });
    expect(findings.map((f) => [f.rule, f.severity, f.path])).toEqual([
      ['attainable.growth-above-band', 'error', 'goals[0].target'],
    ]);
    expect(findings[0]?.params).toMatchObject({ baseline: 0, target: 50000, days: 5, rampDays: 30 });
    expect(findings[0]?.message).toBe('目标 g1 要在 5 天内从零（0）做到 50,000；从零起步至少需要 30 天。');
  });

  it('the same goal entered as fields (baseline 0, target 50,000 CNY, due in 7 days) is flagged the same way', () => {
    const findings = check(
      {
        objective: 'Build the first restaurant street',
        metric: 'revenue',
        baseline: 0,
        target: 50000,
        unit: 'CNY',
        deadline: '2026-12-01',
      },
      'en',
    );
    expect(findings.map((f) => f.rule)).toEqual(['attainable.growth-above-band']);
    expect(findings[0]?.message).toBe(
      'Goal g1 builds 50,000 from nothing (0) in 7 days; a level from nothing needs at least 30 days.',
    );
  });

  it("the handbook's corrected goal (this week: visit all 23 restaurants, develop 3 worth 5000 yuan) passes attainable", () => {
    const findings = check({
      objective:
        '本周我要完成某某餐饮街的申报工作,拜访并邀请街内全部23家餐饮店,并录入资料库。会前开发3家餐饮,开发金额5000元。',
    });
    expect(families(findings)).not.toContain('attainable');
    expect(findings).toEqual([]);
  });
});
