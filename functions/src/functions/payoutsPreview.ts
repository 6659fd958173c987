// POST /api/payouts/preview: a stateless what-if for anyone signed in — a PayoutRequest in, the payout
// lines with their traces, per-person totals and findings out (the core's engine); nothing is stored.
import { computePayouts, payoutRequest } from '@teamsheet/shared';
import { requireSignedIn } from '../auth';
import { handler, json, localeOf, readJson } from '../http';
import { route } from '../registry';

const MAX_PREVIEW_BYTES = 64 * 1024 * 1024;

export const payoutsPreview = route({
  name: 'payoutsPreview',
  methods: ['POST'],
  route: 'payouts/preview',
  maxBodyBytes: MAX_PREVIEW_BYTES,
  handler: handler(async (request) => {
    await requireSignedIn(request);
    const body = await readJson(request, payoutRequest, { maxBytes: MAX_PREVIEW_BYTES });
    return json(computePayouts(body, { locale: localeOf(request) }));
  }),
});
