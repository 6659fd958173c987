import { describe, expect, it } from 'vitest';
import { defaultRuleSettings, validatePlan, type PlanValidationContext } from '../../src/planning';
import { validationContext, type Goal, type Plan, type Target } from '../../src/schemas';

// Region R with teams T1 (manager m1, reps r1, r2) and T2 (rep r3); region X (rep x1) is someone else's.
const org = {
  units: [
    { id: 'R', name: 'Region', kind: 'region', parentId: null, managerId: null },
    { id: 'T1', name: 'Team 1', kind: 'team', parentId: 'R', managerId: 'm1' },
    { id: 'T2', name: 'Team 2', kind: 'team', parentId: 'R' },
    { id: 'X', name: 'Other region', kind: 'region', parentId: null },
  ],
  people: [
    { id: 'm1', unitId: 'T1', role: 'manager' as const },
    { id: 'r1', unitId: 'T1', role: 'rep' as const },
    { id: 'r2', unitId: 'T1', role: 'rep' as const },
    { id: 'r3', unitId: 'T2', role: 'rep' as const },
    { id: 'x1', unitId: 'X', role: 'rep' as const },
  ],
};
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const t = (owner: string, metric: string, period: string, value: number): Target => ({
  owner,
  metric,
  period,
  value,
});
const plan = (targets: Target[], goals?: Goal[]): Plan => ({
  unitId: 'R',
  period: '2026',
  templateVersion: '1',
  targets,
  ...(goals ? { goals } : {}),
});
const run = (p: Plan, context: PlanValidationContext = { org }, today?: string) =>
  validatePlan(p, context, today === undefined ? {} : { today });
const hits = (p: Plan, rule: string, context?: PlanValidationContext, today?: string) =>
  run(p, context, today).findings.filter((f) => f.rule === rule);
const months = (owner: string, metric: string, values: number[]): Target[] =>
  values.map((v, i) => t(owner, metric, MONTHS[i] as string, v));

describe('specific.owner-unknown', () => {
  it("fires for an owner outside the org and for one outside the plan's unit, on the owner field", () => {
    const found = hits(
      plan([t('ghost', 'revenue', '2026', 1), t('x1', 'revenue', '2026', 1)]),
      'specific.owner-unknown',
    );
    expect(found.map((f) => [f.path, f.severity, f.params?.owner])).toEqual([
      ['targets[0].owner', 'error', 'ghost'],
      ['targets[1].owner', 'error', 'x1'],
    ]);
  });
  it('does not fire for the unit itself, its sub-units and its people, nor without an org', () => {
    const p = plan([
      t('R', 'revenue', '2026', 1),
      t('T2', 'revenue', '2026', 1),
      t('r1', 'revenue', '2026', 1),
    ]);
    expect(hits(p, 'specific.owner-unknown')).toEqual([]);
    expect(hits(plan([t('ghost', 'revenue', '2026', 1)]), 'specific.owner-unknown', {})).toEqual([]);
  });
  it("fires on unitId when the plan's own unit is not in the org, and on a goal's owner", () => {
    const p: Plan = {
      ...plan([], [{ id: 'g', owner: 'ghost', objective: 'Sell 5 units by 2026-06-30', unit: 'units' }]),
      unitId: 'Q',
    };
    expect(hits(p, 'specific.owner-unknown').map((f) => f.path)).toEqual(['unitId', 'goals[0].owner']);
  });
});

describe('specific.metric-unknown', () => {
  it('fires for a metric that is not in the catalog, on targets and goals', () => {
    const p = plan(
      [t('r1', 'revenu', '2026', 1)],
      [{ id: 'g', owner: 'R', objective: 'x 5 by 2026-03-01', metric: 'sales', target: 5 }],
    );
    expect(hits(p, 'specific.metric-unknown').map((f) => [f.path, f.severity, f.params?.metric])).toEqual([
      ['targets[0].metric', 'error', 'revenu'],
      ['goals[0].metric', 'error', 'sales'],
    ]);
  });
  it('does not fire for catalog metrics', () => {
    expect(
      hits(
        plan([t('r1', 'revenue', '2026', 1), t('r1', 'activity_rate', '2026', 0.8)]),
        'specific.metric-unknown',
      ),
    ).toEqual([]);
  });
});

describe('specific.vague-wording', () => {
  const goal = (objective: string, extra: Partial<Goal> = {}): Plan =>
    plan([], [{ id: 'g', owner: 'R', objective, ...extra }]);
  it('fires when vague words state no number, naming the words', () => {
    const found = hits(goal('Try to improve customer satisfaction further'), 'specific.vague-wording');
    expect(found.map((f) => [f.path, f.severity, f.params?.words])).toEqual([
      ['goals[0].objective', 'warning', 'further, improve, try to'],
    ]);
  });
  it('does not fire when a number states the result, in the text or as the target', () => {
    expect(hits(goal('进一步提升客户满意度到90%'), 'specific.vague-wording')).toEqual([]);
    expect(hits(goal('进一步提升客户满意度', { target: 90, unit: '%' }), 'specific.vague-wording')).toEqual(
      [],
    );
  });
  it('uses the configured lexicon', () => {
    const context = { org, rules: { vagueWords: ['somehow'] } };
    expect(hits(goal('Somehow grow'), 'specific.vague-wording', context)).toHaveLength(1);
    expect(hits(goal('Try to improve'), 'specific.vague-wording', context)).toEqual([]);
  });
});

describe('measurable.negative-target', () => {
  it('refuses −5 visits (a count), questions a negative revenue, lets a rate through', () => {
    const found = hits(
      plan([
        t('r1', 'visits', '2026-03', -5),
        t('r1', 'revenue', '2026-03', -1000),
        t('r1', 'visits', '2026-04', 0),
      ]),
      'measurable.negative-target',
    );
    expect(found.map((f) => [f.path, f.severity])).toEqual([
      ['targets[0].value', 'error'],
      ['targets[1].value', 'warning'],
    ]);
    expect(found[0]!.message).toBe(
      'r1 visits 2026-03: the target -5 is below zero; a target is an amount to reach, zero or more.',
    );
  });
});

describe('measurable.*', () => {
  const goal = (g: Partial<Goal>): Plan =>
    plan([], [{ id: 'g', owner: 'R', objective: '', deadline: '2026-12-31', ...g }]);
  it('no-target fires without a number to reach, and not with one', () => {
    expect(
      hits(goal({ objective: 'Grow the business' }), 'measurable.no-target').map((f) => [f.path, f.severity]),
    ).toEqual([['goals[0].target', 'error']]);
    expect(
      hits(goal({ objective: 'Grow the business', target: 100, unit: 'deals' }), 'measurable.no-target'),
    ).toEqual([]);
  });
  it('no-unit fires for a bare number, and not when the unit, the metric or the text says what is counted', () => {
    expect(
      hits(goal({ objective: 'Reach 500', target: 500 }), 'measurable.no-unit').map((f) => [
        f.path,
        f.severity,
        f.params?.target,
      ]),
    ).toEqual([['goals[0].unit', 'warning', 500]]);
    expect(hits(goal({ objective: 'Reach 500', target: 500, unit: 'CNY' }), 'measurable.no-unit')).toEqual(
      [],
    );
    expect(
      hits(goal({ objective: 'Reach 500', target: 500, metric: 'revenue' }), 'measurable.no-unit'),
    ).toEqual([]);
    expect(hits(goal({ objective: 'Sign 500 customers' }), 'measurable.no-unit')).toEqual([]);
  });
  it('no-baseline fires for a change goal without a starting level, and not when one is given', () => {
    expect(
      hits(goal({ objective: 'Raise revenue to 5 million yuan' }), 'measurable.no-baseline').map((f) => [
        f.path,
        f.severity,
      ]),
    ).toEqual([['goals[0].baseline', 'warning']]);
    expect(
      hits(goal({ objective: 'Raise revenue from 4 million to 5 million yuan' }), 'measurable.no-baseline'),
    ).toEqual([]);
    expect(hits(goal({ objective: '提高回款率到95%', baseline: 90 }), 'measurable.no-baseline')).toEqual([]);
    expect(hits(goal({ objective: 'Sign 20 new customers' }), 'measurable.no-baseline')).toEqual([]);
  });
});

describe("attainable.growth-above-band and attainable.below-history (vs last year's same-period actual)", () => {
  const history = [t('r1', 'revenue', '2025', 100), t('r1', 'complaints', '2025', 100)];
  const growth = (value: number, rule: string) =>
    hits(plan([t('r1', 'revenue', '2026', value)]), rule, { org, history });
  it('+60 % is above the 50 % band: a warning naming both numbers', () => {
    const [f] = growth(160, 'attainable.growth-above-band');
    expect(f).toMatchObject({
      severity: 'warning',
      path: 'targets[0].value',
      params: { value: 160, lastYear: 100, growth: 60, band: 50 },
    });
  });
  it('+110 % is above twice the band: an error', () => {
    expect(growth(210, 'attainable.growth-above-band').map((f) => f.severity)).toEqual(['error']);
  });
  it('exactly +50 % is within the band', () => {
    expect(growth(150, 'attainable.growth-above-band')).toEqual([]);
  });
  it('-11 % is below the -10 % floor: sandbagging, a warning; -10 % is not', () => {
    expect(
      growth(89, 'attainable.below-history').map((f) => [f.severity, f.params?.growth, f.params?.floor]),
    ).toEqual([['warning', -11, -10]]);
    expect(growth(90, 'attainable.below-history')).toEqual([]);
  });
  it("months compare with the same month last year, summed from last year's months when only a year total is planned", () => {
    const monthly = [t('r1', 'revenue', '2025-03', 10), t('r1', 'revenue', '2025-04', 10)];
    expect(
      hits(plan([t('r1', 'revenue', '2026-03', 16)]), 'attainable.growth-above-band', {
        org,
        history: monthly,
      }),
    ).toHaveLength(1);
  });
  it('does not band metrics where lower is better, nor owners without history', () => {
    expect(
      hits(plan([t('r1', 'complaints', '2026', 300)]), 'attainable.growth-above-band', { org, history }),
    ).toEqual([]);
    expect(
      hits(plan([t('r2', 'revenue', '2026', 1e6)]), 'attainable.growth-above-band', { org, history }),
    ).toEqual([]);
  });
  it('the band is a setting', () => {
    expect(
      hits(plan([t('r1', 'revenue', '2026', 130)]), 'attainable.growth-above-band', {
        org,
        history,
        rules: { growthBand: 0.2 },
      }),
    ).toHaveLength(1);
  });
  it('a goal built from nothing (baseline 0) to a money level in under a month is growth above any band: an error', () => {
    const goal: Goal = {
      id: 'g',
      owner: 'r1',
      parentId: 'g0',
      objective: 'Open a new street',
      metric: 'revenue',
      baseline: 0,
      target: 50000,
      deadline: '2026-03-08',
    };
    const top: Goal = {
      id: 'g0',
      owner: 'R',
      objective: 'Revenue 1 million',
      metric: 'revenue',
      target: 1e6,
      deadline: '2026-12-31',
    };
    const found = hits(plan([], [top, goal]), 'attainable.growth-above-band', { org }, '2026-03-02');
    expect(found.map((f) => [f.path, f.severity, f.params?.days, f.params?.rampDays])).toEqual([
      ['goals[1].target', 'error', 7, 30],
    ]);
    // With a quarter to build it, or for an activity count, it is not.
    expect(
      hits(
        plan([], [top, { ...goal, deadline: '2026-05-31' }]),
        'attainable.growth-above-band',
        { org },
        '2026-03-02',
      ),
    ).toEqual([]);
    expect(
      hits(
        plan([], [top, { ...goal, metric: 'visits', target: 30 }]),
        'attainable.growth-above-band',
        { org },
        '2026-03-02',
      ),
    ).toEqual([]);
  });
});

describe('attainable.capacity-exceeded', () => {
  // March 2026 has 22 working days (1 March is a Sunday): a rep can make 22 × 8 = 176 visits.
  it("fires when a rep's visits exceed working days × 8, naming the capacity", () => {
    const [f] = hits(plan([t('r1', 'visits', '2026-03', 177)]), 'attainable.capacity-exceeded');
    expect(f).toMatchObject({
      severity: 'error',
      path: 'targets[0].value',
      params: { value: 177, capacity: 176, workingDays: 22, perDay: 8, people: 1 },
    });
    expect(hits(plan([t('r1', 'visits', '2026-03', 176)]), 'attainable.capacity-exceeded')).toEqual([]);
  });
  it("a unit's capacity counts its reps and managers: T1 has 3, so 528 in March", () => {
    expect(
      hits(plan([t('T1', 'visits', '2026-03', 529)]), 'attainable.capacity-exceeded').map(
        (f) => f.params?.capacity,
      ),
    ).toEqual([528]);
    expect(hits(plan([t('T1', 'visits', '2026-03', 528)]), 'attainable.capacity-exceeded')).toEqual([]);
  });
  it('calls allow 30 a day; metrics without a daily maximum are not checked; without an org it is not known who is a person', () => {
    expect(
      hits(plan([t('r1', 'calls', '2026-03', 661)]), 'attainable.capacity-exceeded').map(
        (f) => f.params?.capacity,
      ),
    ).toEqual([660]);
    expect(hits(plan([t('r1', 'deals', '2026-03', 1e6)]), 'attainable.capacity-exceeded')).toEqual([]);
    expect(hits(plan([t('r1', 'visits', '2026-03', 1e6)]), 'attainable.capacity-exceeded', {})).toEqual([]);
  });
  it('a goal counts the working days from today to its deadline: Mon 2 to Fri 6 March is 5 days, 40 visits', () => {
    const goal = (target: number): Goal => ({
      id: 'g',
      owner: 'r1',
      parentId: 'g0',
      objective: 'Visit every shop on the street',
      metric: 'visits',
      target,
      deadline: '2026-03-06',
    });
    const top: Goal = {
      id: 'g0',
      owner: 'R',
      objective: 'Visit 5000 shops',
      metric: 'visits',
      target: 5000,
      deadline: '2026-12-31',
    };
    const found = hits(plan([], [top, goal(41)]), 'attainable.capacity-exceeded', { org }, '2026-03-02');
    expect(found.map((f) => [f.path, f.params?.capacity, f.params?.workingDays])).toEqual([
      ['goals[1].target', 40, 5],
    ]);
    expect(hits(plan([], [top, goal(40)]), 'attainable.capacity-exceeded', { org }, '2026-03-02')).toEqual(
      [],
    );
  });
});

describe('attainable.ratchet', () => {
  const previousTargets = [t('r1', 'revenue', '2025', 100), t('T1', 'revenue', '2025', 100)];
  it("fires when a person's target grows more than 30 % over their previous one, naming both numbers", () => {
    const [f] = hits(plan([t('r1', 'revenue', '2026', 140)]), 'attainable.ratchet', { org, previousTargets });
    expect(f).toMatchObject({
      severity: 'warning',
      path: 'targets[0].value',
      params: { value: 140, previous: 100, growth: 40, rate: 30 },
    });
    expect(f?.message).toContain('140');
    expect(f?.message).toContain('100');
  });
  it("does not fire at exactly 30 %, nor when the territory's market grew at least as much", () => {
    expect(
      hits(plan([t('r1', 'revenue', '2026', 130)]), 'attainable.ratchet', { org, previousTargets }),
    ).toEqual([]);
    expect(
      hits(plan([t('r1', 'revenue', '2026', 140)]), 'attainable.ratchet', {
        org,
        previousTargets,
        marketIndex: { T1: 1.5 },
      }),
    ).toEqual([]);
  });
  it('fires when the market grew less, with the market growth in the message', () => {
    const [f] = hits(plan([t('r1', 'revenue', '2026', 140)]), 'attainable.ratchet', {
      org,
      previousTargets,
      marketIndex: { r1: 1.2 },
    });
    expect(f?.params?.marketGrowth).toBe(20);
  });
  it('guards people, not units', () => {
    expect(
      hits(plan([t('T1', 'revenue', '2026', 200)]), 'attainable.ratchet', { org, previousTargets }),
    ).toEqual([]);
  });
});

describe('relevant.no-parent and relevant.metric-mismatch', () => {
  const top: Goal = {
    id: 'g0',
    owner: 'R',
    objective: 'Revenue 10 million yuan by 2026-12-31',
    metric: 'revenue',
  };
  it("a goal below the top without a (known) parent is a warning; the plan unit's own goals are the top", () => {
    const p = plan(
      [],
      [
        top,
        { id: 'g1', owner: 'r1', objective: 'Revenue 1 million yuan by 2026-12-31' },
        { id: 'g2', owner: 'r2', parentId: 'nope', objective: 'Revenue 1 million yuan by 2026-12-31' },
      ],
    );
    expect(hits(p, 'relevant.no-parent').map((f) => [f.path, f.severity, f.params?.parentId])).toEqual([
      ['goals[1].parentId', 'warning', null],
      ['goals[2].parentId', 'warning', 'nope'],
    ]);
    expect(
      hits(plan([], [top, { ...top, id: 'g1', owner: 'r1', parentId: 'g0' }]), 'relevant.no-parent'),
    ).toEqual([]);
  });
  it("a goal measuring another metric than its parent is a warning, unless it is a part of the parent's ratio", () => {
    const child = (metric: string): Goal => ({
      id: 'g1',
      owner: 'r1',
      parentId: 'g0',
      objective: 'x 5 units by 2026-12-31',
      metric,
    });
    expect(
      hits(plan([], [top, child('visits')]), 'relevant.metric-mismatch').map((f) => [
        f.path,
        f.params?.parentMetric,
      ]),
    ).toEqual([['goals[1].metric', 'revenue']]);
    expect(hits(plan([], [top, child('revenue')]), 'relevant.metric-mismatch')).toEqual([]);
    const productivity: Goal = { ...top, metric: 'productivity' };
    expect(hits(plan([], [productivity, child('first_year_premium')]), 'relevant.metric-mismatch')).toEqual(
      [],
    );
  });
});

describe('relevant.children-do-not-sum and relevant.over-assigned', () => {
  it("an owner's months must add up to their total for the year: 11 × 100 + 90 against 1200 is an error", () => {
    const p = plan([
      t('r1', 'revenue', '2026', 1200),
      ...months('r1', 'revenue', [...Array(11).fill(100), 90]),
    ]);
    const found = hits(p, 'relevant.children-do-not-sum');
    expect(found.map((f) => [f.path, f.severity, f.params?.total, f.params?.sum, f.params?.gap])).toEqual([
      ['targets[0].value', 'error', 1200, 1190, 10],
    ]);
  });
  it('within the 0.5 % tolerance (6 on 1200) it is not; over by more is also an error', () => {
    expect(
      hits(
        plan([t('r1', 'revenue', '2026', 1200), ...months('r1', 'revenue', [...Array(11).fill(100), 95])]),
        'relevant.children-do-not-sum',
      ),
    ).toEqual([]);
    expect(
      hits(
        plan([t('r1', 'revenue', '2026', 1200), ...months('r1', 'revenue', [...Array(11).fill(100), 110])]),
        'relevant.children-do-not-sum',
      ),
    ).toHaveLength(1);
  });
  it('for counts the tolerance is at most one unit: 999 of 1000 visits passes, 998 does not', () => {
    const visits = (last: number) =>
      plan([t('r1', 'visits', '2026', 1200), ...months('r1', 'visits', [...Array(11).fill(100), last])]);
    expect(hits(visits(99), 'relevant.children-do-not-sum')).toEqual([]);
    expect(hits(visits(98), 'relevant.children-do-not-sum').map((f) => f.params?.gap)).toEqual([2]);
  });
  it('quarters are checked against their months too', () => {
    const p = plan([
      t('r1', 'revenue', '2026-Q1', 300),
      ...months('r1', 'revenue', [100, 100, 50, ...Array(9).fill(100)]),
    ]);
    expect(hits(p, 'relevant.children-do-not-sum').map((f) => [f.params?.period, f.params?.sum])).toEqual([
      ['2026-Q1', 250],
    ]);
  });
  it('ratio and average metrics are not added up', () => {
    const p = plan([
      t('r1', 'activity_rate', '2026', 0.8),
      ...months('r1', 'activity_rate', Array(12).fill(0.8)),
    ]);
    expect(hits(p, 'relevant.children-do-not-sum')).toEqual([]);
  });
  it('the people and sub-units of a unit falling short of its target: 200 + 300 + 400 against 1000 is an error, 90 % covered', () => {
    const p = plan([
      t('T1', 'revenue', '2026', 1000),
      t('m1', 'revenue', '2026', 200),
      t('r1', 'revenue', '2026', 300),
      t('r2', 'revenue', '2026', 400),
    ]);
    const [f] = hits(p, 'relevant.children-do-not-sum');
    expect(f).toMatchObject({
      path: 'targets[0].value',
      severity: 'error',
      params: { owner: 'T1', target: 1000, sum: 900, gap: 100, coverage: 90, count: 3 },
    });
  });
  it("children planned by month count with their months' sum", () => {
    const p = plan([t('T2', 'revenue', '2026', 1200), ...months('r3', 'revenue', Array(12).fill(100))]);
    expect(hits(p, 'relevant.children-do-not-sum')).toEqual([]);
  });
  it('children exceeding the unit (over-assignment) is an info with the percentage', () => {
    const p = plan([
      t('T1', 'revenue', '2026', 1000),
      t('m1', 'revenue', '2026', 200),
      t('r1', 'revenue', '2026', 300),
      t('r2', 'revenue', '2026', 600),
    ]);
    expect(run(p).findings.map((f) => [f.rule, f.severity, f.params?.over])).toEqual([
      ['relevant.over-assigned', 'info', 10],
    ]);
  });
  it('the region against its teams, each team against its people', () => {
    const p = plan([
      t('R', 'revenue', '2026', 2000),
      t('T1', 'revenue', '2026', 1000),
      t('T2', 'revenue', '2026', 900),
      t('r3', 'revenue', '2026', 900),
    ]);
    expect(hits(p, 'relevant.children-do-not-sum').map((f) => [f.params?.owner, f.params?.gap])).toEqual([
      ['R', 100],
    ]);
  });
  it("without an org, the plan's other owners are read as the plan unit's children", () => {
    const p = plan([
      t('R', 'revenue', '2026', 1000),
      t('a', 'revenue', '2026', 400),
      t('b', 'revenue', '2026', 500),
    ]);
    expect(hits(p, 'relevant.children-do-not-sum', {}).map((f) => f.params?.gap)).toEqual([100]);
  });
  it("the unit's own target falling short of what its parent handed down is an error; above it, an info", () => {
    const parentTargets = [t('R', 'revenue', '2026', 10000), t('OTHER', 'revenue', '2026', 5)];
    const short = hits(plan([t('R', 'revenue', '2026', 9000)]), 'relevant.children-do-not-sum', {
      org,
      parentTargets,
    });
    expect(
      short.map((f) => [f.path, f.params?.target, f.params?.sum, f.params?.gap, f.params?.coverage]),
    ).toEqual([['targets[0].value', 10000, 9000, 1000, 90]]);
    expect(
      hits(plan([t('R', 'revenue', '2026', 10000)]), 'relevant.children-do-not-sum', { org, parentTargets }),
    ).toEqual([]);
    expect(
      hits(plan([t('R', 'revenue', '2026', 11000)]), 'relevant.over-assigned', { org, parentTargets }).map(
        (f) => f.params?.over,
      ),
    ).toEqual([10]);
    expect(
      hits(plan([]), 'relevant.children-do-not-sum', { org, parentTargets }).map((f) => [
        f.path,
        f.params?.sum,
      ]),
    ).toEqual([['targets', 0]]);
    // Without a row of its own, the unit's plan holds what its teams add up to: 6000 + 3000.
    const teamsOnly = plan([t('T1', 'revenue', '2026', 6000), t('T2', 'revenue', '2026', 3000)]);
    expect(
      hits(teamsOnly, 'relevant.children-do-not-sum', { org, parentTargets }).map((f) => [
        f.path,
        f.params?.sum,
        f.params?.gap,
      ]),
    ).toEqual([['targets', 9000, 1000]]);
  });
});

describe('timebound.*', () => {
  it('no-deadline fires for a goal with no date in its field or its text', () => {
    const p = plan([], [{ id: 'g', owner: 'R', objective: 'Sign 20 new customers' }]);
    expect(hits(p, 'timebound.no-deadline').map((f) => [f.path, f.severity])).toEqual([
      ['goals[0].deadline', 'warning'],
    ]);
    expect(
      hits(
        plan([], [{ id: 'g', owner: 'R', objective: 'Sign 20 new customers by 2026-06-30' }]),
        'timebound.no-deadline',
      ),
    ).toEqual([]);
    expect(
      hits(
        plan([], [{ id: 'g', owner: 'R', objective: 'Sign 20 new customers', deadline: '2026-06-30' }]),
        'timebound.no-deadline',
      ),
    ).toEqual([]);
  });
  it("outside-period fires for a month or a deadline outside the plan's year", () => {
    const p = plan(
      [t('r1', 'revenue', '2027-01', 5), t('r1', 'revenue', '2026-12', 5)],
      [{ id: 'g', owner: 'R', objective: 'Sign 20 customers', deadline: '2027-02-01' }],
    );
    expect(hits(p, 'timebound.outside-period').map((f) => [f.path, f.severity])).toEqual([
      ['targets[0].period', 'error'],
      ['goals[0].deadline', 'error'],
    ]);
    expect(
      hits(
        plan([], [{ id: 'g', owner: 'R', objective: 'Sign 20 customers', deadline: '2026-12-31' }]),
        'timebound.outside-period',
      ),
    ).toEqual([]);
  });
  it('months-missing names the months left uncovered', () => {
    const p = plan([t('r1', 'revenue', '2026', 1100), ...months('r1', 'revenue', Array(11).fill(100))]);
    const [f] = hits(p, 'timebound.months-missing');
    expect(f).toMatchObject({
      path: 'targets[0].period',
      severity: 'error',
      params: { missing: '2026-12', count: 1, months: 12 },
    });
    expect(
      hits(
        plan([t('r1', 'revenue', '2026', 1200), ...months('r1', 'revenue', Array(12).fill(100))]),
        'timebound.months-missing',
      ),
    ).toEqual([]);
    expect(hits(plan([t('r1', 'revenue', '2026', 1200)]), 'timebound.months-missing')).toEqual([]);
  });
  it('months-overlap flags every row of a month given twice', () => {
    const p = plan([
      t('r1', 'revenue', '2026-03', 5),
      t('r2', 'revenue', '2026-03', 5),
      t('r1', 'revenue', '2026-03', 7),
    ]);
    expect(hits(p, 'timebound.months-overlap').map((f) => [f.path, f.params?.count])).toEqual([
      ['targets[0].period', 2],
      ['targets[2].period', 2],
    ]);
    expect(
      hits(
        plan([t('r1', 'revenue', '2026-03', 5), t('r1', 'revenue', '2026-04', 5)]),
        'timebound.months-overlap',
      ),
    ).toEqual([]);
  });
});

describe('validatePlan', () => {
  it('counts errors, warnings and infos, and sorts findings by field in plan order ("Grow" is a change without a baseline)', () => {
    const p = plan([t('ghost', 'revenu', '2027-01', 1)], [{ id: 'g', owner: 'R', objective: 'Grow' }]);
    const r = run(p);
    expect(r.findings.map((f) => `${f.path} ${f.rule}`)).toEqual([
      'targets[0].metric specific.metric-unknown',
      'targets[0].owner specific.owner-unknown',
      'targets[0].period timebound.outside-period',
      'goals[0].baseline measurable.no-baseline',
      'goals[0].deadline timebound.no-deadline',
      'goals[0].target measurable.no-target',
    ]);
    expect(r.summary).toEqual({ errors: 4, warnings: 2, infos: 0 });
  });
  it('speaks Chinese when asked, with the numbers in the message', () => {
    const p = plan([t('T1', 'revenue', '2026', 1000), t('r1', 'revenue', '2026', 900)]);
    const [f] = validatePlan(p, { org }, { locale: 'zh-CN' }).findings;
    expect(f?.message).toBe('T1 revenue 2026：下属 1 个人员和单位合计 900，比目标 1,000 少 100（覆盖 90%）。');
  });
  it('exposes its defaults', () => {
    expect(defaultRuleSettings).toMatchObject({
      growthBand: 0.5,
      sandbaggingFloor: -0.1,
      tolerance: 0.005,
      ratchetRate: 0.3,
      rampDays: 30,
    });
    expect(defaultRuleSettings.capacityPerDay).toEqual({ visits: 8, calls: 30 });
  });
  it("takes the contract's ValidationContext as the Functions parse it", () => {
    const parsed = validationContext.parse({
      org,
      history: [t('r1', 'revenue', '2025', 100)],
      rules: { growthBand: 0.1 },
    });
    const found = validatePlan(plan([t('r1', 'revenue', '2026', 115)]), parsed).findings;
    expect(found.map((f) => [f.rule, f.params?.growth, f.params?.band])).toEqual([
      ['attainable.growth-above-band', 15, 10],
    ]);
  });
  it('refuses a today that is not a date', () => {
    expect(() => validatePlan(plan([]), {}, { today: '25/11/2026' })).toThrow(RangeError);
  });
});
