// The planning use cases behind the Plan section, without React: check the sheets (the core at once,
// then the server with what it knows), submit a new version or save a draft with If-Match and an
// Idempotency-Key (a stale base comes back with what changed), reload a stored version or the draft,
// write the metric catalog.
import {
  OrgIndex,
  findingInWords,
  metricCatalog,
  summariseFindings,
  validatePlan,
  type Finding,
  type Locale,
  type OrgData,
  type Plan,
  type ValidationSummary,
} from '@teamsheet/shared';
import { ApiError, type Api, type WriteAttempt } from '../../api';
import type { OrgView } from '../org/org';
import type { Workbook } from '../../office';
import {
  insertTemplates,
  locateAll,
  paintFindings,
  readPlan,
  readStamp,
  writeBaseVersion,
  type LocatedFinding,
  type PlanChange,
  type PlanRead,
} from './planSheets';

/** The address of a unit's plan for a period: `/api/plans/{unitId}/{period}`. */
export const planPath = (unitId: string, period: string) =>
  `/api/plans/${encodeURIComponent(unitId)}/${encodeURIComponent(period)}`;

/** The changes cell by cell between two stored versions. */
export const fetchPlanDiff = (api: Api, unitId: string, period: string, from: number, to: number) =>
  api.get<PlanChange[]>(`${planPath(unitId, period)}/diff?from=${from}&to=${to}`);

/** The unit a signed-in person plans for: the one they manage, else their own, else the first. */
export function startingUnit(org: OrgData, personId: string, ownUnit?: string): string {
  const me = ownUnit ?? org.people.find((p) => p.id === personId)?.unitId;
  const managed = org.units.find((u) => u.managerId === personId)?.id;
  return managed || me || org.units[0]?.id || '';
}

/** Who a target may belong to in `year`: the unit first, then its people still employed that year. */
export function planOwners(org: OrgData | null, unitId: string, year: number): string[] {
  if (!org || !unitId) return [];
  const people = org.people.filter(
    (p) => p.unitId === unitId && (!p.exitDate || p.exitDate >= `${year}-01-01`),
  );
  return [unitId, ...people.map((p) => p.id)];
}

export const knowsUnit = (org: OrgData | null, unitId: string) => !!org && !!new OrgIndex(org).unit(unitId);

/** Paints the findings on their cells (clearing the old marks) and returns them with their places. */
async function show(
  workbook: Workbook,
  read: PlanRead,
  importFindings: readonly Finding[],
  planFindings: readonly Finding[],
): Promise<LocatedFinding[]> {
  // Messages name owners and metrics as the sheets show them (names, labels), not by id.
  const names = { locale: read.locale, people: read.ownerNames, units: read.ownerNames };
  const worded = (list: readonly Finding[]) => list.map((f) => findingInWords(f, names));
  const located = locateAll(read, worded(importFindings), worded(planFindings));
  const sheets = [read.targetsSheet, ...(read.goalsSheet ? [read.goalsSheet] : [])];
  await paintFindings(workbook, sheets, located);
  return located;
}

export interface Checked {
  read: PlanRead;
  located: LocatedFinding[];
  summary: ValidationSummary;
}

/** The same core as the server, at once, on the sheets as they are. */
export async function checkLocally(
  workbook: Workbook,
  opts: { locale: Locale; org: OrgView | null },
): Promise<Checked> {
  const read = await readPlan(workbook, opts.locale);
  const local = validatePlan(read.plan, opts.org ? { org: opts.org } : {}, { locale: opts.locale });
  const located = await show(workbook, read, read.importFindings, local.findings);
  return { read, located, summary: summariseFindings([...read.importFindings, ...local.findings]) };
}

/** The server's check of the same plan, which adds last year's actuals and the parent's targets. */
export async function checkOnServer(workbook: Workbook, api: Api, read: PlanRead): Promise<Checked> {
  const server = await api.post<{ findings: Finding[]; summary: ValidationSummary }>('/api/plans/validate', {
    plan: read.plan,
  });
  const located = await show(workbook, read, read.importFindings, server.findings);
  return { read, located, summary: summariseFindings([...read.importFindings, ...server.findings]) };
}

/** A stale base: someone stored `current` while this sheet was based on `base`. */
export interface Conflict {
  base: number;
  current: number;
  /** What changed between the two, or null when it could not be fetched. */
  changes: PlanChange[] | null;
}

export type SubmitOutcome =
  | { status: 'import-errors'; located: LocatedFinding[]; count: number }
  | { status: 'stored'; version: number; summary: ValidationSummary; located: LocatedFinding[] }
  | { status: 'stale'; conflict: Conflict }
  | { status: 'rejected'; located: LocatedFinding[]; errors: number };

export type DraftOutcome =
  | { status: 'import-errors'; located: LocatedFinding[]; count: number }
  | { status: 'saved'; draft: number; summary: ValidationSummary; located: LocatedFinding[] }
  | { status: 'stale'; conflict: Conflict };

type Written = { version?: number; draft?: number; summary: ValidationSummary; findings?: Finding[] };

/**
 * Sends the sheets' plan to `path` (…/{period} to submit, …/draft to save a draft) on top of `base`,
 * with the attempt's key; the cells the sheet cannot read block it first; a stale base comes back with
 * what changed. Failures with an unknown outcome (network, 5xx) are thrown and keep the key.
 */
async function sendPlan(
  workbook: Workbook,
  api: Api,
  opts: { locale: Locale; attempt: WriteAttempt; onTopOf?: number; draft: boolean },
): Promise<
  | { status: 'import-errors'; located: LocatedFinding[]; count: number }
  | { status: 'sent'; read: PlanRead; written: Written }
  | { status: 'stale'; conflict: Conflict }
  | { status: 'refused'; read: PlanRead; error: ApiError }
> {
  const read = await readPlan(workbook, opts.locale);
  const importErrors = read.importFindings.filter((f) => f.severity === 'error');
  if (importErrors.length > 0)
    return {
      status: 'import-errors',
      located: await show(workbook, read, read.importFindings, []),
      count: importErrors.length,
    };
  const base = opts.onTopOf ?? read.stamp.baseVersion;
  const path = planPath(read.plan.unitId, read.plan.period) + (opts.draft ? '/draft' : '');
  try {
    const what = `${opts.draft ? 'draft' : 'submit'}\n${base}\n${JSON.stringify(read.plan)}`;
    const written = await opts.attempt.send(what, (key) =>
      api.put<Written>(path, read.plan, { headers: { 'if-match': `"${base}"` }, idempotencyKey: key }),
    );
    return { status: 'sent', read, written };
  } catch (error) {
    if (error instanceof ApiError && error.status === 412) {
      const current = Number(error.problem.currentVersion);
      const changes =
        base > 0 && Number.isInteger(current)
          ? await fetchPlanDiff(api, read.plan.unitId, read.plan.period, base, current).catch(() => null)
          : null;
      return { status: 'stale', conflict: { base, current, changes } };
    }
    if (error instanceof ApiError) return { status: 'refused', read, error };
    throw error;
  }
}

/**
 * Stores the sheets' plan as a new version on top of `onTopOf` (default: the version the sheet is
 * based on). Failures with an unknown outcome (network, 5xx) are thrown and keep `attempt`'s key, so
 * sending the same plan again cannot store it twice.
 */
export async function submitPlan(
  workbook: Workbook,
  api: Api,
  opts: { locale: Locale; attempt: WriteAttempt; onTopOf?: number },
): Promise<SubmitOutcome> {
  const sent = await sendPlan(workbook, api, { ...opts, draft: false });
  if (sent.status === 'import-errors' || sent.status === 'stale') return sent;
  if (sent.status === 'refused') {
    const { error, read } = sent;
    if (error.status === 422 && Array.isArray(error.problem.findings)) {
      const findings = error.problem.findings as Finding[];
      return {
        status: 'rejected',
        located: await show(workbook, read, [], findings),
        errors: findings.filter((f) => f.severity === 'error').length,
      };
    }
    throw error;
  }
  const { read, written } = sent;
  const version = written.version ?? 0;
  await writeBaseVersion(workbook, read.targetsSheet, version);
  const located = await show(workbook, read, [], written.findings ?? []);
  return { status: 'stored', version, summary: written.summary, located };
}

/**
 * Saves the sheets' plan as a draft on top of the version the sheet is based on: stored, not
 * submitted, its findings (errors too) painted on their cells. The sheet stays based on that version.
 */
export async function saveDraft(
  workbook: Workbook,
  api: Api,
  opts: { locale: Locale; attempt: WriteAttempt },
): Promise<DraftOutcome> {
  const sent = await sendPlan(workbook, api, { ...opts, draft: true });
  if (sent.status === 'import-errors' || sent.status === 'stale') return sent;
  if (sent.status === 'refused') throw sent.error;
  const { read, written } = sent;
  const located = await show(workbook, read, [], written.findings ?? []);
  return { status: 'saved', draft: written.draft ?? 0, summary: written.summary, located };
}

/** Writes the team's draft over the sheets, based on the version it was saved on top of. */
export async function openDraft(
  workbook: Workbook,
  opts: {
    locale: Locale;
    plan: Plan;
    basedOn: number | null;
    owners: string[];
    metrics: string[];
    ownerNames?: ReadonlyMap<string, string>;
  },
): Promise<void> {
  await insertTemplates(workbook, {
    unitId: opts.plan.unitId,
    year: Number(opts.plan.period.slice(0, 4)),
    owners: opts.owners,
    metrics: opts.metrics,
    locale: opts.locale,
    plan: opts.plan,
    baseVersion: opts.basedOn ?? 0,
    ...(opts.ownerNames ? { ownerNames: opts.ownerNames } : {}),
  });
}

/**
 * Writes stored `version` over the sheets, for the unit and period the sheet is stamped with (or
 * the ones given when it has no stamp), so the next submit is based on it.
 */
export async function reloadVersion(
  workbook: Workbook,
  api: Api,
  opts: {
    locale: Locale;
    version: number;
    unitId: string;
    year: number;
    owners: string[];
    metrics: string[];
    ownerNames?: ReadonlyMap<string, string>;
    /** Take the unit and period from the sheet's stamp (a conflict's reload); false: the ones given. */
    fromStamp?: boolean;
  },
): Promise<void> {
  const stamp = opts.fromStamp === false ? null : await readStamp(workbook, opts.locale);
  const unitId = stamp?.unitId || opts.unitId;
  const period = stamp?.period || String(opts.year);
  const got = await api.get<{ plan?: Plan; version?: number } & Partial<Plan>>(
    `${planPath(unitId, period)}?version=${opts.version}`,
  );
  const plan: Plan = got.plan ?? (got as Plan);
  await insertTemplates(workbook, {
    unitId,
    year: Number(period.slice(0, 4)),
    owners: opts.owners,
    metrics: opts.metrics,
    locale: opts.locale,
    plan,
    baseVersion: opts.version,
    ...(opts.ownerNames ? { ownerNames: opts.ownerNames } : {}),
  });
}

/** The metric catalog's sheet, named in the user's language. */
export const metricsSheetName = (locale: Locale) => (locale === 'zh-CN' ? '指标目录' : 'Metrics');

/** The metric catalog as a table on the Metrics sheet, headers in the user's language; returns its size. */
export async function writeMetricCatalog(
  workbook: Workbook,
  headers: string[],
  locale: Locale,
  /** The words of a unit, aggregation or direction in the user's language. */
  word: (kind: 'unit' | 'aggregation' | 'direction', value: string) => string = (_, v) => v,
): Promise<number> {
  const list = Object.values(metricCatalog);
  const sheet = metricsSheetName(locale);
  await workbook.writeTable(sheet, {
    name: 'MetricCatalog',
    headers,
    rows: list.map((m) => [
      m.id,
      m.label[locale],
      word('unit', m.unit),
      word('aggregation', m.aggregation),
      word('direction', m.direction),
    ]),
    freezeHeader: true,
  });
  await workbook.selectCell(sheet, 'A1');
  return list.length;
}
