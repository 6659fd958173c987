// The Scores section's use cases, without React: each reads the sheets it needs, asks the server, writes
// its sheet and says what happened as an outcome for the section's MessageBar (text and findings).
import type { Finding, Locale, Person, ScoreResult } from '@teamsheet/shared';
import { ApiError, type Api, type WriteAttempt } from '../../api';
import type { Workbook } from '../../office';
import { fetchOrg, repsBelow } from '../org/org';
import {
  SHEETS,
  demoSample,
  insertTemplates,
  readActivities,
  readScoreRequest,
  runSizing,
  writeAnalysisSheet,
  writeScoresSheet,
  type AnalysisAnswer,
  type St,
} from './sheets';
import { scoreFromStoredData } from './stored';

export type ScoresOutcome = { intent: 'success' | 'warning'; text: string; findings?: Finding[] };

/** What every action works on: the period and unit typed in the section, in the user's language. */
export interface ScoresScope {
  workbook: Workbook;
  api: Api;
  locale: Locale;
  period: string;
  unitId: string;
  st: St;
}

/** The reps of the unit in the caller's scope, from the server's organisation. */
async function teamPeople(api: Api, unitId: string): Promise<Person[]> {
  return repsBelow(await fetchOrg(api), unitId);
}

const gradeSummary = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([g, n]) => `${g} ${n}`)
    .join(', ');

/** Errors on the sheets stop an action before the server; they are listed, not thrown. */
function sheetProblems(findings: readonly Finding[], st: St): ScoresOutcome | null {
  const errors = findings.filter((f) => f.severity === 'error');
  return errors.length > 0
    ? { intent: 'warning', text: st('scores.sheetProblems', { count: errors.length }), findings: errors }
    : null;
}

export async function insertScoreTemplates(s: ScoresScope): Promise<ScoresOutcome> {
  const { workbook, locale, period, st } = s;
  const people = await teamPeople(s.api, s.unitId);
  const sample = workbook.kind === 'preview' ? demoSample(people, period) : undefined;
  await insertTemplates(workbook, { locale, period, people, st, ...(sample ? { sample } : {}) });
  await workbook.selectCell(SHEETS.scorecard, 'A1');
  const text = st('scores.templatesDone', { people: people.length });
  return { intent: 'success', text: sample ? `${text} ${st('scores.sampleNote')}` : text };
}

/** POST /api/scores/compute with the workbook's scorecard, targets, actuals and ratings. */
export async function computeScores(s: ScoresScope): Promise<ScoresOutcome> {
  const { workbook, api, locale, period, st } = s;
  const people = await teamPeople(api, s.unitId);
  const { request, findings } = await readScoreRequest(workbook, { locale, period, people });
  const problems = sheetProblems(findings, st);
  if (problems) return problems;
  const result = await api.post<ScoreResult>('/api/scores/compute', request);
  const { counts } = await writeScoresSheet(workbook, { result, scorecard: request.scorecard, people, st });
  return {
    intent: 'success',
    text: st('scores.computeDone', {
      people: result.people.length,
      summary: gradeSummary(counts),
      findings: result.findings.length,
    }),
    findings: result.findings.slice(0, 5),
  };
}

/** POST /api/periods/{period}/scores: targets and actuals from what Teamsheet stores, kept as v1, v2… */
export async function scoreStored(s: ScoresScope, attempt: WriteAttempt): Promise<ScoresOutcome> {
  const { workbook, api, locale, period, unitId, st } = s;
  const people = await teamPeople(api, unitId);
  try {
    const out = await scoreFromStoredData(workbook, api, { unitId, period, locale, people, st, attempt });
    if (out.status === 'no-scorecard') return { intent: 'warning', text: st('scores.noScorecard') };
    if (out.status === 'sheet-errors')
      return {
        intent: 'warning',
        text: st('scores.sheetProblems', { count: out.findings.length }),
        findings: out.findings,
      };
    const { stored, counts } = out;
    return {
      intent: 'success',
      text: st('scores.storedDone', {
        people: stored.people.length,
        unit: stored.unitId,
        period: stored.period,
        summary: gradeSummary(counts),
        version: stored.version,
        targets: stored.inputs.targets,
        actuals: stored.inputs.actuals,
        plans: stored.inputs.planVersions.map((p) => `${p.unitId} v${p.version}`).join(', ') || '—',
        findings: stored.findings.length,
      }),
      findings: stored.findings.slice(0, 5),
    };
  } catch (error) {
    // No stored targets, or a version written at the same moment: what to do next, not a failure.
    if (error instanceof ApiError && (error.status === 422 || error.status === 409))
      return {
        intent: 'warning',
        text: st('scores.storedRefused', {
          unit: unitId,
          period,
          detail: error.problem.detail ?? error.message,
        }),
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
  const { workbook, api, locale, period, st } = s;
  const { activities, findings } = await readActivities(workbook, locale);
  const problems = sheetProblems(findings, st);
  if (problems) return problems;
  const year = period.slice(0, 4);
  const body = { period: year, activities: activities.filter((a) => a.period.startsWith(year)) };
  const batch = await attempt.send(JSON.stringify(body), (key) =>
    api.post<{ count: number; people: number }>('/api/activities', body, { idempotencyKey: key }),
  );
  return {
    intent: 'success',
    text: st('scores.uploadDone', { count: batch.count, people: batch.people, period }),
  };
}

/** GET /api/analysis/{unitId}/{period} written to the Analysis sheet. */
export async function analyseUnit(s: ScoresScope): Promise<ScoresOutcome> {
  const { workbook, api, period, unitId, st } = s;
  const answer = await api.get<AnalysisAnswer>(
    `/api/analysis/${encodeURIComponent(unitId)}/${encodeURIComponent(period)}`,
  );
  await writeAnalysisSheet(workbook, answer, st);
  return { intent: 'success', text: st('scores.analysisDone', { unit: unitId, period }) };
}

/** Sales-force sizing on the Sizing sheet: inserted the first time, computed once it is filled. */
export async function sizeSalesForce(s: ScoresScope): Promise<ScoresOutcome> {
  const { workbook, api, locale, unitId, st } = s;
  const out = await runSizing(workbook, { headcount: (await teamPeople(api, unitId)).length, st, locale });
  if (out.inserted) return { intent: 'success', text: st('scores.sizingInserted') };
  return {
    intent: out.result.findings.length > 0 ? 'warning' : 'success',
    text: st('scores.sizingDone', {
      reps: out.result.repsNeeded ?? '—',
      current: out.result.currentHeadcount ?? '—',
    }),
    findings: out.result.findings,
  };
}
