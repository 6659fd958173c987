// The Scores section's use cases, without React: each reads the sheets it needs, asks the server, writes
// its sheet and says what happened as a notice (a key and params, findings) for the MessageBar beside
// the action's button, put into words when drawn. People and units by name, never by id.
import type { Finding, Locale, Person, ScoreResult } from '@teamsheet/shared';
import { ApiError, type Api, type WriteAttempt } from '../../api';
import type { ScoresKey } from '../../i18n/scores';
import type { Workbook } from '../../office';
import type { Notice } from '../common/notice';
import { fetchOrg, repsBelow, type OrgView } from '../org/org';
import {
  demoSample,
  namesFor,
  insertTemplates,
  readActivities,
  readScoreRequest,
  runSizing,
  sheetToRead,
  writeAnalysisSheet,
  writeScoresSheet,
  type AnalysisAnswer,
  type SheetWords,
  type St,
} from './sheets';
import { scoreFromStoredData } from './stored';

export type ScoresOutcome = Notice<ScoresKey>;

/** What every action works on: the period and unit typed in the section, in the user's language. */
export interface ScoresScope {
  workbook: Workbook;
  api: Api;
  locale: Locale;
  period: string;
  unitId: string;
  st: St;
  /** The organisation the section already holds; asked of the server when absent. */
  org?: OrgView | null;
}

/** The reps of the unit in the caller's scope, and the words the sheets name everyone by. */
async function team(
  s: Pick<ScoresScope, 'api' | 'org'>,
  unitId: string,
  locale: Locale,
): Promise<{
  people: Person[];
  words: SheetWords;
  org: OrgView;
  unitName: string;
  names: Record<string, string>;
}> {
  const org = s.org ?? (await fetchOrg(s.api));
  return {
    names: Object.fromEntries([
      ...org.units.map((u) => [u.id, u.name]),
      ...org.people.map((p) => [p.id, p.name ?? p.id]),
    ]),
    people: repsBelow(org, unitId),
    words: namesFor(org.people, locale),
    org,
    unitName: org.units.find((u) => u.id === unitId)?.name ?? unitId,
  };
}

const gradeSummary = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([g, n]) => `${g} ${n}`)
    .join(', ');

/** Errors on the sheets stop an action before the server; they are listed, not thrown. */
function sheetProblems(findings: readonly Finding[]): ScoresOutcome | null {
  const errors = findings.filter((f) => f.severity === 'error');
  return errors.length > 0
    ? { intent: 'warning', key: 'scores.sheetProblems', params: { count: errors.length }, findings: errors }
    : null;
}

export async function insertScoreTemplates(s: ScoresScope): Promise<ScoresOutcome> {
  const { workbook, locale, period, st } = s;
  const { people, words } = await team(s, s.unitId, locale);
  const sample = workbook.kind === 'preview' ? demoSample(people, period) : undefined;
  await insertTemplates(workbook, { locale, period, people, st, words, ...(sample ? { sample } : {}) });
  await workbook.selectCell(await sheetToRead(workbook, 'scorecard', locale), 'A1');
  return {
    intent: 'success',
    key: 'scores.templatesDone',
    params: { people: people.length },
    ...(sample ? { lines: [{ key: 'scores.sampleNote' as const }] } : {}),
  };
}

/** POST /api/scores/compute with the workbook's scorecard, targets, actuals and ratings. */
export async function computeScores(s: ScoresScope): Promise<ScoresOutcome> {
  const { workbook, api, locale, period, st } = s;
  const { people, words, names } = await team(s, s.unitId, locale);
  const { request, findings } = await readScoreRequest(workbook, { locale, period, people, words });
  const problems = sheetProblems(findings);
  if (problems) return { ...problems, names };
  const result = await api.post<ScoreResult>('/api/scores/compute', request);
  const { counts } = await writeScoresSheet(workbook, {
    result,
    scorecard: request.scorecard,
    people,
    st,
    locale,
  });
  return {
    intent: 'success',
    key: 'scores.computeDone',
    params: { people: result.people.length, summary: gradeSummary(counts), findings: result.findings.length },
    findings: result.findings.slice(0, 5),
    names,
  };
}

/** POST /api/periods/{period}/scores: targets and actuals from what Teamsheet stores, kept as v1, v2… */
export async function scoreStored(s: ScoresScope, attempt: WriteAttempt): Promise<ScoresOutcome> {
  const { workbook, api, locale, period, unitId, st } = s;
  const { people, words, org, unitName, names } = await team(s, unitId, locale);
  const nameOf = (id: string) => org.units.find((u) => u.id === id)?.name ?? id;
  try {
    const out = await scoreFromStoredData(workbook, api, {
      unitId,
      period,
      locale,
      people,
      st,
      attempt,
      words,
    });
    if (out.status === 'no-scorecard') return { intent: 'warning', key: 'scores.noScorecard' };
    if (out.status === 'sheet-errors')
      return {
        intent: 'warning',
        key: 'scores.sheetProblems',
        params: { count: out.findings.length },
        findings: out.findings,
        names,
      };
    const { stored, counts } = out;
    return {
      intent: 'success',
      key: 'scores.storedDone',
      params: {
        people: stored.people.length,
        unit: nameOf(stored.unitId),
        period: stored.period,
        summary: gradeSummary(counts),
        version: stored.version,
        targets: stored.inputs.targets,
        actuals: stored.inputs.actuals,
        plans: stored.inputs.planVersions.map((p) => `${nameOf(p.unitId)} v${p.version}`).join(', ') || '—',
        findings: stored.findings.length,
      },
      findings: stored.findings.slice(0, 5),
      names,
    };
  } catch (error) {
    // No stored targets, or a version written at the same moment: what to do next, not a failure.
    if (error instanceof ApiError && (error.status === 422 || error.status === 409))
      return {
        intent: 'warning',
        key: 'scores.storedRefused',
        params: { unit: unitName, period, detail: error.problem.detail ?? error.message },
      };
    throw error;
  }
}

/**
 * POST /api/activities with the Activities sheet's rows of the period's year. The Idempotency-Key is
 * the action's (`attempt`): the same while this very upload is retried after a failure, a fresh one
 * for any other upload, whatever its size.
 */
export async function uploadActivities(s: ScoresScope, attempt: WriteAttempt): Promise<ScoresOutcome> {
  const { workbook, api, locale, period } = s;
  const { words, names } = await team(s, s.unitId, locale);
  const { activities, findings } = await readActivities(workbook, locale, words);
  const problems = sheetProblems(findings);
  if (problems) return { ...problems, names };
  const year = period.slice(0, 4);
  const body = { period: year, activities: activities.filter((a) => a.period.startsWith(year)) };
  const batch = await attempt.send(JSON.stringify(body), (key) =>
    api.post<{ count: number; people: number }>('/api/activities', body, { idempotencyKey: key }),
  );
  return {
    intent: 'success',
    key: 'scores.uploadDone',
    params: { count: batch.count, people: batch.people, period },
  };
}

/** GET /api/analysis/{unitId}/{period} written to the Analysis sheet. */
export async function analyseUnit(s: ScoresScope): Promise<ScoresOutcome> {
  const { workbook, api, locale, period, unitId, st } = s;
  const answer = await api.get<AnalysisAnswer>(
    `/api/analysis/${encodeURIComponent(unitId)}/${encodeURIComponent(period)}`,
  );
  const { unitName } = await team(s, unitId, locale);
  await writeAnalysisSheet(workbook, answer, st, { locale, unitName });
  return { intent: 'success', key: 'scores.analysisDone', params: { unit: unitName, period } };
}

/** Sales-force sizing on the Sizing sheet: inserted the first time, computed once it is filled. */
export async function sizeSalesForce(s: ScoresScope): Promise<ScoresOutcome> {
  const { workbook, locale, unitId, st } = s;
  const { people } = await team(s, unitId, locale);
  const out = await runSizing(workbook, { headcount: people.length, st, locale });
  if (out.inserted) return { intent: 'success', key: 'scores.sizingInserted' };
  return {
    intent: out.result.findings.length > 0 ? 'warning' : 'success',
    key: 'scores.sizingDone',
    params: { reps: out.result.repsNeeded ?? '—', current: out.result.currentHeadcount ?? '—' },
    findings: out.result.findings,
  };
}
