// One matrix over every write route (docs/architecture.md, The route wrapper): the same documented
// answer everywhere for
//   - a replay of an Idempotency-Key with the same request → the stored answer, byte for byte, with
//     `idempotent-replayed: true` (the first answer has no such header);
//   - the same key with another request → 422 `idempotency.key-reused`, nothing written;
//   - a replay after the period closed → still the stored answer; a new key then → 409 `period.closed`;
//   - a stale base in If-Match (an old number, or the right number with another content hash) → 412.
// A write route of the registry without a row here fails the first test.
import { describe, expect, it } from 'vitest';
import type { Org, Plan } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { activities } from '../src/functions/activities';
import { actuals } from '../src/functions/actuals';
import { org as orgRoute } from '../src/functions/org';
import { payoutRunApprove } from '../src/functions/payoutRunApprove';
import { payoutRuns } from '../src/functions/payoutRuns';
import { compPlan } from '../src/functions/compPlans';
import { periodCloseRoute } from '../src/functions/periodClose';
import { planApprove, planReview } from '../src/functions/planApprove';
import { plans } from '../src/functions/plans';
import { planDraft } from '../src/functions/planDraft';
import { questionAnswer } from '../src/functions/questionAnswer';
import { statementQuestions } from '../src/functions/statementQuestions';
import { scoresRun } from '../src/functions/scoresRun';
import '../src/main';
import { routes } from '../src/registry';
import type { HttpHandler } from '../src/azure';
import { currentTenant } from '../src/repositories';
import { closePeriod } from '../src/repositories/periods';
import { savePlanVersion } from '../src/repositories/plans';
import { call, findDocs, seedOrg, tokenFor, useFreshStore, type CallResult } from './helpers';

const demo = demoOrg();
const MONTH = '2026-06';
const YEAR = '2026';
const unitId = 'east-shanghai';
const rep = demo.people.find((p) => p.unitId === unitId && p.role === 'rep')!.id;

function plan(monthly: number): Plan {
  const months = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);
  return {
    unitId,
    period: YEAR,
    templateVersion: '1',
    targets: [
      { owner: unitId, metric: 'revenue', period: YEAR, value: monthly * 12 },
      ...months.map((period) => ({ owner: unitId, metric: 'revenue', period, value: monthly })),
      ...months.map((period) => ({ owner: rep, metric: 'visits', period, value: 30 })),
    ],
  };
}

/** One request of a write route: who sends it, where, and what. */
type Request = {
  who: string;
  method: string;
  path: string;
  params: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
};

type Row = {
  route: string;
  handler: HttpHandler;
  /** The period whose close freezes the route, or null. */
  period: string | null;
  /** The request, and another one (other body or address) to send under the same key. */
  request: () => Request;
  other: () => Request;
  /** The answer the first request gets. */
  firstStatus: number;
  /** A request refused 412 because its If-Match names a base that is not the stored one. */
  stale?: () => Request;
};

const send = async (handler: HttpHandler, r: Request, key?: string) =>
  call(handler, {
    method: r.method,
    path: r.path,
    params: r.params,
    token: await tokenFor(r.who, demo),
    json: r.json,
    headers: { ...(r.headers ?? {}), ...(key ? { 'idempotency-key': key } : {}) },
  });

const planPath = { path: `plans/${unitId}/${YEAR}`, params: { unitId, period: YEAR } };
const draftPath = { path: `plans/${unitId}/${YEAR}/draft`, params: { unitId, period: YEAR } };
const approvePath = { path: `plans/${unitId}/${YEAR}/approve`, params: { unitId, period: YEAR } };
/** A second team's plan is the one reviewed (rejected) by planReview: Shanghai's v1 is approved above. */
const reviewedUnit = 'east-hangzhou';
const reviewPath = {
  path: `plans/${reviewedUnit}/${YEAR}/review`,
  params: { unitId: reviewedUnit, period: YEAR },
};
const runsPath = (period = MONTH) => ({ path: `periods/${period}/payout-runs`, params: { period } });
const changedOrg = (): Org => ({
  ...demo,
  people: demo.people.map((p) => (p.id === rep ? { ...p, name: `${p.name} (renamed)` } : p)),
});

const compPlanPath = { path: 'comp-plans/write-routes', params: { id: 'write-routes' } };
const compPlanBody = (amount: number) => ({
  name: 'Write routes',
  currency: 'CNY',
  components: [{ type: 'spiff', id: 'new-customer', amount }],
  effectiveFrom: '2027-01',
});

let runId = '';
let orgTag = '';
let questionId = '';

const rows: Row[] = [
  {
    route: 'plans',
    handler: plans,
    period: YEAR,
    request: () => ({ who: `mgr-${unitId}`, method: 'PUT', ...planPath, json: plan(100_000) }),
    other: () => ({ who: `mgr-${unitId}`, method: 'PUT', ...planPath, json: plan(110_000) }),
    firstStatus: 201,
    stale: () => ({
      who: `mgr-${unitId}`,
      method: 'PUT',
      ...planPath,
      json: plan(120_000),
      headers: { 'if-match': '"1.deadbeef"' },
    }),
  },
  {
    route: 'planDraft',
    handler: planDraft,
    period: YEAR,
    // On top of version 1, which the plans row stored.
    request: () => ({
      who: `mgr-${unitId}`,
      method: 'PUT',
      ...draftPath,
      json: plan(100_000),
      headers: { 'if-match': '"1"' },
    }),
    other: () => ({
      who: `mgr-${unitId}`,
      method: 'PUT',
      ...draftPath,
      json: plan(110_000),
      headers: { 'if-match': '"1"' },
    }),
    firstStatus: 201,
    stale: () => ({
      who: `mgr-${unitId}`,
      method: 'PUT',
      ...draftPath,
      json: plan(120_000),
      headers: { 'if-match': '"1.deadbeef"' },
    }),
  },
  {
    route: 'planApprove',
    handler: planApprove,
    period: YEAR,
    request: () => ({ who: 'head-east', method: 'POST', ...approvePath, json: { version: 1 } }),
    other: () => ({ who: 'head-east', method: 'POST', ...approvePath, json: { version: 2 } }),
    firstStatus: 201,
  },
  {
    route: 'planReview',
    handler: planReview,
    period: YEAR,
    request: () => ({
      who: 'head-east',
      method: 'POST',
      ...reviewPath,
      json: { version: 1, decision: 'reject', comment: 'Too low against last year.' },
    }),
    other: () => ({
      who: 'head-east',
      method: 'POST',
      ...reviewPath,
      json: { version: 1, decision: 'approve' },
    }),
    firstStatus: 201,
  },
  {
    route: 'actuals',
    handler: actuals,
    period: MONTH,
    request: () => ({
      who: 'finance-1',
      method: 'POST',
      path: 'actuals',
      params: {},
      json: {
        period: MONTH,
        transactions: [
          { id: 'm1', date: `${MONTH}-03`, amount: 5000, credits: [{ personId: rep, share: 1 }] },
        ],
      },
    }),
    other: () => ({
      who: 'finance-1',
      method: 'POST',
      path: 'actuals',
      params: {},
      json: {
        period: MONTH,
        transactions: [
          { id: 'm2', date: `${MONTH}-04`, amount: 7000, credits: [{ personId: rep, share: 1 }] },
        ],
      },
    }),
    firstStatus: 201,
  },
  {
    route: 'activities',
    handler: activities,
    period: MONTH,
    request: () => ({
      who: `mgr-${unitId}`,
      method: 'POST',
      path: 'activities',
      params: {},
      json: { period: MONTH, activities: [{ personId: rep, metric: 'visits', period: MONTH, value: 33 }] },
    }),
    other: () => ({
      who: `mgr-${unitId}`,
      method: 'POST',
      path: 'activities',
      params: {},
      json: { period: MONTH, activities: [{ personId: rep, metric: 'visits', period: MONTH, value: 34 }] },
    }),
    firstStatus: 201,
  },
  {
    route: 'scoresRun',
    handler: scoresRun,
    period: null,
    request: () => ({
      who: `mgr-${unitId}`,
      method: 'POST',
      path: `periods/${MONTH}/scores`,
      params: { period: MONTH },
      json: {
        unitId,
        scorecard: {
          items: [{ id: 'v', metric: 'visits', weight: 100, curve: { type: 'linear', cap: 1.2 } }],
        },
      },
    }),
    other: () => ({
      who: `mgr-${unitId}`,
      method: 'POST',
      path: `periods/${MONTH}/scores`,
      params: { period: MONTH },
      json: {
        unitId,
        scorecard: {
          items: [{ id: 'v', metric: 'visits', weight: 100, curve: { type: 'linear', cap: 1.5 } }],
        },
      },
    }),
    firstStatus: 201,
  },
  {
    route: 'payoutRuns',
    handler: payoutRuns,
    period: MONTH,
    request: () => ({
      who: 'finance-1',
      method: 'POST',
      ...runsPath(),
      json: { plan: sampleCompPlan('matrix') },
    }),
    other: () => ({
      who: 'finance-1',
      method: 'POST',
      ...runsPath(),
      json: { plan: sampleCompPlan('other') },
    }),
    firstStatus: 201,
  },
  {
    route: 'payoutRunApprove',
    handler: payoutRunApprove,
    period: MONTH,
    request: () => ({
      who: 'finance-2',
      method: 'POST',
      path: `periods/${MONTH}/payout-runs/${runId}/approve`,
      params: { period: MONTH, runId },
    }),
    other: () => ({
      who: 'finance-2',
      method: 'POST',
      path: `periods/${MONTH}/payout-runs/no-such-run/approve`,
      params: { period: MONTH, runId: 'no-such-run' },
    }),
    firstStatus: 200,
  },
  {
    route: 'periodClose',
    handler: periodCloseRoute,
    period: MONTH,
    request: () => ({
      who: 'finance-1',
      method: 'POST',
      path: `periods/${MONTH}/close`,
      params: { period: MONTH },
    }),
    other: () => ({
      who: 'finance-1',
      method: 'POST',
      path: 'periods/2026-07/close',
      params: { period: '2026-07' },
    }),
    firstStatus: 200,
  },
  // A question on the approved run's line of the month (the period closed by the row above: a closed
  // period may be questioned, nothing of it changes), and finance's answer to it.
  {
    route: 'statementQuestions',
    handler: statementQuestions,
    period: null,
    request: () => ({
      who: rep,
      method: 'POST',
      path: `statements/${rep}/${MONTH}/questions`,
      params: { personId: rep, period: MONTH },
      json: { lineId: 'commission', comment: 'Why this amount?' },
    }),
    other: () => ({
      who: rep,
      method: 'POST',
      path: `statements/${rep}/${MONTH}/questions`,
      params: { personId: rep, period: MONTH },
      json: { lineId: 'commission', comment: 'Why not more?' },
    }),
    firstStatus: 201,
  },
  {
    route: 'questionAnswer',
    handler: questionAnswer,
    period: null,
    request: () => ({
      who: 'finance-1',
      method: 'POST',
      path: `questions/${questionId}/answer`,
      params: { id: questionId },
      json: { decision: 'declined', comment: 'As computed.' },
    }),
    other: () => ({
      who: 'finance-1',
      method: 'POST',
      path: `questions/${questionId}/answer`,
      params: { id: questionId },
      json: { decision: 'accepted', amount: 10, comment: 'Paid.' },
    }),
    firstStatus: 201,
  },
  {
    route: 'compPlan',
    handler: compPlan,
    period: null,
    request: () => ({ who: 'finance-1', method: 'PUT', ...compPlanPath, json: compPlanBody(100) }),
    other: () => ({ who: 'finance-1', method: 'PUT', ...compPlanPath, json: compPlanBody(200) }),
    firstStatus: 201,
    stale: () => ({
      who: 'finance-1',
      method: 'PUT',
      ...compPlanPath,
      json: { ...compPlanBody(300), effectiveFrom: '2027-06' },
      headers: { 'if-match': '"1.deadbeef"' },
    }),
  },
  {
    route: 'org',
    handler: orgRoute,
    period: null,
    request: () => ({
      who: 'admin',
      method: 'PUT',
      path: 'org',
      params: {},
      json: changedOrg(),
      headers: { 'if-match': orgTag },
    }),
    other: () => ({
      who: 'admin',
      method: 'PUT',
      path: 'org',
      params: {},
      json: demo,
      headers: { 'if-match': orgTag },
    }),
    firstStatus: 201,
    stale: () => ({
      who: 'admin',
      method: 'PUT',
      path: 'org',
      params: {},
      json: demo,
      headers: { 'if-match': orgTag.replace(/\.[0-9a-f]+/, '.deadbeef') },
    }),
  },
];

const firsts = new Map<string, CallResult>();
const keyOf = (row: Row) => `matrix-${row.route}`;

describe('every write route answers a retry, a reused key, a closed period and a stale base the same way', () => {
  useFreshStore();

  it('has a row for every write route of the registry', () => {
    const writes = routes()
      .filter((r) => r.methods.some((m) => m === 'POST' || m === 'PUT'))
      .map((r) => r.name);
    const stateless = [
      'validate',
      'allocate',
      'scoresCompute',
      'payoutsPreview',
      'rollup',
      'analysis',
      'imports',
      'templates',
      'devToken',
      'payoutRunVerify',
      'payoutsExport',
      'lookups',
    ];
    const commands = writes.filter((n) => !stateless.includes(n));
    expect(commands.sort()).toEqual(rows.map((r) => r.route).sort());
  });

  for (const row of rows) {
    it(`${row.route}: a replay gets the stored answer with the replay header; another request under the key is 422`, async () => {
      if (row.route === 'plans' || row.route === 'planDraft') await seedOrg(demo);
      if (row.route === 'planReview')
        await savePlanVersion({
          tenantId: currentTenant(),
          plan: { ...plan(90_000), unitId: reviewedUnit, targets: [] },
          author: `mgr-${reviewedUnit}`,
          baseVersion: null,
          summary: { errors: 0, warnings: 0, infos: 0 },
          requestKey: null,
        });
      if (row.route === 'org') {
        const got = await call(orgRoute, { path: 'org', token: await tokenFor('admin', demo) });
        orgTag = got.headers.get('etag')!;
        expect(orgTag).toMatch(/^"1\.[0-9a-f]{8}"$/);
      }
      const first = await send(row.handler, row.request(), keyOf(row));
      expect(first.status, first.text).toBe(row.firstStatus);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      if (row.route === 'payoutRuns') runId = first.json.runId;
      if (row.route === 'statementQuestions') questionId = first.json.questionId;
      firsts.set(row.route, first);

      const replay = await send(row.handler, row.request(), keyOf(row));
      expect(replay.status).toBe(first.status);
      expect(replay.text).toBe(first.text);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.headers.get('etag')).toBe(first.headers.get('etag'));

      const reused = await send(row.handler, row.other(), keyOf(row));
      expect(reused.status, reused.text).toBe(422);
      expect(reused.json).toMatchObject({ code: 'idempotency.key-reused' });
      expect(reused.json.errors).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);
    });
  }

  it('wrote nothing for the reused keys: one plan version, one batch, one run, one scores version', async () => {
    const kinds = async (type: string) => (await findDocs('history', { type })).length;
    expect(await kinds('activities')).toBe(1);
    expect(await findDocs('history', { type: 'payout-run' })).toHaveLength(1);
    const planHeads = (await findDocs<{ id: string }>('history')).filter((d) =>
      new RegExp(`^plan:${unitId}:.*:v\\d+$`).test(d.id),
    );
    expect(planHeads.map((d) => d.id)).toEqual([`plan:${unitId}:${YEAR}:v1`]);
  });

  for (const row of rows.filter((r) => r.stale)) {
    it(`${row.route}: an If-Match naming another content under the current number is 412, nothing written`, async () => {
      const stale = await send(row.handler, row.stale!(), `${keyOf(row)}-stale`);
      expect(stale.status, stale.text).toBe(412);
      expect(stale.json.code).toMatch(/\.stale$/);
    });
  }

  it('after the periods closed: every replay still gets its stored answer; a new key is 409 period.closed', async () => {
    // The month was closed by the periodClose row; the year is closed here, as finance would after December.
    await closePeriod({
      tenantId: currentTenant(),
      period: YEAR,
      runId: 'year-end',
      runHash: 'year-end',
      who: 'finance-1',
    });
    for (const row of rows) {
      const first = firsts.get(row.route)!;
      const replay = await send(row.handler, row.request(), keyOf(row));
      expect([row.route, replay.status, replay.text]).toEqual([row.route, first.status, first.text]);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      if (!row.period) continue;
      const fresh = await send(row.handler, row.request(), `${keyOf(row)}-after-close`);
      expect([row.route, fresh.status]).toEqual([row.route, 409]);
      expect(fresh.json.code).toBe('period.closed');
    }
  });
});
