// Upload to the ledger (docs/rules.md, Payouts and Activities): a period's transactions, and
// optionally activity logs and metric actuals, each stored once by its id. Who may send what is
// checked before the rows' own checks; every row is checked before anything is written.
import {
  childPeriods,
  monthsOf,
  periodEnd,
  periodStart,
  type Activity,
  type FieldError,
  type Locale,
  type OrgIndex,
  type Target,
  type Transaction,
} from '@teamsheet/shared';
import { allow, type Caller } from '../auth';
import type { CommandAnswer } from './answer';
import { serverText } from '../messages';
import { refusal } from '../refusal';
import { readTransaction, saveMetricActuals, saveTransactions } from '../repositories/actuals';
import { saveActivityBatch } from '../repositories/activities';

export type LedgerUpload = {
  period: string;
  transactions: Transaction[];
  activities?: Activity[];
  metricActuals?: Target[];
};

/** Characters Cosmos DB refuses in a document id, which a transaction id becomes part of. */
const ID_FORBIDDEN = /[/\\?#]/;

/** The period itself and the months and quarters in it: where its logs and metric actuals may fall. */
function periodsIn(period: string): Set<string> {
  return new Set([period, ...monthsOf(period), ...(period.length === 4 ? childPeriods(period) : [])]);
}

/** The row errors of activity logs of `period`: the period each names, the person, the count. */
export function activityErrors(
  period: string,
  activities: readonly Activity[],
  org: OrgIndex,
  locale: Locale,
  base = 'activities',
): FieldError[] {
  const inPeriod = periodsIn(period);
  const errors: FieldError[] = [];
  activities.forEach((a, i) => {
    const at = `${base}[${i}]`;
    if (!inPeriod.has(a.period))
      errors.push({
        path: `${at}.period`,
        message: serverText(locale, 'actuals.not-in-period', { value: a.period, period }),
      });
    if (!org.person(a.personId))
      errors.push({
        path: `${at}.personId`,
        message: serverText(locale, 'actuals.unknown-person', { personId: a.personId }),
      });
    if (a.value < 0)
      errors.push({
        path: `${at}.value`,
        message: serverText(locale, 'actuals.negative-count', { value: a.value }),
      });
  });
  return errors;
}

function transactionErrors(body: LedgerUpload, org: OrgIndex, locale: Locale): FieldError[] {
  const errors: FieldError[] = [];
  const start = periodStart(body.period);
  const end = periodEnd(body.period);
  // Ids already met, with the row of their first appearance (rows compared only for a repeated id).
  const seen = new Map<string, number>();
  body.transactions.forEach((t, i) => {
    const at = `transactions[${i}]`;
    if (ID_FORBIDDEN.test(t.id))
      errors.push({
        path: `${at}.id`,
        message: serverText(locale, 'address.id', { name: 'id', value: t.id }),
      });
    if (t.date < start || t.date > end)
      errors.push({
        path: `${at}.date`,
        message: serverText(locale, 'actuals.outside-period', {
          id: t.id,
          date: t.date,
          period: body.period,
        }),
      });
    t.credits.forEach((c, j) => {
      if (!org.person(c.personId))
        errors.push({
          path: `${at}.credits[${j}].personId`,
          message: serverText(locale, 'actuals.unknown-person', { personId: c.personId }),
        });
    });
    const earlier = seen.get(t.id);
    if (earlier === undefined) seen.set(t.id, i);
    else if (JSON.stringify(body.transactions[earlier]) !== JSON.stringify(t))
      errors.push({
        path: `${at}.id`,
        message: serverText(locale, 'actuals.duplicate-in-body', { id: t.id }),
      });
    if (t.adjusts && periodEnd(t.adjusts.period) >= start)
      errors.push({
        path: `${at}.adjusts.period`,
        message: serverText(locale, 'actuals.adjusts-not-earlier', {
          adjusted: t.adjusts.period,
          period: body.period,
        }),
      });
  });
  return errors;
}

function metricErrors(body: LedgerUpload, org: OrgIndex, locale: Locale): FieldError[] {
  const inPeriod = periodsIn(body.period);
  const errors: FieldError[] = [];
  body.metricActuals?.forEach((m, i) => {
    if (!inPeriod.has(m.period))
      errors.push({
        path: `metricActuals[${i}].period`,
        message: serverText(locale, 'actuals.not-in-period', { value: m.period, period: body.period }),
      });
    if (!org.person(m.owner) && !org.unit(m.owner))
      errors.push({
        path: `metricActuals[${i}].owner`,
        message: serverText(locale, 'actuals.unknown-owner', { owner: m.owner }),
      });
  });
  return errors;
}

/**
 * Who may send what: a manager for people (and units) in their scope, finance for everyone. Checked
 * before the rows' own checks, so that outside the caller's scope an id that exists and one that does
 * not get the same 403, at the first row naming it.
 */
export function authorizeLedgerUpload(caller: Caller, body: LedgerUpload): void {
  const firstPath = new Map<string, string>();
  const note = (personId: string, path: string) => {
    if (!firstPath.has(personId)) firstPath.set(personId, path);
  };
  body.transactions.forEach((t, i) =>
    t.credits.forEach((c, j) => note(c.personId, `transactions[${i}].credits[${j}].personId`)),
  );
  body.activities?.forEach((a, i) => note(a.personId, `activities[${i}].personId`));
  for (const [personId, path] of firstPath) allow(caller, { personId, path });
  body.metricActuals?.forEach((m, i) =>
    allow(caller, { ownerId: m.owner, path: `metricActuals[${i}].owner` }),
  );
}

/** Every row checked (400 naming each bad field), and something to store (400 when empty). */
export function checkLedgerUpload(caller: Caller, body: LedgerUpload): void {
  const { org, locale } = caller;
  const errors = [
    ...transactionErrors(body, org, locale),
    ...activityErrors(body.period, body.activities ?? [], org, locale),
    ...metricErrors(body, org, locale),
  ];
  if (errors.length > 0)
    throw refusal('invalid', 'http.body-invalid', { count: errors.length }, errors.slice(0, 100));
  if (body.transactions.length === 0 && !body.activities?.length && !body.metricActuals?.length)
    throw refusal('invalid', 'actuals.empty', {}, [
      { path: 'transactions', message: serverText(locale, 'actuals.empty') },
    ]);
}

/** Each adjustment must name a transaction stored in the period it corrects (422 otherwise). */
async function checkAdjustments(caller: Caller, transactions: readonly Transaction[]): Promise<void> {
  const errors: FieldError[] = [];
  for (const [i, t] of transactions.entries()) {
    if (!t.adjusts) continue;
    const original = await readTransaction(caller.tenantId, t.adjusts.period, t.adjusts.transactionId);
    if (!original)
      errors.push({
        path: `transactions[${i}].adjusts.transactionId`,
        message: serverText(caller.locale, 'actuals.adjusts-unknown', {
          transactionId: t.adjusts.transactionId,
          adjusted: t.adjusts.period,
        }),
      });
  }
  if (errors.length > 0)
    throw refusal('unprocessable', 'http.body-invalid', { count: errors.length }, errors.slice(0, 100));
}

export async function uploadLedger(caller: Caller, body: LedgerUpload): Promise<CommandAnswer> {
  const { tenantId } = caller;
  const who = caller.principal.personId;
  await checkAdjustments(caller, body.transactions);
  const saved = await saveTransactions({
    tenantId,
    period: body.period,
    transactions: body.transactions,
    who,
  });
  if (saved.status === 'conflict') {
    const ids = saved.ids.slice(0, 20).join(', ') + (saved.ids.length > 20 ? ', …' : '');
    throw refusal('conflict', 'actuals.conflict', { count: saved.ids.length, period: body.period, ids }, [], {
      ids: saved.ids,
    });
  }
  const activities = body.activities?.length
    ? await saveActivityBatch({ tenantId, period: body.period, activities: body.activities, who })
    : undefined;
  const metricActuals = body.metricActuals?.length
    ? await saveMetricActuals({ tenantId, period: body.period, rows: body.metricActuals, who })
    : undefined;
  const created = saved.stored > 0 || activities?.status === 'created' || metricActuals?.status === 'created';
  const { status: _status, ...transactions } = saved;
  return {
    status: created ? 201 : 200,
    body: {
      period: body.period,
      transactions,
      ...(activities
        ? { activities: { ...activities.batch, created: activities.status === 'created' } }
        : {}),
      ...(metricActuals ? { metricActuals } : {}),
    },
  };
}

/** Activity logs alone (POST /api/activities): one append-only batch, audited. */
export async function uploadActivities(
  caller: Caller,
  body: { period: string; activities: Activity[] },
): Promise<CommandAnswer> {
  const res = await saveActivityBatch({
    tenantId: caller.tenantId,
    period: body.period,
    activities: body.activities,
    who: caller.principal.personId,
  });
  return {
    status: res.status === 'created' ? 201 : 200,
    body: { ...res.batch, created: res.status === 'created' },
  };
}
