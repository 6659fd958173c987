import { describe, expect, it } from 'vitest';
import { compPlan as compPlanSchema, type CompPlan, type Goal, type Rating } from '../../src/schemas';
import {
  activitiesToRows,
  activityRowsToActivities,
  compPlanRowsToCompPlan,
  compPlanToRows,
  componentLabel,
  componentNames,
  readCompPlanSettings,
  goalRowsToGoals,
  goalsToRows,
  ratingRowsToRatings,
  ratingsToRows,
  scorecardRowsToScorecard,
  scorecardToRows,
} from '../../src/templates/index';

const goalHeaders = ['Id', 'Owner', 'Objective', 'Metric', 'Baseline', 'Target', 'Unit', 'Deadline'];

describe('goals sheet', () => {
  const goals: Goal[] = [
    {
      id: 'G1',
      owner: 'R',
      objective: '客户投诉率从4%降到2%',
      metric: 'complaints',
      baseline: 0.04,
      target: 0.02,
      unit: '%',
      deadline: '2026-12-31',
    },
    {
      id: 'G2',
      owner: 'T1',
      objective: 'Open 12 new accounts',
      parentId: 'G1',
      strategy: 'Referral days',
      measure: 'new_customers',
    },
  ];

  it('round-trips goals through rows', () => {
    const sheet = goalsToRows(goals, { locale: 'zh-CN' });
    expect(sheet.headers[2]).toBe('目标描述');
    const back = goalRowsToGoals({ headers: sheet.headers, rows: sheet.rows });
    expect(back.findings).toEqual([]);
    expect(back.goals).toEqual(goals);
  });

  it('reads a deadline from an Excel serial (Office.js), a Date (ExcelJS) or ISO text, in either date system', () => {
    const rows = [
      ['G1', 'R', 'a', null, null, null, null, 46112], // 1900 system: 2026-03-31
      ['G2', 'R', 'b', null, null, null, null, new Date(Date.UTC(2026, 2, 31))],
      ['G3', 'R', 'c', null, null, null, null, '2026-03-31'],
    ];
    expect(goalRowsToGoals({ headers: goalHeaders, rows }).goals.map((g) => g.deadline)).toEqual([
      '2026-03-31',
      '2026-03-31',
      '2026-03-31',
    ]);
    const mac = goalRowsToGoals({
      headers: goalHeaders,
      rows: [['G1', 'R', 'a', null, null, null, null, 46112 - 1462]],
      date1904: true,
    });
    expect(mac.goals[0]?.deadline).toBe('2026-03-31');
  });

  it('a date as local text (2026/3/31) and the fictitious serial 60 are findings, not guesses', () => {
    const rows = [
      ['G1', 'R', 'a', null, null, null, null, '2026/3/31'],
      ['G2', 'R', 'b', null, null, null, null, 60],
    ];
    const { goals, findings } = goalRowsToGoals({ headers: goalHeaders, rows });
    expect(goals.map((g) => g.deadline)).toEqual([undefined, undefined]);
    expect(findings.map((f) => [f.rule, f.path, f.params?.cell])).toEqual([
      ['import.not-a-date', 'goals[0].deadline', 'Goals!H3'],
      ['import.fictitious-date', 'goals[1].deadline', 'Goals!H4'],
    ]);
  });

  it('a required cell left empty and an id used twice are errors', () => {
    const rows = [
      ['G1', 'R', null],
      ['G2', 'R', 'x'],
      ['G2', 'R', 'y'],
    ];
    const { goals, findings } = goalRowsToGoals({ headers: goalHeaders.slice(0, 3), rows });
    expect(goals.map((g) => g.objective)).toEqual(['x']);
    expect(findings.map((f) => [f.rule, f.path])).toEqual([
      ['import.required', 'goals[0].objective'],
      ['import.duplicate-id', 'goals[2].id'],
    ]);
  });
});

describe('activities sheet', () => {
  it('reads weeks as ISO week ids or dates, and counts a week in the month of its Thursday', () => {
    const headers = ['Person', 'Week', 'Visits', 'Calls', 'New leads', 'Proposals', 'Deals'];
    const rows = [
      ['p1', '2026-W14', 10, 30, null, 2, 1], // Mon 2026-03-30 … Sun 04-05: Thursday 04-02 → April
      ['p1', '2026-04-08', 12, null, null, null, null], // a Wednesday: week 2026-W15
      ['p2', 46110, 5, null, null, null, null], // serial of 2026-03-29 (a Sunday): week 2026-W13 → March
    ];
    const { entries, activities, findings } = activityRowsToActivities({ headers, rows });
    expect(findings).toEqual([]);
    expect(entries.map((e) => `${e.personId} ${e.week} ${e.weekStart} ${e.metric} ${e.value}`)).toEqual([
      'p1 2026-W14 2026-03-30 visits 10',
      'p1 2026-W14 2026-03-30 calls 30',
      'p1 2026-W14 2026-03-30 proposals 2',
      'p1 2026-W14 2026-03-30 deals 1',
      'p1 2026-W15 2026-04-06 visits 12',
      'p2 2026-W13 2026-03-23 visits 5',
    ]);
    expect(activities).toContainEqual({ personId: 'p1', metric: 'visits', period: '2026-04', value: 22 });
    expect(activities).toContainEqual({ personId: 'p2', metric: 'visits', period: '2026-03', value: 5 });
  });

  it('round-trips entries, the week written as its Monday', () => {
    const headers = ['人员', '周', '拜访', '电话'];
    const first = activityRowsToActivities({ headers, rows: [['p1', '2026-W10', 3, 0]] });
    const sheet = activitiesToRows(first.entries);
    expect(sheet.rows).toEqual([['p1', '2026-03-02', 3, 0, null, null, null]]);
    expect(activityRowsToActivities({ headers: sheet.headers, rows: sheet.rows }).entries).toEqual(
      first.entries,
    );
  });

  it('a negative count and a repeated person × week are errors', () => {
    const { findings } = activityRowsToActivities({
      headers: ['Person', 'Week', 'Visits'],
      rows: [
        ['p1', '2026-W10', -1],
        ['p1', '2026-03-04', 2],
      ],
    });
    expect(findings.map((f) => f.rule)).toEqual(['import.negative-value', 'import.duplicate-row']);
  });
});

describe('scorecard sheet', () => {
  it('round-trips linear and banded items; labels are read in either language', () => {
    const items = [
      {
        id: 'k1',
        metric: 'revenue',
        weight: 60,
        direction: 'higher' as const,
        curve: { type: 'linear' as const, floor: 0.6, cap: 1.2 },
      },
      {
        id: 'k2',
        metric: 'complaints',
        weight: 40,
        direction: 'lower' as const,
        curve: {
          type: 'bands' as const,
          bands: [
            { min: 0.8, score: 60 },
            { min: 1, score: 100 },
          ],
        },
      },
    ];
    for (const locale of ['en', 'zh-CN'] as const) {
      const sheet = scorecardToRows({ items }, { locale });
      const back = scorecardRowsToScorecard({ headers: sheet.headers, rows: sheet.rows });
      expect(back.findings).toEqual([]);
      expect(back.scorecard.items).toEqual(items);
    }
  });

  it('bands written with percentages read as ratios; malformed bands are a finding', () => {
    const headers = ['Item', 'Metric', 'Weight', 'Curve', 'Bands'];
    const { scorecard, findings } = scorecardRowsToScorecard({
      headers,
      rows: [
        ['k1', 'revenue', 50, '分档', '90%:60；100%:80'],
        ['k2', 'visits', 50, 'Bands', '90 percent → 60'],
      ],
    });
    expect(scorecard.items[0]?.curve).toEqual({
      type: 'bands',
      bands: [
        { min: 0.9, score: 60 },
        { min: 1, score: 80 },
      ],
    });
    expect(findings.map((f) => [f.rule, f.params?.cell])).toEqual([['import.bad-pairs', 'Scorecard!E4']]);
  });

  it('a direction that is not in the list is reported with the allowed values', () => {
    const { findings } = scorecardRowsToScorecard({
      headers: ['Item', 'Metric', 'Weight', 'Direction'],
      rows: [['k1', 'revenue', 100, 'up']],
    });
    expect(findings[0]).toMatchObject({
      rule: 'import.not-in-list',
      params: { value: 'up', allowed: 'Higher is better, Lower is better' },
    });
  });
});

describe('ratings sheet', () => {
  it('round-trips ratings and refuses a score above 100', () => {
    const ratings: Rating[] = [
      { personId: 'p1', raterId: 'm1', group: 'superior', dimension: 'results', score: 88 },
      { personId: 'p1', raterId: 'p1', group: 'self', dimension: 'results', score: 95 },
    ];
    const sheet = ratingsToRows(ratings, { locale: 'zh-CN' });
    expect(sheet.rows[0]?.[2]).toBe('上级');
    expect(ratingRowsToRatings({ headers: sheet.headers, rows: sheet.rows }).ratings).toEqual(ratings);
    const bad = ratingRowsToRatings({ headers: sheet.headers, rows: [['p1', 'c1', '客户', 'service', 120]] });
    expect(bad.ratings).toEqual([]);
    expect(bad.findings).toMatchObject([
      { rule: 'import.out-of-range', params: { value: 120, min: 0, max: 100, cell: 'Ratings!E3' } },
    ]);
  });
});

describe('comp plan sheets', () => {
  const plan: CompPlan = {
    id: 'cp-2026',
    name: 'Field sales 2026',
    currency: 'CNY',
    components: [
      {
        type: 'commission',
        id: 'comm',
        metric: 'revenue',
        mode: 'marginal',
        tiers: [
          { from: 0, to: 0.8, rate: 0.02 },
          { from: 0.8, to: 1.2, rate: 0.04 },
          { from: 1.2, to: null, rate: 0.06 },
        ],
        threshold: 0.5,
        capAmount: 50000,
      },
      {
        type: 'bonus',
        id: 'bonus',
        targetAmount: 10000,
        multipliers: { S: 1.5, A: 1.2, B: 1, C: 0.5, D: 0 },
      },
      { type: 'override', id: 'ovr', rate: 0.01, gate: { metric: 'visits', min: 3 } },
      { type: 'spiff', id: 'newcust', amount: 500 },
      { type: 'pool', id: 'pool', rate: 0.005 },
      { type: 'performance', id: 'perf', coefficients: { S: 1.2, A: 1.1 } },
      { type: 'draw', id: 'draw', amount: 3000, recoverable: true },
    ],
  };

  it('round-trips every component type through the tables by name, settings in words, and is a valid CompPlan', () => {
    const tables = compPlanToRows({ ...plan, rounding: 'half-even' }, { locale: 'zh-CN' });
    // components by name in the language, never by id; tiers by their commission's name
    expect(tables.components.rows.map((r) => r[0])).toEqual([
      '提成',
      '奖金',
      '管理提成',
      '新客户奖励',
      '团队奖金池',
      '绩效工资',
      '保底',
    ]);
    expect(tables.tiers.rows).toEqual([
      ['提成', 0, 0.8, 0.02],
      ['提成', 0.8, 1.2, 0.04],
      ['提成', 1.2, null, 0.06],
    ]);
    expect(tables.settings).toEqual({
      headers: ['方案设置', '内容'],
      rows: [
        ['方案名称', 'Field sales 2026'],
        ['币种', '人民币'],
        ['舍入规则', '四舍六入五成双'],
      ],
    });
    const back = compPlanRowsToCompPlan(
      {
        components: tables.components,
        tiers: tables.tiers,
        settings: tables.settings,
        componentIds: new Map([...tables.names].map(([id, name]) => [name, id])),
        id: plan.id,
        name: 'overwritten by the settings',
        currency: 'USD',
      },
      'zh-CN',
    );
    expect(back.findings).toEqual([]);
    expect(back.plan).toEqual({
      ...plan,
      rounding: 'half-even',
      components: plan.components.map((c) =>
        c.type === 'commission' ? { ...c, tiers: [...c.tiers.slice(0, 2), { from: 1.2, rate: 0.06 }] } : c,
      ),
    });
    expect(compPlanSchema.safeParse(back.plan).success).toBe(true);
  });

  it('names a kind twice by number and a metric other than revenue in words, and reads each back to its id', () => {
    const twice: CompPlan = {
      id: 'p',
      name: 'Two commissions',
      currency: 'USD',
      components: [
        {
          type: 'commission',
          id: 'acme-a',
          metric: 'revenue',
          mode: 'marginal',
          tiers: [{ from: 0, rate: 0.01 }],
        },
        {
          type: 'commission',
          id: 'acme-b',
          metric: 'revenue',
          mode: 'marginal',
          tiers: [{ from: 0, rate: 0.02 }],
        },
        {
          type: 'commission',
          id: 'acme-gm',
          metric: 'gross_margin',
          mode: 'retroactive',
          tiers: [{ from: 0, rate: 0.03 }],
        },
      ],
    };
    expect([...componentNames(twice.components, 'en').values()]).toEqual([
      'Commission',
      'Commission 2',
      'Commission (Gross margin)',
    ]);
    expect(componentLabel(twice.components[2]!, 'zh-CN')).toBe('提成（毛利）');
    const tables = compPlanToRows(twice, { locale: 'en' });
    expect(tables.tiers.rows.map((r) => [r[0], r[3]])).toEqual([
      ['Commission', 0.01],
      ['Commission 2', 0.02],
      ['Commission (Gross margin)', 0.03],
    ]);
    expect(tables.settings.rows).toEqual([
      ['Plan name', 'Two commissions'],
      ['Currency', 'US Dollar'],
      ['Rounding', 'Round half up'],
    ]);
    const back = compPlanRowsToCompPlan({
      ...tables,
      componentIds: new Map([...tables.names].map(([id, name]) => [name, id])),
      id: 'p',
      name: '',
      currency: '',
    });
    expect(back.findings).toEqual([]);
    expect(back.plan).toEqual({ ...twice, rounding: 'half-up' });
  });

  it('reads a currency by its code or its name in either language, and reports one it cannot name on its cell', () => {
    const settings = (currency: string) =>
      readCompPlanSettings({ headers: ['Plan setting', 'Value'], rows: [['币种', currency]] });
    expect(settings('cny').currency).toBe('CNY');
    expect(settings('Chinese Yuan').currency).toBe('CNY');
    expect(settings('美元').currency).toBe('USD');
    const bad = settings('Monopoly money');
    expect(bad.currency).toBeUndefined();
    expect(bad.findings.map((f) => [f.rule, f.params?.cell])).toEqual([
      ['import.unknown-currency', 'Plan!B3'],
    ]);
  });

  const componentHeaders = ['Id', 'Type', 'Metric', 'Mode', 'Rate'];
  const tierHeaders = ['Component', 'From', 'To', 'Rate'];
  const read = (components: unknown[][], tiers: unknown[][]) =>
    compPlanRowsToCompPlan({
      components: { headers: componentHeaders, rows: components as never },
      tiers: { headers: tierHeaders, rows: tiers as never },
      id: 'x',
      name: 'x',
      currency: 'CNY',
    });

  it('overlapping tiers, a gap between tiers and a negative rate are errors that keep the commission out', () => {
    const { plan: out, findings } = read(
      [['c1', 'commission', 'revenue', 'marginal', null]],
      [
        ['c1', 0, 0.8, 0.02],
        ['c1', 0.7, 1, 0.03],
        ['c1', 1.1, null, -0.01],
      ],
    );
    expect(out.components).toEqual([]);
    expect(findings.map((f) => [f.rule, f.params?.cell])).toEqual([
      ['import.negative-rate', 'Tiers!D5'],
      ['import.tiers-overlap', 'Tiers!B4'],
      ['import.tiers-gap', 'Tiers!B5'],
    ]);
    expect(findings[1]?.message).toContain('0.7');
    expect(findings[2]?.params).toMatchObject({ from: 1.1, previousTo: 1 });
  });

  it('an open-ended tier followed by another overlaps it', () => {
    const { findings } = read(
      [['c1', 'commission', 'revenue', 'retroactive', null]],
      [
        ['c1', 0, null, 0.02],
        ['c1', 1, null, 0.03],
      ],
    );
    expect(findings.map((f) => f.rule)).toEqual(['import.tiers-overlap']);
  });

  it('an unknown component type, a commission without tiers and tiers of nothing are errors', () => {
    const { plan: out, findings } = read(
      [
        ['k1', 'kickback', null, null, null],
        ['c1', '提成', 'revenue', '分段累进', null],
        ['p1', 'pool', null, null, 0.01],
      ],
      [['zz', 0, null, 0.1]],
    );
    expect(out.components).toEqual([{ type: 'pool', id: 'p1', rate: 0.01 }]);
    expect(findings.map((f) => f.rule)).toEqual([
      'import.unknown-component-type',
      'import.no-tiers',
      'import.tier-orphan',
    ]);
    expect(findings[0]?.params).toMatchObject({ value: 'kickback', cell: 'Components!B3' });
  });

  it('a rate typed as "5%" text is not read as a number', () => {
    const { findings } = read([['p1', 'pool', null, null, '5%']], []);
    expect(findings.map((f) => f.rule)).toEqual(['import.not-a-number', 'import.required-for-type']);
  });
});
