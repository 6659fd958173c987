import { describe, expect, it } from 'vitest';
import type { Plan } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { validate } from '../src/functions/validate';
import { plans } from '../src/functions/plans';

import { saveMetricActuals } from '../src/repositories/actuals';
import { call, findDocs, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

const shanghai: Plan = {
  unitId: 'east-shanghai',
  period: '2026',
  templateVersion: '1',
  targets: [
    { owner: 'east-shanghai', metric: 'revenue', period: '2026', value: 1_200_000 },
    ...months.map((period) => ({ owner: 'east-shanghai', metric: 'revenue', period, value: 100_000 })),
  ],
};

/** The region's plan hands 1,500,000 down to Shanghai and to each other team. */
const east: Plan = {
  unitId: 'east',
  period: '2026',
  templateVersion: '1',
  targets: [
    { owner: 'east', metric: 'revenue', period: '2026', value: 6_000_000 },
    ...['east-shanghai', 'east-hangzhou', 'east-nanjing', 'east-suzhou'].map((owner) => ({
      owner,
      metric: 'revenue',
      period: '2026',
      value: 1_500_000,
    })),
  ],
};

async function post(person: string, body: unknown, headers: Record<string, string> = {}) {
  return call(validate, {
    method: 'POST',
    path: 'plans/validate',
    token: await tokenFor(person, demo),
    json: body,
    headers,
  });
}

async function historyCount(): Promise<number> {
  return (await findDocs('history')).length + (await findDocs('actuals')).length;
}

describe('POST /api/plans/validate', () => {
  useFreshStore();

  it('checks a plan against the context in the request: 300,000 short of what the parent handed down', async () => {
    const res = await post('mgr-east-shanghai', {
      plan: shanghai,
      context: {
        org: { units: demo.units, people: demo.people },
        parentTargets: [{ owner: 'east-shanghai', metric: 'revenue', period: '2026', value: 1_500_000 }],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.summary).toEqual({ errors: 1, warnings: 0, infos: 0 });
    expect(res.json.findings).toEqual([
      expect.objectContaining({
        rule: 'relevant.children-do-not-sum',
        severity: 'error',
        path: 'targets[0].value',
        message: expect.stringContaining('300,000 short of the 1,500,000'),
      }),
    ]);
  });

  it('answers in Chinese and counts a vague goal without a store or an org', async () => {
    const res = await post(
      'rep-001',
      {
        plan: { ...shanghai, goals: [{ id: 'G1', owner: 'east-shanghai', objective: '增强客户意识' }] },
        context: {},
      },
      { 'accept-language': 'zh-CN' },
    );
    expect(res.status).toBe(200);
    expect(res.json.summary).toEqual({ errors: 1, warnings: 2, infos: 0 });
    const vague = res.json.findings.find((f: { rule: string }) => f.rule === 'specific.vague-wording');
    expect(vague.path).toBe('goals[0].objective');
    expect(vague.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('builds the context from the store: the parent plan\u2019s row for the unit and last year\u2019s actuals', async () => {
    await seedOrg(demo);
    const stored = await call(plans, {
      method: 'PUT',
      path: 'plans/east/2026',
      params: { unitId: 'east', period: '2026' },
      token: await tokenFor('head-east', demo),
      json: east,
    });
    expect(stored.status).toBe(201);
    // Last year's metric actuals, stored as POST /api/actuals stores them: 50,000 a month for Shanghai.
    await saveMetricActuals({
      tenantId: 'demo',
      period: '2025',
      rows: months.map((m) => ({
        owner: 'east-shanghai',
        metric: 'revenue',
        period: `2025${m.slice(4)}`,
        value: 50_000,
      })),
      who: 'finance-1',
    });
    const before = await historyCount();
    const res = await post('mgr-east-shanghai', { plan: shanghai });
    expect(res.status).toBe(200);
    const rules = res.json.findings.map((f: { rule: string; path: string }) => `${f.rule} ${f.path}`);
    expect(rules).toContain('relevant.children-do-not-sum targets[0].value');
    // 100,000 a month against 50,000 last year is +100 %, above the +50 % band: a warning per month,
    // and one for the year (1,200,000 against the 600,000 that last year's months add up to).
    const growth = res.json.findings.filter(
      (f: { rule: string }) => f.rule === 'attainable.growth-above-band',
    );
    expect(growth).toHaveLength(13);
    expect(growth[0].path).toBe('targets[0].value');
    expect(growth[0].message).toContain("100% above last year's 600,000");
    expect(growth[1].message).toContain("100% above last year's 50,000");
    expect(res.json.summary).toEqual({ errors: 1, warnings: 13, infos: 0 });
    expect(await historyCount()).toBe(before);
  });

  it('refuses a store-built check of a unit outside the caller\u2019s scope with 403', async () => {
    const res = await post('mgr-north-beijing', { plan: shanghai });
    expect(res.status).toBe(403);
  });

  it('refuses malformed requests with 400 and paths: a string value, month 13, a date that does not exist', async () => {
    const p = {
      ...shanghai,
      targets: shanghai.targets.map((t, i) => (i === 2 ? { ...t, value: 'lots' } : t)),
    };
    const wrong = await post('mgr-east-shanghai', { plan: p });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors.map((e: { path: string }) => e.path)).toEqual(['plan.targets[2].value']);
    const month13 = await post('mgr-east-shanghai', { plan: { ...shanghai, period: '2026-13' } });
    expect(month13.json.errors.map((e: { path: string }) => e.path)).toEqual(['plan.period']);
    const noPlan = await post('mgr-east-shanghai', { context: {} });
    expect(noPlan.json.errors.map((e: { path: string }) => e.path)).toEqual(['plan']);
    const feb30 = await post('mgr-east-shanghai', { plan: shanghai, context: {}, today: '2026-02-30' });
    expect(feb30.status).toBe(400);
    expect(feb30.json.errors.map((e: { path: string }) => e.path)).toEqual(['today']);
  });

  it('refuses a caller who is not signed in with 401', async () => {
    const res = await call(validate, { method: 'POST', path: 'plans/validate', json: { plan: shanghai } });
    expect(res.status).toBe(401);
  });
});
