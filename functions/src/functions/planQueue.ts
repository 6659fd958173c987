// GET /api/plans?parent={unitId}&period={period}: the review queue — every unit directly below the
// parent with its plan's status, due date, lateness, submitter, version, findings summary and review
// (workflows/reviewQueue.ts). The parent must be in the caller's scope.
import type { HttpRequest } from '../azure';
import { allow, signedInCaller } from '../auth';
import { handler, json } from '../http';
import { route } from '../registry';
import { refusal } from '../refusal';
import { idOf, periodOf } from '../address';
import { reviewQueue } from '../workflows/reviewQueue';

async function getQueue(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { locale } = caller;
  const query = { parent: request.query.get('parent') ?? '', period: request.query.get('period') ?? '' };
  const parentId = idOf(locale, query, 'parent');
  const period = periodOf(locale, query);
  allow(caller, { unitId: parentId });
  if (!caller.org.unit(parentId)) throw refusal('not-found', 'plan.unit-unknown', { unitId: parentId });
  return json(await reviewQueue(caller, parentId, period));
}

export const planQueue = route({
  name: 'planQueue',
  methods: ['GET'],
  route: 'plans',
  handler: handler(getQueue),
});
