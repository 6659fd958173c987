// Drafts of a plan through the API (docs/rules.md, Planning cycle): stored, not submitted — findings
// kept, errors too; each save a new draft; open until a version is submitted after it; the queue shows
// `draft`; consolidation counts no draft and counts the latest approved version where one exists.
import { describe, expect, it } from 'vitest';
import type { Plan } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { plans } from '../src/functions/plans';
import { planDraft } from '../src/functions/planDraft';
import { planVersions } from '../src/functions/planVersions';
import { planQueue } from '../src/functions/planQueue';
import { planReview } from '../src/functions/planApprove';
import { rollup } from '../src/functions/rollup';
import { call, findDocs, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const unitId = 'east-hangzhou';
const manager = 'mgr-east-hangzhou';
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

function teamPlan(monthly: number, firstMonth = monthly): Plan {
  return {
    unitId,
    period: '2026',
    templateVersion: '1',
    targets: [
      { owner: unitId, metric: 'revenue', period: '2026', value: monthly * 11 + firstMonth },
      ...months.map((period, i) => ({ owner: unitId, metric: 'revenue', period, value: i === 0 ? firstMonth : monthly })),
    ],
  };
}

const address = { params: { unitId, period: '2026' } };

async function saveDraft(who: string, body: unknown, headers: Record<string, string> = {}) {
  return call(planDraft, {
    method: 'PUT',
    path: `plans/${unitId}/2026/draft`,
    ...address,
    token: await tokenFor(who, demo),
    json: body,
    headers,
  });
}

async function readDraft(who = manager, headers: Record<string, string> = {}) {
  return call(planDraft, {
    path: `plans/${unitId}/2026/draft`,
    ...address,
    token: await tokenFor(who, demo),
    headers,
  });
}

async function submit(plan: Plan, ifMatch?: string) {
  return call(plans, {
    method: 'PUT',
    path: `plans/${unitId}/2026`,
    ...address,
    token: await tokenFor(manager, demo),
    json: plan,
    headers: ifMatch ? { 'if-match': ifMatch } : {},
  });
}

async function queueRow() {
  const res = await call(planQueue, {
    path: 'plans?parent=east&period=2026',
    token: await tokenFor('head-east', demo),
  });
  expect(res.status).toBe(200);
  return (res.json.units as { unitId: string }[]).find((u) => u.unitId === unitId) as Record<string, unknown>;
}

async function eastRollup() {
  const res = await call(rollup, {
    path: 'rollup/east/2026',
    params: { unitId: 'east', period: '2026' },
    token: await tokenFor('head-east', demo),
  });
  expect(res.status).toBe(200);
  return res.json as {
    submissions: { unitId: string; version: number; status: string }[];
    missing: { unitId: string }[];
  };
}

describe('a draft of a plan: stored, not submitted', () => {
  useFreshStore();

  it('stores a draft with its errors, submits nothing, and shows the unit as draft (still late)', async () => {
    await seedOrg(demo);
    const none = await readDraft();
    expect(none.status).toBe(200);
    expect(none.json).toEqual({ unitId, period: '2026', draft: null, status: 'none' });
    const withError: Plan = teamPlan(100_000);
    withError.targets.push({ owner: unitId, metric: 'visits', period: '2026-01', value: -5 });
    const res = await saveDraft(manager, withError);
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ draft: 1, status: 'draft', open: true, basedOn: null, author: manager });
    expect(res.json.summary.errors).toBeGreaterThan(0);
    expect(res.json.findings.map((f: { rule: string }) => f.rule)).toContain('measurable.negative-target');
    expect(res.headers.get('etag')).toMatch(/^"d1\.[0-9a-f]{8}"$/);
    // Nothing submitted: no version, no plan to read, nothing consolidated.
    const versions = await call(planVersions, {
      path: `plans/${unitId}/2026/versions`,
      ...address,
      token: await tokenFor(manager, demo),
    });
    expect(versions.json).toEqual([]);
    expect((await findDocs('history', { type: 'plan' })).length).toBe(0);
    const rolled = await eastRollup();
    expect(rolled.submissions.map((s) => s.unitId)).not.toContain(unitId);
    expect(rolled.missing.map((m) => m.unitId)).toContain(unitId);
    const name = demo.people.find((p) => p.id === manager)!.name;
    expect(await queueRow()).toMatchObject({
      status: 'draft',
      version: null,
      late: true,
      submittedBy: null,
      draft: { draft: 1, savedBy: { personId: manager, name } },
    });
    const audit = await findDocs<{ action: string; details: { draft: number } }>('audit', { action: 'plan.draft' });
    expect(audit.map((a) => a.details.draft)).toEqual([1]);
  });

  it('reads the latest draft back as saved, by name, with 304 for its tag', async () => {
    const res = await readDraft();
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ draft: 1, open: true, latestVersion: null, basedOn: null });
    expect(res.json.authorName).toBe(demo.people.find((p) => p.id === manager)!.name);
    expect(res.json.plan.targets.at(-1)).toEqual({ owner: unitId, metric: 'visits', period: '2026-01', value: -5 });
    const again = await readDraft(manager, { 'if-none-match': res.headers.get('etag')! });
    expect(again.status).toBe(304);
    // The head above reads it too (in scope); a head of another region and a rep do not.
    expect((await readDraft('head-east')).status).toBe(200);
    expect((await readDraft('head-north')).status).toBe(403);
    expect((await readDraft('rep-001')).status).toBe(403);
  });

  it('keeps every save: a second draft is draft 2, the first stays', async () => {
    const res = await saveDraft(manager, teamPlan(105_000));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ draft: 2, open: true });
    expect(res.json.summary.errors).toBe(0);
    expect((await findDocs('history', { type: 'plan-draft' })).length).toBe(2);
    expect((await readDraft()).json).toMatchObject({ draft: 2 });
  });

  it('refuses what it must (400 with the field, 403 for finance and reps) and writes nothing', async () => {
    const before = (await findDocs('history', { type: 'plan-draft' })).length;
    const bad = await saveDraft(manager, { ...teamPlan(1), targets: [{ owner: unitId, metric: 'revenue' }] }, {
      'accept-language': 'zh-CN',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toContain('targets[0].period');
    const elsewhere = await saveDraft(manager, { ...teamPlan(1), unitId: 'east-suzhou' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.errors.map((e: { path: string }) => e.path)).toEqual(['unitId']);
    expect((await saveDraft('finance-1', teamPlan(1))).status).toBe(403);
    expect((await saveDraft('rep-001', teamPlan(1))).status).toBe(403);
    expect((await saveDraft('mgr-east-suzhou', teamPlan(1))).status).toBe(403);
    expect((await findDocs('history', { type: 'plan-draft' })).length).toBe(before);
  });

  it('is closed by the submission after it; a draft on top of a version names it, else 412', async () => {
    const v1 = await submit(teamPlan(105_000));
    expect(v1.status, v1.text).toBe(201);
    expect((await readDraft()).json).toMatchObject({ draft: 2, open: false, latestVersion: 1 });
    expect(await queueRow()).toMatchObject({ status: 'submitted', version: 1, draft: null, late: false });
    // A draft must name the version it is based on, as a submission does.
    const stale = await saveDraft(manager, teamPlan(110_000));
    expect(stale.status).toBe(412);
    expect(stale.json.code).toBe('plan.exists');
    const onTop = await saveDraft(manager, teamPlan(110_000), { 'if-match': v1.headers.get('etag')! });
    expect(onTop.status, onTop.text).toBe(201);
    expect(onTop.json).toMatchObject({ draft: 3, basedOn: 1, open: true });
    const row = await queueRow();
    expect(row).toMatchObject({ status: 'submitted', version: 1, draft: { draft: 3 } });
  });

  it('counts the approved version in consolidation while a later one waits for review', async () => {
    const approve = await call(planReview, {
      method: 'POST',
      path: `plans/${unitId}/2026/review`,
      ...address,
      token: await tokenFor('head-east', demo),
      json: { version: 1, decision: 'approve' },
    });
    expect(approve.status, approve.text).toBe(201);
    const v2 = await submit(teamPlan(120_000), '"1"');
    expect(v2.status).toBe(201);
    expect((await readDraft()).json).toMatchObject({ draft: 3, open: false, latestVersion: 2 });
    const counted = (await eastRollup()).submissions.find((s) => s.unitId === unitId);
    expect(counted).toMatchObject({ version: 1, status: 'approved' });
    // Rejected, the approved version still counts; approved, the new one does.
    const reject = await call(planReview, {
      method: 'POST',
      path: `plans/${unitId}/2026/review`,
      ...address,
      token: await tokenFor('head-east', demo),
      json: { version: 2, decision: 'reject', comment: 'Keep the growth in H2.' },
    });
    expect(reject.status).toBe(201);
    expect((await eastRollup()).submissions.find((s) => s.unitId === unitId)).toMatchObject({
      version: 1,
      status: 'approved',
    });
    const v3 = await submit(teamPlan(125_000), '"2"');
    const approve3 = await call(planReview, {
      method: 'POST',
      path: `plans/${unitId}/2026/review`,
      ...address,
      token: await tokenFor('head-east', demo),
      json: { version: v3.json.version, decision: 'approve' },
    });
    expect(approve3.status).toBe(201);
    expect((await eastRollup()).submissions.find((s) => s.unitId === unitId)).toMatchObject({
      version: 3,
      status: 'approved',
    });
  });
});
