// POST /api/scores/compute: stateless scoring (docs/rules.md, Scores). Any signed-in person sends a
// scorecard, people, targets, actuals and optionally 360 ratings and deductions; the core answers per person
// item scores, KPI score, rating score, final, grade and rank with findings. Nothing is stored.
import { computeScores, scoreRequest } from '@teamsheet/shared';
import { requireSignedIn } from '../auth';
import { handler, json, localeOf, readJson } from '../http';
import { route } from '../registry';

/** 200,000 people with four items, ratings and deductions fit comfortably. */
export const MAX_SCORE_BODY_BYTES = 64 * 1024 * 1024;

export const scoresCompute = route({
  name: 'scoresCompute',
  methods: ['POST'],
  route: 'scores/compute',
  maxBodyBytes: MAX_SCORE_BODY_BYTES,
  handler: handler(async (request) => {
    await requireSignedIn(request);
    const body = await readJson(request, scoreRequest, { maxBytes: MAX_SCORE_BODY_BYTES });
    return json(computeScores(body, { locale: localeOf(request) }));
  }),
});
