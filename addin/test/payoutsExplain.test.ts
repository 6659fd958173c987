// Explain: a payout line's trace from the real engine, turned into readable steps in both languages.
import { computePayouts, type PayoutRequest } from '@teamsheet/shared';
import { describe, expect, it } from 'vitest';
import {
  explainChain,
  explainTrace,
  groupDigits,
  percent,
  shortPercent,
} from '../src/features/payouts/explain';
import { starterCompPlan } from '../src/features/payouts/compPlanSheets';
import { translator } from '../src/i18n';

// One rep, a month, 123,456.00 credited against a quota of 100,000.00, under the template's starter plan:
// marginal tiers 3 % / 5 % / 8 % from 0 / 100 % / 150 %, nothing below 50 %, 500 per new customer.
const request: PayoutRequest = {
  period: '2026-03',
  plan: starterCompPlan('en'),
  people: [{ id: 'r1', name: 'Li Lei', unitId: 't1', role: 'rep' }],
  quotas: [{ personId: 'r1', metric: 'revenue', period: '2026-03', value: 100_000 }],
  transactions: [
    {
      id: 'a',
      date: '2026-03-03',
      amount: 100_000,
      credits: [{ personId: 'r1', share: 1 }],
      isNewCustomer: true,
      customerId: 'c1',
    },
    {
      id: 'b',
      date: '2026-03-20',
      amount: 23_456,
      credits: [{ personId: 'r1', share: 1 }],
      customerId: 'c2',
    },
  ],
};

describe('explain formatter', () => {
  it('groups digits without touching decimals, and shows ratios as percentages', () => {
    expect(groupDigits('1234567.891')).toBe('1,234,567.891');
    expect(groupDigits('-100000.00')).toBe('-100,000.00');
    expect(groupDigits('999.5')).toBe('999.5');
    expect(percent('1.23456')).toBe('123.46 %');
    expect(shortPercent('0.05')).toBe('5 %');
    expect(shortPercent('1.5')).toBe('150 %');
    expect(shortPercent(0.035)).toBe('3.5 %');
  });

  it('explains a marginal commission step by step: 3,000.00 + 23,456.00 × 5 % = 4,172.80', () => {
    const result = computePayouts(request);
    const line = result.lines.find((l) => l.component === 'commission')!;
    expect(line.amount).toBe('4172.80'); // 100,000 × 3 % + 23,456 × 5 %
    expect(explainTrace(line.trace, translator('en'))).toEqual([
      'credited 123,456.00',
      'quota 100,000.00',
      'attainment 123.46 %',
      'tier 0–100 % at 3 %: 100,000.00 × 3 % = 3,000.00',
      'tier 100–150 % at 5 %: 23,456.00 × 5 % = 1,172.80',
      'attainment 123.46 % ≥ threshold 50 %: paid',
      'rounded half up: 4,172.80 → 4,172.80',
    ]);
    expect(explainChain(line.trace, translator('en'))).toBe(
      'credited 123,456.00 → quota 100,000.00 → attainment 123.46 % → tier 0–100 % at 3 %: 100,000.00 × 3 % = 3,000.00 → tier 100–150 % at 5 %: 23,456.00 × 5 % = 1,172.80 → attainment 123.46 % ≥ threshold 50 %: paid → rounded half up: 4,172.80 → 4,172.80',
    );
  });

  it('explains in Chinese with the same numbers', () => {
    const line = computePayouts(request).lines.find((l) => l.component === 'commission')!;
    const steps = explainTrace(line.trace, translator('zh-CN'));
    expect(steps[0]).toBe('计入业绩 123,456.00');
    expect(steps[2]).toBe('达成率 123.46 %');
    expect(steps[4]).toBe('区间 100–150 % 费率 5 %：23,456.00 × 5 % = 1,172.80');
  });

  it('says why nothing is paid below the threshold and for a new-customer bonus counts customers', () => {
    const low = computePayouts({
      ...request,
      transactions: [
        {
          id: 'x',
          date: '2026-03-03',
          amount: 40_000,
          credits: [{ personId: 'r1', share: 1 }],
          isNewCustomer: true,
          customerId: 'c9',
        },
      ],
    });
    const commission = explainTrace(
      low.lines.find((l) => l.component === 'commission')!.trace,
      translator('en'),
    );
    expect(commission).toContain('attainment 40.00 % below threshold 50 %: nothing paid');
    expect(commission.at(-1)).toBe('rounded half up: 0.00 → 0.00');
    const spiff = explainTrace(
      low.lines.find((l) => l.component === 'new-customers')!.trace,
      translator('en'),
    );
    expect(spiff).toEqual(['new customers 1', '500.00 per new customer', 'rounded half up: 500.00 → 500.00']);
  });

  it('names a missing quota and shows unknown steps as they are', () => {
    const none = computePayouts({ ...request, quotas: [] });
    const steps = explainTrace(none.lines.find((l) => l.component === 'commission')!.trace, translator('en'));
    expect(steps[1]).toBe('no quota for the period → no commission');
    expect(explainTrace([{ step: 'custom', value: 7 }], translator('en'))).toEqual(['custom: 7']);
  });
});
