// Small builders for payout requests, so each test states only the numbers it is about.
import type { Component, PayoutRequest, Person, Transaction } from '../../src/schemas';

export const PERIOD = '2026-03'; // 31 days

export function rep(id: string, extra: Partial<Person> = {}): Person {
  return { id, unitId: 'team-1', role: 'rep', ...extra };
}

let counter = 0;
/** A transaction in the period credited wholly to `personId` unless `credits` are given. */
export function sale(personId: string, amount: number, extra: Partial<Transaction> = {}): Transaction {
  counter += 1;
  return {
    id: extra.id ?? `t${counter}`,
    date: '2026-03-15',
    amount,
    credits: [{ personId, share: 1 }],
    ...extra,
  };
}

export function request(
  components: Component[],
  extra: Partial<Omit<PayoutRequest, 'plan'>> & { rounding?: 'half-up' | 'half-even' } = {},
): PayoutRequest {
  const { rounding, ...rest } = extra;
  return {
    period: PERIOD,
    plan: { id: 'plan', name: 'Test plan', currency: 'CNY', components, ...(rounding ? { rounding } : {}) },
    people: [rep('alice')],
    quotas: [],
    transactions: [],
    ...rest,
  };
}

export function quota(personId: string, value: number, metric = 'revenue') {
  return { personId, metric, period: PERIOD, value };
}

/** The tiers of the worked examples in these tests: 2 % up to quota, 4 % to 150 %, 6 % beyond. */
export const tiers = [
  { from: 0, to: 1, rate: 0.02 },
  { from: 1, to: 1.5, rate: 0.04 },
  { from: 1.5, to: null, rate: 0.06 },
];

/** A commission in `mode` over the given tiers (default: one flat rate), on revenue. */
export function commission(
  rates: number | { from: number; to: number | null; rate: number }[],
  extra: Partial<Extract<Component, { type: 'commission' }>> = {},
): Component {
  const tierList = typeof rates === 'number' ? [{ from: 0, to: null, rate: rates }] : rates;
  return {
    type: 'commission',
    id: 'commission',
    metric: 'revenue',
    mode: 'marginal',
    tiers: tierList,
    ...extra,
  };
}
