// The scorecard template ↔ Scorecard.items: one row per KPI item with its weight, direction and curve;
// a banded curve's bands are written in one cell as "min:score; …" (min as a ratio, 0.9 or 90%).
import type { Locale } from '../messages/index';
import type { Finding, Scorecard } from '../schemas';
import { readTable, type CellValue, type ImportTable } from './cells';
import { enumLabel, fixedLists, getTemplate, sheetHeaders } from './definitions';
import { formatPairs, pairKeyNumber, parsePairs } from './pairs';

type ScorecardItem = Scorecard['items'][number];
const scorecardSheet = () => getTemplate('scorecard').sheets[0]!;

/** The rows of the scorecard sheet (directions and curves by their label in the locale). */
export function scorecardToRows(
  scorecard: Pick<Scorecard, 'items'>,
  opts: { locale?: Locale } = {},
): { headers: string[]; rows: CellValue[][] } {
  const locale = opts.locale ?? 'en';
  return {
    headers: sheetHeaders(scorecardSheet(), locale),
    rows: scorecard.items.map((item) => [
      item.id,
      item.metric,
      item.weight,
      item.direction ? enumLabel(fixedLists.directions, item.direction, locale) : null,
      enumLabel(fixedLists.curves, item.curve.type, locale),
      item.curve.type === 'linear' ? (item.curve.floor ?? null) : null,
      item.curve.type === 'linear' ? (item.curve.cap ?? null) : null,
      item.curve.type === 'bands' ? formatPairs(item.curve.bands.map((b) => [b.min, b.score])) : null,
    ]),
  };
}

/** Bands from "min:score; …" text, or null when malformed. */
function parseBands(text: string): { min: number; score: number }[] | null {
  const pairs = parsePairs(text);
  if (!pairs) return null;
  const bands: { min: number; score: number }[] = [];
  for (const [key, score] of pairs) {
    const min = pairKeyNumber(key);
    if (min === null) return null;
    bands.push({ min, score });
  }
  return bands;
}

/**
 * The items of a scorecard sheet. The curve defaults to linear; a banded item needs its bands; a
 * negative weight and an item id used twice are errors and skip the row.
 */
export function scorecardRowsToScorecard(
  input: ImportTable,
  locale: Locale = 'en',
): { scorecard: Pick<Scorecard, 'items'>; findings: Finding[] } {
  const { records, findings, cellFinding } = readTable(scorecardSheet(), input, locale);
  const items: ScorecardItem[] = [];
  const seen = new Set<string>();
  for (const { index, values } of records) {
    const { id, metric, weight } = values;
    if (typeof id !== 'string' || typeof metric !== 'string' || typeof weight !== 'number') continue;
    if (seen.has(id)) {
      findings.push(cellFinding('import.duplicate-id', 'error', index, 'id', { id }));
      continue;
    }
    seen.add(id);
    if (weight < 0) {
      findings.push(cellFinding('import.negative-value', 'error', index, 'weight', { value: weight }));
      continue;
    }
    let curve: ScorecardItem['curve'];
    if (values.curve === 'bands') {
      const bands = typeof values.bands === 'string' ? parseBands(values.bands) : null;
      if (!bands) {
        const rule = values.bands === undefined ? 'import.bands-missing' : 'import.bad-pairs';
        findings.push(
          cellFinding(rule, 'error', index, 'bands', {
            value: String(values.bands ?? ''),
            example: '0.8:60; 1:80; 1.2:100',
          }),
        );
        continue;
      }
      curve = { type: 'bands', bands };
    } else {
      curve = { type: 'linear' };
      if (typeof values.floor === 'number') curve.floor = values.floor;
      if (typeof values.cap === 'number') curve.cap = values.cap;
    }
    const item: ScorecardItem = { id, metric, weight, curve };
    if (values.direction === 'higher' || values.direction === 'lower') item.direction = values.direction;
    items.push(item);
  }
  return { scorecard: { items }, findings };
}
