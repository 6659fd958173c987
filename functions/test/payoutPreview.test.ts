import { describe, expect, it } from 'vitest';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { demoOrg } from '@teamsheet/shared/demo';
import { payoutsPreview } from '../src/functions/payoutsPreview';
import { call, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const plan = sampleCompPlan('sales');

describe('POST /api/payouts/preview', () => {
  useFreshStore();

  it('pays a worked example: 120,000 credited on a 100,000 quota in marginal tiers is 5,000 + 1,600', async () => {
    await seedOrg(demo);
    const res = await call(payoutsPreview, {
      method: 'POST',
      path: 'payouts/preview',
      token: await tokenFor('rep-001', demo),
      json: {
        period: '2026-03',
        plan,
        people: [{ id: 'r1', unitId: 'u', role: 'rep', hireDate: '2020-01-01' }],
        quotas: [{ personId: 'r1', metric: 'revenue', period: '2026-03', value: 100000 }],
        // 90,000 alone plus half of 60,000: 120,000 credited → attainment 1.2
        transactions: [
          { id: 't1', date: '2026-03-03', amount: 90000, credits: [{ personId: 'r1', share: 1 }] },
          {
            id: 't2',
            date: '2026-03-09',
            amount: 60000,
            credits: [
              { personId: 'r1', share: 0.5 },
              { personId: 'x', share: 0.5 },
            ],
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    const line = res.json.lines.find((l: { personId: string }) => l.personId === 'r1');
    // 0.05 × 100,000 × 1 + 0.08 × 100,000 × 0.2 = 5,000 + 1,600
    expect(line).toMatchObject({ component: 'commission', amount: '6600.00', amountMinor: 660000 });
    expect(res.json.people[0]).toMatchObject({ personId: 'r1', credited: '120000.00', attainment: 1.2 });
    expect(res.json.totals).toEqual({ amount: '6600.00', amountMinor: 660000 });
    // The other half was credited to someone not in the request: a finding, not a crash.
    expect(res.json.findings.map((f: { rule: string }) => f.rule)).toContain('payout.unknown-person');
  });

  it('refuses a malformed request with 400 and the path of each wrong field', async () => {
    const res = await call(payoutsPreview, {
      method: 'POST',
      path: 'payouts/preview',
      token: await tokenFor('rep-001', demo),
      json: {
        period: '2026-13',
        plan: { ...plan, currency: 'yuan' },
        people: [],
        quotas: [],
        transactions: [{ id: 't1', date: '2026-03-03', amount: 1, credits: [{ personId: 'r1', share: 2 }] }],
      },
    });
    expect(res.status).toBe(400);
    const paths = res.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['period', 'plan.currency', 'transactions[0].credits[0].share']),
    );
  });

  it('refuses a caller who is not signed in with 401', async () => {
    const res = await call(payoutsPreview, { method: 'POST', path: 'payouts/preview', json: {} });
    expect(res.status).toBe(401);
  });
});
