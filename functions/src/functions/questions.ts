// GET /api/questions?status=open|answered: the questions on statement lines, for finance to answer
// (workflows/questions.ts), oldest first, with the person's and the answerer's names.
import { financeCaller } from '../auth';
import { handler, json } from '../http';
import { serverText } from '../messages';
import { refusal } from '../refusal';
import { route } from '../registry';
import { questionQueue } from '../workflows/questions';

export const questions = route({
  name: 'questions',
  methods: ['GET'],
  route: 'questions',
  handler: handler(async (request) => {
    const caller = await financeCaller(request);
    const status = request.query.get('status');
    if (status !== null && status !== 'open' && status !== 'answered')
      throw refusal('invalid', 'question.status', { status }, [
        { path: 'query.status', message: serverText(caller.locale, 'question.status', { status }) },
      ]);
    return json(await questionQueue(caller, status));
  }),
});
