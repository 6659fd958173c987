// Stored scoring per period (docs/rules.md, Scores). POST /api/periods/{period}/scores: a manager in scope, a
// regional head or an admin scores the reps of a unit's subtree from the stored targets (latest plan
// versions) and actuals (transactions, metric actuals, activity logs) with the scorecard, ratings and
// deductions sent; the result is stored as a new append-only version (201). GET …/scores?unitId=
// [&version=n] reads the newest (or a given) version back.
import { deduction, rating, scorecard } from '@teamsheet/shared';
import { z } from 'zod';
import { allow, signedInCaller } from '../auth';
import { handler, json, readJson } from '../http';
import type { HttpRequest } from '../azure';
import { route } from '../registry';
import { command } from '../http/command';
import { runScores } from '../workflows/runScores';
import { readScores } from '../repositories/scores';
import { MAX_SCORE_BODY_BYTES } from './scoresCompute';
import { routePeriod, unknownUnit, versionParam, versionTag } from '../address';
import { refusal } from '../refusal';

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
    if (!caller.org.unit(body.unitId)) throw unknownUnit(caller.locale, body.unitId);
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
  const unitId = request.query.get('unitId') ?? '';
  // Scope first: outside it, a unit that exists and one that does not get the same 403.
  if (unitId) allow(caller, { unitId });
  if (!unitId || !org.unit(unitId)) throw unknownUnit(locale, unitId);
  const version = versionParam(locale, 'version', request.query.get('version'));
  const stored = await readScores(tenantId, unitId, period, version);
  if (!stored)
    throw refusal('not-found', 'scores.no-scores', {
      unitId,
      period,
      version: version ? ` v${version}` : '',
    });
  return json(stored, 200, { etag: versionTag(stored.version, stored.hash) });
}

const getHandler = handler(getScores);

export const scoresRun = route({
  name: 'scoresRun',
  methods: ['GET', 'POST'],
  route: 'periods/{period}/scores',
  maxBodyBytes: MAX_SCORE_BODY_BYTES,
  handler: (request, context) => (request.method === 'POST' ? postScores : getHandler)(request, context),
});
