// The columnar core and its fixture: the object API and the columns agree, the fixture is the same
// for the same seed, and sums past 2^53 stay exact.
import { describe, expect, it } from 'vitest';
import { computePayouts, computePayoutsColumnar, sharesInMillionths, toColumnar } from '../../src/payout';
import { makePayoutFixture, payoutRequestFromFixture } from '../../src/fixtures';
import type { Component } from '../../src/schemas';
import { commission, quota, rep, request, sale } from './helpers';

describe('payout fixture and columnar core', () => {
  it('the same seed gives the same data, another seed other data', () => {
    const a = makePayoutFixture({ transactions: 500, people: 30, seed: 42 });
    const b = makePayoutFixture({ transactions: 500, people: 30, seed: 42 });
    const c = makePayoutFixture({ transactions: 500, people: 30, seed: 43 });
    expect(a.columns.actuals.credit).toEqual(b.columns.actuals.credit);
    expect(a.columns.actuals.credit).not.toEqual(c.columns.actuals.credit);
  });

  it('computing from the columns and from the equivalent request gives the same lines', () => {
    const fixture = makePayoutFixture({ transactions: 4_000, people: 80, seed: 5 });
    const columnar = computePayoutsColumnar(fixture.columns);
    const objects = computePayouts(payoutRequestFromFixture(fixture));
    expect(objects.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(objects.totals.amountMinor).toBe(columnar.totalMinor);
    const { count, ids } = fixture.columns.people;
    fixture.plan.components.forEach((component, i) => {
      for (let p = 0; p < count; p++) {
        const amount = columnar.lineMinor[i * count + p]!;
        const line = objects.lines.find((l) => l.personId === ids[p] && l.component === component.id);
        expect(line?.amountMinor ?? NaN, `${component.id} of ${ids[p]}`).toBe(amount);
      }
    });
    // the three components all pay someone, and some override gates fail
    for (const type of ['commission', 'spiff', 'override']) {
      expect(
        objects.lines.some((l) => l.type === type && l.amountMinor > 0),
        type,
      ).toBe(true);
    }
    expect(objects.findings.some((f) => f.rule === 'payout.override-gated')).toBe(true);
  });

  it('amounts-only runs carry no traces; traced runs do', () => {
    const fixture = makePayoutFixture({ transactions: 200, people: 20, seed: 1 });
    expect(computePayoutsColumnar(fixture.columns).traces).toBeNull();
    const traced = computePayoutsColumnar(fixture.columns, { trace: true });
    expect(traced.traces?.[0]?.[0]?.step).toBe('credit');
  });

  it('keeps credit exact past 2^53 units by summing those cells in bigint', () => {
    const tiny = commission(0.000001);
    // three sales of 40,000,000,000,000.01 = 4,000,000,000,000,001 fen each: 12,000,000,000,000,003 fen,
    // past 2^53 = 9,007,199,254,740,992, where floats would drop the 3
    const req = request([tiny], {
      quotas: [quota('alice', 1)],
      transactions: [1, 2, 3].map(() => sale('alice', 40_000_000_000_000.01)),
    });
    const columns = toColumnar(req);
    const { credits } = computePayoutsColumnar(columns);
    expect(credits.units(credits.metric('revenue'), 0)).toBe(
      12_000_000_000_000_003n * BigInt(columns.actuals.shareScale),
    );
    // 120,000,000,000,000.03 × 0.000001 = 120,000,000.00000003 → 120,000,000.00
    const result = computePayouts(req);
    expect(result.people[0]?.credited).toBe('120000000000000.03');
    expect(result.lines[0]?.amount).toBe('120000000.00');
  });

  it('counts a customer closed by two teams once for each team', () => {
    const gated: Component = { type: 'override', id: 'o', rate: 0.1, gate: { metric: 'visits', min: 1 } };
    const result = computePayouts(
      request([gated], {
        people: [
          rep('m1', { role: 'manager' }),
          rep('m2', { role: 'manager' }),
          rep('a', { managerId: 'm1' }),
          rep('b', { managerId: 'm2' }),
        ],
        transactions: [
          sale('a', 100, { customerId: 'shared' }),
          sale('b', 100, { customerId: 'shared' }),
          sale('b', 100, { customerId: 'shared' }),
          sale('b', 100, { customerId: 'own' }),
        ],
      }),
    );
    const closed = (m: string) =>
      result.lines.find((l) => l.personId === m)?.trace.find((s) => s.step === 'gate.closedCustomers')?.value;
    expect(closed('m1')).toBe(1);
    expect(closed('m2')).toBe(2);
  });
});

describe('shares in millionths', () => {
  it('takes exact millionths as they are', () => {
    expect(sharesInMillionths([0.25, 0.75])).toEqual({ micro: [250_000, 750_000], sumsToOne: true });
    expect(sharesInMillionths([0.5, 0.4])).toEqual({ micro: [500_000, 400_000], sumsToOne: false });
  });

  it('apportions finer shares that sum to 1 by largest remainder', () => {
    // 2/3 = 666,666.67 → 666,667 (larger remainder), 1/3 = 333,333.33 → 333,333
    expect(sharesInMillionths([2 / 3, 1 / 3])).toEqual({ micro: [666_667, 333_333], sumsToOne: true });
  });
});
