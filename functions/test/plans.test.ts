import { describe, expect, it } from 'vitest';
import type { Plan } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { plans } from '../src/functions/plans';
import { planVersions } from '../src/functions/planVersions';
import { planDiff } from '../src/functions/planDiff';
import { planApprove } from '../src/functions/planApprove';

import { listLatestPlans, readPlanVersion } from '../src/repositories/plans';
import { closePeriod } from '../src/repositories/periods';
import { call, findDocs, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

/** A consistent team plan: a year total and twelve equal months, and one SMART goal. */
function teamPlan(unitId: string, monthly = 100_000): Plan {
  return {
    unitId,
    period: '2026',
    templateVersion: '1',
    targets: [
      { owner: unitId, metric: 'revenue', period: '2026', value: monthly * 12 },
      ...months.map((period) => ({ owner: unitId, metric: 'revenue', period, value: monthly })),
    ],
    goals: [
      {
        id: 'G1',
        owner: unitId,
        objective: `Revenue of ${monthly * 12} yuan in 2026`,
        metric: 'revenue',
        target: monthly * 12,
        unit: 'CNY',
        deadline: '2026-12-31',
      },
    ],
  };
}

/** v1 with January moved to December (90,000 and 110,000) and the goal reworded. */
function editedPlan(unitId: string): Plan {
  const p = teamPlan(unitId);
  return {
    ...p,
    targets: p.targets.map((t) =>
      t.period === '2026-01'
        ? { ...t, value: 90_000 }
        : t.period === '2026-12'
          ? { ...t, value: 110_000 }
          : t,
    ),
    goals: [{ ...p.goals![0]!, objective: 'Revenue of 1200000 yuan in 2026, 30% from new customers' }],
  };
}

const path = (unitId: string, period = '2026', rest = '') => `plans/${unitId}/${period}${rest}`;

async function put(
  person: string,
  plan: unknown,
  headers: Record<string, string> = {},
  unitId = 'east-shanghai',
) {
  return call(plans, {
    method: 'PUT',
    path: path(unitId),
    params: { unitId, period: '2026' },
    token: await tokenFor(person, demo),
    json: plan,
    headers,
  });
}

async function versionsOf(unitId: string, person = 'admin') {
  return call(planVersions, {
    path: path(unitId, '2026', '/versions'),
    params: { unitId, period: '2026' },
    token: await tokenFor(person, demo),
  });
}

async function approve(person: string, version: number, unitId = 'east-shanghai') {
  return call(planApprove, {
    method: 'POST',
    path: path(unitId, '2026', '/approve'),
    params: { unitId, period: '2026' },
    token: await tokenFor(person, demo),
    json: { version },
  });
}

describe('plan history: PUT, GET, versions, diff and approval', () => {
  useFreshStore();

  it('stores version 1 of a valid plan (201, ETag "1") and returns it on GET', async () => {
    await seedOrg(demo);
    const res = await put('mgr-east-shanghai', teamPlan('east-shanghai'));
    expect(res.status).toBe(201);
    // The ETag names the version and the start of its content hash.
    expect(res.headers.get('etag')).toMatch(/^"1\.[0-9a-f]{8}"$/);
    expect(res.headers.get('etag')).toBe(`"1.${(res.json.hash as string).slice(0, 8)}"`);
    expect(res.json).toMatchObject({
      version: 1,
      status: 'submitted',
      author: 'mgr-east-shanghai',
      basedOn: null,
      summary: { errors: 0, warnings: 0, infos: 0 },
      findings: [],
    });
    const got = await call(plans, {
      path: path('east-shanghai'),
      params: { unitId: 'east-shanghai', period: '2026' },
      token: await tokenFor('mgr-east-shanghai', demo),
    });
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe(res.headers.get('etag'));
    expect(got.json.plan).toEqual(teamPlan('east-shanghai'));
    expect(got.json.hash).toBe(res.json.hash);
  });

  it('stores version 2 based on version 1 when If-Match names it', async () => {
    const res = await put('mgr-east-shanghai', editedPlan('east-shanghai'), { 'if-match': '"1"' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ version: 2, basedOn: 1 });
    expect(res.headers.get('etag')).toMatch(/^"2\.[0-9a-f]{8}"$/);
  });

  it('refuses a stale submission with 412 naming the current version, and keeps both versions intact', async () => {
    const stale = await put('mgr-east-shanghai', teamPlan('east-shanghai', 120_000), { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ currentVersion: 2, baseVersion: 1 });
    expect(stale.json.detail).toContain('version 1');
    const first = await put('mgr-east-shanghai', teamPlan('east-shanghai', 120_000));
    expect(first.status).toBe(412);
    expect(first.json.currentVersion).toBe(2);
    expect(first.json.detail).toContain('If-Match: "2"');
    expect((await readPlanVersion('demo', 'east-shanghai', '2026', 1))?.plan).toEqual(
      teamPlan('east-shanghai'),
    );
    expect((await readPlanVersion('demo', 'east-shanghai', '2026', 2))?.plan).toEqual(
      editedPlan('east-shanghai'),
    );
    expect(await readPlanVersion('demo', 'east-shanghai', '2026', 3)).toBeUndefined();
  });

  it('GET ?version=1 returns the first version; the latest answers 304 to its own ETag', async () => {
    const token = await tokenFor('head-east', demo);
    const params = { unitId: 'east-shanghai', period: '2026' };
    const v1 = await call(plans, { path: `${path('east-shanghai')}?version=1`, params, token });
    expect(v1.json).toMatchObject({ version: 1, plan: teamPlan('east-shanghai') });
    const latest = await call(plans, { path: path('east-shanghai'), params, token });
    expect(latest.json.version).toBe(2);
    const again = await call(plans, {
      path: path('east-shanghai'),
      params,
      token,
      headers: { 'if-none-match': latest.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    const missing = await call(plans, { path: `${path('east-shanghai')}?version=7`, params, token });
    expect(missing.status).toBe(404);
    expect(missing.json.detail).toContain('latest: 2');
    const bad = await call(plans, { path: `${path('east-shanghai')}?version=two`, params, token });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('version');
  });

  it('lists the versions with author, time and the summary of findings', async () => {
    const res = await versionsOf('east-shanghai', 'mgr-east-shanghai');
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(2);
    expect(res.json.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    for (const v of res.json) {
      expect(v).toMatchObject({
        author: 'mgr-east-shanghai',
        status: 'submitted',
        summary: { errors: 0, warnings: 0, infos: 0 },
      });
      expect(Date.parse(v.createdAt)).toBeGreaterThan(Date.parse('2026-01-01'));
      expect(v.hash).toMatch(/^[0-9a-f]{16,}$/);
    }
    expect(res.json[1].basedOn).toBe(1);
  });

  it('the diff between version 1 and 2 lists exactly the two changed months and the reworded goal', async () => {
    const res = await call(planDiff, {
      path: `${path('east-shanghai', '2026', '/diff')}?from=1&to=2`,
      params: { unitId: 'east-shanghai', period: '2026' },
      token: await tokenFor('mgr-east-shanghai', demo),
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual([
      {
        sheet: 'Targets',
        key: { owner: 'east-shanghai', metric: 'revenue', period: '2026-01' },
        field: 'value',
        before: 100_000,
        after: 90_000,
        kind: 'changed',
      },
      {
        sheet: 'Targets',
        key: { owner: 'east-shanghai', metric: 'revenue', period: '2026-12' },
        field: 'value',
        before: 100_000,
        after: 110_000,
        kind: 'changed',
      },
      {
        sheet: 'Goals',
        key: { id: 'G1' },
        field: 'objective',
        before: 'Revenue of 1200000 yuan in 2026',
        after: 'Revenue of 1200000 yuan in 2026, 30% from new customers',
        kind: 'changed',
      },
    ]);
    const fromNothing = await call(planDiff, {
      path: `${path('east-shanghai', '2026', '/diff')}?from=0&to=1`,
      params: { unitId: 'east-shanghai', period: '2026' },
      token: await tokenFor('mgr-east-shanghai', demo),
    });
    // from=0 is refused as a version number; the default "from" of version 1 is the empty plan.
    expect(fromNothing.status).toBe(400);
    const firstAdded = await call(planDiff, {
      path: `${path('east-shanghai', '2026', '/diff')}?to=1`,
      params: { unitId: 'east-shanghai', period: '2026' },
      token: await tokenFor('mgr-east-shanghai', demo),
    });
    // 13 target cells and the goal's 6 filled fields besides its id, all added.
    expect(firstAdded.json).toHaveLength(13 + 6);
    expect(firstAdded.json.every((c: { kind: string }) => c.kind === 'added')).toBe(true);
  });

  it('replays one Idempotency-Key 100 times, 10 at a time: one version and the same answer every time', async () => {
    const plan = teamPlan('east-hangzhou', 80_000);
    const answers: { status: number; text: string; etag: string | null }[] = [];
    for (let round = 0; round < 10; round++) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, () =>
          put('mgr-east-hangzhou', plan, { 'idempotency-key': 'submit-hangzhou-1' }, 'east-hangzhou'),
        ),
      );
      answers.push(...batch.map((r) => ({ status: r.status, text: r.text, etag: r.headers.get('etag') })));
    }
    expect(answers).toHaveLength(100);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]!.status).toBe(201);
    expect(JSON.parse(answers[0]!.text).version).toBe(1);
    const versions = await versionsOf('east-hangzhou');
    expect(versions.json.map((v: { version: number }) => v.version)).toEqual([1]);
    const audit = await findDocs<{ entity: string }>('audit', {
      action: 'plan.submit',
      entity: 'plan:east-hangzhou:2026',
    });
    expect(audit).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with another body with 422, storing nothing', async () => {
    const res = await put(
      'mgr-east-hangzhou',
      teamPlan('east-hangzhou', 85_000),
      { 'idempotency-key': 'submit-hangzhou-1' },
      'east-hangzhou',
    );
    expect(res.status).toBe(422);
    expect(res.json.detail).toContain('submit-hangzhou-1');
    expect((await versionsOf('east-hangzhou')).json).toHaveLength(1);
  });

  it('refuses a manager outside the unit, a rep and finance with 403', async () => {
    for (const person of ['mgr-north-beijing', 'rep-001', 'finance-1']) {
      const res = await put(person, editedPlan('east-shanghai'), { 'if-match': '"2"' });
      expect(res.status, person).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const read = await call(plans, {
      path: path('east-shanghai'),
      params: { unitId: 'east-shanghai', period: '2026' },
      token: await tokenFor('mgr-north-beijing', demo),
    });
    expect(read.status).toBe(403);
    expect((await versionsOf('east-shanghai', 'rep-001')).status).toBe(403);
    expect((await versionsOf('east-shanghai')).json).toHaveLength(2);
  });

  it('refuses malformed plans with 400 and the path of each wrong field, never 500', async () => {
    const { unitId: _u, ...noUnit } = teamPlan('east-shanghai');
    const missing = await put('mgr-east-shanghai', noUnit, { 'if-match': '"2"' });
    expect(missing.status).toBe(400);
    expect(missing.json.errors.map((e: { path: string }) => e.path)).toEqual(['unitId']);

    const p = teamPlan('east-shanghai');
    const stringValue = { ...p, targets: p.targets.map((t, i) => (i === 2 ? { ...t, value: '100000' } : t)) };
    const wrongType = await put('mgr-east-shanghai', stringValue, { 'if-match': '"2"' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.errors.map((e: { path: string }) => e.path)).toEqual(['targets[2].value']);

    const month13 = await put('mgr-east-shanghai', { ...p, period: '2026-13' }, { 'if-match': '"2"' });
    expect(month13.status).toBe(400);
    expect(month13.json.errors.map((e: { path: string }) => e.path)).toEqual(['period']);

    const otherUnit = await put('mgr-east-shanghai', teamPlan('east-nanjing'), { 'if-match': '"2"' });
    expect(otherUnit.status).toBe(400);
    expect(otherUnit.json.errors.map((e: { path: string }) => e.path)).toEqual(['unitId']);

    const badIfMatch = await put('mgr-east-shanghai', p, { 'if-match': 'latest' });
    expect(badIfMatch.status).toBe(400);

    const notJson = await call(plans, {
      method: 'PUT',
      path: path('east-shanghai'),
      params: { unitId: 'east-shanghai', period: '2026' },
      token: await tokenFor('mgr-east-shanghai', demo),
      body: '{"unitId": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect((await versionsOf('east-shanghai')).json).toHaveLength(2);
  });

  it('refuses a plan with a SMART error with 422 and its findings, storing nothing', async () => {
    const p = editedPlan('east-shanghai');
    const vague = { ...p, goals: [{ id: 'G1', owner: 'east-shanghai', objective: '增强客户意识' }] };
    const res = await put('mgr-east-shanghai', vague, { 'if-match': '"2"', 'accept-language': 'zh-CN' });
    expect(res.status).toBe(422);
    expect(res.json.summary).toEqual({ errors: 1, warnings: 2, infos: 0 });
    expect(res.json.errors).toEqual([{ path: 'goals[0].target', message: expect.any(String) }]);
    expect(res.json.findings.map((f: { rule: string }) => f.rule).sort()).toEqual([
      'measurable.no-target',
      'specific.vague-wording',
      'timebound.no-deadline',
    ]);
    expect(res.json.detail).toContain('1 处错误');
    expect((await versionsOf('east-shanghai')).json).toHaveLength(2);
  });

  it('lets the parent unit\u2019s manager approve; not the unit\u2019s own manager; not twice', async () => {
    const own = await approve('mgr-east-shanghai', 2);
    expect(own.status).toBe(403);
    expect(own.json.detail).toContain('east');
    const ok = await approve('head-east', 2);
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ version: 2, status: 'approved', approvedBy: 'head-east' });
    const twice = await approve('head-east', 2);
    expect(twice.status).toBe(409);
    expect(twice.json.detail).toContain('head-east');
    const list = await versionsOf('east-shanghai');
    expect(list.json.map((v: { status: string }) => v.status)).toEqual(['submitted', 'approved']);
    expect(list.json[1].approvedBy).toBe('head-east');
    const superseded = await approve('head-east', 1);
    expect(superseded.status).toBe(409);
    expect(superseded.json.detail).toContain('version 2');
  });

  it('refuses approval by the person who submitted the version, even when they manage the parent', async () => {
    // The regional head submits the team's version 3 themselves, so someone else must approve it.
    const v3 = await put('head-east', teamPlan('east-shanghai', 105_000), { 'if-match': '"2"' });
    expect(v3.status).toBe(201);
    const self = await approve('head-east', 3);
    expect(self.status).toBe(403);
    expect(self.json.detail).toContain('You submitted version 3');
    expect(self.text).not.toContain('head-east'); // a refusal never names the caller
    expect((await approve('mgr-north-beijing', 3)).status).toBe(403);
    expect((await approve('admin', 3)).status).toBe(201);
    const audit = await findDocs<{ who: string; details: { version: number } }>('audit', {
      action: 'plan.approve',
      entity: 'plan:east-shanghai:2026',
    });
    expect(audit.map((a) => [a.who, a.details.version]).sort()).toEqual([
      ['admin', 3],
      ['head-east', 2],
    ]);
  });

  it('writes an audit entry per submission chaining the hashes of the versions', async () => {
    const audit = await findDocs<{
      who: string;
      beforeHash: string | null;
      afterHash: string;
      details: { version: number };
    }>('audit', { action: 'plan.submit', entity: 'plan:east-shanghai:2026' });
    const byVersion = audit.sort((a, b) => a.details.version - b.details.version);
    const versions = (await versionsOf('east-shanghai')).json as { hash: string }[];
    expect(byVersion.map((a) => a.afterHash)).toEqual(versions.map((v) => v.hash));
    expect(byVersion.map((a) => a.beforeHash)).toEqual([null, versions[0]!.hash, versions[1]!.hash]);
    expect(byVersion.map((a) => a.who)).toEqual(['mgr-east-shanghai', 'mgr-east-shanghai', 'head-east']);
  });

  it('listLatestPlans gives the newest version of each unit for a period with its status', async () => {
    const latest = await listLatestPlans('demo', '2026');
    expect(latest.map((l) => [l.plan.unitId, l.version, l.status, l.submittedBy])).toEqual([
      ['east-hangzhou', 1, 'submitted', 'mgr-east-hangzhou'],
      ['east-shanghai', 3, 'approved', 'head-east'],
    ]);
    expect(latest[1]!.plan).toEqual(teamPlan('east-shanghai', 105_000));
    expect(await listLatestPlans('demo', '2027')).toEqual([]);
  });

  it('refuses new versions and approvals in a closed period with 409, storing nothing', async () => {
    const plan2025 = { ...teamPlan('east-nanjing'), period: '2025' };
    plan2025.targets = plan2025.targets.map((t) => ({ ...t, period: t.period.replace('2026', '2025') }));
    plan2025.goals = [
      { ...plan2025.goals![0]!, objective: 'Revenue of 1200000 yuan in 2025', deadline: '2025-12-31' },
    ];
    const put2025 = async () =>
      call(plans, {
        method: 'PUT',
        path: 'plans/east-nanjing/2025',
        params: { unitId: 'east-nanjing', period: '2025' },
        token: await tokenFor('mgr-east-nanjing', demo),
        json: plan2025,
      });
    expect((await put2025()).status).toBe(201);
    await closePeriod({
      tenantId: 'demo',
      period: '2025',
      runId: 'run-2025',
      runHash: 'h',
      who: 'finance-1',
    });
    const closed = await put2025();
    expect(closed.status).toBe(409);
    expect(closed.json.detail).toContain('2025');
    const approval = await call(planApprove, {
      method: 'POST',
      path: 'plans/east-nanjing/2025/approve',
      params: { unitId: 'east-nanjing', period: '2025' },
      token: await tokenFor('head-east', demo),
      json: { version: 1 },
    });
    expect(approval.status).toBe(409);
    const versions = await call(planVersions, {
      path: 'plans/east-nanjing/2025/versions',
      params: { unitId: 'east-nanjing', period: '2025' },
      token: await tokenFor('head-east', demo),
    });
    expect(versions.json.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'submitted'],
    ]);
  });
});
