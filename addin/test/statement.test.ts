// How a statement reads in the pane: lines by their names (never a component id), the engine's trace
// and an accepted question's adjustment explained in both languages, months, money and the amount an
// answer is typed with. The lines come from the real engine and the core's adjustment step.
import { applyQuestionAdjustments, computePayouts, type PayoutRequest } from '@teamsheet/shared';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { describe, expect, it } from 'vitest';
import {
  explainLine,
  lineLabel,
  money,
  monthName,
  questionStatus,
  type Question,
  type StatementLine,
} from '../src/features/statement/statement';
import { amountOf } from '../src/features/statement/useQuestions';
import { translator } from '../src/i18n';

// 120,000 credited on a 100,000 quota, 5 % to quota and 8 % above: 5,000 + 1,600 = 6,600.00.
const request: PayoutRequest = {
  period: '2026-03',
  plan: sampleCompPlan('sales-2026'),
  people: [{ id: 'r1', name: 'Li Lei', unitId: 't1', role: 'rep' }],
  quotas: [{ personId: 'r1', metric: 'revenue', period: '2026-03', value: 100_000 }],
  transactions: [{ id: 'a', date: '2026-03-03', amount: 120_000, credits: [{ personId: 'r1', share: 1 }] }],
};

function lines(): StatementLine[] {
  const outcome = applyQuestionAdjustments(computePayouts(request), [
    {
      questionId: 'q-1',
      personId: 'r1',
      amountMinor: 25050,
      corrects: { period: '2026-02', component: 'commission', type: 'commission', metric: 'revenue' },
    },
  ]);
  return outcome.lines.map((l) => ({
    ...l,
    lineId: l.component,
    ...(l.type === 'commission' ? { metric: 'revenue' } : {}),
  }));
}

describe('a statement in the pane', () => {
  it('names lines as the comp plan names its components (the core’s label), never by component id', () => {
    const [commission, adjustment] = lines();
    expect(lineLabel(commission!, translator('en'), 'en')).toBe('Commission');
    expect(lineLabel(commission!, translator('zh-CN'), 'zh-CN')).toBe('提成');
    expect(lineLabel({ type: 'spiff' }, translator('zh-CN'), 'zh-CN')).toBe('新客户奖励');
    expect(lineLabel({ type: 'commission', metric: 'new_customers' }, translator('en'), 'en')).toBe(
      'Commission (New customers)',
    );
    expect(lineLabel(adjustment!, translator('zh-CN'), 'zh-CN')).toBe('调整');
    expect(lineLabel({ type: 'something-new' }, translator('en'), 'en')).toBe('Pay line');
  });

  it('explains the engine’s trace, the rounding rule by its name in Chinese, and an adjustment by what it corrects', () => {
    const [commission, adjustment] = lines();
    const zh = explainLine(commission!, translator('zh-CN'), 'zh-CN', 'CNY');
    expect(zh.join(' ')).not.toMatch(/half-up|half-even/);
    expect(zh.at(-1)).toContain('四舍五入');
    expect(explainLine(commission!, translator('en'), 'en', 'CNY').at(-1)).toContain('6,600.00');
    expect(explainLine(adjustment!, translator('en'), 'en', 'CNY')).toEqual([
      'Correction of Commission of February 2026, after your question: ¥250.50.',
    ]);
    expect(explainLine(adjustment!, translator('zh-CN'), 'zh-CN', 'CNY')).toEqual([
      '根据您的申诉对2026年2月“提成”的更正：¥250.50。',
    ]);
  });

  it('reads months, money and a question’s answer in the locale', () => {
    expect(monthName('2026-03', 'en')).toBe('March 2026');
    expect(monthName('2026-03', 'zh-CN')).toBe('2026年3月');
    expect(money('1234567.5', 'CNY', 'zh-CN')).toBe('¥1,234,567.50');
    const q: Question = {
      questionId: 'q-1',
      personId: 'r1',
      personName: '李雷',
      period: '2026-03',
      lineId: 'commission',
      component: 'commission',
      lineType: 'commission',
      lineAmount: '6600.00',
      currency: 'CNY',
      comment: '漏计一笔',
      askedAt: '2026-04-02T08:00:00.000Z',
      status: 'answered',
      answer: {
        decision: 'accepted',
        comment: '',
        amount: '250.50',
        adjustmentPeriod: '2026-04',
        answeredByName: '马俊杰',
        answeredAt: '2026-04-03T08:00:00.000Z',
      },
    };
    const zh = questionStatus(q, translator('zh-CN'), 'zh-CN');
    expect(zh).toContain('马俊杰已接受');
    expect(zh).toContain('¥250.50将随2026年4月发放');
    expect(questionStatus(q, translator('en'), 'en')).toContain('¥250.50 is paid with April 2026');
  });

  it('takes an answer’s amount as typed decimals, never zero or text', () => {
    expect(amountOf(' 120.50 ')).toBe(120.5);
    expect(amountOf('-3')).toBe(-3);
    expect(amountOf('0')).toBeNull();
    expect(amountOf('1,200')).toBeNull();
    expect(amountOf('')).toBeNull();
  });
});
