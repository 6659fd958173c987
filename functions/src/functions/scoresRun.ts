// Stored scoring per period (docs/rules.md, Scores). POST /api/periods/{period}/scores: a manager in scope, a
// regional head or an admin scores the reps of a unit's subtree from the stored targets (latest plan
// versions) and actuals (transactions, metric actuals, activity logs) with the scorecard, ratings and
// deductions sent; the result is stored as a new append-only version (201). GET …/scores?unitId=
// [&version=n] reads the newest (or a given) version back.
import { deduction, rating, scorecard } from '@teamsheet/shared';
import { z } from 'zod';
import { allow, signedInCaller } from '../auth';
import { HttpError, handler, json, readJson } from '../http';
import type { HttpRequest } from '../azure';
import { route } from '../registry';
import { command } from '../http/command';
import { runScores } from '../workflows/runScores';
import { readScores } from '../store/scores';
import { MAX_SCORE_BODY_BYTES } from './scoresCompute';
import { routePeriod } from '../address';
import { serverText } from '../messages';

export const storedScoreRequest = z.object({
  unitId: z.string().min(1).max(200),
  scorecard,
  ratings: z.array(rating).max(2_000_000).optional(),
  deductions: z.array(deduction).max(200_000).optional(),
});

const SCORING_ROLES = ['manager', 'regional_head', 'admin'] as const;

const postScores = command('scores.run', {
  roles: [...SCORING_ROLES],
  parse: async (request, caller) => {
    const period = routePeriod(request);
    const body = await readJson(request, storedScoreRequest, { maxBytes: MAX_SCORE_BODY_BYTES });
    // Scope first: outside it, a unit that exists and one that does not get the same 403.
    allow(caller, { unitId: body.unitId });
    if (!caller.org.unit(body.unitId))
      throw HttpError.of(400, 'http.body-invalid', { count: 1 }, [
        { path: 'unitId', message: `${body.unitId} is not a unit of the organisation` },
      ]);
    return { ...body, period };
  },
  // Scores are not frozen by a closed period: they are recomputed as a new version (docs/rules.md, Scores).
  period: () => null,
  run: runScores,
});

async function getScores(request: HttpRequest) {
  const period = routePeriod(request);
  const caller = await signedInCaller(request);
  const { locale, tenantId, org } = caller;
  const url = new URL(request.url);
  const unitId = url.searchParams.get('unitId') ?? '';
  const versionText = url.searchParams.get('version');
  // Scope first: outside it, a unit that exists and one that does not get the same 403.
  if (unitId) allow(caller, { unitId });
  const errors = [];
  if (!unitId || !org.unit(unitId))
    errors.push({ path: 'unitId', message: `unknown unit ${unitId || '(none)'}` });
  const version = versionText === null ? undefined : Number(versionText);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1))
    errors.push({ path: 'version', message: `expected a version number 1, 2, …; got ${versionText}` });
  if (errors.length > 0) throw HttpError.of(400, 'http.body-invalid', { count: errors.length }, errors);
  const stored = await readScores(tenantId, unitId, period, version);
  if (!stored)
    throw new HttpError(
      404,
      'Not found',
      serverText(locale, 'scores.no-scores', { unitId, period, version: version ? ` v${version}` : '' }),
    );
  return json(stored, 200, { etag: `"${stored.version}"` });
}

const getHandler = handler(getScores);

export const scoresRun = route({
  name: 'scoresRun',
  methods: ['GET', 'POST'],
  route: 'periods/{period}/scores',
  maxBodyBytes: MAX_SCORE_BODY_BYTES,
  handler: (request, context) => (request.method === 'POST' ? postScores : getHandler)(request, context),
});
