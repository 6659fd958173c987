// Comp plans in force through the API, on a real store: finance stores versions (If-Match, 412 when
// stale, Idempotency-Key retry-safe, overlap and back-dating refused with field paths in both
// languages, nothing partial written, audited); managers read those reaching their scope, reps none;
// a payout run with {compPlanId} pays each person under the version in effect for their unit and role.
import { describe, expect, it } from 'vitest';
import { demoOrg } from '@teamsheet/shared/demo';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { actuals as actualsRoute } from '../src/functions/actuals';
import { compPlan, compPlans } from '../src/functions/compPlans';
import { payoutRunApprove } from '../src/functions/payoutRunApprove';
import { payoutRuns } from '../src/functions/payoutRuns';
import { payoutRunVerify } from '../src/functions/payoutRunVerify';
import { readAuditTrail } from '../src/store/docs';
import { call, findDocs, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const as = (who: string) => tokenFor(who, demo);
const northRep = demo.people.find((p) => p.unitId === 'north-beijing' && p.role === 'rep')!.id;

const spiff = (amount: number) => [{ type: 'spiff' as const, id: 'new-customer', amount }];
const version = (extra: Record<string, unknown>, amount = 100) => ({
  name: 'Sales incentives',
  currency: 'CNY',
  components: spiff(amount),
  ...extra,
});

async function put(
  id: string,
  body: unknown,
  opts: { ifMatch?: string; key?: string; who?: string; lang?: string } = {},
) {
  return call(compPlan, {
    method: 'PUT',
    path: `comp-plans/${id}`,
    params: { id },
    token: await as(opts.who ?? 'finance-1'),
    headers: {
      ...(opts.ifMatch ? { 'if-match': opts.ifMatch } : {}),
      ...(opts.key ? { 'idempotency-key': opts.key } : {}),
      ...(opts.lang ? { 'accept-language': opts.lang } : {}),
    },
    json: body,
  });
}
const getOne = async (id: string, who = 'finance-1', query = '') =>
  call(compPlan, { path: `comp-plans/${id}${query}`, params: { id }, token: await as(who) });
const list = async (who = 'finance-1') => call(compPlans, { path: 'comp-plans', token: await as(who) });
const versionsStored = async (compPlanId: string) =>
  (await findDocs('history', { type: 'comp-plan-version', compPlanId })).length;
const createRun = async (period: string, body: unknown, who = 'finance-1') =>
  call(payoutRuns, {
    method: 'POST',
    path: `periods/${period}/payout-runs`,
    params: { period },
    token: await as(who),
    json: body,
  });

describe('PUT /api/comp-plans/{id}', () => {
  useFreshStore();

  it('stores versions on the one they are based on, 412 when stale, audited, append-only', async () => {
    await seedOrg(demo);
    const first = await put('sales', version({ effectiveFrom: '2026-01' }));
    expect(first.status, first.text).toBe(201);
    expect(first.json).toMatchObject({
      compPlanId: 'sales',
      version: 1,
      effectiveFrom: '2026-01',
      appliesTo: {},
    });
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^"1\.[0-9a-f]{8}"$/);

    // Without If-Match a second store would overwrite silently: 412, and nothing is written.
    const blind = await put('sales', version({ effectiveFrom: '2026-06' }));
    expect(blind.status).toBe(412);
    expect(blind.json.code).toBe('comp-plans.exists');

    const second = await put('sales', version({ effectiveFrom: '2026-06' }, 150), { ifMatch: tag });
    expect(second.status, second.text).toBe(201);
    expect(second.json.version).toBe(2);
    const stale = await put('sales', version({ effectiveFrom: '2026-08' }), { ifMatch: tag, lang: 'zh-CN' });
    expect(stale.status).toBe(412);
    expect(stale.json.detail).toContain('第 2 版');
    expect(await versionsStored('sales')).toBe(2);

    const trail = await readAuditTrail('demo', 'comp-plan:sales');
    expect(trail.intact).toBe(true);
    expect(trail.entries.map((e) => [e.action, e.who, e.details?.version])).toEqual([
      ['comp-plan.store', 'finance-1', 1],
      ['comp-plan.store', 'finance-1', 2],
    ]);

    const v1 = await getOne('sales', 'finance-1', '?version=1');
    expect(v1.status).toBe(200);
    expect(v1.json.plan.components).toEqual(spiff(100));
    const latest = await getOne('sales');
    expect(latest.json.version).toBe(2);
    expect(latest.json.versions.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual([
      '2026-01',
      '2026-06',
    ]);
    expect((await getOne('sales', 'finance-1', '?version=7')).status).toBe(404);
    expect((await getOne('nothing')).status).toBe(404);
  });

  it('answers a retry with the same Idempotency-Key once, and stores one version', async () => {
    await seedOrg(demo);
    const body = version({ effectiveFrom: '2026-04', appliesTo: { unitIds: ['north'] } });
    const a = await put('north-plan', body, { key: 'k-1' });
    const b = await put('north-plan', body, { key: 'k-1' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.json).toEqual(a.json);
    expect(await versionsStored('north-plan')).toBe(1);
    expect((await put('north-plan', { ...body, effectiveFrom: '2026-05' }, { key: 'k-1' })).status).toBe(422);
  });

  it('refuses an overlapping version with 422 on effectiveFrom, in the caller’s language, writing nothing', async () => {
    await seedOrg(demo);
    const first = await put(
      'overlap',
      version({ effectiveFrom: '2026-04', effectiveTo: '2026-09', appliesTo: { unitIds: ['east'] } }),
    );
    const tag = first.headers.get('etag')!;
    for (const [lang, word] of [
      ['en', 'Version 1'],
      ['zh-CN', '华东'],
    ] as const) {
      const res = await put(
        'overlap',
        version({ effectiveFrom: '2026-06', appliesTo: { unitIds: ['east'] } }),
        {
          ifMatch: tag,
          lang,
        },
      );
      expect(res.status, res.text).toBe(422);
      expect(res.json.code).toBe('comp-plans.invalid');
      expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(['effectiveFrom']);
      expect(res.json.errors[0].message).toContain(word);
    }
    // Another unit, or after the explicit end, is no overlap.
    expect(
      (
        await put('overlap', version({ effectiveFrom: '2026-10', appliesTo: { unitIds: ['east'] } }), {
          ifMatch: tag,
        })
      ).status,
    ).toBe(201);
    expect(await versionsStored('overlap')).toBe(2);
  });

  it('refuses bad input with 400 naming each field, in English and in Chinese', async () => {
    await seedOrg(demo);
    const bad = {
      name: '',
      currency: 'yuan',
      components: [],
      effectiveFrom: '2026-13',
      appliesTo: { roles: ['boss'] },
    };
    const en = await put('bad', bad);
    const zh = await put('bad', bad, { lang: 'zh-CN' });
    for (const res of [en, zh]) {
      expect(res.status).toBe(400);
      const paths = res.json.errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining(['name', 'currency', 'components', 'effectiveFrom', 'appliesTo.roles[0]']),
      );
    }
    const month = (res: typeof en) =>
      res.json.errors.find((e: { path: string }) => e.path === 'effectiveFrom').message;
    expect(month(en)).toBe('expected a month as YYYY-MM');
    expect(month(zh)).toBe('应为 YYYY-MM 格式的月份');
    // A body for another plan than the address, and an end before the start.
    expect((await put('bad', { ...version({ effectiveFrom: '2026-04' }), id: 'other' })).status).toBe(400);
    const ends = await put('bad', version({ effectiveFrom: '2026-04', effectiveTo: '2026-02' }), {
      lang: 'zh-CN',
    });
    expect(ends.status).toBe(422);
    expect(ends.json.errors).toEqual([
      { path: 'effectiveTo', message: '失效月份 2026-02 早于生效月份 2026-04。' },
    ]);
    expect(await versionsStored('bad')).toBe(0);
  });

  it('never back-dates: a month with an approved run, or before one, is refused as effectiveFrom', async () => {
    await seedOrg(demo);
    const run = await createRun('2026-02', { plan: sampleCompPlan('old') });
    expect(run.status, run.text).toBe(201);
    const approve = await call(payoutRunApprove, {
      method: 'POST',
      path: `periods/2026-02/payout-runs/${run.json.runId}/approve`,
      params: { period: '2026-02', runId: run.json.runId },
      token: await as('finance-2'),
    });
    expect(approve.status).toBe(200);
    for (const from of ['2026-01', '2026-02']) {
      const res = await put('backdated', version({ effectiveFrom: from }), { lang: 'zh-CN' });
      expect(res.status, from).toBe(422);
      expect(res.json.errors[0].path).toBe('effectiveFrom');
      expect(res.json.errors[0].message).toContain('不得追溯');
    }
    expect((await put('backdated', version({ effectiveFrom: '2026-03' }))).status).toBe(201);
  });
});

describe('who reads comp plans', () => {
  useFreshStore();

  it('shows a manager the comp plans reaching their units, refuses the others like missing ones, and a rep none', async () => {
    await seedOrg(demo);
    expect(
      (await put('east-plan', version({ effectiveFrom: '2026-04', appliesTo: { unitIds: ['east'] } })))
        .status,
    ).toBe(201);
    expect(
      (
        await put(
          'north-plan',
          version({ effectiveFrom: '2026-04', appliesTo: { unitIds: ['north-beijing'] } }),
        )
      ).status,
    ).toBe(201);
    const mine = await list('mgr-east-shanghai');
    expect(mine.status).toBe(200);
    expect(mine.json.compPlans.map((p: { compPlanId: string }) => p.compPlanId)).toEqual(['east-plan']);
    expect((await list('finance-2')).json.compPlans).toHaveLength(2);
    expect((await getOne('east-plan', 'mgr-east-shanghai')).status).toBe(200);
    const out = await getOne('north-plan', 'mgr-east-shanghai');
    const missing = await getOne('no-such-plan', 'mgr-east-shanghai');
    expect(out.status).toBe(403);
    expect(out.text).toBe(missing.text);
    expect((await list('rep-001')).status).toBe(403);
    expect((await getOne('east-plan', 'rep-001')).status).toBe(403);
    expect((await put('x', version({ effectiveFrom: '2026-04' }), { who: 'mgr-east-shanghai' })).status).toBe(
      403,
    );
  });
});

describe('a payout run with {compPlanId}', () => {
  useFreshStore();

  it('pays each person under the version in effect on the first day, for their unit and role, and records the versions', async () => {
    await seedOrg(demo);
    // v1: everyone from January, 100 per new customer; v2: Shanghai's reps from April, 300.
    const v1 = await put('sales', version({ effectiveFrom: '2026-01' }, 100));
    const v2 = await put(
      'sales',
      version({ effectiveFrom: '2026-04', appliesTo: { unitIds: ['east-shanghai'], roles: ['rep'] } }, 300),
      {
        ifMatch: v1.headers.get('etag')!,
      },
    );
    expect(v2.status, v2.text).toBe(201);
    for (const period of ['2026-03', '2026-04']) {
      const up = await call(actualsRoute, {
        method: 'POST',
        path: 'actuals',
        token: await as('finance-1'),
        json: {
          period,
          transactions: [
            {
              id: `${period}-a`,
              date: `${period}-10`,
              amount: 1000,
              customerId: `c-${period}-1`,
              isNewCustomer: true,
              credits: [{ personId: 'rep-001', share: 1 }],
            },
            {
              id: `${period}-b`,
              date: `${period}-11`,
              amount: 1000,
              customerId: `c-${period}-2`,
              isNewCustomer: true,
              credits: [{ personId: northRep, share: 1 }],
            },
          ],
        },
      });
      expect(up.status, up.text).toBeLessThan(300);
    }
    const spiffOf = (
      run: { lines: { personId: string; component: string; amount: string }[] },
      who: string,
    ) => run.lines.find((l) => l.personId === who && l.component === 'new-customer')?.amount;

    const april = await createRun('2026-04', { compPlanId: 'sales' });
    expect(april.status, april.text).toBe(201);
    expect(spiffOf(april.json, 'rep-001')).toBe('300.00'); // v2: Shanghai's reps from April
    expect(spiffOf(april.json, northRep)).toBe('100.00'); // v1: everyone else
    const used = april.json.compPlanVersions as { version: number; people: number }[];
    expect(used.map((u) => u.version)).toEqual([1, 2]);
    const shanghaiReps = demo.people.filter((p) => p.unitId === 'east-shanghai' && p.role === 'rep').length;
    expect(used[1]!.people).toBe(shanghaiReps);
    expect(april.json.findings.filter((f: { rule: string }) => f.rule === 'payout.no-plan')).toEqual([]);

    const march = await createRun('2026-03', { compPlanId: 'sales' });
    expect(spiffOf(march.json, 'rep-001')).toBe('100.00'); // v2 starts in April
    expect(march.json.compPlanVersions.map((u: { version: number }) => u.version)).toEqual([1]);

    // The same inputs give the same run; the stored run recomputes to its hash.
    const again = await createRun('2026-04', { compPlanId: 'sales' });
    expect(again.status).toBe(200);
    expect(again.json.runId).toBe(april.json.runId);
    const verify = await call(payoutRunVerify, {
      method: 'POST',
      path: `periods/2026-04/payout-runs/${april.json.runId}/verify`,
      params: { period: '2026-04', runId: april.json.runId },
      token: await as('finance-2'),
    });
    expect(verify.status).toBe(200);
    expect(verify.json.matches).toBe(true);
  });

  it('refuses an unknown comp plan (404 on compPlanId) and several plans at once (400), keeping {plan} working', async () => {
    await seedOrg(demo);
    const unknown = await createRun('2026-05', { compPlanId: 'nothing' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.errors[0].path).toBe('compPlanId');
    const both = await createRun('2026-05', { compPlanId: 'nothing', plan: sampleCompPlan('x') });
    expect(both.status).toBe(400);
    // A comp plan in effect for nobody in the period: 422 on compPlanId, in the caller's language, no run stored.
    expect((await put('from-2027', version({ effectiveFrom: '2027-01' }))).status).toBe(201);
    const runs = async () => (await findDocs('history', { type: 'payout-run' })).length;
    const before = await runs();
    const nobody = await call(payoutRuns, {
      method: 'POST',
      path: 'periods/2026-05/payout-runs',
      params: { period: '2026-05' },
      token: await as('finance-1'),
      headers: { 'accept-language': 'zh-CN' },
      json: { compPlanId: 'from-2027' },
    });
    expect(nobody.status).toBe(422);
    expect(nobody.json.errors).toEqual([expect.objectContaining({ path: 'compPlanId' })]);
    expect(nobody.json.errors[0].message).toContain('2026-05-01');
    expect(nobody.json.errors[0].message).toContain('没有生效版本');
    expect(await runs()).toBe(before);
    expect((await createRun('2026-05', { plan: sampleCompPlan('x') })).status).toBe(201);
    expect((await createRun('2026-05', { planId: 'x' })).status).toBe(200);
  });
});
