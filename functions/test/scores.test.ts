// Scoring routes against the embedded store: the stateless compute with a worked example and the
// paths of bad input; stored scoring from a stored plan and uploaded activity logs, kept as v1, v2;
// scope refusals; the activity-log upload with its Idempotency-Key.
import { describe, expect, it } from 'vitest';
import { storedScores, type Plan, type ScoreRequest } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { activities as activitiesRoute } from '../src/functions/activities';
import { scoresCompute } from '../src/functions/scoresCompute';
import { scoresRun } from '../src/functions/scoresRun';
import { currentTenant } from '../src/repositories';
import { savePlanVersion } from '../src/repositories/plans';
import { closePeriod } from '../src/repositories/periods';
import { readActivities } from '../src/repositories/activities';
import { call, findDocs, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const token = (id: string) => tokenFor(id, demo);

/** Two KPI items, a dropped peer group, a deduction and a tie: every number below is checkable by hand. */
const workedExample: ScoreRequest = {
  period: '2026-Q1',
  scorecard: {
    items: [
      { id: 'rev', metric: 'revenue', weight: 60, curve: { type: 'linear', floor: 0.6, cap: 1.2 } },
      {
        id: 'cmp',
        metric: 'complaints',
        weight: 40,
        direction: 'lower',
        curve: { type: 'linear', cap: 1.2 },
      },
    ],
  },
  people: [
    { id: 'a', unitId: 't', role: 'rep' },
    { id: 'b', unitId: 't', role: 'rep' },
    { id: 'c', unitId: 't', role: 'rep' },
  ],
  targets: ['a', 'b', 'c'].flatMap((owner) => [
    { owner, metric: 'revenue', period: '2026-Q1', value: 100_000 },
    { owner, metric: 'complaints', period: '2026-Q1', value: 2 },
  ]),
  actuals: [
    { owner: 'a', metric: 'revenue', period: '2026-Q1', value: 90_000 },
    { owner: 'a', metric: 'complaints', period: '2026-Q1', value: 1 },
    { owner: 'b', metric: 'revenue', period: '2026-Q1', value: 50_000 },
    { owner: 'b', metric: 'complaints', period: '2026-Q1', value: 0 },
    { owner: 'c', metric: 'revenue', period: '2026-Q1', value: 50_000 },
    { owner: 'c', metric: 'complaints', period: '2026-Q1', value: 0 },
  ],
  ratings: [
    { personId: 'a', raterId: 'm', group: 'superior', dimension: 'results', score: 80 },
    { personId: 'a', raterId: 'a', group: 'self', dimension: 'results', score: 90 },
    { personId: 'a', raterId: 'b', group: 'peer', dimension: 'teamwork', score: 40 },
    { personId: 'a', raterId: 'c', group: 'peer', dimension: 'teamwork', score: 40 },
  ],
  deductions: [{ personId: 'a', points: 2, reason: 'late reports' }],
};

describe('POST /api/scores/compute', () => {
  useFreshStore();

  it('scores the worked example: ratios, capped lower-is-better item, dropped peers, deduction, tie', async () => {
    await seedOrg(demo);
    const res = await call(scoresCompute, {
      method: 'POST',
      path: 'scores/compute',
      token: await token('rep-001'),
      json: workedExample,
    });
    expect(res.status).toBe(200);
    const [a, b, c] = res.json.people;
    // a: revenue 90,000 / 100,000 = 0.9 → 90; complaints 2 / 1 = 2, scored at the cap 1.2 → 120.
    expect(a.items).toEqual([
      { id: 'rev', actual: 90_000, target: 100_000, ratio: 0.9, score: 90 },
      { id: 'cmp', actual: 1, target: 2, ratio: 2, score: 120 },
    ]);
    // KPI (60 × 90 + 40 × 120) / 100 = 102; peers (2 < 3) dropped: (50 × 80 + 10 × 90) / 60 = 81.67;
    // final 0.7 × 102 + 0.3 × 81.667 − 2 = 93.9 → A.
    expect(a).toMatchObject({ kpiScore: 102, ratingScore: 81.67, final: 93.9, grade: 'A', rank: 1 });
    // b and c: revenue 0.5 is under the floor 0.6 → 0; no complaints → the cap 1.2 → 120; KPI 48 → D, tied 2nd.
    expect(b).toMatchObject({ kpiScore: 48, final: 48, grade: 'D', rank: 2 });
    expect(c).toMatchObject({ final: 48, rank: 2 });
    expect(res.json.findings.map((f: { rule: string }) => f.rule)).toContain('rating.group-dropped');
  });

  it('answers 400 with the path of each bad field and computes nothing', async () => {
    const bad = {
      ...workedExample,
      period: '2026-13',
      targets: [{ owner: 'a', metric: 'revenue', period: '2026-Q1', value: 'lots' }],
      ratings: [{ personId: 'a', raterId: 'm', group: 'boss', dimension: 'results', score: 120 }],
    };
    const res = await call(scoresCompute, {
      method: 'POST',
      path: 'scores/compute',
      token: await token('rep-001'),
      json: bad,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const paths = res.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['period', 'targets[0].value', 'ratings[0].group', 'ratings[0].score']),
    );
  });

  it('answers 401 without a token', async () => {
    const res = await call(scoresCompute, { method: 'POST', path: 'scores/compute', json: workedExample });
    expect(res.status).toBe(401);
  });
});

const visitsScorecard = {
  items: [{ id: 'visits', metric: 'visits', weight: 100, curve: { type: 'linear', floor: 0.5, cap: 1.2 } }],
};
const monthly = (personId: string, values: [number, number, number]) =>
  values.map((value, i) => ({ personId, metric: 'visits', period: `2026-0${i + 1}`, value }));

describe('activity logs and stored scoring per period', () => {
  useFreshStore();

  it('stores an activity upload once per Idempotency-Key and refuses the key for other content (422)', async () => {
    await seedOrg(demo);
    const plan: Plan = {
      unitId: 'east-shanghai',
      period: '2026',
      templateVersion: '1',
      targets: ['rep-001', 'rep-003', 'rep-004'].flatMap((owner) =>
        ['01', '02', '03'].map((m) => ({ owner, metric: 'visits', period: `2026-${m}`, value: 30 })),
      ),
    };
    const saved = await savePlanVersion({
      tenantId: currentTenant(),
      plan,
      author: 'mgr-east-shanghai',
      baseVersion: null,
      summary: { errors: 0, warnings: 0, infos: 0 },
      requestKey: null,
    });
    expect(saved.status).toBe('created');

    const body = {
      period: '2026-Q1',
      activities: [...monthly('rep-001', [30, 33, 36]), ...monthly('rep-003', [15, 15, 15])],
    };
    const send = async (json: unknown) =>
      call(activitiesRoute, {
        method: 'POST',
        path: 'activities',
        token: await token('mgr-east-shanghai'),
        headers: { 'idempotency-key': 'upload-q1-1' },
        json,
      });
    const first = await send(body);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ period: '2026-Q1', count: 6, people: 2, created: true });
    const again = await send(body);
    expect(again.status).toBe(201);
    expect(again.json.batchId).toBe(first.json.batchId);
    const other = await send({ ...body, activities: monthly('rep-001', [1, 2, 3]) });
    expect(other.status).toBe(422);

    const batches = await findDocs<{ id: string }>('history', { type: 'activities' });
    expect(batches).toHaveLength(1);
  });

  it('refuses activities of a person outside the manager’s team (403) and a month outside the period (400)', async () => {
    const outside = await call(activitiesRoute, {
      method: 'POST',
      path: 'activities',
      token: await token('mgr-east-shanghai'),
      json: {
        period: '2026-Q1',
        activities: [{ personId: 'mgr-north-beijing', metric: 'visits', period: '2026-01', value: 3 }],
      },
    });
    expect(outside.status).toBe(403);
    expect(outside.json.detail).toContain('mgr-north-beijing');
    expect(outside.json.errors).toEqual([{ path: 'activities[0].personId', message: outside.json.detail }]);
    // A person who does not exist gets the same 403 as one outside the team, so existence is not told.
    const unknown = await call(activitiesRoute, {
      method: 'POST',
      path: 'activities',
      token: await token('mgr-east-shanghai'),
      json: {
        period: '2026-Q1',
        activities: [{ personId: 'nobody', metric: 'visits', period: '2026-01', value: 3 }],
      },
    });
    expect(unknown.text.replaceAll('nobody', 'mgr-north-beijing')).toBe(outside.text);
    // The admin sees everyone: there an unknown person is a wrong field.
    const wrongMonth = await call(activitiesRoute, {
      method: 'POST',
      path: 'activities',
      token: await token('admin'),
      json: {
        period: '2026-Q1',
        activities: [
          { personId: 'rep-001', metric: 'visits', period: '2026-04', value: 3 },
          { personId: 'nobody', metric: 'visits', period: '2026-01', value: 3 },
        ],
      },
    });
    expect(wrongMonth.status).toBe(400);
    expect(wrongMonth.json.errors.map((e: { path: string }) => e.path)).toEqual([
      'activities[0].period',
      'activities[1].personId',
    ]);
  });

  const score = async (who = 'mgr-east-shanghai', unitId = 'east-shanghai') =>
    call(scoresRun, {
      method: 'POST',
      path: 'periods/2026-Q1/scores',
      params: { period: '2026-Q1' },
      token: await token(who),
      json: { unitId, scorecard: visitsScorecard },
    });
  const personOf = (json: { people: { personId: string }[] }, id: string) =>
    json.people.find((p) => p.personId === id) as unknown as {
      final: number;
      grade: string;
      items: { ratio: number }[];
    };

  it('scores from the stored plan and activity logs and stores version 1 with an audit entry', async () => {
    const res = await score();
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ unitId: 'east-shanghai', period: '2026-Q1', version: 1 });
    // The answer is exactly the contract's stored-scores shape, which the task pane reads.
    expect(storedScores.strict().safeParse(res.json).error).toBeUndefined();
    expect(res.json.inputs.planVersions).toEqual([{ unitId: 'east-shanghai', version: 1 }]);
    // rep-001: 99 visits / 90 = 1.1 → 110, S; rep-003: 45 / 90 = 0.5, on the floor → 50, D; rep-004 logged nothing → 0.
    expect(personOf(res.json, 'rep-001')).toMatchObject({ final: 110, grade: 'S' });
    expect(personOf(res.json, 'rep-003')).toMatchObject({ final: 50, grade: 'D' });
    expect(personOf(res.json, 'rep-004').final).toBe(0);
    expect(res.json.findings).toContainEqual(
      expect.objectContaining({
        rule: 'score.no-actual',
        params: expect.objectContaining({ personId: 'rep-004' }),
      }),
    );
    const audit = await findDocs<{ action: string; afterHash: string }>('audit', {
      action: 'scores.compute',
    });
    expect(audit).toEqual([expect.objectContaining({ afterHash: res.json.hash })]);
  });

  it('keeps version 1 when a corrected upload is scored again as version 2', async () => {
    const fix = await call(activitiesRoute, {
      method: 'POST',
      path: 'activities',
      token: await token('mgr-east-shanghai'),
      json: {
        period: '2026-03',
        activities: [{ personId: 'rep-003', metric: 'visits', period: '2026-03', value: 45 }],
      },
    });
    expect(fix.status).toBe(201);
    const res = await score('head-east');
    expect(res.status).toBe(201);
    expect(res.json.version).toBe(2);
    // The later upload replaces March: 15 + 15 + 45 = 75 visits / 90 = 0.8333 → 83.33, B.
    expect(personOf(res.json, 'rep-003')).toMatchObject({ final: 83.33, grade: 'B' });

    const get = async (query: string) =>
      call(scoresRun, {
        path: `periods/2026-Q1/scores?${query}`,
        params: { period: '2026-Q1' },
        token: await token('mgr-east-shanghai'),
      });
    const latest = await get('unitId=east-shanghai');
    expect(latest.status).toBe(200);
    expect(latest.json.version).toBe(2);
    const first = await get('unitId=east-shanghai&version=1');
    expect(first.json.version).toBe(1);
    expect(personOf(first.json, 'rep-003').final).toBe(50);
    const missing = await get('unitId=east-shanghai&version=9');
    expect(missing.status).toBe(404);
    const bad = await get('unitId=east-shanghai&version=x');
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('version');
  });

  it('refuses a manager of another team (403) and a rep (403), and stores nothing', async () => {
    expect((await score('mgr-north-beijing')).status).toBe(403);
    expect((await score('rep-001')).status).toBe(403);
    const read = await call(scoresRun, {
      path: 'periods/2026-Q1/scores?unitId=east-shanghai',
      params: { period: '2026-Q1' },
      token: await token('mgr-north-beijing'),
    });
    expect(read.status).toBe(403);
    const latest = await call(scoresRun, {
      path: 'periods/2026-Q1/scores?unitId=east-shanghai',
      params: { period: '2026-Q1' },
      token: await token('admin'),
    });
    expect(latest.json.version).toBe(2);
  });

  it('answers 422 naming the unit when no plan is stored, and 400 for a bad period or scorecard', async () => {
    const none = await score('mgr-north-beijing', 'north-beijing');
    expect(none.status).toBe(422);
    expect(none.json.detail).toContain('north-beijing');
    const badPeriod = await call(scoresRun, {
      method: 'POST',
      path: 'periods/2026-Q5/scores',
      params: { period: '2026-Q5' },
      token: await token('mgr-east-shanghai'),
      json: { unitId: 'east-shanghai', scorecard: visitsScorecard },
    });
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.json.errors[0].path).toBe('period');
    const badCard = await call(scoresRun, {
      method: 'POST',
      path: 'periods/2026-Q1/scores',
      params: { period: '2026-Q1' },
      token: await token('mgr-east-shanghai'),
      json: {
        unitId: 'east-shanghai',
        scorecard: { items: [{ id: 'v', metric: 'visits', weight: -1, curve: { type: 'linear' } }] },
      },
    });
    expect(badCard.status).toBe(400);
    expect(badCard.json.errors[0].path).toBe('scorecard.items[0].weight');
  });
});

describe('activity logs of a closed period', () => {
  useFreshStore();

  it('are refused with 409 once the period is closed, and nothing is stored', async () => {
    await seedOrg(demo);
    await closePeriod({
      tenantId: 'demo',
      period: '2026-02',
      runId: 'run-x',
      runHash: 'h',
      who: 'finance-1',
    });
    const res = await call(activitiesRoute, {
      method: 'POST',
      path: 'activities',
      token: await tokenFor('mgr-east-shanghai', demo),
      json: {
        period: '2026-02',
        activities: [{ personId: 'rep-001', metric: 'visits', period: '2026-02', value: 12 }],
      },
    });
    expect(res.status).toBe(409);
    expect((await readActivities(currentTenant(), '2026-02')).activities).toHaveLength(0);
  });
});
