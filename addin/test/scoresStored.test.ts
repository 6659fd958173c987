// "Score from stored data" on the preview workbook: the Scorecard and Ratings sheets are what is sent to
// POST /api/periods/{period}/scores (targets and actuals are the server's), the stored version the
// server answers (here computed with the core's computeScores, as the route does) is written to the
// Scores sheet by the Compute-scores writer; errors on the Scorecard or Ratings sheet stop it before the
// server, while the Ratings template's untouched rows are no ratings rather than errors.
import { computeScores, type Person, type ScoreRequest } from '@teamsheet/shared';
import { describe, expect, it } from 'vitest';
import { ApiError, WriteAttempt, createApi } from '../src/api';
import {
  SHEETS,
  TABLES,
  demoSample,
  insertTemplates,
  scoresTranslator,
  starterScorecard,
} from '../src/features/scores/sheets';
import { scoreFromStoredData, type StoredScores } from '../src/features/scores/stored';
import { createPreviewWorkbook, rangeAddress } from '../src/office';

const people: Person[] = [
  { id: 'rep-001', name: 'Ann', unitId: 'east-shanghai', role: 'rep' },
  { id: 'rep-002', name: 'Bo', unitId: 'east-shanghai', role: 'rep' },
];
const st = scoresTranslator('en');
const shanghai = () => ({
  unitId: 'east-shanghai',
  period: '2026-03',
  locale: 'en' as const,
  people,
  st,
  attempt: new WriteAttempt(),
});

// What the server holds: revenue targets 10,000 each, visits 30; rep-001 sold 12,000 (120 %, the cap)
// and made 30 visits (100 %) → 0.7 × 120 + 0.3 × 100 = 114; rep-002 sold 5,000 (50 %, under the
// 60 % floor → 0) and made 15 visits (50 %) → 0.3 × 50 = 15.
function storedAnswer(
  body: { unitId: string; scorecard: ScoreRequest['scorecard'] },
  version: number,
): StoredScores {
  const request: ScoreRequest = {
    period: '2026-03',
    scorecard: body.scorecard,
    people,
    targets: people.flatMap((p) => [
      { owner: p.id, metric: 'revenue', period: '2026-03', value: 10_000 },
      { owner: p.id, metric: 'visits', period: '2026-03', value: 30 },
    ]),
    actuals: [
      { owner: 'rep-001', metric: 'revenue', period: '2026-03', value: 12_000 },
      { owner: 'rep-001', metric: 'visits', period: '2026-03', value: 30 },
      { owner: 'rep-002', metric: 'revenue', period: '2026-03', value: 5_000 },
      { owner: 'rep-002', metric: 'visits', period: '2026-03', value: 15 },
    ],
  };
  const result = computeScores(request);
  return {
    unitId: body.unitId,
    period: '2026-03',
    version,
    hash: 'sha256-x',
    createdBy: 'mgr-east-shanghai',
    createdAt: '2026-11-25T09:00:00Z',
    scorecard: body.scorecard,
    inputs: {
      people: 2,
      targets: 4,
      actuals: 4,
      ratings: 0,
      deductions: 0,
      planVersions: [{ unitId: 'east-shanghai', version: 1 }],
      activityBatches: [],
      inputsHash: 'sha256-inputs',
    },
    people: result.people,
    findings: result.findings,
  };
}

/** The add-in's API client over a fetch answering like the host, keeping what was posted. */
function storedScoresApi(version: number, posted: { url: string; body: unknown; key?: string }[]) {
  return createApi({
    base: 'http://host',
    fetch: (input, init) => {
      const body = JSON.parse(String(init?.body)) as Parameters<typeof storedAnswer>[0];
      posted.push({
        url: String(input),
        body,
        key: (init?.headers as Record<string, string>)['idempotency-key'],
      });
      return Promise.resolve(
        new Response(JSON.stringify(storedAnswer(body, version)), {
          status: 201,
          headers: { 'content-type': 'application/json', etag: `"${version}"` },
        }),
      );
    },
  });
}

describe('scoring from stored data', () => {
  it('sends the Scorecard and Ratings sheets, and writes the stored version to the Scores sheet', async () => {
    const workbook = createPreviewWorkbook();
    const sample = demoSample(people, '2026-03');
    await insertTemplates(workbook, { locale: 'en', period: '2026-03', people, st, sample });
    const posted: { url: string; body: unknown; key?: string }[] = [];
    const out = await scoreFromStoredData(workbook, storedScoresApi(2, posted), shanghai());
    expect(posted.map((p) => p.url)).toEqual(['http://host/api/periods/2026-03/scores']);
    expect(posted[0]!.key).toMatch(/^[0-9a-f-]{36}$/); // an Idempotency-Key on the stored write
    const body = posted[0]!.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['ratings', 'scorecard', 'unitId']); // no targets, no actuals
    expect(body.unitId).toBe('east-shanghai');
    expect(body.scorecard).toEqual(starterScorecard);
    expect(body.ratings).toEqual(sample.ratings);
    if (out.status !== 'scored') throw new Error(`expected a scored outcome, got ${out.status}`);
    expect(out.stored.version).toBe(2);
    const table = await workbook.readTable(SHEETS.scores, TABLES.scores);
    // people by name, items by their metrics' labels: no ids on the sheet
    expect(table?.headers).toEqual([
      'Name',
      'Revenue',
      'Visits',
      'KPI score',
      'Rating score',
      'Final',
      'Grade',
      'Rank',
    ]);
    const name = (id: string) => people.find((p) => p.id === id)!.name;
    expect(table?.rows.map((r) => [r[0], r[1], r[2], r[3], r[7]])).toEqual([
      [name('rep-001'), 120, 100, 114, 1],
      [name('rep-002'), 0, 50, 15, 2],
    ]);
    expect(Object.values(out.counts).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('stops on an error of the Scorecard sheet, naming its cell, without calling the server', async () => {
    const workbook = createPreviewWorkbook();
    await insertTemplates(workbook, { locale: 'en', period: '2026-03', people, st });
    const items = await workbook.readTable(SHEETS.scorecard, TABLES.items);
    const weight = items!.headers.indexOf('Weight');
    expect(weight).toBeGreaterThan(-1);
    await workbook.writeRange(SHEETS.scorecard, rangeAddress(1, weight, 1, 1), [[-70]]);
    const posted: { url: string; body: unknown }[] = [];
    const out = await scoreFromStoredData(workbook, storedScoresApi(1, posted), shanghai());
    expect(posted).toEqual([]);
    expect(out.status).toBe('sheet-errors');
    if (out.status !== 'sheet-errors') return;
    expect(out.findings.map((f) => f.rule)).toContain('import.negative-value');
    expect(await workbook.listSheets()).not.toContain(SHEETS.scores);
  });

  it('skips untouched rows of the Ratings template, but names the empty cells of a row filled in part', async () => {
    const workbook = createPreviewWorkbook();
    await insertTemplates(workbook, { locale: 'en', period: '2026-03', people, st });
    await workbook.writeRange(SHEETS.ratings, 'B3', [['mgr-east-shanghai']]); // rep-002's row: rater only
    const posted: { url: string; body: unknown }[] = [];
    const out = await scoreFromStoredData(workbook, storedScoresApi(1, posted), shanghai());
    expect(posted).toEqual([]);
    if (out.status !== 'sheet-errors') throw new Error(`expected sheet errors, got ${out.status}`);
    // row 2 (rep-001, untouched) says nothing; row 3 misses group, dimension and score
    expect(out.findings.map((f) => f.params?.cell)).toEqual(['Ratings!C3', 'Ratings!D3', 'Ratings!E3']);
  });

  it('says there is no scorecard when the templates were never inserted', async () => {
    const posted: { url: string; body: unknown }[] = [];
    const out = await scoreFromStoredData(createPreviewWorkbook(), storedScoresApi(1, posted), shanghai());
    expect(out).toEqual({ status: 'no-scorecard' });
    expect(posted).toEqual([]);
  });

  it('sends the same key again when the answer was lost, and a fresh one after an answer', async () => {
    const workbook = createPreviewWorkbook();
    await insertTemplates(workbook, { locale: 'en', period: '2026-03', people, st });
    const keys: string[] = [];
    let lose = true;
    const api = createApi({
      base: 'http://host',
      fetch: (_input, init) => {
        keys.push((init?.headers as Record<string, string>)['idempotency-key']!);
        if (lose) {
          lose = false;
          return Promise.reject(new TypeError('network down'));
        }
        const body = JSON.parse(String(init?.body)) as Parameters<typeof storedAnswer>[0];
        return Promise.resolve(
          new Response(JSON.stringify(storedAnswer(body, 1)), {
            status: 201,
            headers: { 'content-type': 'application/json' },
          }),
        );
      },
    });
    const args = shanghai();
    await expect(scoreFromStoredData(workbook, api, args)).rejects.toThrow();
    await scoreFromStoredData(workbook, api, args);
    await scoreFromStoredData(workbook, api, args);
    expect(keys[1]).toBe(keys[0]); // the retry of the lost request
    expect(keys[2]).not.toBe(keys[1]); // a new action once the server had answered
  });

  it('passes the server’s 422 (no stored targets) on as an ApiError with its detail', async () => {
    const workbook = createPreviewWorkbook();
    await insertTemplates(workbook, { locale: 'en', period: '2026-03', people, st });
    const detail = 'No targets are stored for unit east-shanghai in 2026-03: submit the plan first.';
    const api = createApi({
      base: 'http://host',
      fetch: () =>
        Promise.resolve(
          new Response(JSON.stringify({ title: 'Unprocessable content', status: 422, detail }), {
            status: 422,
            headers: { 'content-type': 'application/problem+json' },
          }),
        ),
    });
    const error = await scoreFromStoredData(workbook, api, shanghai()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.detail).toBe(detail);
  });
});
