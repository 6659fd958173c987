import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Person, Transaction, Unit } from '../../src/schemas';
import { evaluateKpis, rosterHeadcount } from '../../src/scoring/index';

const units: Unit[] = [
  { id: 'region', name: 'Region', kind: 'region' },
  { id: 'team-a', name: 'Team A', kind: 'team', parentId: 'region' },
  { id: 'team-b', name: 'Team B', kind: 'team', parentId: 'region' },
];
const people: Person[] = [
  { id: 'r1', unitId: 'team-a', role: 'rep', hireDate: '2025-01-10' },
  { id: 'r2', unitId: 'team-a', role: 'rep', hireDate: '2026-03-10', probationEnd: '2026-06-09' },
  { id: 'r3', unitId: 'team-b', role: 'rep', hireDate: '2025-06-01', exitDate: '2026-03-20' },
  { id: 'r4', unitId: 'team-b', role: 'rep', hireDate: '2025-02-01', probationEnd: '2026-03-15' },
  { id: 'm1', unitId: 'team-a', role: 'manager', hireDate: '2020-01-01' },
  { id: 'x1', unitId: 'elsewhere', role: 'rep', hireDate: '2020-01-01' },
];
const org = { units, people };

let seq = 0;
const fyp = (
  date: string,
  amount: number,
  credits: [string, number][],
  more: Partial<Transaction> = {},
): Transaction => ({
  id: `t${seq++}`,
  date,
  amount,
  metric: 'first_year_premium',
  credits: credits.map(([personId, share]) => ({ personId, share })),
  ...more,
});

const transactions: Transaction[] = [
  fyp('2026-03-05', 10000, [['r1', 1]]),
  fyp('2026-03-12', 6000, [
    ['r3', 0.5],
    ['m1', 0.5],
  ]),
  fyp('2026-03-20', -2000, [['r4', 1]]), // a cancellation: r4 is net negative, not producing
  fyp('2026-03-21', 99999, [['x1', 1]]), // another unit's
  fyp('2026-02-10', 8000, [['r1', 1]]), // previous month
  fyp('2025-03-15', 12000, [['r1', 1]]), // same month last year
  // policies written in February 2025, the 13-month cohort of March 2026
  fyp('2025-02-03', 5000, [['r1', 1]], { writtenDate: '2025-02-03' }), // in force
  fyp('2025-02-10', 3000, [['r4', 1]], { writtenDate: '2025-02-10', lapseDate: '2025-09-01' }), // lapsed
  fyp('2025-02-20', 2000, [['r1', 1]], { writtenDate: '2025-02-20', lapseDate: '2025-03-01' }), // cooling-off (9 days)
  fyp('2025-02-25', 1000, [['r3', 1]], { writtenDate: '2025-02-25', lapseDate: '2026-04-01' }), // lapsed after 13 months
];

describe('evaluateKpis: the region in March 2026', () => {
  const result = evaluateKpis({
    unitId: 'region',
    period: '2026-03',
    org,
    transactions,
    targets: [{ owner: 'region', metric: 'first_year_premium', period: '2026-03', value: 20000 }],
  });
  const v = result.values;

  it('counts headcount from the roster: start 3 (r1, r3, r4), end 3 (r1, r2, r4), average 3', () => {
    expect([v.headcount_start, v.headcount_end, v.avg_headcount]).toEqual([3, 3, 3]);
  });

  it('counts producing reps with a positive net credit (r1 10000, r3 3000; r4 is −2000, m1 is no rep)', () => {
    expect(result.productionMetric).toBe('first_year_premium');
    expect(v.producing_reps).toBe(2);
    expect(v.first_year_premium).toBe(14000); // 10000 + 6000 − 2000
  });

  it('derives the ratio KPIs', () => {
    expect(v.activity_rate).toBeCloseTo(2 / 3, 12);
    expect(v.productivity).toBe(7000); // 14000 / 2
    expect(v.effective_recruitment_rate).toBeCloseTo(1 / 3, 12); // r4 confirmed on 2026-03-15
    expect(v.attrition_rate).toBeCloseTo(1 / 3, 12); // r3 left on 2026-03-20
    expect(v.completion_rate).toBe(0.7); // 14000 / 20000
    expect(v.yoy).toBeCloseTo(14000 / 12000 - 1, 12);
    expect(v.mom).toBe(0.75); // 14000 / 8000 − 1
    expect(result.parts.productivity).toEqual({ numerator: 14000, denominator: 2 });
  });

  it('computes 13-month persistency without cooling-off cancellations: (5000 + 1000) / (5000 + 3000 + 1000)', () => {
    expect(v.premium_written_13).toBe(9000);
    expect(v.premium_in_force_13).toBe(6000);
    expect(v.persistency_13).toBeCloseTo(2 / 3, 12);
  });

  it('leaves a KPI with a zero denominator empty and says so', () => {
    expect(v.persistency_25).toBeNull();
    expect(v.average_ticket).toBeNull(); // no revenue transactions
    const finding = result.findings.find((f) => f.params?.metric === 'persistency_25');
    expect(finding).toMatchObject({
      rule: 'kpi.zero-denominator',
      severity: 'info',
      path: 'kpis.persistency_25',
      params: { numerator: 0, denominator: 0, denominatorName: 'premium_written_25' },
    });
    expect(finding?.message).toBe(
      '25-month persistency (persistency_25) cannot be computed for region in 2026-03: its denominator (premium_written_25) is 0 and its numerator 0. It is left empty.',
    );
    expect(result.findings.map((f) => f.params?.metric).sort()).toEqual(['average_ticket', 'persistency_25']);
  });
});

describe('evaluateKpis: other cases', () => {
  it('averages the monthly averages over a quarter (team-b: 2, 2, (2 + 1) / 2 → 5.5 / 3)', () => {
    const result = evaluateKpis({ unitId: 'team-b', period: '2026-Q1', org, transactions: [] });
    expect(result.values.avg_headcount).toBeCloseTo(5.5 / 3, 12);
    expect([result.values.headcount_start, result.values.headcount_end]).toEqual([2, 1]);
    expect(result.productionMetric).toBe('revenue');
    // no production and no producing reps: productivity is empty, activity rate is 0 / 1.83 = 0
    expect(result.values.productivity).toBeNull();
    expect(result.values.activity_rate).toBe(0);
  });

  it('takes a given headcount over the roster, and an empty unit gives empty rates', () => {
    const given = evaluateKpis({
      unitId: 'team-a',
      period: '2026-03',
      org,
      transactions,
      headcount: { start: 4, end: 6 },
    });
    expect(given.values.avg_headcount).toBe(5);
    expect(given.values.activity_rate).toBe(0.2); // r1 only / 5
    const empty = evaluateKpis({
      unitId: 'team-a',
      period: '2026-03',
      org: { units, people: [] },
      transactions: [],
    });
    expect(empty.values.activity_rate).toBeNull();
    expect(empty.values.attrition_rate).toBeNull();
  });

  it('sums activities of the unit from the period or its months', () => {
    const result = evaluateKpis({
      unitId: 'team-a',
      period: '2026-Q1',
      org,
      transactions: [],
      activities: [
        { personId: 'r1', metric: 'visits', period: '2026-01', value: 40 },
        { personId: 'r1', metric: 'visits', period: '2026-02', value: 35 },
        { personId: 'r2', metric: 'visits', period: '2026-Q1', value: 20 },
        { personId: 'r2', metric: 'visits', period: '2026-03', value: 999 }, // the quarter row wins
        { personId: 'r3', metric: 'visits', period: '2026-Q1', value: 50 }, // team-b
      ],
    });
    expect(result.values.visits).toBe(95);
  });

  it('reports a missing unit target as no completion rate', () => {
    const result = evaluateKpis({ unitId: 'region', period: '2026-03', org, transactions, targets: [] });
    expect(result.values.completion_rate).toBeNull();
    expect(result.findings.some((f) => f.rule === 'kpi.no-target')).toBe(true);
  });

  it('counts a cancellation within the cooling-off setting as excluded, beyond it as a lapse', () => {
    const policy = fyp('2025-02-03', 1000, [['r1', 1]], {
      writtenDate: '2025-02-03',
      lapseDate: '2025-02-18',
    }); // 15 days
    const run = (coolingOffDays: number) =>
      evaluateKpis({ unitId: 'region', period: '2026-03', org, transactions: [policy] }, { coolingOffDays })
        .values;
    expect(run(15).premium_written_13).toBe(0);
    expect(run(14)).toMatchObject({ premium_written_13: 1000, premium_in_force_13: 0, persistency_13: 0 });
  });
});

describe('roster headcount', () => {
  it('keeps end = start + hires − leavers within a month, whatever the roster', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => String(d).padStart(2, '0'));
    const date = fc.tuple(fc.constantFrom('2026-02', '2026-03', '2026-04'), day).map(([m, d]) => `${m}-${d}`);
    const personArb = fc.record({ hire: date, stay: fc.option(date, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 30 }), (rows) => {
        const roster: Person[] = rows.map((r, i) => ({
          id: `p${i}`,
          unitId: 'u',
          role: 'rep',
          hireDate: r.hire,
          exitDate: r.stay !== undefined && r.stay >= r.hire ? r.stay : undefined,
        }));
        const { start, end } = rosterHeadcount(roster, '2026-03');
        const hires = roster.filter((p) => p.hireDate! > '2026-03-01' && p.hireDate! <= '2026-03-31').length;
        const leavers = roster.filter(
          (p) =>
            p.exitDate &&
            p.exitDate >= '2026-03-01' &&
            p.exitDate <= '2026-03-31' &&
            p.hireDate! <= p.exitDate,
        ).length;
        // Someone hired and gone within the month counts in both hires and leavers.
        expect(end).toBe(start + hires - leavers);
      }),
    );
  });
});
