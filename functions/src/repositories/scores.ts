// Stored scoring per period: each computation is an append-only version `scores:<unit>:<period>:v<n>`
// in the partition `<tenant>|<period>` (people's results in chunks, the head written last, so a reader
// sees a version only once it is whole), with an audit entry. Also where the inputs of stored scoring
// come from: targets of the latest plan versions and actuals (credited revenue, metric actuals and the
// uploaded activity logs), read from the plan and ledger repositories.
import {
  monthlyRevenue,
  type Activity,
  type Finding,
  type Person,
  type ScoreResult,
  type ScoreInputsSummary,
  type Scorecard,
  type StoredScores,
  type Target,
  type Transaction,
} from '@teamsheet/shared';
import { readActualsOf } from './actuals';
import { getStore } from '../store/client';
import {
  appendAudit,
  queryByType,
  readChunkedVersion,
  writeChunkedVersion,
  type VersionHead,
} from '../store/docs';
import { readActivities } from './activities';
import { listLatestPlans } from './plans';

export type ScoresHead = VersionHead & {
  tenantId: string;
  unitId: string;
  period: string;
  scorecard: Scorecard;
  inputs: ScoreInputsSummary;
  createdBy: string;
  createdAt: string;
};

/** A stored version as the routes answer it: the contract's `storedScores` (shared/src/schemas.ts). */
export type ScoresVersion = StoredScores;

type ScoresItem = { person: ScoreResult['people'][number] } | { finding: Finding };

/** What a stored version was computed from, so a reader can tell why a number is what it is. */
export type { ScoreInputsSummary };

export const scoresPartition = (tenantId: string, period: string) => `${tenantId}|${period}`;
export const scoresHeadId = (unitId: string, period: string, version: number) =>
  `scores:${unitId}:${period}:v${version}`;

/** The newest version number of a unit's scores for a period, 0 when none. */
export async function latestScoresVersion(tenantId: string, unitId: string, period: string): Promise<number> {
  const { containers } = await getStore();
  const pk = scoresPartition(tenantId, period);
  const rows = await queryByType<{ version: number }>(containers.history, pk, 'scores', {
    fields: ['version'],
    where: { unitId },
    orderBy: { field: 'version', descending: true },
    limit: 1,
  });
  return rows[0]?.version ?? 0;
}

export type SaveScoresResult =
  { status: 'created'; version: ScoresVersion } | { status: 'conflict'; version: number };

/** Stores `result` as the next version of the unit's scores for the period and audits it. */
export async function saveScores(args: {
  tenantId: string;
  unitId: string;
  period: string;
  scorecard: Scorecard;
  inputs: ScoreInputsSummary;
  result: ScoreResult;
  who: string;
  at?: string;
}): Promise<SaveScoresResult> {
  const { containers } = await getStore();
  const previous = await latestScoresVersion(args.tenantId, args.unitId, args.period);
  const version = previous + 1;
  const createdAt = args.at ?? new Date().toISOString();
  const items: ScoresItem[] = [
    ...args.result.people.map((person) => ({ person })),
    ...args.result.findings.map((finding) => ({ finding })),
  ];
  const res = await writeChunkedVersion(containers.history, {
    headId: scoresHeadId(args.unitId, args.period, version),
    partition: { field: 'pk', value: scoresPartition(args.tenantId, args.period) },
    type: 'scores',
    version,
    head: {
      tenantId: args.tenantId,
      unitId: args.unitId,
      period: args.period,
      scorecard: args.scorecard,
      inputs: args.inputs,
    },
    items,
    extra: { createdBy: args.who, createdAt },
  });
  if (res.status === 'conflict') return { status: 'conflict', version };
  const beforeHash =
    previous > 0
      ? ((await readScores(args.tenantId, args.unitId, args.period, previous))?.hash ?? null)
      : null;
  await appendAudit({
    tenantId: args.tenantId,
    who: args.who,
    action: 'scores.compute',
    entity: `scores:${args.tenantId}:${args.unitId}:${args.period}`,
    beforeHash,
    afterHash: res.doc.hash,
    at: createdAt,
    change: version,
    details: { version, people: args.result.people.length },
  });
  return {
    status: 'created',
    version: {
      unitId: args.unitId,
      period: args.period,
      version,
      hash: res.doc.hash,
      createdBy: args.who,
      createdAt,
      scorecard: args.scorecard,
      inputs: args.inputs,
      people: args.result.people,
      findings: args.result.findings,
    },
  };
}

/** A stored version (the newest when `version` is absent), or undefined. */
export async function readScores(
  tenantId: string,
  unitId: string,
  period: string,
  version?: number,
): Promise<ScoresVersion | undefined> {
  const v = version ?? (await latestScoresVersion(tenantId, unitId, period));
  if (v < 1) return undefined;
  const { containers } = await getStore();
  const stored = await readChunkedVersion<ScoresHead, ScoresItem>(
    containers.history,
    scoresHeadId(unitId, period, v),
    scoresPartition(tenantId, period),
  );
  if (!stored) return undefined;
  const people: ScoreResult['people'] = [];
  const findings: Finding[] = [];
  for (const item of stored.items) {
    if ('person' in item) people.push(item.person);
    else findings.push(item.finding);
  }
  const { head } = stored;
  return {
    unitId,
    period,
    version: head.version,
    hash: head.hash,
    createdBy: head.createdBy,
    createdAt: head.createdAt,
    scorecard: head.scorecard,
    inputs: head.inputs,
    people,
    findings,
  };
}

// ---- where stored scoring and analysis read targets and actuals

export type StoredTargets = { targets: Target[]; planVersions: { unitId: string; version: number }[] };

/**
 * Targets from the newest plan version of each unit of the subtree, stored under the period itself
 * or under its year (a plan usually covers the year by month; the core picks the period's months).
 */
async function latestPlanTargets(
  tenantId: string,
  period: string,
  unitIds: readonly string[],
): Promise<StoredTargets> {
  const wanted = new Set(unitIds);
  const horizons = [...new Set([period, period.slice(0, 4)])];
  const targets: Target[] = [];
  const planVersions: StoredTargets['planVersions'] = [];
  for (const horizon of horizons) {
    for (const stored of await listLatestPlans(tenantId, horizon)) {
      if (!wanted.has(stored.plan.unitId)) continue;
      planVersions.push({ unitId: stored.plan.unitId, version: stored.version });
      targets.push(...stored.plan.targets);
    }
  }
  return { targets, planVersions };
}

/**
 * The targets, transactions and actuals rows (person × metric × period) of a period: credited revenue
 * per person and month from transactions, metric actuals as given, and activity logs (latest upload wins).
 */
export async function readScoringInputs(
  tenantId: string,
  period: string,
  unitIds: readonly string[],
  people: readonly Person[],
): Promise<{
  targets: Target[];
  actuals: Target[];
  transactions: Transaction[];
  activities: Activity[];
  planVersions: StoredTargets['planVersions'];
  activityBatches: string[];
}> {
  const stored = await latestPlanTargets(tenantId, period, unitIds);
  const { actuals, transactions, activities, activityBatches } = await readStoredActuals(
    tenantId,
    period,
    people,
  );
  return {
    targets: stored.targets,
    actuals,
    transactions,
    activities,
    planVersions: stored.planVersions,
    activityBatches,
  };
}

/**
 * The actuals rows (person × metric × month) of some people in a period: credited revenue from the
 * transactions crediting them, metric actuals as given, and activity logs (latest upload wins) —
 * what stored scoring scores against and what TEAMSHEET.ACTUAL answers.
 */
export async function readStoredActuals(
  tenantId: string,
  period: string,
  people: readonly Person[],
): Promise<{
  actuals: Target[];
  transactions: Transaction[];
  activities: Activity[];
  activityBatches: string[];
}> {
  // Only these people's transactions: a team's figures read its people's documents, not the month.
  const uploaded = await readActualsOf(
    tenantId,
    period,
    people.map((p) => p.id),
  );
  const logs = await readActivities(tenantId, period);
  const { transactions } = uploaded;
  const actuals: Target[] = [
    ...monthlyRevenue({ people: [...people] }, transactions),
    ...uploaded.metricActuals,
    ...logs.activities.map((a) => ({
      owner: a.personId,
      metric: a.metric,
      period: a.period,
      value: a.value,
    })),
  ];
  return {
    actuals,
    transactions,
    activities: logs.activities,
    activityBatches: logs.batches.map((b) => b.batchId),
  };
}
