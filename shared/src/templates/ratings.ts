// The 360-ratings template ↔ Rating[]: one row per person × rater × dimension with a 0–100 score.
import type { Locale } from '../messages/index';
import type { Finding, RaterGroup, Rating } from '../schemas';
import { readTable, type CellValue, type ImportTable } from './cells';
import { enumLabel, fixedLists, getTemplate, sheetHeaders } from './definitions';

const ratingsSheet = () => getTemplate('ratings').sheets[0]!;

/** The rows of the ratings sheet (rater groups by their label in the locale). */
export function ratingsToRows(
  ratings: readonly Rating[],
  opts: { locale?: Locale } = {},
): { headers: string[]; rows: CellValue[][] } {
  const locale = opts.locale ?? 'en';
  return {
    headers: sheetHeaders(ratingsSheet(), locale),
    rows: ratings.map((r) => [
      r.personId,
      r.raterId,
      enumLabel(fixedLists.raterGroups, r.group, locale),
      r.dimension,
      r.score,
    ]),
  };
}

/** The ratings of a sheet; a score outside 0–100 is an error and skips the row. */
export function ratingRowsToRatings(
  input: ImportTable,
  locale: Locale = 'en',
): { ratings: Rating[]; findings: Finding[] } {
  const { records, findings, cellFinding } = readTable(ratingsSheet(), input, locale);
  const ratings: Rating[] = [];
  for (const { index, values } of records) {
    const { personId, raterId, group, dimension, score } = values;
    if (typeof personId !== 'string' || typeof raterId !== 'string' || typeof group !== 'string') continue;
    if (typeof dimension !== 'string' || typeof score !== 'number') continue;
    if (score < 0 || score > 100) {
      findings.push(
        cellFinding('import.out-of-range', 'error', index, 'score', { value: score, min: 0, max: 100 }),
      );
      continue;
    }
    ratings.push({ personId, raterId, group: group as RaterGroup, dimension, score });
  }
  return { ratings, findings };
}
