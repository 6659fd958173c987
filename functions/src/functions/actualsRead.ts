// GET /api/actuals/{unitId}/{period}: the stored transactions of a period (and of its months) that
// credit anyone in a unit's subtree, with the activity logs and metric actuals of those people, for a
// manager or regional head in scope (finance and admin: any unit). A split deal is answered once,
// whole, with every credit as stored: the shares belong to the deal, not to the team asking.
import { parsePeriod, type Activity, type Target, type Transaction } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { allow, signedInCaller } from '../auth';
import { HttpError, handler, json, statusTitle, type FieldError } from '../http';
import { route } from '../registry';
import { readMetricActuals, readTransactionsOf } from '../repositories/actuals';
import { readActivities } from '../repositories/activities';
import { serverText } from '../messages';

const UNIT_ID = /^[^/\\?#]{1,200}$/;

/** The answer: what was stored for the unit's people, and how much of it there is. */
export type UnitActuals = {
  unitId: string;
  period: string;
  orgVersion: number;
  /** The people of the unit's subtree (every role), whose credits and logs are answered. */
  people: string[];
  transactions: Transaction[];
  activities: Activity[];
  metricActuals: Target[];
  counts: { transactions: number; credits: number; activities: number; metricActuals: number };
};

async function readUnitActuals(request: HttpRequest) {
  const caller = await signedInCaller(request, { roles: ['manager', 'regional_head', 'finance', 'admin'] });
  const { locale, tenantId, org: index, orgVersion: version } = caller;
  const unitId = request.params.unitId ?? '';
  const period = request.params.period ?? '';
  const errors: FieldError[] = [];
  if (!UNIT_ID.test(unitId))
    errors.push({ path: 'unitId', message: serverText(locale, 'actuals-read.bad-unit', { unitId }) });
  if (!parsePeriod(period))
    errors.push({ path: 'period', message: serverText(locale, 'actuals-read.bad-period', { period }) });
  if (errors.length > 0)
    throw new HttpError(
      400,
      statusTitle(locale, 400),
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors,
    );

  // Scope first: outside it, a unit that exists and one that does not get the same 403.
  allow(caller, { unitId });
  if (!index.unit(unitId))
    throw new HttpError(
      404,
      statusTitle(locale, 404),
      serverText(locale, 'actuals-read.unknown-unit', { unitId, version: version.version }),
      [
        {
          path: 'unitId',
          message: serverText(locale, 'actuals-read.unknown-unit', { unitId, version: version.version }),
        },
      ],
    );

  const units = new Set(index.subtree(unitId));
  const people = index.peopleIn(unitId, { deep: true }).map((p) => p.id);
  const ours = new Set(people);
  const [transactions, storedMetrics, logged] = await Promise.all([
    readTransactionsOf(tenantId, period, people),
    readMetricActuals(tenantId, period),
    readActivities(tenantId, period),
  ]);
  const activities = logged.activities.filter((a) => ours.has(a.personId));
  const metricActuals = storedMetrics.filter((m) => ours.has(m.owner) || units.has(m.owner));
  const answer: UnitActuals = {
    unitId,
    period,
    orgVersion: version.version,
    people,
    transactions,
    activities,
    metricActuals,
    counts: {
      transactions: transactions.length,
      credits: transactions.reduce((n, t) => n + t.credits.length, 0),
      activities: activities.length,
      metricActuals: metricActuals.length,
    },
  };
  return json(answer, 200, { 'cache-control': 'no-store' });
}

export const actualsRead = route({
  name: 'actualsRead',
  methods: ['GET'],
  route: 'actuals/{unitId}/{period}',
  handler: handler(readUnitActuals),
});
