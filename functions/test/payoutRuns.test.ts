// The payout run lifecycle against the embedded store: create → approve by another finance person →
// close → every mutating route of the period 409; re-running a stored run reproduces its hash; a
// prior-period adjustment in the next period reaches that period's run with a trace naming the original.
import { describe, expect, it } from 'vitest';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { demoOrg } from '@teamsheet/shared/demo';
import { actuals as actualsRoute } from '../src/functions/actuals';
import { payoutRunApprove } from '../src/functions/payoutRunApprove';
import { payoutRunGet } from '../src/functions/payoutRunGet';
import { payoutRuns } from '../src/functions/payoutRuns';
import { payoutRunVerify } from '../src/functions/payoutRunVerify';
import { periodCloseRoute } from '../src/functions/periodClose';
import { plans } from '../src/functions/plans';
import { currentTenant } from '../src/repositories';
import { assertPeriodOpen, periodState } from '../src/repositories/periods';
import { call, findDocs, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const plan = sampleCompPlan('sales-2026');
const as = async (who: string) => tokenFor(who, demo);
const line = (
  run: {
    lines: {
      personId: string;
      component: string;
      amount: string;
      trace: { step: string; value: string | number }[];
    }[];
  },
  personId: string,
) => run.lines.find((l) => l.personId === personId && l.component === 'commission');

async function putPlan(period: string, targets: { owner: string; value: number }[], ifMatch?: string) {
  return call(plans, {
    method: 'PUT',
    path: `plans/east-shanghai/${period}`,
    params: { unitId: 'east-shanghai', period },
    token: await as('mgr-east-shanghai'),
    headers: ifMatch ? { 'if-match': ifMatch } : {},
    json: {
      unitId: 'east-shanghai',
      period,
      templateVersion: '1',
      targets: targets.map((t) => ({ owner: t.owner, metric: 'revenue', period, value: t.value })),
    },
  });
}
const upload = async (body: unknown, who = 'mgr-east-shanghai') =>
  call(actualsRoute, { method: 'POST', path: 'actuals', token: await as(who), json: body });
const createRun = async (period: string, body: unknown, who = 'finance-1') =>
  call(payoutRuns, {
    method: 'POST',
    path: `periods/${period}/payout-runs`,
    params: { period },
    token: await as(who),
    json: body,
  });
const runCall = async (
  handler: typeof payoutRunGet,
  period: string,
  runId: string,
  who: string,
  suffix = '',
  method = 'POST',
) =>
  call(handler, {
    method,
    path: `periods/${period}/payout-runs/${runId}${suffix}`,
    params: { period, runId },
    token: await as(who),
  });
const closeCall = async (period: string, who = 'finance-2') =>
  call(periodCloseRoute, {
    method: 'POST',
    path: `periods/${period}/close`,
    params: { period },
    token: await as(who),
  });

describe('payout runs: create, approve, close, re-run, adjust', () => {
  useFreshStore();
  let runId = '';
  let hash = '';

  it('creates a draft run from stored plans and transactions, with the worked example amounts', async () => {
    await seedOrg(demo);
    const saved = await putPlan('2026-03', [
      { owner: 'rep-001', value: 100000 },
      { owner: 'rep-003', value: 50000 },
    ]);
    expect(saved.status).toBe(201);
    const up = await upload({
      period: '2026-03',
      transactions: [
        { id: 't1', date: '2026-03-05', amount: 80000, credits: [{ personId: 'rep-001', share: 1 }] },
        {
          id: 't2',
          date: '2026-03-20',
          amount: 40000,
          credits: [
            { personId: 'rep-001', share: 0.5 },
            { personId: 'rep-003', share: 0.5 },
          ],
        },
      ],
    });
    expect(up.status).toBe(201);
    const res = await createRun('2026-03', { plan, unitId: 'east-shanghai' });
    expect(res.status).toBe(201);
    runId = res.json.runId;
    hash = res.json.hash;
    expect(res.json).toMatchObject({
      status: 'draft',
      period: '2026-03',
      engineVersion: expect.any(String),
      createdBy: 'finance-1',
    });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.json.planVersions).toEqual([
      { unitId: 'east-shanghai', period: '2026-03', version: 1, status: 'submitted' },
    ]);
    expect(res.json.inputs).toMatchObject({ transactions: 2, quotas: 2, people: 8 });
    // rep-001: 80,000 + 20,000 = 100,000 on 100,000 → 0.05 × 100,000 × 1 = 5,000.00
    expect(line(res.json, 'rep-001')?.amount).toBe('5000.00');
    // rep-003: 20,000 on 50,000 → attainment 0.4 → 0.05 × 50,000 × 0.4 = 1,000.00
    expect(line(res.json, 'rep-003')?.amount).toBe('1000.00');
  });

  it('re-running the stored run from its snapshot reproduces the hash', async () => {
    const res = await runCall(payoutRunVerify, '2026-03', runId, 'finance-2', '/verify');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      runHash: hash,
      recomputedHash: hash,
      matches: true,
      resultMatches: true,
    });
  });

  it('answers the same inputs with the stored run (existing), from its key; new transactions make a new run', async () => {
    const again = await createRun('2026-03', { plan, unitId: 'east-shanghai' });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ runId, hash, existing: true });
    expect(await findDocs('history', { type: 'payout-run-key', runId })).toHaveLength(1);
    const fresh = await createRun('2026-03', { plan, unitId: 'east-shanghai', fresh: true });
    expect(fresh.status).toBe(201);
    expect(fresh.json.runId).not.toBe(runId);
    expect(fresh.json.hash).toBe(hash);

    const up = await upload({
      period: '2026-03',
      transactions: [
        { id: 't3', date: '2026-03-21', amount: 1000, credits: [{ personId: 'rep-003', share: 1 }] },
      ],
    });
    expect(up.status).toBe(201);
    const other = await createRun('2026-03', { plan, unitId: 'east-shanghai' });
    expect(other.status).toBe(201);
    expect(other.json.existing).toBe(false);
    expect(other.json.inputs.transactions).toBe(3);
    expect(other.json.hash).not.toBe(hash);
  });

  it('refuses to close a period without an approved run (409)', async () => {
    const res = await closeCall('2026-03');
    expect(res.status).toBe(409);
    expect(res.json.detail).toContain('no approved payout run');
    expect((await periodState(currentTenant(), '2026-03')).state).toBe('open');
  });

  it('refuses approval by the run creator (403) and by a manager (403)', async () => {
    const own = await runCall(payoutRunApprove, '2026-03', runId, 'finance-1', '/approve');
    expect(own.status).toBe(403);
    expect(own.json.detail).toContain(`You created payout run ${runId}`);
    expect(own.text).not.toContain('finance-1'); // a refusal never names the caller
    const mgr = await runCall(payoutRunApprove, '2026-03', runId, 'mgr-east-shanghai', '/approve');
    expect(mgr.status).toBe(403);
    expect((await runCall(payoutRunGet, '2026-03', runId, 'finance-1', '', 'GET')).json.status).toBe('draft');
  });

  it('approves by another finance person, once per period, with an audit entry', async () => {
    const res = await runCall(payoutRunApprove, '2026-03', runId, 'finance-2', '/approve');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'approved', approvedBy: 'finance-2', hash });
    const again = await runCall(payoutRunApprove, '2026-03', runId, 'finance-2', '/approve');
    expect(again.status).toBe(409);
    const get = await runCall(payoutRunGet, '2026-03', runId, 'finance-1', '', 'GET');
    expect(get.json).toMatchObject({ status: 'approved', approvedBy: 'finance-2' });
    const audit = await findDocs<{ action: string; who: string }>('audit', { action: 'payout-run.approve' });
    expect(audit.map((a) => a.who)).toEqual(['finance-2']);
  });

  it('closes the period; the run is locked and every mutating route of the period answers 409', async () => {
    const res = await closeCall('2026-03');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ state: 'closed', runId, hash, closedBy: 'finance-2' });
    expect((await runCall(payoutRunGet, '2026-03', runId, 'finance-1', '', 'GET')).json.status).toBe(
      'locked',
    );

    const refused = [
      await upload({
        period: '2026-03',
        transactions: [
          { id: 't9', date: '2026-03-30', amount: 1, credits: [{ personId: 'rep-001', share: 1 }] },
        ],
      }),
      await createRun('2026-03', { plan, unitId: 'east-shanghai' }),
      await runCall(payoutRunApprove, '2026-03', runId, 'finance-2', '/approve'),
      await closeCall('2026-03'),
      await putPlan('2026-03', [{ owner: 'rep-001', value: 1 }], '"1"'),
    ];
    expect(refused.map((r) => r.status)).toEqual([409, 409, 409, 409, 409]);
    expect(refused[0]!.json.detail).toContain('2026-03 is closed');
    const zh = await call(periodCloseRoute, {
      method: 'POST',
      path: 'periods/2026-03/close',
      params: { period: '2026-03' },
      token: await as('finance-1'),
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.status).toBe(409);
    expect(zh.json.detail).toContain('期间 2026-03 已结账');
    // The quarter and year containing the month stay open; the closed month stays closed.
    await expect(assertPeriodOpen(currentTenant(), '2026-Q1')).resolves.toBeUndefined();
    await expect(assertPeriodOpen(currentTenant(), '2026-03')).rejects.toMatchObject({ status: 409 });
    // Re-running a locked run is still allowed (it writes nothing) and still reproduces the hash.
    const verify = await runCall(payoutRunVerify, '2026-03', runId, 'finance-1', '/verify');
    expect(verify.json.matches).toBe(true);
  });

  it('takes a correction of the closed period in the next period as a prior-period adjustment', async () => {
    expect((await putPlan('2026-04', [{ owner: 'rep-001', value: 100000 }])).status).toBe(201);
    const unknown = await upload({
      period: '2026-04',
      transactions: [
        {
          id: 'adj-x',
          date: '2026-04-02',
          amount: -1,
          credits: [{ personId: 'rep-001', share: 1 }],
          adjusts: { period: '2026-03', transactionId: 'nope' },
        },
      ],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors[0].path).toBe('transactions[0].adjusts.transactionId');

    const up = await upload({
      period: '2026-04',
      transactions: [
        {
          id: 'adj-t1',
          date: '2026-04-02',
          amount: -10000,
          credits: [{ personId: 'rep-001', share: 1 }],
          adjusts: { period: '2026-03', transactionId: 't1' },
        },
        { id: 't3', date: '2026-04-10', amount: 50000, credits: [{ personId: 'rep-001', share: 1 }] },
      ],
    });
    expect(up.status).toBe(201);
    // The plan is named by id: the one the March run stored.
    const res = await createRun('2026-04', { planId: 'sales-2026', unitId: 'east-shanghai' }, 'finance-2');
    expect(res.status).toBe(201);
    expect(res.json.inputs).toMatchObject({
      transactions: 2,
      adjustments: 1,
      previousRun: { period: '2026-03', runId, hash },
    });
    const rep1 = line(res.json, 'rep-001')!;
    // 50,000 − 10,000 = 40,000 on 100,000 → 0.05 × 100,000 × 0.4 = 2,000.00
    expect(rep1.amount).toBe('2000.00');
    expect(rep1.trace).toContainEqual({
      step: 'prior-period adjustment',
      value: 'adj-t1 adjusts 2026-03 t1: -10000 × 1',
    });
    const verify = await runCall(payoutRunVerify, '2026-04', res.json.runId, 'finance-1', '/verify');
    expect(verify.json.matches).toBe(true);
  });

  it('refuses non-finance callers (403) and malformed bodies (400 with paths)', async () => {
    const mgr = await createRun('2026-04', { plan }, 'mgr-east-shanghai');
    expect(mgr.status).toBe(403);
    const bad = await createRun('2026-04', {
      plan: {
        ...plan,
        components: [{ type: 'commission', id: 'c', metric: 'revenue', mode: 'linear', tiers: [] }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['plan.components[0].mode', 'plan.components[0].tiers']),
    );
    const none = await createRun('2026-04', { unitId: 'east-shanghai' });
    expect(none.status).toBe(400);
    expect(none.json.errors[0].path).toBe('plan');
    const badPeriod = await createRun('2026-99', { plan });
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.json.errors[0].path).toBe('period');
    const missing = await runCall(payoutRunGet, '2026-04', 'run-nope', 'finance-1', '', 'GET');
    expect(missing.status).toBe(404);
  });
});
