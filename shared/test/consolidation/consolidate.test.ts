import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidate, type ConsolidateInput, type SubmittedPlan } from '../../src/consolidation/index';
import { makeConsolidationFixture } from '../../src/fixtures';
import type { Person, Target, Unit } from '../../src/schemas';
import { TEMPLATE_VERSION } from '../../src/templates/index';

// Region R with three teams for the first quarter of 2026 (Jan, Feb, Mar):
//   T1 (manager Li Lei) approved v2: revenue 100, 120, 130 (its reps 60/70/80 and 40/50/50)
//   T2 (manager Han Meimei) submitted v1 on the old template 2025.1: revenue 200, 200, 250
//   T3 (manager Zhang Wei) has not submitted.
// R's own revenue target, handed down: 350, 400, 450 (1200 for the quarter).
const units: Unit[] = [
  { id: 'R', name: 'East region', kind: 'region', parentId: null, managerId: 'h' },
  { id: 'T1', name: 'Team 1', kind: 'team', parentId: 'R', managerId: 'm1' },
  { id: 'T2', name: 'Team 2', kind: 'team', parentId: 'R', managerId: 'm2' },
  { id: 'T3', name: 'Team 3', kind: 'team', parentId: 'R', managerId: 'm3' },
];
const people: Person[] = [
  { id: 'h', name: 'Wang Fang', unitId: 'R', role: 'regional_head' },
  { id: 'm1', name: 'Li Lei', unitId: 'T1', role: 'manager' },
  { id: 'm2', name: 'Han Meimei', unitId: 'T2', role: 'manager' },
  { id: 'm3', name: 'Zhang Wei', unitId: 'T3', role: 'manager' },
  { id: 'r1', name: 'Rep One', unitId: 'T1', role: 'rep' },
  { id: 'r2', name: 'Rep Two', unitId: 'T1', role: 'rep' },
];
const q1 = ['2026-01', '2026-02', '2026-03'];
const monthly = (owner: string, metric: string, values: number[]): Target[] =>
  values.map((value, i) => ({ owner, metric, period: q1[i] as string, value }));

const plans: SubmittedPlan[] = [
  {
    plan: {
      unitId: 'T1',
      period: '2026-Q1',
      templateVersion: TEMPLATE_VERSION,
      targets: monthly('T1', 'revenue', [90, 90, 90]),
    },
    version: 1,
    status: 'submitted',
  },
  {
    plan: {
      unitId: 'T1',
      period: '2026-Q1',
      templateVersion: TEMPLATE_VERSION,
      targets: [
        ...monthly('T1', 'revenue', [100, 120, 130]),
        ...monthly('r1', 'revenue', [60, 70, 80]),
        ...monthly('r2', 'revenue', [40, 50, 50]),
        ...monthly('T1', 'visits', [300, 310, 320]),
        { owner: 'T1', metric: 'activity_rate', period: '2026-Q1', value: 0.8 },
        ...monthly('T2', 'revenue', [999, 999, 999]), // about another unit: T2's own plan speaks for it
      ],
    },
    version: 2,
    status: 'approved',
    submittedBy: 'm1',
    submittedAt: '2026-01-05T08:00:00Z',
  },
  {
    plan: {
      unitId: 'T2',
      period: '2026-Q1',
      templateVersion: '2025.1',
      targets: [
        ...monthly('T2', 'revenue', [200, 200, 250]),
        { owner: 'T2', metric: 'activity_rate', period: '2026-Q1', value: 0.7 },
      ],
    },
    version: 1,
    status: 'submitted',
    submittedBy: 'm2',
  },
];
const input: ConsolidateInput = {
  unitId: 'R',
  period: '2026-Q1',
  org: { units, people },
  plans,
  unitTargets: [
    ...monthly('R', 'revenue', [350, 400, 450]),
    { owner: 'R', metric: 'revenue', period: '2026-Q1', value: 1200 },
  ],
  currentTemplateVersion: TEMPLATE_VERSION,
};

describe('consolidating one region of three teams', () => {
  const rollup = consolidate(input);
  const revenue = rollup.metrics.find((m) => m.metric === 'revenue')!;

  it('sums the teams month by month: 100+200, 120+200, 130+250, 1000 for the quarter', () => {
    expect(rollup.months).toEqual(q1);
    expect(revenue.children).toEqual({ total: 1000, months: [300, 320, 380] });
  });

  it('takes the target handed down to the region and reports gap = target − Σ teams and coverage = Σ / target', () => {
    expect(revenue.targetSource).toBe('unitTargets');
    expect(revenue.target).toEqual({ total: 1200, months: [350, 400, 450] });
    expect(revenue.gap).toEqual({ total: 200, months: [50, 80, 70] });
    expect(revenue.coverage.total).toBeCloseTo(1000 / 1200, 12);
    expect(revenue.coverage.months[0]).toBeCloseTo(300 / 350, 12);
    expect(revenue.coverage.months[1]).toBe(0.8);
  });

  it('lists the team that has not submitted, with its manager', () => {
    expect(rollup.missing).toEqual([
      { unitId: 'T3', unitName: 'Team 3', parentId: 'R', managerId: 'm3', managerName: 'Zhang Wei' },
    ]);
    expect(rollup.findings.find((f) => f.rule === 'consolidation.not-submitted')).toMatchObject({
      severity: 'warning',
      path: 'org.units[3]',
      message: 'Unit Team 3 (T3) has not submitted a plan for 2026-Q1; manager: Zhang Wei (m3).',
    });
  });

  it('counts the latest version (T1 v2, approved) and flags T2 on the old template', () => {
    expect(rollup.submissions.map((s) => [s.unitId, s.version, s.status, s.templateVersion])).toEqual([
      ['T1', 2, 'approved', TEMPLATE_VERSION],
      ['T2', 1, 'submitted', '2025.1'],
    ]);
    expect(rollup.staleTemplates).toEqual([
      { unitId: 'T2', unitName: 'Team 2', version: 1, templateVersion: '2025.1' },
    ]);
    expect(rollup.findings.find((f) => f.rule === 'consolidation.old-template')?.path).toBe(
      'plans[2].plan.templateVersion',
    );
    expect(rollup.summary).toEqual({ expected: 3, submitted: 1, approved: 1, missing: 1, staleTemplates: 1 });
  });

  it('drills down region → team → person, people under their team', () => {
    const revenueRows = rollup.rows.filter((r) => r.metric === 'revenue');
    expect(revenueRows.map((r) => [r.level, r.kind, r.id, r.parentId, r.source, r.version, r.total])).toEqual(
      [
        [0, 'unit', 'R', null, 'rollup', null, 1000],
        [1, 'unit', 'T1', 'R', 'plan', 2, 350],
        [2, 'person', 'r1', 'T1', 'plan', 2, 210],
        [2, 'person', 'r2', 'T1', 'plan', 2, 140],
        [1, 'unit', 'T2', 'R', 'plan', 1, 650],
      ],
    );
    expect(revenueRows[2]).toMatchObject({
      personId: 'r1',
      unitId: 'T1',
      name: 'Rep One',
      months: [60, 70, 80],
    });
  });

  it('a ratio metric is shown per team but never added: no total, gap or coverage', () => {
    const rate = rollup.metrics.find((m) => m.metric === 'activity_rate')!;
    expect(rate.additive).toBe(false);
    expect(rate.children.total).toBeNull();
    expect(rate.gap.total).toBeNull();
    expect(rollup.rows.filter((r) => r.metric === 'activity_rate').map((r) => [r.id, r.total])).toEqual([
      ['T1', 0.8],
      ['T2', 0.7],
    ]);
    expect(
      rollup.findings.some(
        (f) => f.rule === 'consolidation.not-additive' && f.params?.metric === 'activity_rate',
      ),
    ).toBe(true);
  });

  it('a metric without a regional target has Σ teams but no gap or coverage, and says so', () => {
    const visits = rollup.metrics.find((m) => m.metric === 'visits')!;
    expect(visits.children).toEqual({ total: 930, months: [300, 310, 320] });
    expect(visits.target.total).toBeNull();
    expect(visits.coverage.total).toBeNull();
    expect(
      rollup.findings.some((f) => f.rule === 'consolidation.no-target' && f.params?.metric === 'visits'),
    ).toBe(true);
  });

  it('uses the region’s own plan rows as its target when nothing is handed down', () => {
    const own: SubmittedPlan = {
      plan: {
        unitId: 'R',
        period: '2026-Q1',
        templateVersion: TEMPLATE_VERSION,
        targets: monthly('R', 'revenue', [300, 300, 300]),
      },
      version: 1,
      status: 'approved',
    };
    const r = consolidate({ ...input, unitTargets: undefined, plans: [...plans, own] });
    const m = r.metrics.find((x) => x.metric === 'revenue')!;
    expect(m.targetSource).toBe('plan');
    expect(m.gap).toEqual({ total: -100, months: [0, -20, -80] });
    expect(r.summary.expected).toBe(3);
  });

  it('reads a year plan for a quarter roll-up, using the quarter’s months only', () => {
    const yearPlan: SubmittedPlan = {
      plan: {
        unitId: 'T3',
        period: '2026',
        templateVersion: TEMPLATE_VERSION,
        targets: monthly('T3', 'revenue', [10, 10, 10]).concat([
          { owner: 'T3', metric: 'revenue', period: '2026-04', value: 99 },
        ]),
      },
      version: 1,
      status: 'submitted',
    };
    const r = consolidate({ ...input, plans: [...plans, yearPlan] });
    expect(r.missing).toEqual([]);
    expect(r.metrics.find((m) => m.metric === 'revenue')?.children).toEqual({
      total: 1030,
      months: [310, 330, 390],
    });
  });

  it('messages follow the locale', () => {
    const zh = consolidate({ ...input, locale: 'zh-CN' });
    expect(zh.findings.find((f) => f.rule === 'consolidation.not-submitted')?.message).toBe(
      '单位 Team 3（T3）尚未提交 2026-Q1 的计划；负责人：Zhang Wei（m3）。',
    );
  });

  it('an unknown unit is an error, not an empty success', () => {
    expect(consolidate({ ...input, unitId: 'nowhere' }).findings).toMatchObject([
      { rule: 'consolidation.unknown-unit', severity: 'error' },
    ]);
  });
});

describe('consolidating a deeper tree', () => {
  // R → A (an area that submitted nothing) → T1, T2; R → T3
  const tree: Unit[] = [
    { id: 'R', name: 'R', kind: 'region', parentId: null },
    { id: 'A', name: 'Area A', kind: 'area', parentId: 'R', managerId: 'ma' },
    { id: 'T1', name: 'T1', kind: 'team', parentId: 'A' },
    { id: 'T2', name: 'T2', kind: 'team', parentId: 'A' },
    { id: 'T3', name: 'T3', kind: 'team', parentId: 'R' },
  ];
  const plan = (unitId: string, values: number[]): SubmittedPlan => ({
    plan: {
      unitId,
      period: '2026-Q1',
      templateVersion: TEMPLATE_VERSION,
      targets: monthly(unitId, 'deals', values),
    },
    version: 1,
    status: 'submitted',
  });
  const r = consolidate({
    unitId: 'R',
    period: '2026-Q1',
    org: { units: tree, people: [{ id: 'ma', name: 'Area boss', unitId: 'A', role: 'manager' }] },
    plans: [plan('T1', [1, 2, 3]), plan('T2', [10, 20, 30]), plan('T3', [100, 200, 300])],
    currentTemplateVersion: TEMPLATE_VERSION,
  });

  it('an area without a plan shows the sum of its teams, so its teams still count', () => {
    expect(r.rows.map((x) => [x.level, x.id, x.source, x.total])).toEqual([
      [0, 'R', 'rollup', 666],
      [1, 'A', 'children', 66],
      [2, 'T1', 'plan', 6],
      [2, 'T2', 'plan', 60],
      [1, 'T3', 'plan', 600],
    ]);
    expect(r.missing.map((m) => [m.unitId, m.managerName])).toEqual([['A', 'Area boss']]);
  });

  it('a team without a manager of its own answers to the manager above it', () => {
    const r2 = consolidate({
      unitId: 'R',
      period: '2026-Q1',
      org: { units: tree, people: [{ id: 'ma', name: 'Area boss', unitId: 'A', role: 'manager' }] },
      plans: [],
      currentTemplateVersion: TEMPLATE_VERSION,
    });
    expect(r2.missing.map((m) => [m.unitId, m.managerId])).toEqual([
      ['A', 'ma'],
      ['T1', 'ma'],
      ['T2', 'ma'],
      ['T3', null],
    ]);
    expect(r2.rows).toEqual([]);
  });
});

describe('consolidation properties', () => {
  const teamIds = Array.from({ length: 6 }, (_, i) => `T${i + 1}`);
  const org = {
    units: [
      { id: 'R', name: 'R', kind: 'region', parentId: null },
      ...teamIds.map((id) => ({ id, name: id, kind: 'team', parentId: 'R' })),
    ],
    people: [],
  };
  const cents = fc.integer({ min: -1_000_000, max: 100_000_000 }).map((c) => c / 100);
  // The store keeps one document per unit × period × version, so (unit, version) pairs are unique.
  const teamPlans = fc.uniqueArray(
    fc.tuple(
      fc.constantFrom(...teamIds),
      fc.array(fc.option(cents, { nil: null }), { minLength: 3, maxLength: 3 }),
      fc.nat(5),
    ),
    { maxLength: 12, selector: ([unitId, , version]) => `${unitId}:${version}` },
  );

  it('the region total of a sum metric is the sum of the counted team totals, whatever the plan order', () => {
    fc.assert(
      fc.property(teamPlans, fc.context(), (specs, ctx) => {
        const plans: SubmittedPlan[] = specs.map(([unitId, values, version]) => ({
          plan: {
            unitId,
            period: '2026-Q1',
            templateVersion: TEMPLATE_VERSION,
            targets: values.flatMap((v, i) =>
              v === null ? [] : [{ owner: unitId, metric: 'revenue', period: q1[i] as string, value: v }],
            ),
          },
          version,
          status: 'submitted',
          submittedAt: `2026-01-0${(version % 9) + 1}`,
        }));
        const base = { unitId: 'R', period: '2026-Q1', org, currentTemplateVersion: TEMPLATE_VERSION };
        const forward = consolidate({ ...base, plans });
        const backward = consolidate({ ...base, plans: [...plans].reverse() });
        ctx.log(JSON.stringify(forward.rows.map((r) => [r.id, r.total])));
        expect(backward.rows).toEqual(forward.rows);
        expect(backward.metrics).toEqual(forward.metrics);
        const teamRows = forward.rows.filter((r) => r.level === 1 && r.metric === 'revenue');
        // each team counts with its highest version
        for (const row of teamRows) {
          const latest = specs.filter(([u]) => u === row.id).reduce((a, b) => (b[2] > a[2] ? b : a));
          const filled = latest[1].filter((v): v is number => v !== null);
          expect(Math.round((row.total ?? NaN) * 100)).toBe(
            filled.reduce((s, v) => s + Math.round(v * 100), 0),
          );
        }
        const regionRow = forward.rows.find((r) => r.level === 0 && r.metric === 'revenue');
        const sumCents = teamRows.reduce((s, r) => s + Math.round((r.total ?? 0) * 100), 0);
        if (teamRows.some((r) => r.total !== null))
          expect(Math.round((regionRow?.total ?? NaN) * 100)).toBe(sumCents);
        else expect(regionRow?.total ?? null).toBeNull();
        for (let i = 0; i < 3; i++) {
          const monthCents = teamRows.reduce((s, r) => s + Math.round((r.months[i] ?? 0) * 100), 0);
          if (teamRows.some((r) => r.months[i] !== null))
            expect(Math.round((regionRow?.months[i] ?? NaN) * 100)).toBe(monthCents);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the benchmark fixture', () => {
  it('is deterministic for a seed and consolidates 500 teams with 10 metrics × 12 months', () => {
    const small = (seed: number) =>
      JSON.stringify(makeConsolidationFixture({ teams: 40, seed, repsPerTeam: 2 }));
    expect(small(42)).toBe(small(42));
    expect(small(43)).not.toBe(small(42));
    const r = consolidate(makeConsolidationFixture({ teams: 500, seed: 42 }));
    expect(r.metrics).toHaveLength(10);
    expect(r.summary.expected).toBe(510);
    expect(r.summary.missing + r.summary.submitted + r.summary.approved).toBe(510);
    // areas submit the sums of their submitted teams; the region's target is 105 % of the total
    for (const m of r.metrics) for (const c of m.coverage.months) expect(c).toBeCloseTo(1 / 1.05, 4);
  });
});
