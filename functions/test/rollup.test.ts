import { describe, expect, it } from 'vitest';
import { TEMPLATE_VERSION, type Plan } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { rollup } from '../src/functions/rollup';
import { currentTenant } from '../src/repositories';
import { recordPlanReview, savePlanVersion } from '../src/repositories/plans';
import { call, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const Q1 = ['2026-01', '2026-02', '2026-03'];

/** A Q1 revenue plan of a unit: one row per month owned by `owner`. */
function plan(unitId: string, rows: Record<string, number[]>, templateVersion = TEMPLATE_VERSION): Plan {
  return {
    unitId,
    period: '2026-Q1',
    templateVersion,
    targets: Object.entries(rows).flatMap(([owner, months]) =>
      months.map((value, i) => ({ owner, metric: 'revenue', period: Q1[i]!, value })),
    ),
  };
}

async function submit(p: Plan, author: string, base: number | null, at: string) {
  const res = await savePlanVersion({
    tenantId: currentTenant(),
    plan: p,
    author,
    baseVersion: base,
    summary: { errors: 0, warnings: 0, infos: 0 },
    requestKey: null,
    at,
  });
  if (res.status !== 'created') throw new Error(`plan of ${p.unitId} not stored: ${res.status}`);
  return res.head;
}

async function get(
  unitId: string,
  person: string,
  extra: { headers?: Record<string, string>; since?: string } = {},
) {
  const query = extra.since ? `?since=${encodeURIComponent(extra.since)}` : '';
  return call(rollup, {
    path: `rollup/${unitId}/2026-Q1${query}`,
    params: { unitId, period: '2026-Q1' },
    token: await tokenFor(person, demo),
    headers: extra.headers ?? {},
  });
}

type Row = {
  kind: string;
  unitId: string;
  id: string;
  source: string;
  version: number | null;
  total: number;
  months: number[];
};

describe('GET /api/rollup/{unitId}/{period}', () => {
  useFreshStore();
  let firstEtag = '';

  it('consolidates the East region: latest versions, handed-down target, gap, coverage, missing and stale units', async () => {
    await seedOrg(demo);
    // The company plan hands East its target: 1000, 1100, 1200 (Σ 3300).
    await submit(plan('acme', { east: [1000, 1100, 1200] }), 'admin', null, '2026-01-05T09:00:00.000Z');
    await submit(
      plan('east-hangzhou', { 'east-hangzhou': [250, 250, 250] }, '2025.1'),
      'mgr-east-hangzhou',
      null,
      '2026-01-06T09:00:00.000Z',
    );
    const nanjing = await submit(
      plan('east-nanjing', { 'east-nanjing': [200, 200, 200] }),
      'mgr-east-nanjing',
      null,
      '2026-01-07T09:00:00.000Z',
    );
    await recordPlanReview({
      head: nanjing,
      decision: 'approve',
      by: 'head-east',
      at: '2026-01-07T10:00:00.000Z',
    });
    await submit(
      plan('east-shanghai', { 'east-shanghai': [300, 300, 300] }),
      'mgr-east-shanghai',
      null,
      '2026-01-08T09:00:00.000Z',
    );
    // Version 2 replaces version 1: 400 a month, 100 of it on rep-001's row.
    const rep = demo.people.find((p) => p.unitId === 'east-shanghai' && p.role === 'rep')!.id;
    await submit(
      plan('east-shanghai', { 'east-shanghai': [400, 400, 400], [rep]: [100, 100, 100] }),
      'mgr-east-shanghai',
      1,
      '2026-01-09T09:00:00.000Z',
    );
    // Another region's plan never counts for East.
    await submit(
      plan('north-beijing', { 'north-beijing': [9999, 9999, 9999] }),
      'mgr-north-beijing',
      null,
      '2026-01-09T10:00:00.000Z',
    );

    const res = await get('east', 'head-east');
    expect(res.status).toBe(200);
    const body = res.json;
    expect(body.months).toEqual(Q1);
    const revenue = body.metrics.find((m: { metric: string }) => m.metric === 'revenue');
    expect(revenue.targetSource).toBe('unitTargets');
    expect(revenue.target).toEqual({ total: 3300, months: [1000, 1100, 1200] });
    // Σ children per month: 400 + 250 + 200 = 850; Σ quarter 2550.
    expect(revenue.children).toEqual({ total: 2550, months: [850, 850, 850] });
    expect(revenue.gap).toEqual({ total: 750, months: [150, 250, 350] });
    expect(revenue.coverage.total).toBeCloseTo(2550 / 3300, 12);
    expect(revenue.coverage.months[0]).toBeCloseTo(0.85, 12);
    expect(revenue.coverage.months[2]).toBeCloseTo(850 / 1200, 12);
    expect(body.summary).toEqual({ expected: 4, submitted: 2, approved: 1, missing: 1, staleTemplates: 1 });
    expect(body.missing).toEqual([
      expect.objectContaining({ unitId: 'east-suzhou', managerId: 'mgr-east-suzhou' }),
    ]);
    expect(body.staleTemplates).toEqual([
      expect.objectContaining({ unitId: 'east-hangzhou', templateVersion: '2025.1' }),
    ]);
    const shanghai = body.rows.find((r: Row) => r.id === 'east-shanghai');
    expect(shanghai).toMatchObject({ source: 'plan', version: 2, total: 1200, months: [400, 400, 400] });
    expect(body.rows.find((r: Row) => r.id === rep)).toMatchObject({ kind: 'person', total: 300 });
    expect(body.rows.some((r: Row) => r.unitId.startsWith('north'))).toBe(false);
    expect(body.delta).toBe(false);
    expect(body.asOf).toBe('2026-01-09T09:00:00.000Z');
    firstEtag = res.headers.get('etag')!;
    expect(firstEtag).toMatch(/^"o1\.t[0-9a-z]+\.[0-9a-f]{16}"$/);
    expect(body.etag).toBe(firstEtag);
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const res = await get('east', 'head-east', { headers: { 'if-none-match': firstEtag } });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(firstEtag);
    expect(res.text).toBe('');
  });

  it('lets a team manager see their team, finance any unit, and refuses others with 403', async () => {
    expect((await get('east-shanghai', 'mgr-east-shanghai')).status).toBe(200);
    expect((await get('east', 'finance-1')).status).toBe(200);
    const north = await get('east', 'head-north');
    expect(north.status).toBe(403);
    expect(north.headers.get('content-type')).toContain('application/problem+json');
    expect((await get('east', 'mgr-east-shanghai')).status).toBe(403);
    const rep = demo.people.find((p) => p.role === 'rep')!.id;
    expect((await get(demo.people.find((p) => p.id === rep)!.unitId, rep)).status).toBe(403);
  });

  it('answers 404 for an unknown unit and 400 for a bad period or since', async () => {
    const unknown = await get('west', 'admin');
    expect(unknown.status).toBe(404);
    expect(unknown.json.detail).toContain('west');
    const bad = await call(rollup, {
      path: 'rollup/east/2026-Q5',
      params: { unitId: 'east', period: '2026-Q5' },
      token: await tokenFor('admin', demo),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('period');
    expect((await get('east', 'admin', { since: 'yesterday' })).status).toBe(400);
  });

  it('with ?since=<ETag> sends only the units whose plan changed, and the regions above them', async () => {
    await submit(
      plan('east-shanghai', { 'east-shanghai': [500, 500, 500] }),
      'mgr-east-shanghai',
      2,
      '2026-01-10T09:00:00.000Z',
    );
    const full = await get('east', 'head-east');
    expect(full.headers.get('etag')).not.toBe(firstEtag);
    const delta = await get('east', 'head-east', { since: firstEtag });
    expect(delta.status).toBe(200);
    expect(delta.json.delta).toBe(true);
    expect(delta.json.changedUnits).toEqual(['east-shanghai']);
    expect([...new Set(delta.json.rows.map((r: Row) => r.unitId))]).toEqual(['east', 'east-shanghai']);
    // The totals are whole: Σ children is now 500 + 250 + 200 = 950 a month.
    const revenue = delta.json.metrics.find((m: { metric: string }) => m.metric === 'revenue');
    expect(revenue.children.total).toBe(2850);
    expect(delta.json.rows.find((r: Row) => r.id === 'east-shanghai')).toMatchObject({
      version: 3,
      total: 1500,
    });
    // The same by time, and nothing new since the latest ETag.
    const byTime = await get('east', 'head-east', { since: '2026-01-09T12:00:00Z' });
    expect(byTime.json.changedUnits).toEqual(['east-shanghai']);
    expect((await get('east', 'head-east', { since: full.headers.get('etag')! })).status).toBe(304);
  });
});
