// Questions on statement lines (docs/rules.md, Statements and questions): the request rules in both
// languages, the answer's amount rounded once, and the adjustment line an accepted answer adds to a run.
import { describe, expect, it } from 'vitest';
import {
  answerAmountMinor,
  applyQuestionAdjustments,
  computePayouts,
  parseWith,
  questionAnswerRequest,
  questionRequest,
  type PayoutRequest,
} from '../../src';
import { sampleCompPlan } from '../../src/fixtures';

// 120,000 credited on a 100,000 quota, 5 % to quota and 8 % above: 5,000 + 1,600 = 6,600.00.
const request: PayoutRequest = {
  period: '2026-03',
  plan: sampleCompPlan('sales-2026'),
  people: [{ id: 'r1', name: 'Li Lei', unitId: 't1', role: 'rep' }],
  quotas: [{ personId: 'r1', metric: 'revenue', period: '2026-03', value: 100_000 }],
  transactions: [{ id: 'a', date: '2026-03-03', amount: 120_000, credits: [{ personId: 'r1', share: 1 }] }],
};

describe('questions and their adjustments', () => {
  it('adds one adjustment line per accepted question, in question order; totals stay sums of lines', () => {
    const outcome = applyQuestionAdjustments(computePayouts(request), [
      {
        questionId: 'q-1',
        personId: 'r1',
        amountMinor: 25050,
        corrects: { period: '2026-02', component: 'commission' },
      },
      {
        questionId: 'q-0',
        personId: 'r2',
        amountMinor: -100,
        corrects: { period: '2026-02', component: 'commission' },
      },
    ]);
    expect(outcome.people.find((p) => p.personId === 'r1')).toMatchObject({
      amount: '6850.50',
      amountMinor: 685050,
    });
    // A person the plan does not pay gets a row of their own.
    expect(outcome.people.find((p) => p.personId === 'r2')).toMatchObject({
      amount: '-1.00',
      credited: '0.00',
    });
    expect(outcome.lines.filter((l) => l.type === 'adjustment').map((l) => l.personId)).toEqual(['r2', 'r1']);
    expect(outcome.totals).toEqual({ amount: '6849.50', amountMinor: 684950 });
    expect(outcome.lines.reduce((s, l) => s + l.amountMinor, 0)).toBe(outcome.totals.amountMinor);
  });

  it('leaves a run without accepted questions as the engine made it', () => {
    const plain = computePayouts(request);
    expect(applyQuestionAdjustments(computePayouts(request), [])).toEqual(plain);
  });

  it('rounds an accepted amount once, half-up, to the minor unit', () => {
    expect(answerAmountMinor(123.455)).toBe(12346);
    expect(answerAmountMinor(-0.005)).toBe(-1);
    expect(answerAmountMinor(1.005)).toBe(101);
  });

  it('needs a comment on a question, an amount to accept and a reason to decline, each on its field in both languages', () => {
    const blank = parseWith(questionRequest, { lineId: 'commission', comment: '  ' }, 'zh-CN');
    expect(blank).toEqual({
      ok: false,
      errors: [{ path: 'comment', message: '请填写说明：对哪一点有疑问' }],
    });
    const noAmount = parseWith(questionAnswerRequest, { decision: 'accepted', amount: 0 }, 'en');
    expect(noAmount).toEqual({
      ok: false,
      errors: [{ path: 'amount', message: 'an accepted question needs an amount (not zero) to adjust by' }],
    });
    const noReason = parseWith(questionAnswerRequest, { decision: 'declined', amount: 5 }, 'zh-CN');
    expect(noReason.ok ? [] : noReason.errors.map((e) => e.path)).toEqual(['comment', 'amount']);
    expect(parseWith(questionAnswerRequest, { decision: 'declined', comment: 'As agreed.' }).ok).toBe(true);
  });
});
