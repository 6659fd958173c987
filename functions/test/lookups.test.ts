// POST /api/lookups (docs/rules.md, Teamsheet formulas) against the embedded store: targets of the
// latest approved or submitted plan, credited actuals, attainment, pay from the approved run or the
// draft, stored scores — owners, metrics and periods by id or by the names the pane shows; each cell
// scoped on its own (no rights is a cell, never a 403 for the batch); bad arguments a 400 naming
// `cells[i].args[j]`; an ETag over what was read, If-None-Match → 304.
import { describe, expect, it } from 'vitest';
import { MAX_LOOKUP_CELLS } from '@teamsheet/shared';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { demoOrg } from '@teamsheet/shared/demo';
import { actuals as actualsRoute } from '../src/functions/actuals';
import { lookups } from '../src/functions/lookups';
import { payoutRunApprove } from '../src/functions/payoutRunApprove';
import { payoutRuns } from '../src/functions/payoutRuns';
import { planReview } from '../src/functions/planApprove';
import { plans } from '../src/functions/plans';
import { scoresRun } from '../src/functions/scoresRun';
import { call, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const as = (who: string) => tokenFor(who, demo);
const nameOf = (id: string) => demo.people.find((p) => p.id === id)!.name!;
const northRep = demo.people.find((p) => p.unitId === 'north-beijing' && p.role === 'rep')!.id;
const M = '2026-03';

type Cell = { fn: string; args: unknown[] };
const ask = async (who: string, cells: Cell[], headers: Record<string, string> = {}) =>
  call(lookups, { method: 'POST', path: 'lookups', token: await as(who), json: { cells }, headers });
const values = async (who: string, cells: Cell[], headers: Record<string, string> = {}) => {
  const res = await ask(who, cells, headers);
  expect(res.status, res.text).toBe(200);
  return res.json.cells as { value?: number | string; error?: string; message?: string }[];
};

describe('POST /api/lookups', () => {
  useFreshStore();

  it('reads the latest approved target by default and the latest submitted one on request', async () => {
    await seedOrg(demo);
    const put = await call(plans, {
      method: 'PUT',
      path: `plans/east-shanghai/${M}`,
      params: { unitId: 'east-shanghai', period: M },
      token: await as('mgr-east-shanghai'),
      json: {
        unitId: 'east-shanghai',
        period: M,
        templateVersion: '1',
        targets: [
          { owner: 'east-shanghai', metric: 'revenue', period: M, value: 150_000 },
          { owner: 'rep-001', metric: 'revenue', period: M, value: 100_000 },
          { owner: 'rep-003', metric: 'revenue', period: M, value: 50_000 },
        ],
      },
    });
    expect(put.status, put.text).toBe(201);
    const before = await values('mgr-east-shanghai', [
      { fn: 'TARGET', args: ['rep-001', 'revenue', M] },
      { fn: 'TARGET', args: ['rep-001', 'revenue', M, 'submitted'] },
    ]);
    expect(before[0]).toMatchObject({ error: 'na' });
    expect(before[0]!.message).toContain('approved');
    expect(before[1]).toEqual({ value: 100_000 });

    const approve = await call(planReview, {
      method: 'POST',
      path: `plans/east-shanghai/${M}/review`,
      params: { unitId: 'east-shanghai', period: M },
      token: await as('head-east'),
      json: { version: 1, decision: 'approve', comment: 'ok' },
    });
    expect(approve.status, approve.text).toBe(201);
    const after = await values('mgr-east-shanghai', [
      // by name and by the zh-CN label of the metric; a unit's own target by its id and English label
      { fn: 'TARGET', args: [nameOf('rep-001'), '销售额', M] },
      { fn: 'TARGET', args: ['east-shanghai', 'Revenue', M] },
    ]);
    expect(after).toEqual([{ value: 100_000 }, { value: 150_000 }]);
  });

  it('answers credited actuals of a person and of a unit, and attainment against the approved target', async () => {
    const up = await call(actualsRoute, {
      method: 'POST',
      path: 'actuals',
      token: await as('mgr-east-shanghai'),
      json: {
        period: M,
        transactions: [
          { id: 't1', date: '2026-03-05', amount: 80_000, credits: [{ personId: 'rep-001', share: 1 }] },
          {
            id: 't2',
            date: '2026-03-20',
            amount: 40_000,
            credits: [
              { personId: 'rep-001', share: 0.5 },
              { personId: 'rep-003', share: 0.5 },
            ],
          },
        ],
      },
    });
    expect(up.status, up.text).toBe(201);
    const cells = await values('mgr-east-shanghai', [
      { fn: 'ACTUAL', args: ['rep-001', 'revenue', M] },
      { fn: 'ACTUAL', args: ['rep-003', 'revenue', M] },
      { fn: 'ACTUAL', args: ['east-shanghai', 'revenue', M] },
      // 80,000 + 20,000 on a 100,000 target; 20,000 on 50,000
      { fn: 'ATTAINMENT', args: ['rep-001', 'revenue', M] },
      { fn: 'ATTAINMENT', args: ['rep-003', 'revenue', M] },
      { fn: 'ACTUAL', args: ['rep-001', 'visits', M] },
    ]);
    expect(cells.slice(0, 5)).toEqual([
      { value: 100_000 },
      { value: 20_000 },
      { value: 120_000 },
      { value: 1 },
      { value: 0.4 },
    ]);
    expect(cells[5]).toMatchObject({ error: 'na' });
  });

  it('pays from the draft for the manager (status visible), from nothing for the rep, then from the approved run', async () => {
    const noRun = await values('mgr-east-shanghai', [{ fn: 'PAYOUT', args: ['rep-001', M] }]);
    expect(noRun[0]).toMatchObject({ error: 'na' });
    const run = await call(payoutRuns, {
      method: 'POST',
      path: `periods/${M}/payout-runs`,
      params: { period: M },
      token: await as('finance-1'),
      json: { plan: sampleCompPlan('sales-2026'), unitId: 'east-shanghai' },
    });
    expect(run.status, run.text).toBe(201);
    const draft = [
      { fn: 'PAYOUT', args: ['rep-001', M] },
      { fn: 'PAYOUTSTATUS', args: ['rep-001', M] },
      { fn: 'PAYOUT', args: ['rep-001', M, '', 'approved'] },
    ];
    const mgr = await values('mgr-east-shanghai', draft);
    // 5 % of 100,000 credited on a 100,000 quota
    expect(mgr.slice(0, 2)).toEqual([{ value: 5000 }, { value: 'draft' }]);
    expect(mgr[2]).toMatchObject({ error: 'na' });
    expect((await values('rep-001', draft))[0]).toMatchObject({ error: 'na' });

    const approve = await call(payoutRunApprove, {
      method: 'POST',
      path: `periods/${M}/payout-runs/${run.json.runId}/approve`,
      params: { period: M, runId: run.json.runId },
      token: await as('finance-2'),
    });
    expect(approve.status, approve.text).toBe(200);
    const rep = await values('rep-001', [...draft, { fn: 'PAYOUT', args: ['rep-001', M, 'commission'] }]);
    expect(rep).toEqual([{ value: 5000 }, { value: 'approved' }, { value: 5000 }, { value: 5000 }]);
    const zh = await values('rep-001', [draft[1]!], { 'accept-language': 'zh-CN' });
    expect(zh).toEqual([{ value: '已批准' }]);
  });

  it('answers stored scores and grades', async () => {
    const scored = await call(scoresRun, {
      method: 'POST',
      path: `periods/${M}/scores`,
      params: { period: M },
      token: await as('mgr-east-shanghai'),
      json: {
        unitId: 'east-shanghai',
        scorecard: {
          items: [{ id: 'rev', metric: 'revenue', weight: 100, curve: { type: 'linear', cap: 2 } }],
        },
      },
    });
    expect(scored.status, scored.text).toBe(201);
    const cells = await values('mgr-east-shanghai', [
      { fn: 'SCORE', args: ['rep-001', M] },
      { fn: 'GRADE', args: ['rep-001', M] },
      { fn: 'SCORE', args: ['rep-003', M] },
      { fn: 'SCORE', args: ['east-shanghai', M] },
    ]);
    // revenue ratio 1 → 100; 0.4 → 40
    expect(cells[0]).toEqual({ value: 100 });
    expect(typeof cells[1]!.value).toBe('string');
    expect(cells[2]).toEqual({ value: 40 });
    expect(cells[3]).toMatchObject({ error: 'value' });
  });

  it('scopes every cell on its own: another region’s person is a no-rights cell, the rest is answered', async () => {
    const res = await ask('mgr-east-shanghai', [
      { fn: 'ACTUAL', args: ['rep-001', 'revenue', M] },
      { fn: 'ACTUAL', args: [northRep, 'revenue', M] },
      { fn: 'PAYOUT', args: [nameOf(northRep), M] },
      { fn: 'ACTUAL', args: ['nobody-at-all', 'revenue', M] },
    ]);
    expect(res.status).toBe(200);
    const [mine, north, northByName, nobody] = res.json.cells;
    expect(mine).toEqual({ value: 100_000 });
    expect(north).toMatchObject({ error: 'forbidden' });
    expect(north.message).toMatch(/No rights/);
    expect(northByName).toMatchObject({ error: 'forbidden' });
    // Unknown and out of scope read the same to a scoped caller; finance is told the name is unknown.
    expect(nobody.error).toBe('forbidden');
    expect(nobody.message).toBe(north.message.replace(northRep, 'nobody-at-all'));
    const fin = await values('finance-1', [
      { fn: 'ACTUAL', args: [northRep, 'revenue', M] },
      { fn: 'ACTUAL', args: ['nobody-at-all', 'revenue', M] },
    ]);
    expect(fin[0]).toMatchObject({ error: 'na' });
    expect(fin[1]).toMatchObject({ error: 'value' });
    const rep = await values('rep-001', [
      { fn: 'ACTUAL', args: ['rep-001', 'revenue', M] },
      { fn: 'ACTUAL', args: ['rep-003', 'revenue', M] },
    ]);
    expect(rep[0]).toEqual({ value: 100_000 });
    expect(rep[1]).toMatchObject({ error: 'forbidden' });
    const zh = await values('mgr-east-shanghai', [{ fn: 'ACTUAL', args: [northRep, 'revenue', M] }], {
      'accept-language': 'zh-CN',
    });
    expect(zh[0]!.message).toContain('无权限');
  });

  it('refuses bad input with 400 and the path of each bad field, in the caller’s language', async () => {
    const res = await ask('mgr-east-shanghai', [
      { fn: 'ACTUAL', args: ['rep-001', 'revenue', M] },
      { fn: 'ACTUAL', args: ['rep-001', 'revenue', 'March'] },
      { fn: 'TARGET', args: ['rep-001', 'no-such-metric', M] },
      { fn: 'SCORE', args: [] },
    ]);
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual([
      'cells[1].args[2]',
      'cells[2].args[1]',
      'cells[3].args[0]',
    ]);
    const zh = await ask('mgr-east-shanghai', [{ fn: 'ACTUAL', args: ['rep-001', 'revenue', 'March'] }], {
      'accept-language': 'zh-CN',
    });
    expect(zh.json.errors[0].message).toContain('不是期间');
    const unknownFn = await ask('mgr-east-shanghai', [{ fn: 'SUM', args: [] }]);
    expect(unknownFn.status).toBe(400);
    expect(unknownFn.json.errors[0].path).toBe('cells[0].fn');
    const tooMany = await ask(
      'mgr-east-shanghai',
      Array.from({ length: MAX_LOOKUP_CELLS + 1 }, () => ({ fn: 'GRADE', args: ['rep-001', M] })),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors[0].path).toBe('cells');
    const empty = await ask('mgr-east-shanghai', []);
    expect(empty.status).toBe(400);
  });

  it('tags the answer with a hash of what it read: an unchanged recalculation is a 304, new data a new tag', async () => {
    const cells = [
      { fn: 'ACTUAL', args: ['rep-001', 'revenue', M] },
      { fn: 'PAYOUT', args: ['rep-001', M] },
    ];
    const first = await ask('mgr-east-shanghai', cells);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await ask('mgr-east-shanghai', cells, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const up = await call(actualsRoute, {
      method: 'POST',
      path: 'actuals',
      token: await as('mgr-east-shanghai'),
      json: {
        period: M,
        transactions: [
          { id: 't3', date: '2026-03-25', amount: 1_000, credits: [{ personId: 'rep-001', share: 1 }] },
        ],
      },
    });
    expect(up.status, up.text).toBe(201);
    const changed = await ask('mgr-east-shanghai', cells, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.json.cells[0]).toEqual({ value: 101_000 });
    // Someone else asking the same cells gets their own tag (the answer depends on who asks).
    const other = await ask('finance-1', cells, { 'if-none-match': changed.headers.get('etag')! });
    expect(other.status).toBe(200);
  });
});
