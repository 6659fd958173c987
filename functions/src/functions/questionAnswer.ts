// POST /api/questions/{id}/answer (finance): `{ decision: 'accepted', amount, comment? }` — an
// adjustment paid by the next open period's run — or `{ decision: 'declined', comment }` with the
// reason. Answered once (409 for a second); audited; Idempotency-Key makes a retry safe.
import { questionAnswerRequest } from '@teamsheet/shared';
import { idOf } from '../address';
import { readJson } from '../http';
import { command } from '../http/command';
import { route } from '../registry';
import { answerQuestion } from '../workflows/questions';

export const questionAnswer = route({
  name: 'questionAnswer',
  methods: ['POST'],
  route: 'questions/{id}/answer',
  handler: command('question.answer', {
    roles: ['finance'],
    parse: async (request, caller) => ({
      questionId: idOf(caller.locale, request.params, 'id'),
      ...(await readJson(request, questionAnswerRequest)),
    }),
    period: () => null,
    run: answerQuestion,
  }),
});
