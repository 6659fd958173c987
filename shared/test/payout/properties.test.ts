// Invariants of the payout engine, by fast-check: order does not matter, a split never creates money,
// totals are sums of lines, and every amount is a whole number of minor units whatever the decimals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asMinor, formatMinor, toMinor } from '../../src/money';
import { amountToMinor, computePayouts, computePayoutsColumnar, toColumnar } from '../../src/payout';
import type { Component, PayoutRequest, Person, Transaction } from '../../src/schemas';
import { PERIOD } from './helpers';

const people: Person[] = [
  { id: 'p0', unitId: 'u', role: 'manager' },
  { id: 'p1', unitId: 'u', role: 'rep', managerId: 'p0' },
  { id: 'p2', unitId: 'u', role: 'rep', managerId: 'p0', hireDate: '2026-03-11' },
  { id: 'p3', unitId: 'u', role: 'rep', managerId: 'p0', exitDate: '2026-03-19' },
  { id: 'p4', unitId: 'u', role: 'rep' },
];
const splits = [[1], [0.5, 0.5], [0.25, 0.75], [0.3, 0.3, 0.4], [1 / 3, 1 / 3, 1 / 3], [0.1, 0.2, 0.3, 0.4]];

const transactionArb = fc.record({
  cents: fc.integer({ min: -300_000, max: 3_000_000 }),
  day: fc.integer({ min: 1, max: 31 }),
  split: fc.integer({ min: 0, max: splits.length - 1 }),
  persons: fc.array(fc.integer({ min: 0, max: people.length - 1 }), { minLength: 4, maxLength: 4 }),
  customer: fc.option(fc.integer({ min: 0, max: 5 })),
  isNew: fc.boolean(),
});
type TxSpec = typeof transactionArb extends fc.Arbitrary<infer T> ? T : never;

function toTransactions(specs: TxSpec[]): Transaction[] {
  return specs.map((s, i) => ({
    id: `t${i}`,
    date: `${PERIOD}-${String(s.day).padStart(2, '0')}`,
    amount: s.cents / 100,
    credits: splits[s.split]!.map((share, j) => ({ personId: people[s.persons[j]!]!.id, share })),
    ...(s.customer === null ? {} : { customerId: `c${s.customer}` }),
    ...(s.isNew ? { isNewCustomer: true } : {}),
  }));
}

const planArb = fc.record({
  mode: fc.constantFrom('marginal' as const, 'retroactive' as const),
  rounding: fc.constantFrom('half-up' as const, 'half-even' as const),
  recoverable: fc.boolean(),
});

function fullPlan(p: Pick<PlanSpec, 'mode'>, recoverable: boolean): Component[] {
  return [
    {
      type: 'commission',
      id: 'commission',
      metric: 'revenue',
      mode: p.mode,
      tiers: [
        { from: 0, to: 1, rate: 0.0175 },
        { from: 1, to: 1.5, rate: 0.033 },
        { from: 1.5, to: null, rate: 0.05 },
      ],
      threshold: 0.3,
      capAttainment: 2.5,
    },
    { type: 'bonus', id: 'bonus', targetAmount: 1_234.56, multipliers: { A: 1.25, B: 0.75 } },
    { type: 'override', id: 'override', rate: 0.0125, gate: { metric: 'visits', min: 3 } },
    { type: 'spiff', id: 'spiff', amount: 333.33 },
    { type: 'pool', id: 'pool', rate: 0.007 },
    { type: 'performance', id: 'performance', coefficients: { A: 1.15, B: 0.9 } },
    { type: 'draw', id: 'draw', amount: 2_500, recoverable },
  ];
}

type PlanSpec = { mode: 'marginal' | 'retroactive'; rounding: 'half-up' | 'half-even'; recoverable: boolean };

function makeRequest(specs: TxSpec[], plan: PlanSpec): PayoutRequest {
  return {
    period: PERIOD,
    plan: {
      id: 'prop',
      name: 'Property plan',
      currency: 'CNY',
      rounding: plan.rounding,
      components: fullPlan(plan, plan.recoverable),
    },
    people,
    quotas: people.map((p, i) => ({
      personId: p.id,
      metric: 'revenue',
      period: PERIOD,
      value: 7_777.77 * (i + 1),
    })),
    transactions: toTransactions(specs),
    activities: [{ personId: 'p0', metric: 'visits', period: PERIOD, value: 10 }],
    scores: people.map((p, i) => ({ personId: p.id, final: 60 + i * 7.5, grade: i % 2 ? 'A' : 'B' })),
    baseSalaries: people.map((p, i) => ({ personId: p.id, amount: 5_000 + i * 333.33 })),
    drawBalances: [{ personId: 'p1', amount: -1_111.11 }],
  };
}

/** A permutation of `items` from a seed (Fisher–Yates on a small seeded generator). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const comparable = (r: ReturnType<typeof computePayouts>) => ({
  lines: r.lines,
  people: r.people,
  totals: r.totals,
  drawBalances: r.drawBalances,
  // Paths name positions, which a shuffle moves; rules and messages must not change.
  findings: r.findings.map((f) => `${f.rule}|${f.message}`).sort(),
});

describe('payout invariants', () => {
  it('shuffling the transactions changes nothing', () => {
    fc.assert(
      fc.property(fc.array(transactionArb, { maxLength: 40 }), planArb, fc.integer(), (specs, plan, seed) => {
        const request = makeRequest(specs, plan);
        const reordered = { ...request, transactions: shuffled(request.transactions, seed) };
        expect(comparable(computePayouts(reordered))).toEqual(comparable(computePayouts(request)));
      }),
      { numRuns: 150 },
    );
  });

  it('splitting a transaction into shares never changes the total credited', () => {
    const splitArb = fc.record({
      cents: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
      weights: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 6 }),
      persons: fc.array(fc.integer({ min: 0, max: people.length - 1 }), { minLength: 6, maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(splitArb, { minLength: 1, maxLength: 30 }), (specs) => {
        const whole = specs.map((s, i) => ({
          id: `t${i}`,
          date: '2026-03-10',
          amount: s.cents / 100,
          credits: [{ personId: people[s.persons[0]!]!.id, share: 1 }],
        }));
        // Shares as the floats a spreadsheet would hold: weight / Σ weights (0.1428571…, not exact).
        const split = specs.map((s, i) => {
          const total = s.weights.reduce((a, b) => a + b, 0);
          return {
            ...whole[i]!,
            credits: s.weights.map((w, j) => ({ personId: people[s.persons[j]!]!.id, share: w / total })),
          };
        });
        const credited = (transactions: Transaction[]) => {
          const columns = toColumnar({
            ...makeRequest([], { mode: 'marginal', rounding: 'half-up', recoverable: false }),
            transactions,
          });
          const { credits } = computePayoutsColumnar(columns);
          const metric = credits.metric('revenue');
          let units = 0n;
          for (let p = 0; p < people.length; p++) units += credits.units(metric, p);
          expect(columns.findings.filter((f) => f.rule === 'payout.shares-not-one')).toEqual([]);
          return { units, scale: BigInt(columns.actuals.shareScale) };
        };
        const expected = specs.reduce((sum, s) => sum + BigInt(s.cents), 0n);
        const a = credited(whole);
        const b = credited(split);
        expect(a.units).toBe(expected * a.scale);
        expect(b.units).toBe(expected * b.scale);
      }),
      { numRuns: 200 },
    );
  });

  it('totals are the sums of the lines, and each person the sum of theirs', () => {
    fc.assert(
      fc.property(fc.array(transactionArb, { maxLength: 40 }), planArb, (specs, plan) => {
        const result = computePayouts(makeRequest(specs, plan));
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(result.totals.amountMinor).toBe(sum(result.lines.map((l) => l.amountMinor)));
        for (const person of result.people) {
          const own = result.lines.filter((l) => l.personId === person.personId);
          expect(person.amountMinor).toBe(sum(own.map((l) => l.amountMinor)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every amount is a whole number of minor units, shown exactly, even for decimals like 0.1 + 0.2', () => {
    const awkward = fc.oneof(
      fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0.1 + 0.2, 1.005, 2.675, 1e-7, 0.015, -0.005, 4.35 * 100, 1.1 * 1.1),
    );
    const rate = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(0.1 + 0.2, 0.035, 1 / 3),
    );
    fc.assert(
      fc.property(
        fc.array(awkward, { minLength: 1, maxLength: 8 }),
        rate,
        rate,
        awkward,
        (amounts, r1, r2, target) => {
          const request: PayoutRequest = {
            ...makeRequest([], { mode: 'marginal', rounding: 'half-even', recoverable: true }),
            transactions: amounts.map((amount, i) => ({
              id: `t${i}`,
              date: '2026-03-02',
              amount,
              credits: [
                { personId: 'p1', share: 0.1 + 0.2 },
                { personId: 'p2', share: 0.7 },
              ],
              customerId: `c${i % 2}`,
              isNewCustomer: i % 3 === 0,
            })),
            quotas: [{ personId: 'p1', metric: 'revenue', period: PERIOD, value: Math.abs(target) + 0.01 }],
          };
          request.plan.components = [
            {
              type: 'commission',
              id: 'c',
              metric: 'revenue',
              mode: 'marginal',
              tiers: [
                { from: 0, to: 0.1 + 0.2, rate: r1 },
                { from: 0.1 + 0.2, to: null, rate: r2 },
              ],
            },
            { type: 'override', id: 'o', rate: r1 },
            { type: 'spiff', id: 's', amount: Math.abs(target) },
            { type: 'pool', id: 'p', rate: r2 },
            { type: 'draw', id: 'd', amount: Math.abs(target), recoverable: true },
          ];
          const result = computePayouts(request);
          for (const money of [...result.lines, ...result.people, result.totals, ...result.drawBalances]) {
            expect(Number.isSafeInteger(money.amountMinor)).toBe(true);
            expect(money.amount).toBe(formatMinor(asMinor(money.amountMinor)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the fast conversion of amounts agrees with the decimal one on every double', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e12, max: 1e12, noNaN: true }),
          fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
        ),
        fc.integer({ min: 0, max: 4 }),
        (value, scale) => {
          const outcome = (convert: () => number) => {
            try {
              return convert();
            } catch (error) {
              return error instanceof RangeError ? 'out of range' : error;
            }
          };
          expect(outcome(() => amountToMinor(value, scale))).toBe(
            outcome(() => toMinor(value, scale, 'half-up')),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
