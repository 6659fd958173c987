// Questions on statement lines and their answers (docs/rules.md, Statements and questions) in the
// `history` container. A question and its answer are each one immutable document in the tenant's
// `<tenant>|questions` partition (the finance queue reads one partition); the answer's id is the
// question's, so a question is answered once. An accepted answer's adjustment is a third document in
// the partition of the period that pays it (`<tenant>|<period>`), read by that period's payout run.
import type { QuestionAdjustment } from '@teamsheet/shared';
import { getStore } from '../store/client';
import { appendAudit, createImmutable, queryByType, readOne } from '../store/docs';
import { contentHash } from '../store/hash';

export type QuestionDoc = {
  id: string;
  pk: string;
  type: 'question';
  tenantId: string;
  questionId: string;
  personId: string;
  period: string;
  /** The run whose line is questioned (the period's approved run when asked). */
  runId: string;
  lineId: string;
  component: string;
  lineType: string;
  /** The metric of a commission or override line, for its name. */
  lineMetric?: string;
  lineAmount: string;
  lineAmountMinor: number;
  currency: string;
  comment: string;
  askedBy: string;
  askedAt: string;
};

export type AnswerDoc = {
  id: string;
  pk: string;
  type: 'question-answer';
  tenantId: string;
  questionId: string;
  decision: 'accepted' | 'declined';
  comment: string;
  /** Accepted only: the amount and the period whose run pays it. */
  amount?: string;
  amountMinor?: number;
  adjustmentPeriod?: string;
  answeredBy: string;
  answeredAt: string;
};

export type AdjustmentDoc = QuestionAdjustment & {
  id: string;
  pk: string;
  type: 'question-adjustment';
  tenantId: string;
  period: string;
  amount: string;
  createdAt: string;
};

export type StoredQuestion = QuestionDoc & { answer?: AnswerDoc };

const questionsPk = (tenantId: string) => `${tenantId}|questions`;
const questionDocId = (questionId: string) => `question:${questionId}`;
const answerDocId = (questionId: string) => `question-answer:${questionId}`;
const adjustmentDocId = (period: string, questionId: string) => `question-adjustment:${period}:${questionId}`;
const entityOf = (tenantId: string, questionId: string) => `question:${tenantId}:${questionId}`;

/**
 * Stores a new question, audited. Its id derives from the line and how many questions the line had
 * before (`sequence`): of two asking at once, one creates it and the other gets `conflict`, so a line
 * never has two open questions.
 */
export async function storeQuestion(
  input: Omit<QuestionDoc, 'id' | 'pk' | 'type' | 'questionId'>,
  sequence: number,
): Promise<{ status: 'created'; question: QuestionDoc } | { status: 'conflict' }> {
  const { containers } = await getStore();
  const { tenantId, personId, period, lineId } = input;
  const questionId = `q-${contentHash({ tenantId, personId, period, lineId, sequence }).slice(0, 16)}`;
  const doc: QuestionDoc = {
    ...input,
    id: questionDocId(questionId),
    pk: questionsPk(input.tenantId),
    type: 'question',
    questionId,
  };
  const res = await createImmutable(containers.history, doc);
  if (res.status === 'conflict') return { status: 'conflict' };
  const stored = doc;
  await appendAudit({
    tenantId: input.tenantId,
    who: input.askedBy,
    action: 'question.ask',
    entity: entityOf(input.tenantId, questionId),
    beforeHash: null,
    afterHash: contentHash(stored),
    at: input.askedAt,
    details: { personId: input.personId, period: input.period, lineId: input.lineId },
  });
  return { status: 'created', question: stored };
}

/** A question with its answer, or undefined. */
export async function readQuestion(
  tenantId: string,
  questionId: string,
): Promise<StoredQuestion | undefined> {
  if (/[/\\#?]/.test(questionId)) return undefined;
  const { containers } = await getStore();
  const pk = questionsPk(tenantId);
  const question = await readOne<QuestionDoc>(containers.history, questionDocId(questionId), pk);
  if (!question) return undefined;
  const answer = await readOne<AnswerDoc>(containers.history, answerDocId(questionId), pk);
  return answer ? { ...question, answer } : question;
}

/** Every question of the tenant (optionally of one person and period) with its answer, oldest first. */
export async function listQuestions(
  tenantId: string,
  where: { personId?: string; period?: string } = {},
): Promise<StoredQuestion[]> {
  const { containers } = await getStore();
  const pk = questionsPk(tenantId);
  const filter = Object.fromEntries(Object.entries(where).filter(([, v]) => v !== undefined));
  const [questions, answers] = await Promise.all([
    queryByType<QuestionDoc>(containers.history, pk, 'question', { where: filter }),
    queryByType<AnswerDoc>(containers.history, pk, 'question-answer'),
  ]);
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  return questions
    .map((q) => {
      const answer = byId.get(q.questionId);
      return answer ? { ...q, answer } : q;
    })
    .sort((a, b) => (a.askedAt < b.askedAt ? -1 : a.askedAt > b.askedAt ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Stores the answer (the commit point: a second answer loses on the id and gets `conflict` with the
 * stored one), then, when accepted, its adjustment in the paying period; audited. A retry of an
 * accepted answer whose adjustment was not written yet writes it (ensureAdjustment).
 */
export async function storeAnswer(
  answer: Omit<AnswerDoc, 'id' | 'pk' | 'type'>,
  question: QuestionDoc,
): Promise<{ status: 'created'; answer: AnswerDoc } | { status: 'conflict'; answer: AnswerDoc }> {
  const { containers } = await getStore();
  const doc: AnswerDoc = {
    ...answer,
    id: answerDocId(answer.questionId),
    pk: questionsPk(answer.tenantId),
    type: 'question-answer',
  };
  const res = await createImmutable(containers.history, doc);
  if (res.status === 'conflict') {
    const stored = await readOne<AnswerDoc>(containers.history, doc.id, doc.pk);
    if (!stored) throw new Error(`answer of ${answer.questionId} conflicts but cannot be read`);
    await ensureAdjustment(stored, question);
    return { status: 'conflict', answer: stored };
  }
  await ensureAdjustment(doc, question);
  await appendAudit({
    tenantId: answer.tenantId,
    who: answer.answeredBy,
    action: `question.${answer.decision === 'accepted' ? 'accept' : 'decline'}`,
    entity: entityOf(answer.tenantId, answer.questionId),
    beforeHash: contentHash(question),
    afterHash: contentHash(doc),
    at: answer.answeredAt,
    details: {
      decision: answer.decision,
      ...(doc.amount ? { amount: doc.amount, adjustmentPeriod: doc.adjustmentPeriod } : {}),
    },
  });
  return { status: 'created', answer: doc };
}

/** The adjustment document of an accepted answer, written if absent (its id is the question's). */
async function ensureAdjustment(answer: AnswerDoc, question: QuestionDoc): Promise<void> {
  if (answer.decision !== 'accepted' || !answer.adjustmentPeriod || answer.amountMinor === undefined) return;
  const { containers } = await getStore();
  const period = answer.adjustmentPeriod;
  await createImmutable(containers.history, {
    id: adjustmentDocId(period, answer.questionId),
    pk: `${answer.tenantId}|${period}`,
    type: 'question-adjustment',
    tenantId: answer.tenantId,
    period,
    questionId: answer.questionId,
    personId: question.personId,
    amountMinor: answer.amountMinor,
    amount: answer.amount ?? '',
    corrects: {
      period: question.period,
      component: question.component,
      type: question.lineType,
      ...(question.lineMetric ? { metric: question.lineMetric } : {}),
    },
    createdAt: answer.answeredAt,
  } satisfies AdjustmentDoc);
}

/** The accepted questions' adjustments a period's run pays, of the people in `inScope`. */
export async function readAdjustments(
  tenantId: string,
  period: string,
  inScope: ReadonlySet<string>,
): Promise<QuestionAdjustment[]> {
  const { containers } = await getStore();
  const docs = await queryByType<AdjustmentDoc>(
    containers.history,
    `${tenantId}|${period}`,
    'question-adjustment',
  );
  return docs
    .filter((d) => inScope.has(d.personId))
    .map((d) => ({
      questionId: d.questionId,
      personId: d.personId,
      amountMinor: d.amountMinor,
      corrects: d.corrects,
    }))
    .sort((a, b) => (a.questionId < b.questionId ? -1 : 1));
}
