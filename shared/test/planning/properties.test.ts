// Validation is a function of the SET of rows: permuting targets or goals permutes the paths and
// nothing else; and the same plan always gives the same findings.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validatePlan, type PlanValidationContext } from '../../src/planning';
import { makeLargeContext, makeLargePlan } from '../../src/fixtures';
import type { Finding, Goal, Plan, Target } from '../../src/schemas';

const org = {
  units: [
    { id: 'R', name: 'R', kind: 'region', parentId: null },
    { id: 'T1', name: 'T1', kind: 'team', parentId: 'R' },
    { id: 'T2', name: 'T2', kind: 'team', parentId: 'R' },
  ],
  people: [
    { id: 'r1', unitId: 'T1', role: 'rep' as const },
    { id: 'r2', unitId: 'T1', role: 'rep' as const },
    { id: 'r3', unitId: 'T2', role: 'rep' as const },
  ],
};
const context: PlanValidationContext = {
  org,
  history: [
    { owner: 'r1', metric: 'revenue', period: '2025', value: 1000 },
    { owner: 'r2', metric: 'revenue', period: '2025-01', value: 90 },
    { owner: 'T1', metric: 'visits', period: '2025', value: 500 },
  ],
  previousTargets: [{ owner: 'r1', metric: 'revenue', period: '2025', value: 800 }],
  parentTargets: [{ owner: 'R', metric: 'revenue', period: '2026', value: 5000 }],
  marketIndex: { T2: 1.1 },
};

const target = fc.record<Target>({
  owner: fc.constantFrom('R', 'T1', 'T2', 'r1', 'r2', 'r3', 'ghost'),
  metric: fc.constantFrom('revenue', 'visits', 'complaints', 'activity_rate', 'bogus'),
  period: fc.constantFrom(
    '2026',
    '2026-Q1',
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-12',
    '2027-01',
  ),
  value: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(0.1, 0.2, 0.3, 100.5, 1e-3)),
});
const goal = fc.record<Goal>(
  {
    id: fc.constantFrom('g0', 'g1', 'g2', 'g3'),
    owner: fc.constantFrom('R', 'T1', 'r1', 'ghost'),
    objective: fc.constantFrom(
      '增强客户意识',
      '客户投诉率从4%降到2%, 月底前',
      'Raise revenue to 5 million yuan',
      'Grow',
      '本周造就月销量5万元的首条餐饮样板街',
      'Visit 200 shops this week',
    ),
    metric: fc.constantFrom('revenue', 'visits', 'productivity', 'first_year_premium', 'bogus'),
    target: fc.integer({ min: 0, max: 1000 }),
    baseline: fc.constantFrom(0, 10),
    deadline: fc.constantFrom('2026-03-06', '2026-12-31', '2027-02-01'),
    parentId: fc.constantFrom('g0', 'g1', 'nope'),
  },
  { requiredKeys: ['id', 'owner', 'objective'] },
);
/** Shuffle `rows` by sorting on random keys; `order[k]` is the original index of row k. */
const permuted = <T>(rows: T[], keys: number[]): { rows: T[]; order: number[] } => {
  const order = rows.map((_, i) => i).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
  return { rows: order.map((i) => rows[i] as T), order };
};
/** A finding with its row path mapped back to the row's content, so identical rows are interchangeable. */
const canonical = (plan: Plan, findings: Finding[], targetOrder?: number[], goalOrder?: number[]): string[] =>
  findings
    .map((f) =>
      JSON.stringify([
        f.rule,
        f.severity,
        f.path.replace(/^(targets|goals)\[(\d+)\]/, (_, list: string, k: string) => {
          const order = list === 'targets' ? targetOrder : goalOrder;
          const i = order ? (order[Number(k)] as number) : Number(k);
          return `${list}:${JSON.stringify(list === 'targets' ? plan.targets[i] : plan.goals?.[i])}`;
        }),
        f.message,
        f.params,
      ]),
    )
    .sort();

describe('validatePlan: properties', () => {
  const plans = fc.record({
    targets: fc.array(target, { maxLength: 40 }),
    goals: fc.array(goal, { maxLength: 6 }),
    targetKeys: fc.array(fc.integer(), { minLength: 40, maxLength: 40 }),
    goalKeys: fc.array(fc.integer(), { minLength: 6, maxLength: 6 }),
    withOrg: fc.boolean(),
  });

  it('findings are invariant under permutation of target and goal rows', () => {
    fc.assert(
      fc.property(plans, ({ targets, goals, targetKeys, goalKeys, withOrg }) => {
        const plan: Plan = { unitId: 'R', period: '2026', templateVersion: '1', targets, goals };
        const ctx = withOrg ? context : { ...context, org: undefined };
        const opts = { today: '2026-03-02' };
        const t = permuted(targets, targetKeys);
        const g = permuted(goals, goalKeys);
        const shuffled: Plan = { ...plan, targets: t.rows, goals: g.rows };
        const before = validatePlan(plan, ctx, opts);
        const after = validatePlan(shuffled, ctx, opts);
        expect(canonical(plan, after.findings, t.order, g.order)).toEqual(canonical(plan, before.findings));
        expect(after.summary).toEqual(before.summary);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same plan gives the same findings in the same order', () => {
    fc.assert(
      fc.property(plans, ({ targets, goals }) => {
        const plan: Plan = { unitId: 'R', period: '2026', templateVersion: '1', targets, goals };
        expect(validatePlan(plan, context)).toEqual(validatePlan(plan, context));
      }),
    );
  });
});

describe('makeLargePlan', () => {
  it('has exactly n rows and, with whole teams (n = 1 + 209 × teams), validates clean against its org and history', () => {
    expect(makeLargePlan(10_000).targets).toHaveLength(10_000);
    const n = 1 + 209 * 3;
    const plan = makeLargePlan(n);
    expect(plan.targets).toHaveLength(n);
    expect(validatePlan(plan, makeLargeContext(n)).findings).toEqual([]);
  });

  it('a 10,000-row plan cuts the last team short, and validation says exactly that', () => {
    const r = validatePlan(makeLargePlan(10_000), makeLargeContext(10_000));
    expect(r.findings.map((f) => [f.rule, f.params?.owner, f.params?.metric])).toEqual([
      ['relevant.children-do-not-sum', 'team-48', 'revenue'],
      ['timebound.months-missing', 'rep-383', 'visits'],
      ['relevant.children-do-not-sum', 'rep-383', 'visits'],
    ]);
  });
});
