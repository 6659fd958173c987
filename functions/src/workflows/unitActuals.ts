// What is stored for a unit's people in a period (GET /api/actuals/{unitId}/{period}): the transactions
// crediting anyone of the unit's subtree (a split deal once, whole, with every credit as stored), their
// activity logs and the metric actuals of those people and units.
import type { Activity, Target, Transaction } from '@teamsheet/shared';
import type { Caller } from '../auth';
import { serverText } from '../messages';
import { refusal } from '../refusal';
import { readMetricActuals, readTransactionsOf } from '../repositories/actuals';
import { readActivities } from '../repositories/activities';

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

/** The stored actuals of `unitId` (in the caller's scope, checked by the route) for `period`; 404 for an unknown unit. */
export async function unitActuals(caller: Caller, unitId: string, period: string): Promise<UnitActuals> {
  const { locale, tenantId, org: index, orgVersion: version } = caller;
  if (!index.unit(unitId)) {
    const params = { unitId, version: version.version };
    throw refusal('not-found', 'actuals-read.unknown-unit', params, [
      { path: 'unitId', message: serverText(locale, 'actuals-read.unknown-unit', params) },
    ]);
  }
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
  return {
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
}
