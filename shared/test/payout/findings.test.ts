// Findings of a payout (docs/rules.md, Pay): who is unknown, shares that do not sum to 1, people under no
// plan, missing quotas, rows outside the period; each with its path and its numbers, in en and zh-CN.
import { describe, expect, it } from 'vitest';
import { computePayouts } from '../../src/payout';
import { messageCatalogs } from '../../src/messages/index';
import { commission, quota, rep, request, sale } from './helpers';

const flat = commission(0.1);

describe('payout findings', () => {
  it('a credit to someone not among the people is left out and named by its path', () => {
    const result = computePayouts(
      request([flat], {
        quotas: [quota('alice', 1_000)],
        transactions: [
          sale('alice', 100),
          sale('alice', 500, {
            credits: [
              { personId: 'ghost', share: 0.4 },
              { personId: 'alice', share: 0.6 },
            ],
          }),
        ],
      }),
    );
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        rule: 'payout.unknown-person',
        severity: 'error',
        path: 'transactions[1].credits[0].personId',
        params: { personId: 'ghost' },
      }),
    );
    // alice keeps her own 60 %: 100 + 300 = 400 credited → 40.00
    expect(result.people[0]?.credited).toBe('400.00');
    expect(result.lines[0]?.amount).toBe('40.00');
  });

  it('shares that do not sum to 1 are reported with their sum and credited as given', () => {
    const result = computePayouts(
      request([flat], {
        people: [rep('ann'), rep('bob')],
        quotas: [quota('ann', 1_000), quota('bob', 1_000)],
        transactions: [
          sale('ann', 1_000, {
            credits: [
              { personId: 'ann', share: 0.5 },
              { personId: 'bob', share: 0.4 },
            ],
          }),
        ],
      }),
    );
    const finding = result.findings.find((f) => f.rule === 'payout.shares-not-one');
    expect(finding).toMatchObject({
      severity: 'error',
      path: 'transactions[0].credits',
      params: { sum: '0.9' },
    });
    expect(finding?.message).toBe(
      'The credit shares of transaction "t3" sum to 90%, not 100%; credit is given as the shares say. Correct the shares so they sum to 100%.',
    );
    expect(result.people.map((p) => p.credited)).toEqual(['500.00', '400.00']);
  });

  it('thirds typed as 1/3 sum to 1 and are apportioned by largest remainder: no money is made or lost', () => {
    const third = 1 / 3;
    const result = computePayouts(
      request([flat], {
        people: [rep('ann'), rep('bob'), rep('cy')],
        transactions: [
          sale('ann', 1_000, {
            credits: [
              { personId: 'ann', share: third },
              { personId: 'bob', share: third },
              { personId: 'cy', share: third },
            ],
          }),
        ],
      }),
    );
    expect(result.findings.map((f) => f.rule)).not.toContain('payout.shares-not-one');
    // 1,000,000 millionths: 333,334 + 333,333 + 333,333 → 333.334 + 333.333 + 333.333 = 1,000.000
    expect(result.lines.map((l) => l.trace[0]?.value)).toEqual(['333.334', '333.333', '333.333']);
  });

  it('someone credited but under no plan: a finance person, or someone not employed in the period', () => {
    const result = computePayouts(
      request([flat], {
        people: [rep('fay', { role: 'finance' }), rep('old', { exitDate: '2026-02-28' }), rep('ann')],
        quotas: [quota('ann', 1_000), quota('old', 1_000)],
        transactions: [sale('fay', 100), sale('ann', 100)],
      }),
    );
    const noPlan = result.findings.filter((f) => f.rule === 'payout.no-plan');
    expect(noPlan.map((f) => [f.path, f.params?.role, f.params?.daysEmployed])).toEqual([
      ['people[0]', 'finance', 31],
      ['people[1]', 'rep', 0],
    ]);
    expect(result.lines.map((l) => l.personId)).toEqual(['ann']);
    expect(result.people.map((p) => p.personId)).toEqual(['ann']);
  });

  it('a transaction dated outside the period is left out with a warning', () => {
    const result = computePayouts(
      request([flat], {
        quotas: [quota('alice', 1_000)],
        transactions: [sale('alice', 100), sale('alice', 900, { date: '2026-04-01' })],
      }),
    );
    expect(result.findings).toContainEqual(
      expect.objectContaining({ rule: 'payout.outside-period', path: 'transactions[1].date' }),
    );
    expect(result.people[0]?.credited).toBe('100.00');
  });

  it('speaks the user language', () => {
    const result = computePayouts(request([flat], { transactions: [sale('alice', 100)] }), {
      locale: 'zh-CN',
    });
    expect(result.findings[0]).toMatchObject({ rule: 'payout.no-quota' });
    expect(result.findings[0]?.message).toBe(
      'alice 没有 2026-03 的 revenue 指标额（组件 commission），设定指标额前不发提成。',
    );
  });

  it('every payout message exists in both languages with the same placeholders', () => {
    const { en, 'zh-CN': zh } = messageCatalogs.payout!;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) expect(placeholders(zh[key]!), key).toEqual(placeholders(en[key]!));
  });

  it('caps a flood of one rule at 100 findings and counts the rest', () => {
    const transactions = Array.from({ length: 150 }, (_, i) => sale('ghost', 1, { id: `g${i}` }));
    const result = computePayouts(request([flat], { quotas: [quota('alice', 1)], transactions }));
    expect(result.findings.filter((f) => f.rule === 'payout.unknown-person')).toHaveLength(100);
    expect(result.findings.at(-1)).toMatchObject({
      rule: 'payout.more-findings',
      params: { count: 150, shown: 100 },
    });
  });

  it("a team manager whose own manager is outside the payout's people raises no finding", () => {
    const result = computePayouts(
      request([flat], {
        people: [
          rep('boss', { role: 'manager', managerId: 'regional-head-elsewhere' }),
          rep('alice', { managerId: 'boss' }),
        ],
        quotas: [quota('alice', 1_000)],
        transactions: [sale('alice', 100)],
      }),
    );
    expect(result.findings.filter((f) => f.rule === 'payout.unknown-person')).toEqual([]);
  });
});
