// A change that repeats an earlier transition (content A over B a second time) is its own audit entry:
// the soak found 65 entries for 66 plan versions when a manager went back and forth between two plans.
import { describe, expect, it } from 'vitest';
import type { Plan } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { plans } from '../src/functions/plans';
import { call, findDocs, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const unitId = 'east-shanghai';
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const plan = (monthly: number): Plan => ({
  unitId,
  period: '2026',
  templateVersion: '1',
  targets: [
    { owner: unitId, metric: 'revenue', period: '2026', value: monthly * 12 },
    ...months.map((period) => ({ owner: unitId, metric: 'revenue', period, value: monthly })),
  ],
});

describe('the audit trail of a plan going back and forth', () => {
  useFreshStore();

  it('has one entry per version, also when a transition repeats, and one for a retried submit', async () => {
    await seedOrg(demo);
    const token = await tokenFor(`mgr-${unitId}`, demo);
    let tag: string | null = null;
    for (const [i, monthly] of [100_000, 110_000, 100_000, 110_000].entries()) {
      const headers: Record<string, string> = { 'idempotency-key': `k${i}` };
      if (tag) headers['if-match'] = tag;
      const send = () =>
        call(plans, {
          method: 'PUT',
          path: `plans/${unitId}/2026`,
          params: { unitId, period: '2026' },
          token,
          json: plan(monthly),
          headers,
        });
      const res = await send();
      expect(res.status, res.text).toBe(201);
      expect((await send()).status).toBe(201); // the retry: the stored answer, no second entry
      tag = res.headers.get('etag');
    }
    const entries = await findDocs<{ action: string; seq: number }>('audit', { action: 'plan.submit' });
    expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
  });
});
