// Stored scoring per period (docs/rules.md, Scores). POST /api/periods/{period}/scores: a manager in scope, a
// regional head or an admin scores the reps of a unit's subtree from the stored targets (latest plan
// versions) and actuals (transactions, metric actuals, activity logs) with the scorecard, ratings and
// deductions sent; the result is stored as a new append-only version (201). GET …/scores?unitId=
// [&version=n] reads the newest (or a given) version back.
import { computeScores, deduction, periodId, rating, scorecard } from '@teamsheet/shared';
import { z } from 'zod';
import { allow, signedInCaller } from '../auth';
import { HttpError, handler, json, readJson, type HttpLocale } from '../http';
import type { HttpRequest } from '../azure';
import { route } from '../registry';
import { contentHash } from '../store';
import { readScores, readScoringInputs, saveScores } from '../store/scores';
import { MAX_SCORE_BODY_BYTES } from './scoresCompute';

export const storedScoreRequest = z.object({
  unitId: z.string().min(1).max(200),
  scorecard,
  ratings: z.array(rating).max(2_000_000).optional(),
  deductions: z.array(deduction).max(200_000).optional(),
});

const SCORING_ROLES = ['manager', 'regional_head', 'admin'] as const;

const text = {
  noTargets: {
    en: 'No targets are stored for unit {unitId} in {period}: submit the plan of the unit (or of its teams) first, then score again.',
    'zh-CN': '单位 {unitId} 在 {period} 没有已保存的目标：请先提交该单位(或其下团队)的计划，再计算得分。',
  },
  noPeople: {
    en: 'Unit {unitId} has no sales reps to score.',
    'zh-CN': '单位 {unitId} 没有需要考核的销售代表。',
  },
  noScores: {
    en: 'No scores are stored for unit {unitId} in {period}{version}. Compute them with POST /api/periods/{period}/scores.',
    'zh-CN':
      '单位 {unitId} 在 {period}{version} 没有已保存的得分。请先通过 POST /api/periods/{period}/scores 计算。',
  },
  conflict: {
    en: 'Someone stored version {version} of these scores at the same moment; read it, or compute again.',
    'zh-CN': '有人同时保存了该得分的第 {version} 版；请读取该版本或重新计算。',
  },
} as const;

function say(locale: HttpLocale, key: keyof typeof text, params: Record<string, string | number>): string {
  return text[key][locale].replace(/\{(\w+)\}/g, (w, n: string) => (n in params ? String(params[n]) : w));
}

function periodParam(request: HttpRequest): string {
  const period = request.params.period ?? '';
  if (!periodId.safeParse(period).success)
    throw HttpError.of(400, 'http.body-invalid', { count: 1 }, [
      { path: 'period', message: `expected a period id such as 2026, 2026-Q1 or 2026-03; got ${period}` },
    ]);
  return period;
}

async function postScores(request: HttpRequest) {
  const period = periodParam(request);
  const caller = await signedInCaller(request, { roles: [...SCORING_ROLES] });
  const { locale, principal, tenantId, org } = caller;
  const body = await readJson(request, storedScoreRequest, { maxBytes: MAX_SCORE_BODY_BYTES });
  // Scope first: outside it, a unit that exists and one that does not get the same 403.
  allow(caller, { unitId: body.unitId });
  if (!org.unit(body.unitId))
    throw HttpError.of(400, 'http.body-invalid', { count: 1 }, [
      { path: 'unitId', message: `${body.unitId} is not a unit of the organisation` },
    ]);

  const people = org.peopleIn(body.unitId, { deep: true }).filter((p) => p.role === 'rep');
  if (people.length === 0)
    throw new HttpError(422, 'Unprocessable content', say(locale, 'noPeople', { unitId: body.unitId }));
  const inputs = await readScoringInputs(tenantId, period, org.subtree(body.unitId), people);
  const ids = new Set(people.map((p) => p.id));
  const targets = inputs.targets.filter((t) => ids.has(t.owner));
  if (targets.length === 0)
    throw new HttpError(
      422,
      'Unprocessable content',
      say(locale, 'noTargets', { unitId: body.unitId, period }),
    );
  const actuals = inputs.actuals.filter((a) => ids.has(a.owner));
  const scoreInput = {
    scorecard: body.scorecard,
    period,
    people,
    targets,
    actuals,
    ...(body.ratings ? { ratings: body.ratings } : {}),
    ...(body.deductions ? { deductions: body.deductions } : {}),
  };
  const result = computeScores(scoreInput, { locale });
  const saved = await saveScores({
    tenantId,
    unitId: body.unitId,
    period,
    scorecard: body.scorecard,
    inputs: {
      people: people.length,
      targets: targets.length,
      actuals: actuals.length,
      ratings: body.ratings?.length ?? 0,
      deductions: body.deductions?.length ?? 0,
      planVersions: inputs.planVersions,
      activityBatches: inputs.activityBatches,
      inputsHash: contentHash(scoreInput),
    },
    result,
    who: principal.personId,
  });
  if (saved.status === 'conflict')
    throw new HttpError(409, 'Conflict', say(locale, 'conflict', { version: saved.version }));
  return json(saved.version, 201, { etag: `"${saved.version.version}"` });
}

async function getScores(request: HttpRequest) {
  const period = periodParam(request);
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
      say(locale, 'noScores', { unitId, period, version: version ? ` v${version}` : '' }),
    );
  return json(stored, 200, { etag: `"${stored.version}"` });
}

export const scoresRun = route({
  name: 'scoresRun',
  methods: ['GET', 'POST'],
  route: 'periods/{period}/scores',
  maxBodyBytes: MAX_SCORE_BODY_BYTES,
  handler: handler(async (request) => (request.method === 'POST' ? postScores(request) : getScores(request))),
});
