// The Questions section's state (finance): the open questions, the one being answered with its
// decision, amount and comment, checked before sending, and the notice of the last answer as a key
// and its parameters. Answers are sent with an Idempotency-Key (WriteAttempt).
import { useCallback, useEffect, useState } from 'react';
import { WriteAttempt } from '../../api';
import type { PageProps } from '../../pages/PageProps';
import { useBusy } from '../common/useBusy';
import { answerQuestion, openQuestions, type Notice, type Question } from './statement';

export type Draft = { decision: 'accepted' | 'declined'; amount: string; comment: string };
const EMPTY: Draft = { decision: 'accepted', amount: '', comment: '' };

/** The amount a person typed, as a number in major units, or null when it is not one or is zero. */
export function amountOf(text: string): number | null {
  const t = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && n !== 0 ? n : null;
}

export function useQuestions({ api, onError }: PageProps) {
  const [questions, setQuestions] = useState<Question[] | null>(null);
  const [answering, setAnswering] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [invalid, setInvalid] = useState<'amount' | 'comment' | null>(null);
  // The last answer's notice, and whose question it was (the question leaves the open list).
  const [notice, setNotice] = useState<{ notice: Notice; question: Question } | null>(null);
  const [attempt] = useState(() => new WriteAttempt());
  const { busy, run } = useBusy<'read' | 'answer'>();

  const refresh = useCallback(
    () =>
      run('read', async () => {
        try {
          setQuestions(await openQuestions(api));
        } catch (e) {
          onError(e);
        }
      }),
    [api, run, onError],
  );
  useEffect(() => {
    void refresh();
    // Read once when the section opens; Refresh reads again.
  }, []);

  const start = (questionId: string) => {
    setAnswering(questionId);
    setDraft(EMPTY);
    setInvalid(null);
  };

  const send = async () => {
    const question = questions?.find((q) => q.questionId === answering);
    if (!question) return;
    const amount = amountOf(draft.amount);
    if (draft.decision === 'accepted' && amount === null) return setInvalid('amount');
    if (draft.decision === 'declined' && !draft.comment.trim()) return setInvalid('comment');
    setInvalid(null);
    const body =
      draft.decision === 'accepted'
        ? { decision: 'accepted' as const, amount: amount!, comment: draft.comment.trim() }
        : { decision: 'declined' as const, comment: draft.comment.trim() };
    await run('answer', async () => {
      try {
        const answered = await attempt.send(JSON.stringify({ id: question.questionId, ...body }), (key) =>
          answerQuestion(api, question.questionId, body, key),
        );
        setAnswering(null);
        setNotice({
          question: answered,
          notice: {
            intent: 'success',
            key: answered.answer?.decision === 'accepted' ? 'questions.accepted' : 'questions.declined',
          },
        });
        setQuestions(await openQuestions(api));
      } catch (e) {
        onError(e);
      }
    });
  };

  return {
    questions,
    busy,
    answering,
    start,
    cancel: () => setAnswering(null),
    draft,
    setDraft: (d: Partial<Draft>) => {
      setDraft((c) => ({ ...c, ...d }));
      setInvalid(null); // a field's complaint goes once the field changes
    },
    invalid,
    notice,
    send,
    refresh,
  };
}
