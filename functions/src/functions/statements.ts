// GET /api/statements/{personId}/{period}: a person's pay statement of a month — the person, the
// managers above them and finance (workflows/statement.ts). 200 with `status: 'none'` and a message in
// the caller's language while no approved run pays the month.
import { signedInCaller } from '../auth';
import { idOf } from '../address';
import { handler, json } from '../http';
import { route } from '../registry';
import { authorizeStatement, readStatement, statementPeriod } from '../workflows/statement';

export const statements = route({
  name: 'statements',
  methods: ['GET'],
  route: 'statements/{personId}/{period}',
  handler: handler(async (request) => {
    const caller = await signedInCaller(request);
    const personId = idOf(caller.locale, request.params, 'personId');
    const period = statementPeriod(caller, request.params.period ?? '');
    authorizeStatement(caller, personId);
    return json(await readStatement(caller, { personId, period }));
  }),
});
