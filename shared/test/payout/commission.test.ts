// Commission (docs/rules.md, Pay) worked by hand: each expectation's arithmetic is in the comment above it.
import { describe, expect, it } from 'vitest';
import { computePayouts } from '../../src/payout';
import type { Component } from '../../src/schemas';
import { commission, quota, rep, request, sale, tiers } from './helpers';

const marginal = (extra: Partial<Extract<Component, { type: 'commission' }>> = {}) =>
  commission(tiers, extra);

function commissionOf(credited: number[], extra: Partial<Extract<Component, { type: 'commission' }>> = {}) {
  const result = computePayouts(
    request([marginal(extra)], {
      quotas: [quota('alice', 10_000)],
      transactions: credited.map((amount) => sale('alice', amount)),
    }),
  );
  const line = result.lines.find((l) => l.component === 'commission');
  if (!line) throw new Error('no commission line');
  return line;
}

describe('commission, marginal mode', () => {
  it('pays each slice of attainment at its own rate', () => {
    // quota 10,000, credited 16,000 → a = 1.6
    // [0,1): 10,000 × 2 % = 200; [1,1.5): 5,000 × 4 % = 200; [1.5,∞): 1,000 × 6 % = 60 → 460.00
    const line = commissionOf([10_000, 6_000]);
    expect(line.amount).toBe('460.00');
    expect(line.amountMinor).toBe(46_000);
  });

  it('records every step in the trace, in pipeline order', () => {
    const line = commissionOf([16_000]);
    expect(line.trace.map((s) => s.step)).toEqual([
      'credit',
      'quota',
      'attainment',
      'tier',
      'tier',
      'tier',
      'rounding',
    ]);
    expect(line.trace).toEqual([
      { step: 'credit', value: '16000.00' },
      { step: 'quota', value: '10000.00' },
      { step: 'attainment', value: '1.6' },
      { step: 'tier', value: '[0, 1) × 0.02: 10000.00 × 0.02 = 200.00' },
      { step: 'tier', value: '[1, 1.5) × 0.04: 5000.00 × 0.04 = 200.00' },
      { step: 'tier', value: '[1.5, ∞) × 0.06: 1000.00 × 0.06 = 60.00' },
      { step: 'rounding', value: '460.00 → 460.00 (half-up)' },
    ]);
  });

  it('below quota pays only the first slice', () => {
    // credited 7,500 → a = 0.75 → 7,500 × 2 % = 150.00
    expect(commissionOf([7_500]).amount).toBe('150.00');
  });

  it('pays nothing below the threshold and in full from it', () => {
    // threshold 0.8: credited 7,000 → a = 0.7 < 0.8 → 0; credited 8,000 → 8,000 × 2 % = 160.00
    const below = commissionOf([7_000], { threshold: 0.8 });
    expect(below.amount).toBe('0.00');
    expect(below.trace.find((s) => s.step === 'threshold')?.value).toBe('0.7 < 0.8');
    expect(commissionOf([8_000], { threshold: 0.8 }).amount).toBe('160.00');
  });

  it('counts attainment at most capAttainment', () => {
    // cap 1.2: credited 16,000 counts as 12,000 → 10,000 × 2 % + 2,000 × 4 % = 200 + 80 = 280.00
    const line = commissionOf([16_000], { capAttainment: 1.2 });
    expect(line.amount).toBe('280.00');
    expect(line.trace.find((s) => s.step === 'attainment.capped')?.value).toBe('1.2');
  });

  it('pays at most capAmount', () => {
    // 460.00 by the tiers, capped at 300.00
    const line = commissionOf([16_000], { capAmount: 300 });
    expect(line.amount).toBe('300.00');
    expect(line.trace.map((s) => s.step)).toContain('capAmount');
  });

  it('a negative transaction (cancellation) claws back credit', () => {
    // 10,000 + 6,000 − 4,000 = 12,000 → a = 1.2 → 200 + 2,000 × 4 % = 280.00
    expect(commissionOf([10_000, 6_000, -4_000]).amount).toBe('280.00');
  });

  it('a net negative credit pays no commission', () => {
    // 1,000 − 3,000 = −2,000 → every slice is empty → 0
    const line = commissionOf([1_000, -3_000]);
    expect(line.amountMinor).toBe(0);
    expect(line.trace.find((s) => s.step === 'tier')?.value).toBe('none');
  });
});

describe('commission, retroactive mode', () => {
  it('pays the whole credit at the rate of the tier reached', () => {
    // a = 1.6 reaches [1.5, ∞) → 16,000 × 6 % = 960.00
    expect(commissionOf([16_000], { mode: 'retroactive' }).amount).toBe('960.00');
    // a = 1.2 reaches [1, 1.5) → 12,000 × 4 % = 480.00
    expect(commissionOf([12_000], { mode: 'retroactive' }).amount).toBe('480.00');
    // a = 0.5 stays in [0, 1) → 5,000 × 2 % = 100.00
    expect(commissionOf([5_000], { mode: 'retroactive' }).amount).toBe('100.00');
  });

  it('with capAttainment pays the capped credit at the capped tier', () => {
    // cap 1.2: 16,000 counts as 12,000 at the [1, 1.5) rate → 12,000 × 4 % = 480.00
    expect(commissionOf([16_000], { mode: 'retroactive', capAttainment: 1.2 }).amount).toBe('480.00');
  });
});

describe('quota proration by days employed', () => {
  function prorated(person: Parameters<typeof rep>[1], quotaValue: number, credited: number) {
    const result = computePayouts(
      request([marginal()], {
        people: [rep('alice', person)],
        quotas: [quota('alice', quotaValue)],
        transactions: [sale('alice', credited, { date: '2026-03-20' })],
      }),
    );
    return { line: result.lines[0]!, person: result.people[0]! };
  }

  it('hired inside the period: the hire day counts', () => {
    // hired 17 March: 17..31 = 15 of 31 days; quota 31,000 × 15/31 = 15,000; credited 15,000 → a = 1
    // → 15,000 × 2 % = 300.00
    const { line, person } = prorated({ hireDate: '2026-03-17' }, 31_000, 15_000);
    expect(line.amount).toBe('300.00');
    expect(line.trace.slice(1, 4)).toEqual([
      { step: 'quota', value: '31000.00' },
      { step: 'proration', value: '15/31' },
      { step: 'quota.prorated', value: '15000.00' },
    ]);
    expect(person.quota).toBe('15000.00');
    expect(person.attainment).toBe(1);
  });

  it('leaving inside the period: the exit day counts', () => {
    // left 20 March: 1..20 = 20 of 31 days; quota 31,000 × 20/31 = 20,000; credited 24,000 → a = 1.2
    // → 20,000 × 2 % + 4,000 × 4 % = 400 + 160 = 560.00
    expect(prorated({ exitDate: '2026-03-20' }, 31_000, 24_000).line.amount).toBe('560.00');
  });

  it('hired and leaving inside the period: both days count', () => {
    // 5..20 March = 16 days; quota 31,000 × 16/31 = 16,000; credited 8,000 → 8,000 × 2 % = 160.00
    expect(prorated({ hireDate: '2026-03-05', exitDate: '2026-03-20' }, 31_000, 8_000).line.amount).toBe(
      '160.00',
    );
  });

  it('keeps the prorated quota exact until the line rounds once', () => {
    // 10 of 31 days: quota 10,000 × 10/31 = 3,225.806451…; credited 10,000 → a = 3.1
    // slices: 3,225.806451… × 2 % + 1,612.903225… × 4 % + 5,161.290322… × 6 %
    //       = 64.516129… + 64.516129… + 309.677419… = 438.709677… → 438.71
    expect(prorated({ hireDate: '2026-03-22' }, 10_000, 10_000).line.amount).toBe('438.71');
  });
});

describe('one rounding per line, by the plan rule', () => {
  const flat = commission(0.01);
  function flatCommission(credited: number, rounding: 'half-up' | 'half-even') {
    return computePayouts(
      request([flat], { rounding, quotas: [quota('alice', 1_000)], transactions: [sale('alice', credited)] }),
    ).lines[0]!;
  }

  it('half-up sends a half cent away from zero, half-even to the even cent', () => {
    // 100.50 × 1 % = 1.005: half-up → 1.01, half-even → 1.00
    expect(flatCommission(100.5, 'half-up').amount).toBe('1.01');
    expect(flatCommission(100.5, 'half-even').amount).toBe('1.00');
    // 101.50 × 1 % = 1.015: both → 1.02 (2 is even)
    expect(flatCommission(101.5, 'half-up').amount).toBe('1.02');
    expect(flatCommission(101.5, 'half-even').amount).toBe('1.02');
    expect(flatCommission(100.5, 'half-even').trace.at(-1)).toEqual({
      step: 'rounding',
      value: '1.005 → 1.00 (half-even)',
    });
  });

  it('rounds the sum of the tiers once, not each tier', () => {
    const halves = commission([
      { from: 0, to: 1, rate: 0.005 },
      { from: 1, to: 2, rate: 0.005 },
      { from: 2, to: null, rate: 0.005 },
    ]);
    // quota 1.00, credited 3.00 → three slices of 1.00 × 0.5 % = 0.005 each = 0.015 → 0.02 (half-up);
    // rounding each slice would pay 0.01 × 3 = 0.03
    const line = computePayouts(
      request([halves], { quotas: [quota('alice', 1)], transactions: [sale('alice', 3)] }),
    ).lines[0]!;
    expect(line.amount).toBe('0.02');
  });
});

it('a person with no quota gets no commission, a zero line saying so, and a finding', () => {
  const result = computePayouts(request([marginal()], { transactions: [sale('alice', 5_000)] }));
  expect(result.lines[0]!.amountMinor).toBe(0);
  expect(result.lines[0]!.trace.slice(0, 2)).toEqual([
    { step: 'credit', value: '5000.00' },
    { step: 'quota', value: 'missing' },
  ]);
  expect(result.findings).toContainEqual(
    expect.objectContaining({ rule: 'payout.no-quota', severity: 'warning', path: 'people[0]' }),
  );
});
