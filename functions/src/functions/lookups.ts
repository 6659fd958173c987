// POST /api/lookups: the cells of a recalculation's Teamsheet formulas (TEAMSHEET.TARGET, ACTUAL,
// ATTAINMENT, PAYOUT, PAYOUTSTATUS, SCORE, GRADE), answered per cell within the caller's rights
// (workflows/lookups.ts). ETag = hash of what was read; If-None-Match with it → 304.
import { lookupRequest, MAX_LOOKUP_CELLS } from '@teamsheet/shared';
import { signedInCaller } from '../auth';
import { handler, json, readJson } from '../http';
import { route } from '../registry';
import { answerLookups } from '../workflows/lookups';

/** 10,000 cells of four 200-character arguments stay well below this. */
export const MAX_LOOKUP_BODY_BYTES = MAX_LOOKUP_CELLS * 1_000;

export const lookups = route({
  name: 'lookups',
  methods: ['POST'],
  route: 'lookups',
  maxBodyBytes: MAX_LOOKUP_BODY_BYTES,
  handler: handler(async (request) => {
    const caller = await signedInCaller(request);
    const { cells } = await readJson(request, lookupRequest);
    const answer = await answerLookups(caller, cells);
    const headers = {
      etag: answer.etag,
      'cache-control': 'private, no-cache',
      vary: 'authorization, accept-language',
    };
    if (request.headers.get('if-none-match') === answer.etag) return { status: 304, headers };
    return json({ cells: answer.cells }, 200, headers);
  }),
});
