// Questions on statement lines (申诉) and their answers (docs/rules.md, Statements and questions): the
// request shapes with their rules, and the adjustment line an accepted answer adds to the payout run of
// the next open period — the one place where a question changes pay.
import { z } from 'zod';
import { fieldMessages } from '../messages/fields';
import { formatMinor, toMinor, type Minor } from '../money';
import type { PayoutMoney, PayoutOutcome } from './engine';

const text = (max: number) => z.string().max(max);
const required = text(2000).refine((s) => s.trim().length > 0, fieldMessages.en['field.comment-required']);

/** `POST /api/statements/{personId}/{period}/questions`: the line questioned and why. */
export const questionRequest = z.object({
  lineId: z.string().min(1).max(200),
  comment: required,
});

/**
 * `POST /api/questions/{id}/answer`: accepted with a non-zero amount (major units, converted once to
 * minor units, half-up) and an optional comment; declined with a reason and no amount.
 */
export const questionAnswerRequest = z
  .object({
    decision: z.enum(['accepted', 'declined']),
    amount: z.number().refine(Number.isFinite, fieldMessages.en['field.finite-number']).optional(),
    comment: text(2000).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.decision === 'accepted' && (a.amount === undefined || a.amount === 0))
      ctx.addIssue({ code: 'custom', path: ['amount'], message: fieldMessages.en['field.answer-amount'] });
    if (a.decision === 'declined' && !(a.comment ?? '').trim())
      ctx.addIssue({ code: 'custom', path: ['comment'], message: fieldMessages.en['field.answer-reason'] });
    if (a.decision === 'declined' && a.amount !== undefined)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: fieldMessages.en['field.answer-no-amount'] });
  });

export type QuestionRequest = z.infer<typeof questionRequest>;
export type QuestionAnswerRequest = z.infer<typeof questionAnswerRequest>;

/** An answer's amount in minor units of the plan's currency scale (one rounding, half-up). */
export function answerAmountMinor(amount: number, scale = 2): Minor {
  return toMinor(amount, scale, 'half-up');
}

/** The component and type of the line an accepted question adds. */
export const ADJUSTMENT_COMPONENT = 'adjustment';

/** An accepted question's correction, paid in a later period's run. */
export type QuestionAdjustment = {
  questionId: string;
  personId: string;
  amountMinor: number;
  /** The statement line it corrects: its period, component id, and type and metric (for its name). */
  corrects: { period: string; component: string; type?: string; metric?: string };
};

/**
 * Adds to a run's outcome one `adjustment` line per accepted question (in question-id order, so the
 * result does not depend on the order they were read), and the amounts to the person's total and the
 * run's totals: totals stay sums of lines. A person the plan does not pay otherwise gets a row of their own.
 */
export function applyQuestionAdjustments(
  outcome: PayoutOutcome,
  adjustments: readonly QuestionAdjustment[],
  scale = 2,
): PayoutOutcome {
  if (adjustments.length === 0) return outcome;
  const money = (m: number): PayoutMoney => ({
    amount: formatMinor(m as Minor, scale),
    amountMinor: m as Minor,
  });
  const sorted = [...adjustments].sort((a, b) => (a.questionId < b.questionId ? -1 : 1));
  let total = outcome.totals.amountMinor as number;
  for (const a of sorted) {
    outcome.lines.push({
      personId: a.personId,
      component: ADJUSTMENT_COMPONENT,
      type: ADJUSTMENT_COMPONENT,
      ...money(a.amountMinor),
      trace: [
        { step: 'question', value: a.questionId },
        { step: 'corrects', value: `${a.corrects.period} ${a.corrects.component}` },
        ...(a.corrects.type
          ? [{ step: 'corrects.line', value: [a.corrects.type, a.corrects.metric ?? ''].join(' ').trim() }]
          : []),
        { step: 'amount', value: formatMinor(a.amountMinor as Minor, scale) },
      ],
    });
    let person = outcome.people.find((p) => p.personId === a.personId);
    if (!person) {
      person = { personId: a.personId, credited: formatMinor(0 as Minor, scale), ...money(0) };
      outcome.people.push(person);
    }
    Object.assign(person, money((person.amountMinor as number) + a.amountMinor));
    total += a.amountMinor;
  }
  outcome.totals = money(total);
  return outcome;
}
