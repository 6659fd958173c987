// Statements and questions (issue 11) against the embedded store: a rep reads only their own statement
// of the approved run, a manager only the people below them, finance anyone; a rep questions a line,
// finance answers once; an accepted answer is an adjustment line in the next open period's run, and the
// closed period questioned never changes. Bad input is a 4xx naming the field, in both languages, and
// writes nothing.
import { describe, expect, it } from 'vitest';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { demoOrg } from '@teamsheet/shared/demo';
import { actuals as actualsRoute } from '../src/functions/actuals';
import { audit } from '../src/functions/audit';
import { payoutRunApprove } from '../src/functions/payoutRunApprove';
import { payoutRunGet } from '../src/functions/payoutRunGet';
import { payoutRuns } from '../src/functions/payoutRuns';
import { payoutRunVerify } from '../src/functions/payoutRunVerify';
import { periodCloseRoute } from '../src/functions/periodClose';
import { plans } from '../src/functions/plans';
import { questionAnswer } from '../src/functions/questionAnswer';
import { questions } from '../src/functions/questions';
import { statementQuestions } from '../src/functions/statementQuestions';
import { statements } from '../src/functions/statements';
import { call, findDocs, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const plan = sampleCompPlan('sales-2026');
const as = (who: string) => tokenFor(who, demo);
const zh = { 'accept-language': 'zh-CN' };
const nameOf = (id: string) => demo.people.find((p) => p.id === id)!.name!;
const northManager = demo.units.find((u) => u.id === 'north-beijing')!.managerId!;

const statement = async (personId: string, period: string, who: string, headers = {}) =>
  call(statements, {
    path: `statements/${personId}/${period}`,
    params: { personId, period },
    token: await as(who),
    headers,
  });
const ask = async (personId: string, period: string, who: string, json: unknown, headers = {}) =>
  call(statementQuestions, {
    method: 'POST',
    path: `statements/${personId}/${period}/questions`,
    params: { personId, period },
    token: await as(who),
    headers,
    json,
  });
const queue = async (who: string, status?: string) =>
  call(questions, { path: `questions${status ? `?status=${status}` : ''}`, token: await as(who) });
const answer = async (id: string, json: unknown, who = 'finance-1', headers = {}) =>
  call(questionAnswer, {
    method: 'POST',
    path: `questions/${id}/answer`,
    params: { id },
    token: await as(who),
    headers,
    json,
  });
const putPlan = async (period: string, targets: { owner: string; value: number }[]) =>
  call(plans, {
    method: 'PUT',
    path: `plans/east-shanghai/${period}`,
    params: { unitId: 'east-shanghai', period },
    token: await as('mgr-east-shanghai'),
    json: {
      unitId: 'east-shanghai',
      period,
      templateVersion: '1',
      targets: targets.map((t) => ({ owner: t.owner, metric: 'revenue', period, value: t.value })),
    },
  });
const upload = async (body: unknown) =>
  call(actualsRoute, { method: 'POST', path: 'actuals', token: await as('mgr-east-shanghai'), json: body });
const createRun = async (period: string) =>
  call(payoutRuns, {
    method: 'POST',
    path: `periods/${period}/payout-runs`,
    params: { period },
    token: await as('finance-1'),
    json: { plan, unitId: 'east-shanghai' },
  });
const runCall = async (
  handler: typeof payoutRunGet,
  period: string,
  runId: string,
  suffix = '',
  method = 'POST',
) =>
  call(handler, {
    method,
    path: `periods/${period}/payout-runs/${runId}${suffix}`,
    params: { period, runId },
    token: await as('finance-2'),
  });
const close = async (period: string) =>
  call(periodCloseRoute, {
    method: 'POST',
    path: `periods/${period}/close`,
    params: { period },
    token: await as('finance-2'),
  });

describe('statements and questions', () => {
  useFreshStore();
  let runId = '';
  let questionId = '';
  let lockedRun: unknown;

  it('answers status none, in the caller’s language, while no approved run pays the month', async () => {
    await seedOrg(demo);
    expect(
      (
        await putPlan('2026-03', [
          { owner: 'rep-001', value: 100000 },
          { owner: 'rep-003', value: 50000 },
        ])
      ).status,
    ).toBe(201);
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
    const none = await statement('rep-001', '2026-03', 'rep-001');
    expect(none.status).toBe(200);
    expect(none.json).toMatchObject({
      status: 'none',
      person: { personId: 'rep-001', name: nameOf('rep-001') },
      available: [],
    });
    expect(none.json.message).toContain('No approved payout run');
    const noneZh = await statement('rep-001', '2026-03', 'rep-001', zh);
    expect(noneZh.json.message).toContain('尚无已审批的薪酬计算批次');
  });

  it('shows a draft to the manager and finance, marked draft, and never to the rep', async () => {
    const run = await createRun('2026-03');
    expect(run.status).toBe(201);
    runId = run.json.runId;
    expect((await statement('rep-001', '2026-03', 'rep-001')).json.status).toBe('none');
    const mgr = await statement('rep-001', '2026-03', 'mgr-east-shanghai');
    expect(mgr.json.status).toBe('draft');
    expect(mgr.json.lines.map((l: { amount: string }) => l.amount)).toEqual(['5000.00']);
    expect((await statement('rep-001', '2026-03', 'finance-1')).json.status).toBe('draft');
  });

  it('gives the rep their approved lines with traces, attainment against quota and the year to date', async () => {
    expect((await runCall(payoutRunApprove, '2026-03', runId, '/approve')).status).toBe(200);
    const res = await statement('rep-001', '2026-03', 'rep-001');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status: 'approved',
      period: '2026-03',
      person: { personId: 'rep-001', name: nameOf('rep-001') },
      available: ['2026-03'],
      currency: 'CNY',
      planName: 'Sales 2026',
      // 80,000 + 20,000 credited on a 100,000 quota: attainment 1, 5 % of 100,000 = 5,000.00
      total: { amount: '5000.00', amountMinor: 500000 },
      attainment: { credited: '100000.00', quota: '100000.00', attainment: 1 },
      yearToDate: {
        amount: '5000.00',
        amountMinor: 500000,
        months: [{ period: '2026-03', amount: '5000.00' }],
      },
    });
    expect(res.json.lines).toHaveLength(1);
    const line = res.json.lines[0];
    expect(line).toMatchObject({
      lineId: 'commission',
      type: 'commission',
      metric: 'revenue',
      amount: '5000.00',
    });
    expect(line.trace.length).toBeGreaterThan(2);
    // Nobody else's lines are in it.
    expect(res.text).not.toContain('rep-003');
  });

  it('lets a rep read only their own statement: another person and nobody get the same 403', async () => {
    const other = await statement('rep-003', '2026-03', 'rep-001');
    const nobody = await statement('no-such-person', '2026-03', 'rep-001');
    expect(other.status).toBe(403);
    expect(nobody.status).toBe(403);
    expect(other.text.replaceAll('rep-003', 'X')).toBe(nobody.text.replaceAll('no-such-person', 'X'));
    expect(other.text).not.toContain('5000');
  });

  it('lets a manager read the people below them only; finance anyone (404 for nobody)', async () => {
    expect((await statement('rep-003', '2026-03', 'mgr-east-shanghai')).status).toBe(200);
    expect((await statement('rep-001', '2026-03', 'head-east')).status).toBe(200);
    expect((await statement('rep-001', '2026-03', northManager)).status).toBe(403);
    expect((await statement('no-such-person', '2026-03', 'finance-1')).status).toBe(404);
  });

  it('refuses a period that is not a month, naming it in both languages', async () => {
    const en = await statement('rep-001', '2026-Q1', 'rep-001');
    expect(en.status).toBe(400);
    expect(en.json.errors[0].path).toBe('period');
    expect(en.json.errors[0].message).toContain('of a month');
    const cn = await statement('rep-001', '2026-Q1', 'rep-001', zh);
    expect(cn.json.errors[0].path).toBe('period');
    expect(cn.json.errors[0].message).toContain('按月');
  });

  it('refuses a question on no line of the statement, or without a comment, in both languages, storing nothing', async () => {
    const noLine = await ask('rep-001', '2026-03', 'rep-001', { lineId: 'bonus', comment: 'Why?' });
    expect(noLine.status).toBe(422);
    expect(noLine.json.errors.map((e: { path: string }) => e.path)).toEqual(['lineId']);
    const noLineZh = await ask('rep-001', '2026-03', 'rep-001', { lineId: 'bonus', comment: 'Why?' }, zh);
    expect(noLineZh.json.errors[0].message).toContain('不是您');

    const blank = await ask('rep-001', '2026-03', 'rep-001', { lineId: 'commission', comment: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.json.errors).toEqual([
      { path: 'comment', message: 'a comment is required: say what you question' },
    ]);
    const blankZh = await ask('rep-001', '2026-03', 'rep-001', { lineId: 'commission' }, zh);
    expect(blankZh.status).toBe(400);
    expect(blankZh.json.errors[0].path).toBe('comment');
    expect(blankZh.json.errors[0].message).toMatch(/[\u4e00-\u9fff]/);

    // Another person's statement: the same 403 whether the person exists.
    const others = await ask('rep-003', '2026-03', 'rep-001', { lineId: 'commission', comment: 'Why?' });
    const nobody = await ask('nobody', '2026-03', 'rep-001', { lineId: 'commission', comment: 'Why?' });
    expect(others.status).toBe(403);
    expect(others.text.replaceAll('rep-003', 'X')).toBe(nobody.text.replaceAll('nobody', 'X'));
    expect(
      (await ask('rep-001', '2026-03', 'mgr-east-shanghai', { lineId: 'commission', comment: 'x' })).status,
    ).toBe(403);

    expect((await queue('finance-1')).json.questions).toEqual([]);
    expect(await findDocs('history', { type: 'question' })).toEqual([]);
  });

  it('stores a question once per Idempotency-Key, one open question per line, and queues it for finance by name', async () => {
    const body = { lineId: 'commission', comment: 'My 2 March deal is missing.' };
    const headers = { 'idempotency-key': 'ask-1' };
    const first = await ask('rep-001', '2026-03', 'rep-001', body, headers);
    expect(first.status).toBe(201);
    questionId = first.json.questionId;
    expect(first.json).toMatchObject({
      status: 'open',
      personName: nameOf('rep-001'),
      component: 'commission',
      lineMetric: 'revenue',
      lineAmount: '5000.00',
      comment: body.comment,
    });
    const replay = await ask('rep-001', '2026-03', 'rep-001', body, headers);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json.questionId).toBe(questionId);
    const twice = await ask('rep-001', '2026-03', 'rep-001', { ...body, comment: 'Again' });
    expect(twice.status).toBe(409);
    expect(await findDocs('history', { type: 'question' })).toHaveLength(1);

    const open = await queue('finance-1', 'open');
    expect(open.status).toBe(200);
    expect(open.json.questions).toEqual([
      expect.objectContaining({
        questionId,
        personName: nameOf('rep-001'),
        period: '2026-03',
        status: 'open',
      }),
    ]);
    expect((await queue('finance-1', 'answered')).json.questions).toEqual([]);
    expect((await queue('rep-001')).status).toBe(403);
    expect((await queue('mgr-east-shanghai')).status).toBe(403);
    const bad = await queue('finance-1', 'closed');
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('query.status');
    // The rep sees their question on the line of the statement.
    const seen = await statement('rep-001', '2026-03', 'rep-001');
    expect(seen.json.lines[0].question).toMatchObject({ questionId, status: 'open' });
  });

  it('refuses an answer without what its decision needs, in both languages, storing nothing', async () => {
    const noAmount = await answer(questionId, { decision: 'accepted', comment: 'ok' });
    expect(noAmount.status).toBe(400);
    expect(noAmount.json.errors.map((e: { path: string }) => e.path)).toEqual(['amount']);
    const noReason = await answer(questionId, { decision: 'declined' }, 'finance-1', zh);
    expect(noReason.status).toBe(400);
    expect(noReason.json.errors).toEqual([{ path: 'comment', message: '驳回申诉时须在说明中写明理由' }]);
    const badDecision = await answer(questionId, { decision: 'maybe', comment: 'x' });
    expect(badDecision.json.errors[0].path).toBe('decision');
    expect((await answer('q-none', { decision: 'declined', comment: 'x' })).status).toBe(404);
    expect((await answer(questionId, { decision: 'declined', comment: 'x' }, 'rep-001')).status).toBe(403);
    expect(await findDocs('history', { type: 'question-answer' })).toEqual([]);
  });

  it('accepts once with an amount rounded half-up to the cent: an adjustment of the next open month; a second answer is 409', async () => {
    const first = await answer(
      questionId,
      { decision: 'accepted', amount: 123.455, comment: 'The deal of 2 March was missed.' },
      'finance-1',
      { 'idempotency-key': 'ans-1' },
    );
    expect(first.status).toBe(201);
    expect(first.json.answer).toMatchObject({
      decision: 'accepted',
      amount: '123.46',
      amountMinor: 12346,
      adjustmentPeriod: '2026-04',
      answeredByName: nameOf('finance-1'),
    });
    const replay = await answer(
      questionId,
      { decision: 'accepted', amount: 123.455, comment: 'The deal of 2 March was missed.' },
      'finance-1',
      {
        'idempotency-key': 'ans-1',
      },
    );
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const second = await answer(questionId, { decision: 'declined', comment: 'No.' }, 'finance-2');
    expect(second.status).toBe(409);
    expect(second.json.code).toBe('question.answered');
    expect(await findDocs('history', { type: 'question-answer' })).toHaveLength(1);
    expect(await findDocs('history', { type: 'question-adjustment' })).toHaveLength(1);

    const trail = await call(audit, {
      path: `audit?entity=question:demo:${questionId}`,
      token: await as('finance-1'),
    });
    expect(trail.json.entries.map((e: { action: string }) => e.action)).toEqual([
      'question.ask',
      'question.accept',
    ]);
    expect(trail.json.chainIntact).toBe(true);
    // The rep sees the answer on the line.
    const seen = await statement('rep-001', '2026-03', 'rep-001');
    expect(seen.json.lines[0].question).toMatchObject({
      status: 'answered',
      answer: { decision: 'accepted', amount: '123.46', adjustmentPeriod: '2026-04' },
    });
  });

  it('pays the adjustment as a line of the next open period’s run; the closed period’s run is unchanged', async () => {
    expect((await close('2026-03')).status).toBe(200);
    lockedRun = (await runCall(payoutRunGet, '2026-03', runId, '', 'GET')).json;
    expect(lockedRun).toMatchObject({ status: 'locked' });

    expect((await putPlan('2026-04', [{ owner: 'rep-001', value: 100000 }])).status).toBe(201);
    const april = await createRun('2026-04');
    expect(april.status).toBe(201);
    const adjustment = april.json.lines.filter((l: { type: string }) => l.type === 'adjustment');
    expect(adjustment).toEqual([
      expect.objectContaining({
        personId: 'rep-001',
        component: 'adjustment',
        amount: '123.46',
        amountMinor: 12346,
      }),
    ]);
    expect(adjustment[0].trace).toEqual([
      { step: 'question', value: questionId },
      { step: 'corrects', value: '2026-03 commission' },
      { step: 'corrects.line', value: 'commission revenue' },
      { step: 'amount', value: '123.46' },
    ]);
    const rep = april.json.people.find((p: { personId: string }) => p.personId === 'rep-001');
    const lines = april.json.lines.filter((l: { personId: string }) => l.personId === 'rep-001');
    expect(rep.amountMinor).toBe(
      lines.reduce((s: number, l: { amountMinor: number }) => s + l.amountMinor, 0),
    );
    expect(april.json.totals.amountMinor).toBe(
      april.json.lines.reduce((s: number, l: { amountMinor: number }) => s + l.amountMinor, 0),
    );
    // The run's snapshot holds the adjustment: re-running it reproduces the hash.
    const verify = await runCall(payoutRunVerify, '2026-04', april.json.runId, '/verify');
    expect(verify.json).toMatchObject({ matches: true, resultMatches: true });

    // Two questions on one line at the same moment: one is stored, the other is told it is open.
    const both = await Promise.all([
      ask('rep-001', '2026-03', 'rep-001', { lineId: 'commission', comment: 'Once more' }),
      ask('rep-001', '2026-03', 'rep-001', { lineId: 'commission', comment: 'Once more, again' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await queue('finance-1', 'open')).json.questions).toHaveLength(1);
    const second = both.find((r) => r.status === 201)!.json.questionId;
    expect(
      (await answer(second, { decision: 'declined', comment: 'Answered above.' }, 'finance-2')).status,
    ).toBe(201);

    // A question on the locked period, declined with a reason: the reason on the question, nothing paid.
    const asked = await ask('rep-003', '2026-03', 'rep-003', {
      lineId: 'commission',
      comment: 'Half of t2 is mine?',
    });
    expect(asked.status).toBe(201);
    const declined = await answer(
      asked.json.questionId,
      { decision: 'declined', comment: 'Split 50/50 as agreed.' },
      'finance-2',
    );
    expect(declined.status).toBe(201);
    expect(declined.json.answer).toEqual(
      expect.objectContaining({ decision: 'declined', comment: 'Split 50/50 as agreed.' }),
    );
    expect(declined.json.answer.amount).toBeUndefined();
    expect(await findDocs('history', { type: 'question-adjustment' })).toHaveLength(1);
    expect((await queue('finance-1', 'answered')).json.questions).toHaveLength(3);

    const after = (await runCall(payoutRunGet, '2026-03', runId, '', 'GET')).json;
    expect(after).toEqual(lockedRun);
    expect((await statement('rep-001', '2026-03', 'rep-001')).json).toMatchObject({
      status: 'locked',
      total: { amount: '5000.00' },
    });
  });
});
