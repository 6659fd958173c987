import { describe, expect, it } from 'vitest';
import type { Person, Rating, ScoreRequest, Scorecard, Target } from '../../src/schemas';
import { computeScores, FOUR_LEVEL_GRADES } from '../../src/scoring/index';

const period = '2026-Q1';
const rep = (id: string, unitId = 'team-1'): Person => ({ id, unitId, role: 'rep' });
const row = (owner: string, metric: string, value: number, p = period): Target => ({
  owner,
  metric,
  period: p,
  value,
});

const scorecard: Scorecard = {
  items: [
    { id: 'rev', metric: 'revenue', weight: 50, curve: { type: 'linear', floor: 0.6 } },
    {
      id: 'new',
      metric: 'new_customers',
      weight: 30,
      curve: {
        type: 'bands',
        bands: [
          { min: 1, score: 100 },
          { min: 0.8, score: 80 },
          { min: 0.5, score: 50 },
        ],
      },
    },
    { id: 'complaints', metric: 'complaints', weight: 20, direction: 'lower', curve: { type: 'linear' } },
  ],
};

/** Targets revenue 100000, new customers 10, complaints 2 and the given actuals. */
function kpiRows(id: string, revenue: number, newCustomers: number, complaints: number) {
  return {
    targets: [row(id, 'revenue', 100000), row(id, 'new_customers', 10), row(id, 'complaints', 2)],
    actuals: [
      row(id, 'revenue', revenue),
      row(id, 'new_customers', newCustomers),
      row(id, 'complaints', complaints),
    ],
  };
}

function request(
  people: Person[],
  rows: ReturnType<typeof kpiRows>[],
  more: Partial<ScoreRequest> = {},
): ScoreRequest {
  return {
    scorecard,
    period,
    people,
    targets: rows.flatMap((r) => r.targets),
    actuals: rows.flatMap((r) => r.actuals),
    ...more,
  };
}

const rate = (
  personId: string,
  raterId: string,
  group: Rating['group'],
  score: number,
  dimension = 'results',
): Rating => ({
  personId,
  raterId,
  group,
  dimension,
  score,
});

describe('computeScores: the worked example', () => {
  // a: revenue 110000/100000 = 1.1 → 110; new 9/10 = 0.9 → band 80; complaints 2/4 = 0.5 → 50.
  //    KPI = (50×110 + 30×80 + 20×50) / 100 = 89.
  //    Ratings: superior (85 = mean of 90 and 80), peers only 2 (< 3, dropped), self 100,
  //    customers 90/80/70 → 80. Rating = (50×85 + 10×100 + 20×80) / 80 = 85.625.
  //    Final = 0.7×89 + 0.3×85.625 − 2 = 85.9875 → 85.99, grade A.
  // b: revenue 0.5 < floor 0.6 → 0; new 12/10 = 1.2 → 100; complaints actual 0 → cap 1.2 → 120.
  //    KPI = (0 + 3000 + 2400) / 100 = 54, no ratings → final 54, grade D.
  const ratings: Rating[] = [
    rate('a', 's1', 'superior', 90),
    rate('a', 's1', 'superior', 80, 'ability'),
    rate('a', 'p1', 'peer', 80),
    rate('a', 'p2', 'peer', 70),
    rate('a', 'a', 'self', 100),
    rate('a', 'c1', 'customer', 90),
    rate('a', 'c2', 'customer', 80),
    rate('a', 'c3', 'customer', 70),
  ];
  const result = computeScores(
    request([rep('a'), rep('b')], [kpiRows('a', 110000, 9, 4), kpiRows('b', 50000, 12, 0)], {
      ratings,
      deductions: [{ personId: 'a', points: 2, reason: 'late report' }],
    }),
  );
  const [a, b] = result.people;

  it('scores each item by its curve and direction', () => {
    expect(a?.items).toEqual([
      { id: 'rev', actual: 110000, target: 100000, ratio: 1.1, score: 110 },
      { id: 'new', actual: 9, target: 10, ratio: 0.9, score: 80 },
      { id: 'complaints', actual: 4, target: 2, ratio: 0.5, score: 50 },
    ]);
    expect(b?.items.map((i) => [i.ratio, i.score])).toEqual([
      [0.5, 0],
      [1.2, 100],
      [1.2, 120],
    ]);
  });

  it('blends KPI and the renormalised rating, less deductions, and grades the final', () => {
    expect(a).toMatchObject({ kpiScore: 89, ratingScore: 85.63, final: 85.99, grade: 'A', rank: 1 });
    expect(b).toMatchObject({ kpiScore: 54, final: 54, grade: 'D', rank: 2 });
    expect(b?.ratingScore).toBeUndefined();
  });

  it('drops the peer group with a warning naming its two raters and the minimum of three', () => {
    const dropped = result.findings.filter((f) => f.rule === 'rating.group-dropped');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({
      severity: 'warning',
      path: 'people[0]',
      params: { personId: 'a', group: 'peer', raters: 2, min: 3 },
    });
    expect(dropped[0]?.message).toBe(
      "Person a: the peer group has 2 rater(s), fewer than the minimum 3; it is dropped and the other groups' weights are renormalised.",
    );
  });

  it('says when a person without ratings is scored on KPI less deductions', () => {
    expect(result.findings.find((f) => f.rule === 'rating.none')).toMatchObject({
      severity: 'info',
      path: 'people[1]',
      params: { personId: 'b', kpiScore: 54, deductions: 0 },
    });
  });

  it('writes the messages in Chinese when asked', () => {
    const zh = computeScores(request([rep('a')], [kpiRows('a', 110000, 9, 4)], { ratings }), {
      locale: 'zh-CN',
    });
    expect(zh.findings.find((f) => f.rule === 'rating.group-dropped')?.message).toBe(
      '人员 a：同事评价组只有 2 位评价人，少于最低人数 3；该组不计，其余各组权重按比例重新分配。',
    );
  });
});

describe('computeScores: targets and actuals', () => {
  it('scores an item with a zero target 0 and points at the target cell', () => {
    const rows = kpiRows('a', 110000, 9, 4);
    rows.targets[0] = row('a', 'revenue', 0);
    const result = computeScores(request([rep('a')], [rows]));
    expect(result.people[0]?.items[0]).toEqual({
      id: 'rev',
      actual: 110000,
      target: 0,
      ratio: null,
      score: 0,
    });
    // KPI = (0 + 30×80 + 20×50) / 100 = 34
    expect(result.people[0]?.kpiScore).toBe(34);
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        rule: 'score.zero-target',
        path: 'targets[0].value',
        params: expect.objectContaining({ target: 0 }),
      }),
    );
  });

  it('scores a missing target or actual 0 with a warning on the person', () => {
    const result = computeScores(request([rep('a')], [{ targets: [row('a', 'revenue', 100)], actuals: [] }]));
    const rules = result.findings.map((f) => `${f.rule}:${f.params?.metric}`);
    expect(rules).toEqual([
      'score.no-actual:revenue',
      'score.no-target:new_customers',
      'score.no-target:complaints',
    ]);
    expect(result.people[0]).toMatchObject({ kpiScore: 0, final: 0, grade: 'D' });
  });

  it('adds up monthly rows when the quarter itself has none, and prefers a quarter row when present', () => {
    const monthly = computeScores(
      request(
        [rep('a')],
        [
          {
            targets: [row('a', 'revenue', 100000), row('a', 'new_customers', 10), row('a', 'complaints', 2)],
            actuals: [
              row('a', 'revenue', 30000, '2026-01'),
              row('a', 'revenue', 40000, '2026-02'),
              row('a', 'revenue', 35000, '2026-03'),
              row('a', 'revenue', 99, '2025-12'),
              row('a', 'new_customers', 10),
              row('a', 'complaints', 2),
            ],
          },
        ],
      ),
    );
    expect(monthly.people[0]?.items[0]).toMatchObject({ actual: 105000, ratio: 1.05, score: 105 });
    const withQuarter = computeScores(
      request(
        [rep('a')],
        [
          {
            targets: [row('a', 'revenue', 100000), row('a', 'new_customers', 10), row('a', 'complaints', 2)],
            actuals: [
              row('a', 'revenue', 30000, '2026-01'),
              row('a', 'revenue', 90000),
              row('a', 'new_customers', 10),
              row('a', 'complaints', 2),
            ],
          },
        ],
      ),
    );
    expect(withQuarter.people[0]?.items[0]?.actual).toBe(90000);
  });

  it('reports weights that do not sum to 100 and divides by their sum', () => {
    const card: Scorecard = {
      items: [{ id: 'rev', metric: 'revenue', weight: 3, curve: { type: 'linear' } }],
    };
    const result = computeScores({ ...request([rep('a')], [kpiRows('a', 90000, 0, 0)]), scorecard: card });
    expect(result.people[0]?.kpiScore).toBe(90);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ rule: 'score.weights-sum', params: { sum: 3 } }),
    );
  });
});

describe('computeScores: ranks, grades and distribution', () => {
  it('ranks within each unit by final, ties sharing a rank and the next rank skipped (1, 2, 2, 4)', () => {
    const people = [rep('w'), rep('x'), rep('y'), rep('z'), rep('solo', 'team-2')];
    const rows = [
      kpiRows('w', 100000, 10, 2), // KPI 100
      kpiRows('x', 90000, 10, 2), // 45 + 30 + 20 = 95
      kpiRows('y', 90000, 10, 2), // 95
      kpiRows('z', 70000, 10, 2), // 35 + 30 + 20 = 85
      kpiRows('solo', 70000, 10, 2),
    ];
    const result = computeScores(request(people, rows));
    expect(result.people.map((p) => [p.personId, p.final, p.rank])).toEqual([
      ['w', 100, 1],
      ['x', 95, 2],
      ['y', 95, 2],
      ['z', 85, 4],
      ['solo', 85, 1],
    ]);
  });

  it('grades with custom bands 优秀/良好/合格/不合格', () => {
    const people = [rep('a'), rep('b'), rep('c'), rep('d')];
    const rows = [
      kpiRows('a', 100000, 10, 2), // 100
      kpiRows('b', 80000, 8, 2), // 40 + 24 + 20 = 84
      kpiRows('c', 60000, 8, 2), // 30 + 24 + 20 = 74
      kpiRows('d', 50000, 5, 4), // 0 + 15 + 10 = 25
    ];
    const result = computeScores(
      request(people, rows, { scorecard: { ...scorecard, grades: [...FOUR_LEVEL_GRADES] } }),
    );
    expect(result.people.map((p) => [p.final, p.grade])).toEqual([
      [100, '优秀'],
      [84, '良好'],
      [74, '合格'],
      [25, '不合格'],
    ]);
  });

  it('floors the final at 0 when deductions exceed the score', () => {
    const result = computeScores(
      request([rep('a')], [kpiRows('a', 50000, 5, 4)], {
        deductions: [{ personId: 'a', points: 40, reason: 'violation' }],
      }),
    );
    expect(result.people[0]).toMatchObject({ kpiScore: 25, final: 0, grade: 'D' });
  });

  it('warns when more people than the limit hold a grade, overall and per unit', () => {
    // team-1: w 100 (S), x 95 (S), y 90 (A), z 85 (A); team-2: v 60 (C). S = 2/5 = 40 % > 10 %.
    const people = [rep('w'), rep('x'), rep('y'), rep('z'), rep('v', 'team-2')];
    const rows = [
      kpiRows('w', 100000, 10, 2),
      kpiRows('x', 90000, 10, 2),
      kpiRows('y', 80000, 10, 2),
      kpiRows('z', 70000, 10, 2),
      kpiRows('v', 100000, 0, 0), // 50 + 0 (below every band) + 24 (no complaints: cap 120) = 74 → B
    ];
    const card = { ...scorecard, distribution: { S: 0.1, 'S+A': 0.8 } };
    const result = computeScores(request(people, rows, { scorecard: card }));
    expect(result.people.map((p) => p.grade)).toEqual(['S', 'S', 'A', 'A', 'B']);
    const exceeded = result.findings.filter((f) => f.rule === 'grade.distribution-exceeded');
    expect(exceeded.map((f) => f.params)).toEqual([
      expect.objectContaining({ unitId: null, grades: 'S', count: 2, total: 5, share: 40, limit: 10 }),
      expect.objectContaining({ unitId: 'team-1', grades: 'S', count: 2, total: 4, share: 50, limit: 10 }),
      // S+A: 4 of 4 in team-1 = 100 % > 80 %; overall 4 of 5 = 80 % is within the limit.
      expect.objectContaining({ unitId: 'team-1', grades: 'S+A', count: 4, total: 4, share: 100, limit: 80 }),
    ]);
    expect(exceeded[0]?.message).toBe('Everyone: 2 of 5 people (40%) are graded S, above the limit of 10%.');
  });
});
