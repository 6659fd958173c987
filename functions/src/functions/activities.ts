// POST /api/activities: a manager uploads activity logs (visits, calls, leads, proposals, deals) for
// people in their scope and a period: one append-only batch, audited (workflows/uploadLedger.ts). 201
// with the batch, 200 when the same activities were stored before.
import { activity, periodId } from '@teamsheet/shared';
import { z } from 'zod';
import { readJson } from '../http';
import { command } from '../http/command';
import { refusal } from '../refusal';
import { route } from '../registry';
import { activityErrors, authorizeLedgerUpload, uploadActivities } from '../workflows/uploadLedger';

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
  handler: command('activities.upload', {
    roles: ['manager', 'regional_head', 'admin'],
    parse: async (request, caller) => {
      const body = await readJson(request, activityUpload, { maxBytes: MAX_ACTIVITY_BYTES });
      authorizeLedgerUpload(caller, { ...body, transactions: [] });
      const errors = activityErrors(body.period, body.activities, caller.org, caller.locale);
      if (errors.length > 0)
        throw refusal('invalid', 'http.body-invalid', { count: errors.length }, errors.slice(0, 100));
      return body;
    },
    period: (body) => body.period,
    run: uploadActivities,
  }),
});
