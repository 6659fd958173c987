// The planning cycle through the API (docs/rules.md, Planning cycle): the review queue of a region,
// a rejection with a comment, the resubmission as a new version, its approval; who may review; bad
// input refused with the field's path in the caller's language, nothing written.
import { describe, expect, it } from 'vitest';
import type { Plan } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { plans } from '../src/functions/plans';
import { planVersions } from '../src/functions/planVersions';
import { planQueue } from '../src/functions/planQueue';
import { planReview } from '../src/functions/planApprove';
import { call, findDocs, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

function teamPlan(unitId: string, monthly = 100_000): Plan {
  return {
    unitId,
    period: '2026',
    templateVersion: '1',
    targets: [
      { owner: unitId, metric: 'revenue', period: '2026', value: monthly * 12 },
      ...months.map((period) => ({ owner: unitId, metric: 'revenue', period, value: monthly })),
    ],
  };
}

async function put(person: string, unitId: string, plan: Plan, ifMatch?: string) {
  return call(plans, {
    method: 'PUT',
    path: `plans/${unitId}/2026`,
    params: { unitId, period: '2026' },
    token: await tokenFor(person, demo),
    json: plan,
    headers: ifMatch ? { 'if-match': ifMatch } : {},
  });
}

async function review(person: string, unitId: string, body: unknown, locale = 'en') {
  return call(planReview, {
    method: 'POST',
    path: `plans/${unitId}/2026/review`,
    params: { unitId, period: '2026' },
    token: await tokenFor(person, demo),
    json: body,
    headers: { 'accept-language': locale },
  });
}

async function queue(person: string, parent: string, period = '2026', locale = 'en') {
  return call(planQueue, {
    path: `plans?parent=${parent}&period=${period}`,
    token: await tokenFor(person, demo),
    headers: { 'accept-language': locale },
  });
}

type Row = { unitId: string; status: string; version: number | null; late: boolean; dueDate: string };

describe('the planning cycle: queue, reject with a comment, resubmit, approve', () => {
  useFreshStore();

  it('lists every team of a region with its status, due date and lateness, by name', async () => {
    await seedOrg(demo);
    expect((await put('mgr-east-shanghai', 'east-shanghai', teamPlan('east-shanghai'))).status).toBe(201);
    const res = await queue('head-east', 'east');
    expect(res.status).toBe(200);
    const rows: (Row & Record<string, unknown>)[] = res.json.units;
    expect(rows.map((r) => r.unitId)).toEqual([
      'east-shanghai',
      'east-hangzhou',
      'east-nanjing',
      'east-suzhou',
    ]);
    const shanghai = rows[0]!;
    expect(shanghai).toMatchObject({ status: 'submitted', version: 1, late: false, review: null });
    expect(shanghai.unitName).toBe(demo.units.find((u) => u.id === 'east-shanghai')!.name);
    const manager = demo.people.find((p) => p.id === 'mgr-east-shanghai')!;
    expect(shanghai.manager).toEqual({ personId: manager.id, name: manager.name });
    expect(shanghai.submittedBy).toEqual({ personId: manager.id, name: manager.name });
    expect(shanghai.summary).toMatchObject({ errors: 0 });
    // Teams are due 20 days before the year starts; today (2026-12) is past it, so the others are late.
    const hangzhou = rows[1]!;
    expect(hangzhou).toMatchObject({
      status: 'not-started',
      version: null,
      dueDate: '2025-12-12',
      late: true,
    });
    expect((hangzhou.manager as { personId: string }).personId).toBe('mgr-east-hangzhou');
    // A year not begun yet is due later and nobody is late for it.
    const future: Row[] = (await queue('head-east', 'east', '2099')).json.units;
    expect(future.every((r) => r.status === 'not-started' && !r.late && r.dueDate === '2098-12-12')).toBe(
      true,
    );
  });

  it('keeps the queue to the caller’s scope; bad addresses are 400 with the parameter', async () => {
    expect((await queue('head-north', 'east')).status).toBe(403);
    expect((await queue('rep-001', 'east')).status).toBe(403);
    expect((await queue('mgr-east-shanghai', 'east-shanghai')).status).toBe(200);
    const bad = await queue('head-east', 'east', '2026-13', 'zh-CN');
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['period']);
    expect(bad.json.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    const missing = await call(planQueue, {
      path: 'plans?period=2026',
      token: await tokenFor('head-east', demo),
    });
    expect(missing.status).toBe(400);
    expect(missing.json.errors.map((e: { path: string }) => e.path)).toEqual(['parent']);
  });

  it('refuses a rejection without a comment (400, path comment, zh-CN) and writes nothing', async () => {
    const before = await findDocs('history', { type: 'plan-approval' });
    const blank = await review(
      'head-east',
      'east-shanghai',
      { version: 1, decision: 'reject', comment: '  ' },
      'zh-CN',
    );
    expect(blank.status).toBe(400);
    expect(blank.json.errors).toEqual([{ path: 'comment', message: expect.stringMatching(/退回/) }]);
    const badDecision = await review('head-east', 'east-shanghai', { version: 1, decision: 'maybe' });
    expect(badDecision.status).toBe(400);
    expect(badDecision.json.errors.map((e: { path: string }) => e.path)).toEqual(['decision']);
    expect(await findDocs('history', { type: 'plan-approval' })).toHaveLength(before.length);
  });

  it('lets only the reviewer above reject, with the comment; the manager reads it on the plan', async () => {
    const own = await review('mgr-east-shanghai', 'east-shanghai', {
      version: 1,
      decision: 'reject',
      comment: 'x',
    });
    expect(own.status).toBe(403);
    const other = await review('head-north', 'east-shanghai', {
      version: 1,
      decision: 'reject',
      comment: 'x',
    });
    expect(other.status).toBe(403);
    const comment = 'Q4 is too low against last year; spread the growth over the year.';
    const res = await review('head-east', 'east-shanghai', { version: 1, decision: 'reject', comment });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      version: 1,
      status: 'rejected',
      review: { decision: 'reject', by: 'head-east', comment },
    });
    const plan = await call(plans, {
      path: 'plans/east-shanghai/2026',
      params: { unitId: 'east-shanghai', period: '2026' },
      token: await tokenFor('mgr-east-shanghai', demo),
    });
    expect(plan.json).toMatchObject({ version: 1, status: 'rejected', review: { comment, by: 'head-east' } });
    const audit = await findDocs<{ action: string; details: { comment?: string } }>('audit', {
      action: 'plan.reject',
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details.comment).toBe(comment);
    // Reviewed once: neither a second rejection nor an approval of the same version.
    const again = await review('head-east', 'east-shanghai', { version: 1, decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('plan.already-rejected');
    const rows: Row[] = (await queue('head-east', 'east')).json.units;
    expect(rows[0]).toMatchObject({ status: 'rejected', version: 1 });
  });

  it('takes the resubmission as version 2, submitted again, and approves it', async () => {
    const v2 = await put('mgr-east-shanghai', 'east-shanghai', teamPlan('east-shanghai', 110_000), '"1"');
    expect(v2.status).toBe(201);
    expect(v2.json).toMatchObject({ version: 2, status: 'submitted' });
    expect(((await queue('head-east', 'east')).json.units as Row[])[0]).toMatchObject({
      status: 'submitted',
      version: 2,
    });
    const stale = await review('head-east', 'east-shanghai', { version: 1, decision: 'approve' });
    expect(stale.status).toBe(409);
    const ok = await review('head-east', 'east-shanghai', {
      version: 2,
      decision: 'approve',
      comment: 'Thanks.',
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ version: 2, status: 'approved', approvedBy: 'head-east' });
    const versions = await call(planVersions, {
      path: 'plans/east-shanghai/2026/versions',
      params: { unitId: 'east-shanghai', period: '2026' },
      token: await tokenFor('head-east', demo),
    });
    expect(versions.json.map((v: { status: string }) => v.status)).toEqual(['rejected', 'approved']);
    expect(((await queue('head-east', 'east')).json.units as Row[])[0]).toMatchObject({
      status: 'approved',
      version: 2,
    });
  });
});
