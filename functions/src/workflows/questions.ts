// The question commands (docs/rules.md, Statements and questions): a person questions a line of their
// approved statement; finance answers once, accepted with an amount (an adjustment paid by the next
// open period's run) or declined with a reason. The closed period questioned never changes.
import {
  answerAmountMinor,
  currencyScale,
  formatMinor,
  nextPeriod,
  type Minor,
  type QuestionAnswerRequest,
} from '@teamsheet/shared';
import type { Caller } from '../auth';
import type { CommandAnswer } from './answer';
import { serverText } from '../messages';
import { refusal } from '../refusal';
import { approvedRun, readApproval } from '../repositories/payoutRuns';
import { periodState } from '../repositories/periods';
import { listQuestions, readQuestion, storeAnswer, storeQuestion } from '../repositories/questions';
import { questionView, statementLines } from './statement';

export type AskInput = { personId: string; period: string; lineId: string; comment: string };

/** Only the person asks about their own statement: anyone else gets the same 403 whoever they ask about. */
export function authorizeAsk(caller: Caller, personId: string): void {
  if (caller.principal.personId !== personId)
    throw refusal('forbidden', 'authz.person', { personId }, [
      { path: 'personId', message: serverText(caller.locale, 'authz.person', { personId }) },
    ]);
}

export async function askQuestion(caller: Caller, input: AskInput): Promise<CommandAnswer> {
  const { personId, period, lineId } = input;
  const run = await approvedRun(caller.tenantId, period);
  const line = run ? statementLines(run, personId).find((l) => l.lineId === lineId) : undefined;
  if (!run || !line)
    throw refusal('unprocessable', 'question.unknown-line', { lineId, period }, [
      { path: 'lineId', message: serverText(caller.locale, 'question.unknown-line', { lineId, period }) },
    ]);
  const earlier = (await listQuestions(caller.tenantId, { personId, period })).filter(
    (q) => q.lineId === lineId,
  );
  const open = earlier.find((q) => !q.answer);
  const refuseOpen = (questionId?: string) =>
    refusal('conflict', 'question.open', { lineId, period }, [], questionId ? { questionId } : {});
  if (open) throw refuseOpen(open.questionId);
  const stored = await storeQuestion(
    {
      tenantId: caller.tenantId,
      personId,
      period,
      runId: run.head.runId,
      lineId,
      component: line.component,
      lineType: line.type,
      ...(line.metric ? { lineMetric: line.metric } : {}),
      lineAmount: line.amount,
      lineAmountMinor: line.amountMinor,
      currency: run.head.currency,
      comment: input.comment.trim(),
      askedBy: caller.principal.personId,
      askedAt: new Date().toISOString(),
    },
    earlier.length,
  );
  // Someone asked about the line at the same moment: theirs is the open question.
  if (stored.status === 'conflict') throw refuseOpen();
  const { question } = stored;
  return {
    status: 201,
    body: questionView(caller, question),
    headers: { location: `/api/questions/${question.questionId}` },
  };
}

/** The questions finance answers: all, or the open or answered ones, oldest first. */
export async function questionQueue(caller: Caller, status: 'open' | 'answered' | null) {
  const all = (await listQuestions(caller.tenantId)).map((q) => questionView(caller, q));
  return { questions: status ? all.filter((q) => q.status === status) : all };
}

/** How far ahead an adjustment looks for an open period before refusing (two years of months). */
const MONTHS_AHEAD = 24;

/**
 * The period that pays an adjustment of `period`: the first month after it that is neither closed
 * nor already paid by an approved run (so its run is still to be made and will show the line).
 */
export async function nextOpenPeriod(tenantId: string, period: string): Promise<string | undefined> {
  let month = period;
  for (let i = 0; i < MONTHS_AHEAD; i++) {
    month = nextPeriod(month);
    if ((await periodState(tenantId, month)).state === 'closed') continue;
    if (await readApproval(tenantId, month)) continue;
    return month;
  }
  return undefined;
}

export type AnswerInput = QuestionAnswerRequest & { questionId: string };

/** The answer's amount in minor units; past what money holds exactly, 400 on `amount` (never a 500). */
function amountInMinor(caller: Caller, amount: number, scale: number): Minor {
  try {
    return answerAmountMinor(amount, scale);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw refusal('invalid', 'question.amount-range', { amount }, [
      { path: 'amount', message: serverText(caller.locale, 'question.amount-range', { amount }) },
    ]);
  }
}

export async function answerQuestion(caller: Caller, input: AnswerInput): Promise<CommandAnswer> {
  const stored = await readQuestion(caller.tenantId, input.questionId);
  if (!stored) throw refusal('not-found', 'question.not-found', { questionId: input.questionId });
  const answered = (a: NonNullable<typeof stored.answer>) =>
    refusal(
      'conflict',
      'question.answered',
      { decision: serverText(caller.locale, `question.decision.${a.decision}`), at: a.answeredAt },
      [],
      {
        decision: a.decision,
      },
    );
  if (stored.answer) throw answered(stored.answer);
  const accepted = input.decision === 'accepted';
  const scale = currencyScale(stored.currency);
  const minor = accepted ? amountInMinor(caller, input.amount!, scale) : undefined;
  if (minor === 0)
    throw refusal('invalid', 'question.zero-amount', {}, [
      { path: 'amount', message: serverText(caller.locale, 'question.zero-amount') },
    ]);
  const adjustmentPeriod = accepted ? await nextOpenPeriod(caller.tenantId, stored.period) : undefined;
  if (accepted && !adjustmentPeriod)
    throw refusal('conflict', 'question.no-open-period', { period: stored.period });
  const res = await storeAnswer(
    {
      tenantId: caller.tenantId,
      questionId: stored.questionId,
      decision: input.decision,
      comment: (input.comment ?? '').trim(),
      ...(minor !== undefined
        ? { amount: formatMinor(minor, scale), amountMinor: minor, adjustmentPeriod }
        : {}),
      answeredBy: caller.principal.personId,
      answeredAt: new Date().toISOString(),
    },
    stored,
  );
  if (res.status === 'conflict') throw answered(res.answer);
  return { status: 201, body: questionView(caller, { ...stored, answer: res.answer }) };
}
