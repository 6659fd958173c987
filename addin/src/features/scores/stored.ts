// Scoring from the data Teamsheet holds: the workbook's Scorecard (and Ratings) sheet sent to POST
// /api/periods/{period}/scores, where the server takes targets from the unit's stored plans and actuals
// from stored transactions, metric actuals and activity logs, and keeps the result as version v1, v2…;
// the answer is written to the Scores sheet by the same writer as Compute scores.
import { type Finding, type Locale, type Person, type StoredScores } from '@teamsheet/shared';
import type { Api, WriteAttempt } from '../../api';
import type { Workbook } from '../../office';
import {
  namesFor,
  readFilledRatings,
  readScorecard,
  writeScoresSheet,
  type SheetWords,
  type St,
} from './sheets';

/** A stored scores version as POST/GET /api/periods/{period}/scores answer it: the core's contract type. */
export type { StoredScores };

export type StoredScoring =
  | { status: 'no-scorecard' }
  | { status: 'sheet-errors'; findings: Finding[] }
  | { status: 'scored'; stored: StoredScores; counts: Record<string, number> };

/**
 * Scores `unitId` for `period` from stored data with the Scorecard sheet's scorecard and the Ratings
 * sheet's ratings, and writes the Scores sheet. Errors on those two sheets stop it before the server.
 * The POST carries the Idempotency-Key of `attempt`: a retry of this very request after a lost answer
 * gets the version it stored, not a second one.
 */
export async function scoreFromStoredData(
  workbook: Workbook,
  api: Api,
  args: {
    unitId: string;
    period: string;
    locale: Locale;
    people: readonly Person[];
    st: St;
    attempt: WriteAttempt;
    /** How the sheets name people and metrics (default: the people given). */
    words?: SheetWords;
  },
): Promise<StoredScoring> {
  const { unitId, period, locale, people, st, attempt } = args;
  const words = args.words ?? namesFor(people, locale);
  const card = await readScorecard(workbook, locale, words);
  if (!card) return { status: 'no-scorecard' };
  const { ratings, findings: ratingFindings } = await readFilledRatings(workbook, locale, words);
  const errors = [...card.findings, ...ratingFindings].filter((f) => f.severity === 'error');
  if (errors.length > 0) return { status: 'sheet-errors', findings: errors };
  const path = `/api/periods/${encodeURIComponent(period)}/scores`;
  const body = { unitId, scorecard: card.scorecard, ...(ratings.length > 0 ? { ratings } : {}) };
  const stored = await attempt.send(JSON.stringify({ path, body }), (key) =>
    api.post<StoredScores>(path, body, { idempotencyKey: key }),
  );
  const { counts } = await writeScoresSheet(workbook, {
    result: { people: stored.people, findings: stored.findings },
    scorecard: stored.scorecard,
    people,
    st,
    locale,
  });
  return { status: 'scored', stored, counts };
}
