// The money type (issue 4: "money never passes through binary floating point in the payout path,
// enforced by the money type"). `Minor` is a branded number: a plain number such as 0.1 + 0.2 or
// amount × share cannot go where minor units are required. The `@ts-expect-error` lines below are
// assertions the compiler checks (`tsc -b` type-checks the tests): were `Minor` a bare `number` alias
// again, each directive would be unused, which is itself a type error, and the build would fail.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { asMinor, formatMinor, mulRate, sumMinor, toMinor, type Minor } from '../../src/money';
import {
  computePayouts,
  computePayoutsColumnar,
  toColumnar,
  type ColumnarPayoutResult,
  type PayoutMoney,
} from '../../src/payout';
import type { LineContext } from '../../src/payout/components';
import * as q from '../../src/payout/exact';
import { payoutExportRows, type PayoutExportRow } from '../../src/payout/export';
import { roundStep } from '../../src/payout/steps';
import { commission, quota, request, sale } from './helpers';

describe('Minor is a brand the compiler enforces', () => {
  it('a plain number is not Minor; a Minor is still a number, and arithmetic on it gives a number', () => {
    expectTypeOf<number>().not.toExtend<Minor>();
    expectTypeOf(0.1 + 0.2).not.toExtend<Minor>();
    expectTypeOf<Minor>().toExtend<number>();
    const ten = toMinor('0.10');
    const twenty = toMinor('0.20');
    expectTypeOf(ten).toEqualTypeOf<Minor>();
    // Minor + Minor is a plain number again: a sum becomes money through sumMinor (checked, exact).
    expectTypeOf(ten + twenty).toEqualTypeOf<number>();
    // @ts-expect-error a sum of Minor is a number until it is checked
    const unchecked: Minor = ten + twenty;
    expect(unchecked).toBe(30);
    expect(sumMinor([ten, twenty])).toBe(30);
  });

  it('formatMinor refuses 0.1 + 0.2 at compile time, and at run time for a caller that casts', () => {
    // @ts-expect-error 0.1 + 0.2 is a binary float, not minor units
    expect(() => formatMinor(0.1 + 0.2)).toThrow(RangeError);
    expect(formatMinor(asMinor(30))).toBe('0.30');
  });

  it('amount × share is not a line amount: 1.00 × 0.07 is 7.000000000000001 as a float, mulRate gives 7', () => {
    const amount = toMinor('1.00'); // 100 fen
    const share = 0.07;
    // @ts-expect-error amount × share is a float product, not a line amount
    const line: PayoutMoney = { amount: '0.07', amountMinor: amount * share };
    expect(line.amountMinor).toBe(7.000000000000001);
    expect(() => asMinor(amount * share, 'line amount')).toThrow(/line amount/);
    // The exact way: 100 × 7/100 = 7 fen, one rounding, and the result is Minor.
    const exact = mulRate(amount, share, 'half-up');
    expectTypeOf(exact).toEqualTypeOf<Minor>();
    expect(exact).toBe(7);
  });

  it("the engine's line writer takes Minor only: 10,000 × 0.07 as a float is refused, the exact step is not", () => {
    expectTypeOf<Parameters<LineContext['emit']>[1]>().toEqualTypeOf<Minor>();
    expectTypeOf<ReturnType<LineContext['earnedSoFar']>>().toEqualTypeOf<Minor>();
    expectTypeOf<ReturnType<typeof roundStep>>().toEqualTypeOf<Minor>();
    expectTypeOf<ReturnType<typeof q.roundToMinor>>().toEqualTypeOf<Minor>();
    expectTypeOf<ColumnarPayoutResult['totalMinor']>().toEqualTypeOf<Minor>();
    expectTypeOf<PayoutMoney['amountMinor']>().toEqualTypeOf<Minor>();
    expectTypeOf<PayoutExportRow['amountMinor']>().toEqualTypeOf<Minor>();
    const written: number[] = [];
    const emit: LineContext['emit'] = (_person, amount) => {
      written.push(amount);
    };
    const base = asMinor(10_000); // 100.00
    // @ts-expect-error 10,000 × 0.07 in binary floating point is 700.0000000000001, not minor units
    emit(0, base * 0.07, null);
    // The steps' way: the exact ratio 10,000 × 7/100 = 700, rounded once to a Minor.
    emit(0, q.roundToMinor(q.mul(q.minorRatio(base), q.decimalRatio(0.07)), 'half-up'), null);
    expect(written).toEqual([700.0000000000001, 700]);
  });
});

describe('the payout path hands out Minor', () => {
  // Quota 10,000.00, one sale of 12,345.67 at a flat 3 %: 12,345.67 × 0.03 = 370.3701 → 370.37.
  const req = request([commission(0.03)], {
    quotas: [quota('alice', 10_000)],
    transactions: [sale('alice', 12_345.67)],
  });

  it('computePayouts: line, person and total are 37,037 fen, typed Minor, formatted without a cast', () => {
    const result = computePayouts(req);
    expectTypeOf(result.totals.amountMinor).toEqualTypeOf<Minor>();
    expect(result.lines.map((l) => [l.component, l.amountMinor])).toEqual([['commission', 37_037]]);
    expect(result.people[0]!.amountMinor).toBe(37_037);
    expect(result.totals.amountMinor).toBe(37_037);
    expect(formatMinor(result.totals.amountMinor)).toBe('370.37');
  });

  it('computePayoutsColumnar: the same 37,037 fen as a Minor total', () => {
    const result = computePayoutsColumnar(toColumnar(req));
    expectTypeOf(result.totalMinor).toEqualTypeOf<Minor>();
    expect(result.totalMinor).toBe(37_037);
    expect(result.lineMinor[0]).toBe(37_037);
  });

  it('the export checks a stored amount where it enters: 37037 → "370.37", 370.37 (major units by mistake) throws', () => {
    const input = {
      period: '2026-03',
      runId: 'run-1',
      hash: 'h',
      currency: 'CNY',
      people: [{ id: 'alice', name: 'Alice', unitId: 'team-1' }],
    };
    const rows = payoutExportRows({
      ...input,
      lines: [{ personId: 'alice', component: 'commission', amountMinor: 37_037 }],
    });
    expect(rows.map((r) => [r.amount, r.amountMinor])).toEqual([['370.37', 37_037]]);
    expect(() =>
      payoutExportRows({
        ...input,
        lines: [{ personId: 'alice', component: 'commission', amountMinor: 370.37 }],
      }),
    ).toThrow(/lines\[0\]\.amountMinor must be a safe integer of minor units, got 370\.37/);
  });
});
