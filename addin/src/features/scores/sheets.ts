// The Scores section's sheets: templates (Scorecard, Score inputs, Ratings, Activities), reading them
// into a score request with the core's importers, and writing results — the Scores sheet with grade
// fills, a colour scale on the final score and a grade-distribution chart; the Analysis sheet; Sizing.
// Every sheet is named in the user's language and found again by its names in every language
// (common/localSheets.ts); people are written by name and metrics by their labels, and read back to
// their ids (`SheetNames`/`namesFor`), so no raw id is on a sheet a manager reads.
import {
  DEFAULT_GRADES,
  activitiesToRows,
  activityRowsToActivities,
  addDays,
  daysInMonth,
  getMetric,
  getTemplate,
  metricCatalog,
  monthOfWeek,
  monthlyRevenue,
  monthsOf,
  periodEnd,
  periodStart,
  ratingRowsToRatings,
  ratingsToRows,
  salesForceSize,
  scorecardRowsToScorecard,
  scorecardToRows,
  weekdayOf,
  type ActivityEntry,
  type Finding,
  translateIn,
  type Locale,
  type Person,
  type PlanVsActualRow,
  type Rating,
  type ScoreRequest,
  type ScoreResult,
  type Scorecard,
  type SizingResult,
  type Target,
} from '@teamsheet/shared';
import { demoActuals, demoOrg, demoTargets, seededRandom } from '@teamsheet/shared/demo';
import { scoresStrings, type ScoresKey } from '../../i18n/scores';
import { rangeAddress, type CellValue, type Workbook } from '../../office';
import { findSheet, placeSheet, type SheetNames } from '../common/localSheets';
import { distinctNames } from '../common/nameLists';

export const SHEETS = {
  scorecard: 'Scorecard',
  inputs: 'Score inputs',
  ratings: 'Ratings',
  activities: 'Activities',
  scores: 'Scores',
  analysis: 'Analysis',
  sizing: 'Sizing',
} as const;
const coreSheet = (kind: 'scorecard' | 'ratings' | 'activities'): SheetNames =>
  getTemplate(kind).sheets[0]!.name;
/** Each sheet's names by language: the key it is found by (Scores / 成绩), whichever language wrote it. */
export const SHEET_NAMES: Record<keyof typeof SHEETS, SheetNames> = {
  scorecard: coreSheet('scorecard'),
  inputs: { en: 'Score inputs', 'zh-CN': '考核数据' },
  ratings: coreSheet('ratings'),
  activities: coreSheet('activities'),
  scores: { en: 'Scores', 'zh-CN': '考核结果' },
  analysis: { en: 'Analysis', 'zh-CN': '销售分析' },
  sizing: { en: 'Sizing', 'zh-CN': '人员编制' },
};
/** The sheet of `key` to write, in `locale` (one of another language is renamed to it). */
export const sheetToWrite = (workbook: Workbook, key: keyof typeof SHEETS, locale: Locale) =>
  placeSheet(workbook, SHEET_NAMES[key], locale);
/** The sheet of `key` in this workbook, whichever language wrote it; its name in `locale` when none is. */
export const sheetToRead = async (workbook: Workbook, key: keyof typeof SHEETS, locale: Locale) =>
  (await findSheet(workbook, SHEET_NAMES[key], locale)) ?? SHEET_NAMES[key][locale];

/** 360 dimensions the templates write, by their words in each language (read back to the key). */
const DIMENSIONS: Record<string, SheetNames> = {
  results: { en: 'Results', 'zh-CN': '业绩' },
  ability: { en: 'Ability', 'zh-CN': '能力' },
  attitude: { en: 'Attitude', 'zh-CN': '态度' },
};

/**
 * How the Scores sheets name people and metrics: a person by name (with the id only when two share a
 * name), a metric by its label in the locale; and back to ids when a sheet is read, in either language.
 */
export interface SheetWords {
  person(id: string): string;
  personId(text: CellValue | undefined): CellValue | undefined;
  metric(id: string): string;
  metricId(text: CellValue | undefined): CellValue | undefined;
  dimension(key: string): string;
  dimensionKey(text: CellValue | undefined): CellValue | undefined;
}

export function namesFor(people: readonly Pick<Person, 'id' | 'name'>[], locale: Locale): SheetWords {
  const shown = distinctNames(people);
  const byText = new Map([...shown].map(([id, text]) => [text, id]));
  const metricIds = new Map(
    Object.keys(metricCatalog).flatMap((id) =>
      Object.values(getMetric(id)?.label ?? {}).map((label) => [label, id] as const),
    ),
  );
  const dimensionKeys = new Map(
    Object.entries(DIMENSIONS).flatMap(([key, words]) => Object.values(words).map((w) => [w, key] as const)),
  );
  const back = (map: Map<string, string>) => (v: CellValue | undefined) =>
    typeof v === 'string' ? (map.get(v.trim()) ?? v) : v;
  return {
    person: (id) => shown.get(id) ?? id,
    personId: back(byText),
    metric: (id) => getMetric(id)?.label[locale] ?? id,
    metricId: back(metricIds),
    dimension: (key) => DIMENSIONS[key]?.[locale] ?? key,
    dimensionKey: back(dimensionKeys),
  };
}

/** Rows with some columns written through a function (ids to names on write, names to ids on read). */
const mapColumns = (rows: readonly CellValue[][], by: Record<number, (v: CellValue) => CellValue>) =>
  rows.map((row) => row.map((v, i) => (by[i] ? by[i](v) : v)));

export const TABLES = {
  items: 'ScorecardItems',
  inputs: 'ScoreInputs',
  ratings: 'Ratings',
  activities: 'Activities',
  scores: 'Scores',
  grades: 'GradeDistribution',
  monthly: 'AnalysisMonthly',
  abc: 'AnalysisAbc',
  kpis: 'AnalysisKpis',
  classes: 'SizingClasses',
  settings: 'SizingSettings',
} as const;
export const GRADE_CHART = 'GradeChart';
export const TREND_CHART = 'TrendChart';

export type St = (key: ScoresKey, params?: Record<string, string | number>) => string;
export function scoresTranslator(locale: Locale): St {
  return (key, params = {}) => translateIn(scoresStrings, locale, key, params);
}

/** The scorecard a new template starts with: revenue against target and visits, the handbooks' pair. */
export const starterScorecard: Scorecard = {
  items: [
    { id: 'revenue', metric: 'revenue', weight: 70, curve: { type: 'linear', floor: 0.6, cap: 1.2 } },
    { id: 'visits', metric: 'visits', weight: 30, curve: { type: 'linear', cap: 1.2 } },
  ],
};
/** A rep's standard visit target a month, for the template's visits rows. */
const VISITS_TARGET_PER_MONTH = 30;

/** Grade fills: green for the top, amber in the middle, red for the bottom grade. */
export const GRADE_FILLS: Record<string, string> = {
  S: '#63BE7B',
  A: '#A9D08E',
  B: '#FFEB84',
  C: '#F4B183',
  D: '#F8696B',
};

export type SampleData = {
  targets: Target[];
  actuals: Target[];
  ratings: Rating[];
  activities: ActivityEntry[];
};

/**
 * The demo company's numbers for `people` (preview mode, where the server holds the same demo org):
 * revenue targets and credited revenue of the period, visits logged, and 360 ratings.
 */
export function demoSample(people: readonly Person[], period: string): SampleData {
  const org = demoOrg();
  const year = Number(period.slice(0, 4));
  const months = new Set(monthsOf(period));
  const ids = new Set(people.map((p) => p.id));
  const sum = (rows: Target[]) => {
    const totals = new Map<string, number>();
    for (const r of rows)
      if (months.has(r.period) && ids.has(r.owner))
        totals.set(`${r.owner}|${r.metric}`, (totals.get(`${r.owner}|${r.metric}`) ?? 0) + r.value);
    return [...totals].map(([k, value]) => {
      const [owner, metric] = k.split('|') as [string, string];
      return { owner, metric, period, value: Math.round(value * 100) / 100 };
    });
  };
  const actuals2026 = demoActuals(org, year);
  const visits = actuals2026.activities.filter((a) => a.metric === 'visits');
  const targets = sum(demoTargets(org, year).targets);
  for (const p of people)
    targets.push({ owner: p.id, metric: 'visits', period, value: VISITS_TARGET_PER_MONTH * months.size });
  const actuals = sum([
    ...monthlyRevenue(org, actuals2026.transactions),
    ...visits.map((a) => ({ owner: a.personId, metric: a.metric, period: a.period, value: a.value })),
  ]);
  const rng = seededRandom(year);
  const ratings: Rating[] = people.flatMap((p) => [
    {
      personId: p.id,
      raterId: p.managerId ?? 'manager',
      group: 'superior' as const,
      dimension: 'results',
      score: rng.int(65, 98),
    },
    { personId: p.id, raterId: p.id, group: 'self' as const, dimension: 'results', score: rng.int(75, 100) },
  ]);
  // Weekly rows: each month's visits spread over the ISO weeks counted in it (the week of its Thursday).
  const activities: ActivityEntry[] = [];
  let monday = periodStart(period);
  while (weekdayOf(monday) !== 1) monday = addDays(monday, 1);
  for (; monday <= periodEnd(period); monday = addDays(monday, 7)) {
    const month = monthOfWeek(monday);
    if (!months.has(month)) continue;
    const share = 7 / daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
    for (const v of visits)
      if (v.period === month && ids.has(v.personId))
        activities.push({
          personId: v.personId,
          week: monday,
          weekStart: monday,
          metric: 'visits',
          value: Math.round(v.value * share),
        });
  }
  return { targets, actuals, ratings, activities };
}

/**
 * Writes the four input sheets; `sample` fills them, otherwise rows wait for the manager's numbers.
 * People by name, metrics by label, 360 dimensions in words (`words`, read back by readScoreRequest).
 */
export async function insertTemplates(
  workbook: Workbook,
  args: {
    locale: Locale;
    period: string;
    people: readonly Person[];
    sample?: SampleData;
    st: St;
    words?: SheetWords;
  },
): Promise<void> {
  const { locale, period, people, sample, st } = args;
  const words = args.words ?? namesFor(people, locale);
  const card = scorecardToRows(starterScorecard, { locale });
  const metricIds = new Set(Object.keys(metricCatalog));
  // The item is named after its metric (a user may rename it); the metric by its label.
  const itemName = (v: CellValue) => (typeof v === 'string' && metricIds.has(v) ? words.metric(v) : v);
  await workbook.writeTable(await sheetToWrite(workbook, 'scorecard', locale), {
    name: TABLES.items,
    headers: card.headers,
    rows: mapColumns(card.rows as CellValue[][], { 0: itemName, 1: itemName }),
    numberFormats: { [card.headers[5]!]: '0%', [card.headers[6]!]: '0%' },
    freezeHeader: true,
  });
  const key = (owner: string, metric: string) => `${owner}|${metric}`;
  const targets = new Map(sample?.targets.map((t) => [key(t.owner, t.metric), t.value]));
  const actuals = new Map(sample?.actuals.map((t) => [key(t.owner, t.metric), t.value]));
  const inputRows: CellValue[][] = people.flatMap((p) =>
    starterScorecard.items.map((item) => [
      words.person(p.id),
      words.metric(item.metric),
      targets.get(key(p.id, item.metric)) ?? null,
      actuals.get(key(p.id, item.metric)) ?? (sample ? 0 : null),
    ]),
  );
  const inputHeaders = [st('col.name'), st('col.metric'), st('col.target'), st('col.actual')];
  await workbook.writeTable(await sheetToWrite(workbook, 'inputs', locale), {
    name: TABLES.inputs,
    headers: inputHeaders,
    rows: inputRows,
    numberFormats: { [inputHeaders[2]!]: '#,##0.##', [inputHeaders[3]!]: '#,##0.##' },
    freezeHeader: true,
  });
  const ratings = ratingsToRows(sample?.ratings ?? [], { locale });
  const person = (v: CellValue) => (typeof v === 'string' ? words.person(v) : v);
  const dimension = (v: CellValue) => (typeof v === 'string' ? words.dimension(v) : v);
  await workbook.writeTable(await sheetToWrite(workbook, 'ratings', locale), {
    name: TABLES.ratings,
    headers: ratings.headers,
    rows:
      ratings.rows.length > 0
        ? mapColumns(ratings.rows as CellValue[][], { 0: person, 1: person, 3: dimension })
        : people.map((p) => [words.person(p.id), null, null, null, null]),
    freezeHeader: true,
  });
  const acts = activitiesToRows(sample?.activities ?? [], { locale });
  await workbook.writeTable(await sheetToWrite(workbook, 'activities', locale), {
    name: TABLES.activities,
    headers: acts.headers,
    rows:
      acts.rows.length > 0
        ? mapColumns(acts.rows as CellValue[][], { 0: person })
        : people.map((p) => [words.person(p.id), periodStart(period)]),
    numberFormats: { [acts.headers[1]!]: 'yyyy-mm-dd' },
    freezeHeader: true,
  });
}

/** A table of a Scores sheet as the core's importers take it, names read back to ids. */
const table = async (
  workbook: Workbook,
  key: keyof typeof SHEETS,
  name: string,
  locale: Locale,
  by: Record<number, (v: CellValue) => CellValue> = {},
) => {
  const sheet = await sheetToRead(workbook, key, locale);
  const data = await workbook.readTable(sheet, name);
  return data
    ? { headers: data.headers, rows: mapColumns(data.rows, by), sheetName: sheet, firstRow: 2 }
    : null;
};

const blank = (v: CellValue | undefined) => v === null || v === undefined || v === '';
const idOf = (f: (v: CellValue | undefined) => CellValue | undefined) => (v: CellValue) => f(v) ?? null;

/**
 * The Ratings sheet's ratings. The template lists every person with the other cells empty, waiting
 * for a rating; such untouched rows are no rating rather than an error, so a scorecard without a
 * 360 part scores before anyone is rated. A row filled in part still reports its empty cells.
 */
export async function readFilledRatings(
  workbook: Workbook,
  locale: Locale,
  words: SheetWords = namesFor([], locale),
): Promise<{ ratings: Rating[]; findings: Finding[] }> {
  const read = await table(workbook, 'ratings', TABLES.ratings, locale, {
    0: idOf(words.personId),
    1: idOf(words.personId),
    3: idOf(words.dimensionKey),
  });
  if (!read) return { ratings: [], findings: [] };
  const untouched = new Set(read.rows.flatMap((row, i) => (row.slice(1).every(blank) ? [i] : [])));
  // Rows keep their places so findings name the right cells; an untouched row yields no rating.
  const out = ratingRowsToRatings(read, locale);
  const findings = out.findings.filter((f) => {
    const row = /^ratings\[(\d+)\]/.exec(f.path)?.[1];
    return row === undefined || !untouched.has(Number(row));
  });
  return { ratings: out.ratings, findings };
}

/** The Scorecard sheet's scorecard (metrics read back from their labels), with the findings of reading it. */
export async function readScorecard(workbook: Workbook, locale: Locale, words: SheetWords) {
  // An item named after its metric's label is that metric's item (its id, as the template wrote it).
  const items = await table(workbook, 'scorecard', TABLES.items, locale, {
    0: idOf(words.metricId),
    1: idOf(words.metricId),
  });
  return items ? scorecardRowsToScorecard(items, locale) : null;
}

/** The score request the sheets describe, and the findings of reading them (errors block computing). */
export async function readScoreRequest(
  workbook: Workbook,
  args: { locale: Locale; period: string; people: readonly Person[]; words?: SheetWords },
): Promise<{ request: ScoreRequest; findings: Finding[] }> {
  const { locale, period } = args;
  const words = args.words ?? namesFor(args.people, locale);
  const findings: Finding[] = [];
  const card = (await readScorecard(workbook, locale, words)) ?? { scorecard: { items: [] }, findings: [] };
  findings.push(...card.findings);
  const ratings = await readFilledRatings(workbook, locale, words);
  findings.push(...ratings.findings);
  const targets: Target[] = [];
  const actuals: Target[] = [];
  const inputs = await table(workbook, 'inputs', TABLES.inputs, locale, {
    0: idOf(words.personId),
    1: idOf(words.metricId),
  });
  for (const row of inputs?.rows ?? []) {
    const [owner, metric, target, actual] = row;
    if (typeof owner !== 'string' || typeof metric !== 'string' || owner === '') continue;
    if (typeof target === 'number') targets.push({ owner, metric, period, value: target });
    if (typeof actual === 'number') actuals.push({ owner, metric, period, value: actual });
  }
  return {
    request: {
      scorecard: card.scorecard,
      period,
      people: [...args.people],
      targets,
      actuals,
      ratings: ratings.ratings,
    },
    findings,
  };
}

/** The activities of the Activities sheet, summed by month (what POST /api/activities takes). */
export async function readActivities(
  workbook: Workbook,
  locale: Locale,
  words: SheetWords = namesFor([], locale),
) {
  const acts = await table(workbook, 'activities', TABLES.activities, locale, { 0: idOf(words.personId) });
  return acts ? activityRowsToActivities(acts, locale) : { entries: [], activities: [], findings: [] };
}

/** Writes the Scores sheet: one row per person, grade fills, colour scale on Final, and the grade chart. */
export async function writeScoresSheet(
  workbook: Workbook,
  args: {
    result: ScoreResult;
    scorecard: Pick<Scorecard, 'items' | 'grades'>;
    people: readonly Person[];
    st: St;
    locale?: Locale;
  },
): Promise<{ counts: Record<string, number> }> {
  const { result, scorecard, people, st } = args;
  const locale = args.locale ?? 'en';
  const words = namesFor(people, locale);
  const sheet = await sheetToWrite(workbook, 'scores', locale);
  // An item is headed by its name as the Scorecard sheet gives it (a metric id becomes its label).
  const itemIds = scorecard.items.map((i) => (getMetric(i.id) ? words.metric(i.id) : i.id));
  const headers = [
    st('col.name'),
    ...itemIds,
    st('col.kpiScore'),
    st('col.ratingScore'),
    st('col.final'),
    st('col.grade'),
    st('col.rank'),
  ];
  const sorted = [...result.people].sort((a, b) => a.rank - b.rank || (a.personId < b.personId ? -1 : 1));
  const rows: CellValue[][] = sorted.map((p) => [
    words.person(p.personId),
    ...p.items.map((i) => i.score),
    p.kpiScore,
    p.ratingScore ?? null,
    p.final,
    p.grade,
    p.rank,
  ]);
  const numberFormats = Object.fromEntries(
    [...itemIds, st('col.kpiScore'), st('col.ratingScore'), st('col.final')].map((h) => [h, '0.00']),
  );
  await workbook.writeTable(sheet, {
    name: TABLES.scores,
    headers,
    rows,
    numberFormats,
    freezeHeader: true,
  });
  const gradeCol = headers.length - 2;
  const finalCol = headers.length - 3;
  await workbook.clearMarks(sheet);
  await workbook.markCells(
    sheet,
    sorted.map((p, i) => ({
      address: rangeAddress(i + 1, gradeCol, 1, 1),
      fill: GRADE_FILLS[p.grade] ?? null,
    })),
  );
  if (sorted.length > 0)
    await workbook.addColourScales(sheet, [
      {
        address: rangeAddress(1, finalCol, sorted.length, 1),
        scale: {
          minimum: { type: 'lowestValue', color: '#F8696B' },
          midpoint: { type: 'number', value: 70, color: '#FFEB84' },
          maximum: { type: 'highestValue', color: '#63BE7B' },
        },
      },
    ]);
  // Grade distribution beside the table, and its column chart.
  const grades = (scorecard.grades ?? DEFAULT_GRADES).map((g) => g.grade);
  const counts: Record<string, number> = Object.fromEntries(grades.map((g) => [g, 0]));
  for (const p of result.people) counts[p.grade] = (counts[p.grade] ?? 0) + 1;
  const distCol = headers.length + 1;
  const at = rangeAddress(0, distCol, 1, 1);
  await workbook.writeTable(sheet, {
    name: TABLES.grades,
    headers: [st('col.grade'), st('col.count')],
    rows: Object.entries(counts).map(([g, n]) => [g, n]),
    at,
  });
  await workbook.addChart(sheet, {
    name: GRADE_CHART,
    type: 'column',
    source: rangeAddress(0, distCol, Object.keys(counts).length + 1, 2),
    title: st('chart.grades'),
  });
  await workbook.selectCell(sheet, 'A1');
  return { counts };
}

export type AnalysisAnswer = {
  unitId: string;
  period: string;
  metric: string;
  monthly: {
    rows: PlanVsActualRow[];
    median: number | null;
    trend: { slope: number; forecast: number } | null;
    forecastPeriod: string | null;
  };
  abc: { id: string; name: string; value: number; share: number; cumulativeShare: number; class: string }[];
  kpis: { values: Record<string, number | null> };
  findings: Finding[];
};

const round = (v: number | null | undefined, d = 2) => (v == null ? null : Math.round(v * 10 ** d) / 10 ** d);

/** Writes the Analysis sheet: monthly plan vs actual with growth, a line chart, ABC and KPI tables. */
export async function writeAnalysisSheet(
  workbook: Workbook,
  a: AnalysisAnswer,
  st: St,
  opts: { locale?: Locale; unitName?: string } = {},
): Promise<void> {
  const locale = opts.locale ?? 'en';
  const sheet = await sheetToWrite(workbook, 'analysis', locale);
  const metric = getMetric(a.metric)?.label[locale] ?? a.metric;
  const m = a.monthly;
  await workbook.writeRange(sheet, 'A1:A2', [
    [st('analysis.title', { unit: opts.unitName ?? a.unitId, period: a.period, metric })],
    [
      st('analysis.summary', {
        median: round(m.median) ?? '—',
        slope: round(m.trend?.slope) ?? '—',
        next: m.forecastPeriod ?? '—',
        forecast: round(m.trend?.forecast) ?? '—',
      }),
    ],
  ]);
  const headers = [
    st('col.month'),
    st('col.plan'),
    st('col.actual'),
    st('col.lastYear'),
    st('col.variance'),
    st('col.completion'),
    st('col.yoy'),
    st('col.mom'),
  ];
  const money = '#,##0';
  await workbook.writeTable(sheet, {
    name: TABLES.monthly,
    at: 'A4',
    headers,
    rows: m.rows.map((r) => [r.period, r.plan, r.actual, r.lastYear, r.variance, r.completion, r.yoy, r.mom]),
    numberFormats: {
      [headers[1]!]: money,
      [headers[2]!]: money,
      [headers[3]!]: money,
      [headers[4]!]: money,
      [headers[5]!]: '0.0%',
      [headers[6]!]: '0.0%',
      [headers[7]!]: '0.0%',
    },
  });
  await workbook.addChart(sheet, {
    name: TREND_CHART,
    type: 'line',
    source: rangeAddress(3, 0, m.rows.length + 1, 4),
    title: st('chart.trend'),
  });
  const abcHeaders = [
    st('col.name'),
    st('col.value'),
    st('col.share'),
    st('col.cumulative'),
    st('col.class'),
  ];
  await workbook.writeRange(sheet, 'J3:J3', [[st('analysis.abc', { metric, period: a.period })]]);
  await workbook.writeTable(sheet, {
    name: TABLES.abc,
    at: 'J4',
    headers: abcHeaders,
    rows: a.abc.map((r) => [r.name, r.value, r.share, r.cumulativeShare, r.class]),
    numberFormats: { [abcHeaders[1]!]: money, [abcHeaders[2]!]: '0.0%', [abcHeaders[3]!]: '0.0%' },
  });
  const kpiRow = Math.max(m.rows.length, a.abc.length) + 7;
  await workbook.writeRange(sheet, `A${kpiRow}:A${kpiRow}`, [[st('analysis.kpis')]]);
  const kpis = Object.entries(a.kpis.values);
  await workbook.writeTable(sheet, {
    name: TABLES.kpis,
    at: `A${kpiRow + 1}`,
    headers: [st('col.kpi'), st('col.value')],
    rows: kpis.map(([k, v]) => [getMetric(k)?.label[locale] ?? k, round(v, 4)]),
  });
  const notes = a.findings
    .map((f) => ({ f, i: kpis.findIndex(([k]) => f.path === `kpis.${k}`) }))
    .filter((x) => x.i >= 0)
    .map(({ f, i }) => ({ address: `B${kpiRow + 2 + i}`, fill: '#FFF4CE', note: f.message }));
  if (notes.length > 0) await workbook.markCells(sheet, notes);
  await workbook.selectCell(sheet, 'A1');
}

const SIZING_EXAMPLE: CellValue[][] = [
  ['A', 40, 24],
  ['B', 120, 12],
  ['C', 300, 4],
];

/**
 * The Sizing sheet: on first use it inserts the inputs (classes, working days, visits a day, headcount);
 * afterwards it reads them, sizes the force with the core and writes the result with its formula.
 */
export async function runSizing(
  workbook: Workbook,
  args: { headcount: number; st: St; locale: Locale },
): Promise<{ inserted: true } | { inserted: false; result: SizingResult }> {
  const { st } = args;
  const sizing = await sheetToRead(workbook, 'sizing', args.locale);
  const classes = await workbook.readTable(sizing, TABLES.classes);
  const settings = await workbook.readTable(sizing, TABLES.settings);
  // Written in the language on show: a Sizing sheet of the other one is renamed first.
  const sheet = await sheetToWrite(workbook, 'sizing', args.locale);
  // The inputs in the language on show: the example the first time, the manager's numbers after
  // (headers and setting names written again, so a sheet first written in English reads Chinese).
  const inputs = (classRows: CellValue[][], values: CellValue[]) =>
    Promise.all([
      workbook.writeTable(sheet, {
        name: TABLES.classes,
        headers: [st('col.customerClass'), st('col.customers'), st('col.visitsPerYear')],
        rows: classRows,
      }),
      workbook.writeTable(sheet, {
        name: TABLES.settings,
        at: 'E1',
        headers: [st('col.setting'), st('col.value')],
        rows: [
          [st('sizing.workingDays'), values[0] ?? null],
          [st('sizing.visitsPerDay'), values[1] ?? null],
          [st('sizing.currentHeadcount'), values[2] ?? null],
        ],
      }),
    ]);
  if (!classes || !settings) {
    await inputs(SIZING_EXAMPLE, [220, 6, args.headcount]);
    await workbook.selectCell(sheet, 'B2');
    return { inserted: true };
  }
  await inputs(
    classes.rows,
    [0, 1, 2].map((i) => settings.rows[i]?.[1] ?? null),
  );
  const num = (v: CellValue | undefined) => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
  const result = salesForceSize(
    {
      classes: classes.rows
        .filter((r) => r[0] !== null && r[0] !== '')
        .map((r) => ({ class: String(r[0]), customers: num(r[1]), visitsPerYear: num(r[2]) })),
      workingDays: num(settings.rows[0]?.[1]),
      visitsPerDay: num(settings.rows[1]?.[1]),
      currentHeadcount: num(settings.rows[2]?.[1]),
    },
    { locale: args.locale },
  );
  const top = classes.rows.length + 3;
  const advice =
    result.gap === null
      ? ''
      : result.gap > 0
        ? st('sizing.hire')
        : result.gap < 0
          ? st('sizing.over')
          : st('sizing.even');
  await workbook.writeTable(sheet, {
    name: 'SizingResult',
    at: `A${top}`,
    headers: [st('col.customerClass'), st('col.customers'), st('col.visitsPerYear'), st('col.visits')],
    rows: result.byClass.map((c) => [c.class, c.customers, c.visitsPerYear, c.visits]),
    numberFormats: { [st('col.visits')]: '#,##0' },
  });
  const lineRow = top + result.byClass.length + 2;
  await workbook.writeRange(sheet, `A${lineRow}:A${lineRow + 2}`, [
    [st('sizing.result')],
    [
      result.findings[0]?.message ??
        st('sizing.formula', {
          visits: result.totalVisits,
          days: result.capacityPerRep / (num(settings.rows[1]?.[1]) || 1),
          perDay: num(settings.rows[1]?.[1]),
          exact: round(result.exact) ?? '—',
          reps: result.repsNeeded ?? '—',
        }),
    ],
    [st('sizing.gap', { gap: result.gap ?? '—', advice })],
  ]);
  await workbook.selectCell(sheet, `A${lineRow}`);
  return { inserted: false, result };
}
