// POST /api/actuals: a manager (for people in scope) or finance uploads a period's transactions, and
// optionally activities and metric actuals. Idempotent by Idempotency-Key; each transaction is stored
// once by its id; changed content for a stored id is a 409 naming the ids; a closed period is a 409.
// A transaction with `adjusts` corrects a transaction of an earlier period (prior-period adjustment).
import {
  activity,
  childPeriods,
  monthsOf,
  periodEnd,
  periodId,
  periodStart,
  target,
  transaction,
  type FieldError,
  type Locale,
  type OrgIndex,
  type Transaction,
} from '@teamsheet/shared';
import { z } from 'zod';
import type { HttpRequest } from '../azure';
import { authorize, signedInCaller, type Principal } from '../auth';
import { HttpError, handler, json, readJson } from '../http';
import { route } from '../registry';
import { idempotent } from '../store';
import { readTransaction, saveMetricActuals, saveTransactions } from '../store/actuals';
import { saveActivityBatch } from '../store/activities';
import { payoutError, payoutText } from '../store/payoutMessages';
import { assertPeriodOpen } from '../store/periods';

const MAX_ACTUALS_BYTES = 64 * 1024 * 1024;

export const actualsUpload = z.object({
  period: periodId,
  transactions: z.array(transaction).max(500_000).default([]),
  activities: z.array(activity).max(500_000).optional(),
  metricActuals: z.array(target).max(500_000).optional(),
});
type ActualsUpload = z.infer<typeof actualsUpload>;

/** Characters Cosmos DB refuses in a document id, which a transaction id becomes part of. */
const ID_FORBIDDEN = /[/\\?#]/;

function bodyErrors(body: ActualsUpload, org: OrgIndex, locale: Locale): FieldError[] {
  const errors: FieldError[] = [];
  const start = periodStart(body.period);
  const end = periodEnd(body.period);
  // Ids already met, with the row of their first appearance (rows compared only for a repeated id).
  const seen = new Map<string, number>();
  body.transactions.forEach((t, i) => {
    if (ID_FORBIDDEN.test(t.id))
      errors.push({ path: `transactions[${i}].id`, message: 'a transaction id may not contain / \\ ? or #' });
    if (t.date < start || t.date > end)
      errors.push({
        path: `transactions[${i}].date`,
        message: payoutText(locale, 'actuals.outside-period', {
          id: t.id,
          date: t.date,
          period: body.period,
        }),
      });
    t.credits.forEach((c, j) => {
      if (!org.person(c.personId))
        errors.push({
          path: `transactions[${i}].credits[${j}].personId`,
          message: payoutText(locale, 'actuals.unknown-person', { personId: c.personId }),
        });
    });
    const earlier = seen.get(t.id);
    if (earlier === undefined) seen.set(t.id, i);
    else if (JSON.stringify(body.transactions[earlier]) !== JSON.stringify(t))
      errors.push({
        path: `transactions[${i}].id`,
        message: payoutText(locale, 'actuals.duplicate-in-body', { id: t.id }),
      });
    if (t.adjusts && periodEnd(t.adjusts.period) >= start)
      errors.push({
        path: `transactions[${i}].adjusts.period`,
        message: payoutText(locale, 'actuals.adjusts-not-earlier', {
          adjusted: t.adjusts.period,
          period: body.period,
        }),
      });
  });
  const inPeriod = new Set([
    body.period,
    ...monthsOf(body.period),
    ...(body.period.length === 4 ? childPeriods(body.period) : []),
  ]);
  body.activities?.forEach((a, i) => {
    if (!inPeriod.has(a.period))
      errors.push({
        path: `activities[${i}].period`,
        message: `${a.period} is not ${body.period} nor a month or quarter of it`,
      });
    if (!org.person(a.personId))
      errors.push({
        path: `activities[${i}].personId`,
        message: payoutText(locale, 'actuals.unknown-person', { personId: a.personId }),
      });
  });
  body.metricActuals?.forEach((m, i) => {
    if (!inPeriod.has(m.period))
      errors.push({
        path: `metricActuals[${i}].period`,
        message: `${m.period} is not ${body.period} nor a month or quarter of it`,
      });
    if (!org.person(m.owner) && !org.unit(m.owner))
      errors.push({
        path: `metricActuals[${i}].owner`,
        message: `${m.owner} is neither a person nor a unit of the organisation`,
      });
  });
  return errors;
}

/**
 * A manager may upload only for people (and units) in their scope; finance for everyone. Checked
 * before the rows' own checks, so that outside the caller's scope an id that exists and one that does
 * not get the same 403, at the first row naming it.
 */
function authorizeScope(principal: Principal, body: ActualsUpload, org: OrgIndex, locale: Locale): void {
  const firstPath = new Map<string, string>();
  const note = (personId: string, path: string) => {
    if (!firstPath.has(personId)) firstPath.set(personId, path);
  };
  body.transactions.forEach((t, i) =>
    t.credits.forEach((c, j) => note(c.personId, `transactions[${i}].credits[${j}].personId`)),
  );
  body.activities?.forEach((a, i) => note(a.personId, `activities[${i}].personId`));
  for (const [personId, path] of firstPath) authorize(principal, { personId, path, org, locale });
  body.metricActuals?.forEach((m, i) =>
    authorize(principal, { ownerId: m.owner, path: `metricActuals[${i}].owner`, org, locale }),
  );
}

/** Each adjustment must name a transaction stored in the period it corrects (422 otherwise). */
async function checkAdjustments(
  tenantId: string,
  transactions: readonly Transaction[],
  locale: Locale,
): Promise<void> {
  const errors: FieldError[] = [];
  for (const [i, t] of transactions.entries()) {
    if (!t.adjusts) continue;
    const original = await readTransaction(tenantId, t.adjusts.period, t.adjusts.transactionId);
    if (!original)
      errors.push({
        path: `transactions[${i}].adjusts.transactionId`,
        message: payoutText(locale, 'actuals.adjusts-unknown', {
          transactionId: t.adjusts.transactionId,
          adjusted: t.adjusts.period,
        }),
      });
  }
  if (errors.length > 0)
    throw HttpError.of(422, 'http.body-invalid', { count: errors.length }, errors.slice(0, 100));
}

async function upload(request: HttpRequest) {
  const { principal, tenantId, locale, org } = await signedInCaller(request, {
    roles: ['manager', 'regional_head', 'finance'],
  });
  const body = await readJson(request, actualsUpload, { maxBytes: MAX_ACTUALS_BYTES });
  authorizeScope(principal, body, org, locale);
  const errors = bodyErrors(body, org, locale);
  if (errors.length > 0)
    throw HttpError.of(400, 'http.body-invalid', { count: errors.length }, errors.slice(0, 100));
  if (body.transactions.length === 0 && !body.activities?.length && !body.metricActuals?.length)
    throw payoutError(locale, 400, 'actuals.empty', {}, [
      { path: 'transactions', message: payoutText(locale, 'actuals.empty') },
    ]);

  const answer = await idempotent({
    tenantId,
    caller: principal.personId,
    key: request.headers.get('idempotency-key'),
    request: { method: 'POST', route: 'actuals', body },
    run: async () => {
      await assertPeriodOpen(tenantId, body.period, locale);
      await checkAdjustments(tenantId, body.transactions, locale);
      const who = principal.personId;
      const saved = await saveTransactions({
        tenantId,
        period: body.period,
        transactions: body.transactions,
        who,
      });
      if (saved.status === 'conflict') {
        const ids = saved.ids.slice(0, 20).join(', ') + (saved.ids.length > 20 ? ', …' : '');
        const error = payoutError(
          locale,
          409,
          'actuals.conflict',
          { count: saved.ids.length, period: body.period, ids },
          undefined,
          { ids: saved.ids },
        );
        throw error;
      }
      const activities = body.activities?.length
        ? await saveActivityBatch({ tenantId, period: body.period, activities: body.activities, who })
        : undefined;
      const metricActuals = body.metricActuals?.length
        ? await saveMetricActuals({ tenantId, period: body.period, rows: body.metricActuals, who })
        : undefined;
      const created =
        saved.stored > 0 || activities?.status === 'created' || metricActuals?.status === 'created';
      const { status: _status, ...transactions } = saved;
      const response = json(
        {
          period: body.period,
          transactions,
          ...(activities
            ? { activities: { ...activities.batch, created: activities.status === 'created' } }
            : {}),
          ...(metricActuals ? { metricActuals } : {}),
        },
        created ? 201 : 200,
      );
      return {
        status: response.status ?? 200,
        headers: response.headers as Record<string, string>,
        body: response.body as string,
      };
    },
  });
  const { replayed, ...response } = answer;
  return replayed
    ? { ...response, headers: { ...response.headers, 'idempotent-replayed': 'true' } }
    : response;
}

export const actuals = route({
  name: 'actuals',
  methods: ['POST'],
  route: 'actuals',
  maxBodyBytes: MAX_ACTUALS_BYTES,
  handler: handler(upload),
});
