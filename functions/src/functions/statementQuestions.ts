// POST /api/statements/{personId}/{period}/questions: the person questions a line of their approved
// statement, `{ lineId, comment }` (workflows/questions.ts). A closed period may be questioned: the
// question is a record of its own and the period never changes; Idempotency-Key makes a retry safe.
import { questionRequest } from '@teamsheet/shared';
import { idOf } from '../address';
import { readJson } from '../http';
import { command } from '../http/command';
import { route } from '../registry';
import { askQuestion, authorizeAsk } from '../workflows/questions';
import { statementPeriod } from '../workflows/statement';

export const statementQuestions = route({
  name: 'statementQuestions',
  methods: ['POST'],
  route: 'statements/{personId}/{period}/questions',
  handler: command('question.ask', {
    parse: async (request, caller) => {
      const personId = idOf(caller.locale, request.params, 'personId');
      const period = statementPeriod(caller, request.params.period ?? '');
      authorizeAsk(caller, personId);
      const body = await readJson(request, questionRequest);
      return { personId, period, lineId: body.lineId, comment: body.comment };
    },
    period: () => null,
    run: askQuestion,
  }),
});
