// Bonus, override, SPIFF, team pool, performance pay and draws (docs/rules.md, Pay), worked by hand.
import { describe, expect, it } from 'vitest';
import { computePayouts } from '../../src/payout';
import type { Component, PayoutRequest } from '../../src/schemas';
import { commission, PERIOD, quota, rep, request, sale } from './helpers';

const lineOf = (result: ReturnType<typeof computePayouts>, personId: string, component: string) =>
  result.lines.find((l) => l.personId === personId && l.component === component);

// A team: manager Mia (who also sells) with reps Ann and Bob.
const team = () => [
  rep('mia', { role: 'manager' }),
  rep('ann', { managerId: 'mia' }),
  rep('bob', { managerId: 'mia' }),
];

describe('bonus by grade multiplier', () => {
  const bonus: Component = {
    type: 'bonus',
    id: 'bonus',
    targetAmount: 2_000,
    multipliers: { S: 1.5, A: 1.2, B: 1 },
  };
  const scores = [
    { personId: 'ann', final: 88, grade: 'A' },
    { personId: 'bob', final: 62, grade: 'C' },
  ];

  it('pays target × multiplier of the grade, prorated by days employed', () => {
    const result = computePayouts(
      request([bonus], { people: [rep('ann'), rep('bob', { hireDate: '2026-03-17' })], scores }),
    );
    // Ann, grade A: 2,000 × 1.2 = 2,400.00
    expect(lineOf(result, 'ann', 'bonus')?.amount).toBe('2400.00');
    // Bob, grade C has no multiplier → 0
    expect(lineOf(result, 'bob', 'bonus')?.amount).toBe('0.00');
  });

  it('prorates: grade A hired 17 March is 2,000 × 1.2 × 15/31 = 1,161.290… → 1,161.29', () => {
    const result = computePayouts(
      request([bonus], { people: [rep('ann', { hireDate: '2026-03-17' })], scores }),
    );
    const line = lineOf(result, 'ann', 'bonus')!;
    expect(line.amount).toBe('1161.29');
    expect(line.trace.map((s) => s.step)).toEqual([
      'grade',
      'targetAmount',
      'multiplier',
      'proration',
      'bonus.prorated',
      'rounding',
    ]);
  });

  it('without a score the bonus is 0 and a finding says why', () => {
    const result = computePayouts(request([bonus], { people: [rep('cat')] }));
    expect(lineOf(result, 'cat', 'bonus')?.amountMinor).toBe(0);
    expect(result.findings.map((f) => f.rule)).toContain('payout.no-score');
  });
});

describe('management override', () => {
  const override = (gate = true): Component => ({
    type: 'override',
    id: 'override',
    rate: 0.02,
    ...(gate ? { gate: { metric: 'visits', min: 3 } } : {}),
  });
  const sales = () => [
    sale('mia', 5_000, { customerId: 'c9' }), // the manager's own: excluded
    sale('ann', 12_000, { customerId: 'c1' }),
    sale('ann', 8_000, { customerId: 'c2' }),
    sale('bob', 10_000, { customerId: 'c2' }), // c2 closed by both: one customer
    sale('bob', 4_000, { customerId: 'c3' }),
    sale('bob', -4_000, { customerId: 'c4' }), // a cancellation closes nothing
  ];
  const run = (visits: number | null, gate = true) =>
    computePayouts(
      request([override(gate)], {
        people: team(),
        transactions: sales(),
        activities:
          visits === null ? [] : [{ personId: 'mia', metric: 'visits', period: PERIOD, value: visits }],
      }),
    );

  it('pays the rate on the team credit, the manager own credit excluded', () => {
    // team: Ann 20,000 + Bob 10,000 = 30,000 (Mia's 5,000 not counted) × 2 % = 600.00
    const result = run(null, false);
    expect(lineOf(result, 'mia', 'override')?.amount).toBe('600.00');
    expect(lineOf(result, 'ann', 'override')).toBeUndefined();
  });

  it('passes the gate at 3 visits per closed customer', () => {
    // closed customers c1, c2, c3 = 3; 9 visits / 3 = 3 ≥ 3 → 600.00
    const line = lineOf(run(9), 'mia', 'override')!;
    expect(line.amount).toBe('600.00');
    expect(line.trace).toEqual([
      { step: 'team', value: 2 },
      { step: 'teamCredit', value: '30000.00' },
      { step: 'rate', value: '0.02' },
      { step: 'gate.visits', value: 9 },
      { step: 'gate.closedCustomers', value: 3 },
      { step: 'gate', value: '3 ≥ 3' },
      { step: 'rounding', value: '600.00 → 600.00 (half-up)' },
    ]);
  });

  it('cancels the override below 3 visits per closed customer, and says why', () => {
    // 8 visits / 3 customers = 2.6667 < 3 → 0
    const result = run(8);
    const line = lineOf(result, 'mia', 'override')!;
    expect(line.amountMinor).toBe(0);
    expect(line.trace.find((s) => s.step === 'gate')?.value).toBe('2.6667 < 3');
    const finding = result.findings.find((f) => f.rule === 'payout.override-gated');
    expect(finding).toMatchObject({ path: 'people[0]', params: { visits: 8, customers: 3, min: 3 } });
    expect(finding?.message).toContain('2.6667');
  });
});

describe('SPIFF per new customer', () => {
  const spiff: Component = { type: 'spiff', id: 'spiff', amount: 500 };

  it('follows the credit shares of the deal that opened the customer, once per customer', () => {
    const result = computePayouts(
      request([spiff], {
        people: team(),
        transactions: [
          // N1 opened 3 March, split half and half: Ann 250, Bob 250
          sale('ann', 6_000, {
            date: '2026-03-03',
            customerId: 'n1',
            isNewCustomer: true,
            credits: [
              { personId: 'ann', share: 0.5 },
              { personId: 'bob', share: 0.5 },
            ],
          }),
          // a second new-customer deal with N1 later in the month pays no second SPIFF
          sale('bob', 2_000, { date: '2026-03-25', customerId: 'n1', isNewCustomer: true }),
          // N2 opened by Ann alone: Ann + 500
          sale('ann', 1_000, { customerId: 'n2', isNewCustomer: true }),
          // N3 opened and cancelled in the month: nets to 0, no SPIFF (clawback)
          sale('bob', 3_000, { customerId: 'n3', isNewCustomer: true }),
          sale('bob', -3_000, { customerId: 'n3', isNewCustomer: true }),
        ],
      }),
    );
    // Ann: 0.5 + 1 = 1.5 new customers × 500 = 750.00; Bob: 0.5 × 500 = 250.00
    expect(lineOf(result, 'ann', 'spiff')?.amount).toBe('750.00');
    expect(lineOf(result, 'ann', 'spiff')?.trace[0]).toEqual({ step: 'newCustomers', value: '1.5' });
    expect(lineOf(result, 'bob', 'spiff')?.amount).toBe('250.00');
    expect(lineOf(result, 'mia', 'spiff')).toBeUndefined();
  });
});

describe('team bonus pool', () => {
  const pool: Component = { type: 'pool', id: 'pool', rate: 0.01 };

  it('shares rate × team credit by final score, largest remainder making the shares sum to the pool', () => {
    const result = computePayouts(
      request([pool], {
        people: team(),
        transactions: [sale('mia', 5_000), sale('ann', 20_000), sale('bob', 10_000)],
        scores: [
          { personId: 'mia', final: 90, grade: 'A' },
          { personId: 'ann', final: 85, grade: 'A' },
          { personId: 'bob', final: 80, grade: 'B' },
        ],
      }),
    );
    // pool = (5,000 + 20,000 + 10,000) × 1 % = 350.00 = 35,000 fen, scores 90 + 85 + 80 = 255
    // Mia 35,000 × 90/255 = 12,352.94 → 12,352 (+1, remainder .94) = 123.53
    // Ann 35,000 × 85/255 = 11,666.67 → 11,666 (+1, remainder .67) = 116.67
    // Bob 35,000 × 80/255 = 10,980.39 → 10,980 (remainder .39)      = 109.80; sum 350.00
    expect(lineOf(result, 'mia', 'pool')?.amount).toBe('123.53');
    expect(lineOf(result, 'ann', 'pool')?.amount).toBe('116.67');
    expect(lineOf(result, 'bob', 'pool')?.amount).toBe('109.80');
    expect(result.totals.amount).toBe('350.00');
    expect(lineOf(result, 'bob', 'pool')?.trace.find((s) => s.step === 'score')?.value).toBe('80 / 255');
  });

  it('a team where no one has a score leaves the pool unshared, with a finding', () => {
    const result = computePayouts(request([pool], { people: team(), transactions: [sale('ann', 1_000)] }));
    expect(result.lines).toEqual([]);
    expect(result.findings.map((f) => f.rule)).toEqual(['payout.pool-no-scores']);
  });
});

describe('performance pay', () => {
  const performance: Component = {
    type: 'performance',
    id: 'performance',
    coefficients: { A: 1.2, B: 1, C: 0.8 },
  };

  it('is base salary × the coefficient of the grade', () => {
    const result = computePayouts(
      request([performance], {
        people: [rep('ann'), rep('bob')],
        baseSalaries: [
          { personId: 'ann', amount: 8_000 },
          { personId: 'bob', amount: 6_543.21 },
        ],
        scores: [
          { personId: 'ann', final: 88, grade: 'A' },
          { personId: 'bob', final: 65, grade: 'C' },
        ],
      }),
    );
    // Ann 8,000 × 1.2 = 9,600.00; Bob 6,543.21 × 0.8 = 5,234.568 → 5,234.57
    expect(lineOf(result, 'ann', 'performance')?.amount).toBe('9600.00');
    expect(lineOf(result, 'bob', 'performance')?.amount).toBe('5234.57');
  });

  it('without a base salary pays 0 with a finding', () => {
    const result = computePayouts(
      request([performance], { scores: [{ personId: 'alice', final: 88, grade: 'A' }] }),
    );
    expect(result.lines[0]?.amountMinor).toBe(0);
    expect(result.findings.map((f) => f.rule)).toEqual(['payout.no-base-salary']);
  });
});

describe('draws', () => {
  // A flat 10 % commission so earnings are easy to read: credited × 0.1.
  const flat = commission(0.1);
  const draw = (recoverable: boolean): Component => ({
    type: 'draw',
    id: 'draw',
    amount: 3_000,
    recoverable,
  });
  const run = (credited: number, recoverable: boolean, extra: Partial<PayoutRequest> = {}) =>
    computePayouts(
      request([draw(recoverable), flat], {
        quotas: [quota('alice', 10_000)],
        transactions: [sale('alice', credited)],
        ...extra,
      }),
    );

  it('non-recoverable: tops earnings up to the draw, and nothing is owed', () => {
    // commission 4,600 × 10 % = 460.00; draw 3,000 → top-up 2,540.00; pay 3,000.00
    const result = run(4_600, false);
    expect(lineOf(result, 'alice', 'draw')?.amount).toBe('2540.00');
    expect(result.totals.amount).toBe('3000.00');
    expect(result.drawBalances).toEqual([]);
    // earnings above the draw: no top-up
    expect(lineOf(run(40_000, false), 'alice', 'draw')?.amount).toBe('0.00');
  });

  it('lists lines in plan order even though draws are computed last', () => {
    expect(run(4_600, false).lines.map((l) => l.component)).toEqual(['draw', 'commission']);
  });

  it('recoverable: the top-up is owed and recovered from later earnings above the draw', () => {
    // run 1: opening −1,000.00; earnings 460.00 → top-up 2,540.00 → closing −3,540.00
    const first = run(4_600, true, { drawBalances: [{ personId: 'alice', amount: -1_000 }] });
    expect(lineOf(first, 'alice', 'draw')?.amount).toBe('2540.00');
    expect(first.drawBalances).toEqual([{ personId: 'alice', amount: '-3540.00', amountMinor: -354_000 }]);
    // run 2, carrying the closing balance: earnings 50,000 × 10 % = 5,000.00, 2,000.00 above the draw
    // → recover 2,000.00 of the 3,540.00 owed; pay 3,000.00; closing −1,540.00
    const second = run(50_000, true, {
      drawBalances: first.drawBalances.map((b) => ({ personId: b.personId, amount: Number(b.amount) })),
    });
    const line = lineOf(second, 'alice', 'draw')!;
    expect(line.amount).toBe('-2000.00');
    expect(second.totals.amount).toBe('3000.00');
    expect(second.drawBalances[0]?.amount).toBe('-1540.00');
    expect(line.trace.map((s) => s.step)).toEqual([
      'earnings',
      'draw',
      'balance.opening',
      'recovery',
      'rounding',
      'balance.closing',
    ]);
    // run 3: earnings 9,000.00, 6,000 above the draw, but only 1,540.00 is owed → recover 1,540.00
    const third = run(90_000, true, { drawBalances: [{ personId: 'alice', amount: -1_540 }] });
    expect(lineOf(third, 'alice', 'draw')?.amount).toBe('-1540.00');
    expect(third.drawBalances[0]?.amountMinor).toBe(0);
  });

  it('prorates the guaranteed amount by days employed', () => {
    // hired 17 March: 3,000 × 15/31 = 1,451.612…; earnings 460.00 → top-up 991.612… → 991.61
    const result = run(4_600, false, { people: [rep('alice', { hireDate: '2026-03-17' })] });
    expect(lineOf(result, 'alice', 'draw')?.amount).toBe('991.61');
  });
});
