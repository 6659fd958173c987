// POST /api/activities: a manager uploads activity logs (visits, calls, leads, proposals, deals) for
// people in their scope and a period. Idempotent with Idempotency-Key; each upload is an append-only
// batch, audited. 201 with the batch, 200 when the same activities were stored before.
import { activity, childPeriods, monthsOf, periodId, type FieldError } from '@teamsheet/shared';
import { z } from 'zod';
import { allow, signedInCaller } from '../auth';
import { HttpError, handler, json, readJson } from '../http';
import { assertPeriodOpen } from '../store/periods';
import { route } from '../registry';
import { idempotent } from '../store';
import { saveActivityBatch } from '../store/activities';

const MAX_ACTIVITY_BYTES = 32 * 1024 * 1024;

export const activityUpload = z.object({
  period: periodId,
  activities: z.array(activity).min(1).max(500_000),
});

export const activities = route({
  name: 'activities',
  methods: ['POST'],
  route: 'activities',
  maxBodyBytes: MAX_ACTIVITY_BYTES,
  handler: handler(async (request) => {
    const caller = await signedInCaller(request, { roles: ['manager', 'regional_head', 'admin'] });
    const { principal, tenantId, locale, org } = caller;
    const body = await readJson(request, activityUpload, { maxBytes: MAX_ACTIVITY_BYTES });
    // Every person must be in the caller's scope, checked before the rows' own checks so that outside
    // it a person who exists and one who does not get the same 403, at the first row naming them.
    const seen = new Set<string>();
    body.activities.forEach((a, i) => {
      if (!seen.has(a.personId)) allow(caller, { personId: a.personId, path: `activities[${i}].personId` });
      seen.add(a.personId);
    });

    const inPeriod = new Set([
      body.period,
      ...monthsOf(body.period),
      ...(body.period.length === 4 ? childPeriods(body.period) : []),
    ]);
    const errors: FieldError[] = [];
    body.activities.forEach((a, i) => {
      if (!inPeriod.has(a.period))
        errors.push({
          path: `activities[${i}].period`,
          message: `${a.period} is not ${body.period} nor a month or quarter of it`,
        });
      if (!org.person(a.personId))
        errors.push({
          path: `activities[${i}].personId`,
          message: `${a.personId} is not a person of the organisation`,
        });
      if (a.value < 0)
        errors.push({ path: `activities[${i}].value`, message: 'an activity count is not negative' });
    });
    if (errors.length > 0)
      throw HttpError.of(400, 'http.body-invalid', { count: errors.length }, errors.slice(0, 100));
    await assertPeriodOpen(tenantId, body.period, locale); // a closed period takes no more logs

    const answer = await idempotent({
      tenantId,
      caller: principal.personId,
      key: request.headers.get('idempotency-key'),
      request: { method: 'POST', route: 'activities', body },
      run: async () => {
        const res = await saveActivityBatch({
          tenantId,
          period: body.period,
          activities: body.activities,
          who: principal.personId,
        });
        const response = json(
          { ...res.batch, created: res.status === 'created' },
          res.status === 'created' ? 201 : 200,
        );
        return { status: response.status ?? 200, body: response.body as string };
      },
    });
    return {
      ...json(JSON.parse(answer.body ?? '{}'), answer.status),
      ...(answer.replayed
        ? { headers: { 'content-type': 'application/json; charset=utf-8', 'idempotent-replayed': 'true' } }
        : {}),
    };
  }),
});
