// The amounts-only run (trace off) computes commission, SPIFF and override lines in float64 integer
// arithmetic; these tests pin that it gives exactly the lines of the traced run's bigint steps, for
// random plans and data, near rounding ties, and past the safe-integer range (where it falls back).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePayoutsColumnar } from '../../src/payout';
import { makePayoutFixture } from '../../src/fixtures';
import { roundDiv } from '../../src/money';
import { roundDivSafe } from '../../src/payout/exact';
import type { CompPlan, Component } from '../../src/schemas';

const same = (a: Float64Array, b: Float64Array) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++)
    if (!Object.is(a[i], b[i])) expect(`${i}: ${a[i]}`).toBe(`${i}: ${b[i]}`);
};

const decimal = (max: number, decimals: number) =>
  fc.integer({ min: 0, max: max * 10 ** decimals }).map((n) => n / 10 ** decimals);

const commissionArb: fc.Arbitrary<Component> = fc
  .record({
    mode: fc.constantFrom('marginal' as const, 'retroactive' as const),
    bounds: fc.uniqueArray(decimal(3, 2), { minLength: 1, maxLength: 4 }),
    rates: fc.array(decimal(0.2, 4), { minLength: 4, maxLength: 4 }),
    open: fc.boolean(),
    threshold: fc.option(decimal(1.2, 3), { nil: undefined }),
    capAttainment: fc.option(decimal(3, 1), { nil: undefined }),
    capAmount: fc.option(decimal(50_000, 2), { nil: undefined }),
  })
  .map(({ mode, bounds, rates, open, threshold, capAttainment, capAmount }) => {
    const sorted = [0, ...bounds.filter((b) => b > 0).sort((a, b) => a - b)];
    const tiers = sorted.map((from, i) => ({
      from,
      to: i + 1 < sorted.length ? sorted[i + 1]! : open ? null : from + 0.5,
      rate: rates[i % rates.length]!,
    }));
    return {
      type: 'commission',
      id: 'c',
      metric: 'revenue',
      mode,
      tiers,
      ...(threshold === undefined ? {} : { threshold }),
      ...(capAttainment === undefined ? {} : { capAttainment }),
      ...(capAmount === undefined ? {} : { capAmount }),
    } as Component;
  });

const planArb: fc.Arbitrary<CompPlan> = fc
  .record({
    commission: commissionArb,
    spiff: decimal(999, 2),
    rate: decimal(0.1, 4),
    min: decimal(5, 1),
    rounding: fc.constantFrom('half-up' as const, 'half-even' as const),
  })
  .map(({ commission, spiff, rate, min, rounding }) => ({
    id: 'p',
    name: 'random plan',
    currency: 'CNY',
    rounding,
    components: [
      commission,
      { type: 'spiff', id: 's', amount: spiff },
      { type: 'override', id: 'o', rate, metric: 'revenue', gate: { metric: 'visits', min } },
    ],
  }));

describe('amounts-only fast path', () => {
  it('gives the same lines as the traced bigint steps on the benchmark plan', () => {
    const fixture = makePayoutFixture({ transactions: 20_000, people: 400, seed: 9 });
    const fast = computePayoutsColumnar(fixture.columns);
    const traced = computePayoutsColumnar(fixture.columns, { trace: true });
    same(fast.lineMinor, traced.lineMinor);
    expect(fast.totalMinor).toBe(traced.totalMinor);
  });

  it('gives the same lines for random plans (modes, thresholds, caps, rounding, proration)', () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 1, max: 1000 }), (plan, seed) => {
        const fixture = makePayoutFixture({ transactions: 600, people: 40, seed, teamSize: 5 });
        const columns = { ...fixture.columns, plan, rounding: plan.rounding! };
        same(
          computePayoutsColumnar(columns).lineMinor,
          computePayoutsColumnar(columns, { trace: true }).lineMinor,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('falls back to bigint past 2^53 and still agrees', () => {
    const fixture = makePayoutFixture({ transactions: 200, people: 20, seed: 3 });
    const credit = fixture.columns.actuals.credit;
    for (let r = 0; r < credit.length; r += 7) credit[r] = credit[r]! * 1e9; // up to ~2e19 share units
    const fast = computePayoutsColumnar(fixture.columns);
    const traced = computePayoutsColumnar(fixture.columns, { trace: true });
    same(fast.lineMinor, traced.lineMinor);
  });

  it('roundDivSafe rounds like roundDiv: 5/2 → 3 half-up, 2 half-even; -5/2 → -3, -2; 7/2 half-even → 4', () => {
    expect(roundDivSafe(5, 2, 'half-up')).toBe(3);
    expect(roundDivSafe(5, 2, 'half-even')).toBe(2);
    expect(roundDivSafe(-5, 2, 'half-up')).toBe(-3);
    expect(roundDivSafe(-5, 2, 'half-even')).toBe(-2);
    expect(roundDivSafe(7, 2, 'half-even')).toBe(4);
    expect(roundDivSafe(2 ** 53, 3, 'half-up')).toBeNaN();
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 52), max: 2 ** 52 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.constantFrom('half-up' as const, 'half-even' as const),
        (num, den, rounding) => {
          expect(roundDivSafe(num, den, rounding)).toBe(Number(roundDiv(BigInt(num), BigInt(den), rounding)));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
