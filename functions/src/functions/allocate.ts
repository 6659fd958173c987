// POST /api/allocate: splits a total over parts by a basis (even, last year, last period, weights or
// a blend) with the core's largest-remainder rounding, so the parts always sum exactly to the total.
import { allocate as allocateTotal, allocateRequest } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { requireSignedIn } from '../auth';
import { HttpError, handler, json, localeOf, readJson, statusTitle } from '../http';
import { route } from '../registry';

const MAX_ALLOCATE_BYTES = 16 * 1024 * 1024;

async function postAllocate(request: HttpRequest) {
  await requireSignedIn(request);
  const locale = localeOf(request);
  const body = await readJson(request, allocateRequest, { maxBytes: MAX_ALLOCATE_BYTES });
  try {
    return json(allocateTotal(body, locale));
  } catch (error) {
    // The schema admits what the core refuses only at its edges (e.g. a total too large to split exactly).
    if (error instanceof RangeError)
      throw new HttpError(400, statusTitle(locale, 400), error.message, [
        { path: 'total', message: error.message },
      ]);
    throw error;
  }
}

export const allocate = route({
  name: 'allocate',
  methods: ['POST'],
  route: 'allocate',
  maxBodyBytes: MAX_ALLOCATE_BYTES,
  handler: handler(postAllocate),
});
