// Payout runs (docs/rules.md, Pay) in the `history` container, partition `<tenant>|<period>`. A run is a
// snapshot: the whole PayoutRequest it was computed from (chunked), the plan, the plan versions and
// org version in force, the engine version, the result lines (chunked, head written last) and a
// content hash over all of them. Approval is one document per period (`payout-approval:<period>`), so
// a period pays from exactly one approved run; a run is `locked` once its period is closed.
// Re-running reproduces the hash: verifyRun recomputes the lines from the stored snapshot.
import {
  applyQuestionAdjustments,
  computePayouts,
  currencyScale,
  computePayoutsByVersion,
  PAYOUT_ENGINE_VERSION,
  previousPeriod,
  quotasFromTargets,
  tracePriorPeriodAdjustments,
  type Activity,
  type CompPlan,
  type CompPlanScope,
  type Finding,
  type Locale,
  type PayoutLine,
  type PayoutOutcome,
  type PayoutRequest,
  type Person,
  type QuestionAdjustment,
  type Quota,
  type Transaction,
  type TransactionColumns,
} from '@teamsheet/shared';
import { batchHashOf, ledgerBatches, readLedger, readLedgerColumns, type LedgerBatchRef } from './actuals';
import { readActivities } from './activities';
import { getStore } from '../store/client';
import {
  appendAudit,
  createImmutable,
  queryByType,
  readChunkedVersion,
  readOne,
  writeChunkedVersion,
  type VersionHead,
} from '../store/docs';
import { contentHash } from '../store/hash';
import { readLatestOrg } from './org';
import { periodAndContainers, periodState } from './periods';
import { listLatestPlans } from './plans';
import { readAdjustments } from './questions';
import { readScores } from './scores';
import { refusal } from '../refusal';

export type RunStatus = 'draft' | 'approved' | 'locked';

export type PlanVersionInForce = { unitId: string; period: string; version: number; status: string };

/**
 * A run of a stored comp plan (docs/rules.md, Comp plans in force): the versions it used, each with
 * the people paid under it, and the paid people under none. Stored with the run's input snapshot and
 * covered by its hash.
 */
export type RunByVersion = {
  compPlanId: string;
  versions: {
    version: number;
    plan: CompPlan;
    effectiveFrom: string;
    effectiveTo?: string;
    appliesTo: CompPlanScope;
    hash: string;
  }[];
  assignments: { version: number; personIds: string[] }[];
  unassigned: Pick<Person, 'id' | 'role' | 'unitId'>[];
};

/** What a run's head says of the comp-plan versions it used. */
export type CompPlanVersionUsed = {
  compPlanId: string;
  version: number;
  name: string;
  effectiveFrom: string;
  effectiveTo?: string;
  hash: string;
  people: number;
};

export function versionsUsed(byVersion: RunByVersion): CompPlanVersionUsed[] {
  return byVersion.versions.map((v) => ({
    compPlanId: byVersion.compPlanId,
    version: v.version,
    name: v.plan.name,
    effectiveFrom: v.effectiveFrom,
    ...(v.effectiveTo ? { effectiveTo: v.effectiveTo } : {}),
    hash: v.hash,
    people: byVersion.assignments.find((a) => a.version === v.version)?.personIds.length ?? 0,
  }));
}

/** What a run was computed from, in counts and hashes, so a reader can tell why a number is what it is. */
export type RunInputsSummary = {
  people: number;
  quotas: number;
  transactions: number;
  /** Transactions of the period left out of a unit run because they credit someone outside the unit. */
  transactionsOutsideScope: number;
  adjustments: number;
  activities: number;
  scores: number;
  drawBalances: number;
  activityBatches: string[];
  scoreVersions: { unitId: string; version: number }[];
  previousRun: { period: string; runId: string; hash: string } | null;
  /** The ledger batches the transactions were read from (immutable, so the run names them). */
  ledger?: LedgerBatchRef[];
  inputHash: string;
};

export type RunHead = VersionHead & {
  tenantId: string;
  period: string;
  runId: string;
  unitId: string | null;
  plan: CompPlan;
  planVersions: PlanVersionInForce[];
  /** The stored comp plan's versions the run paid under, when it named one (`compPlanId`). */
  compPlanVersions?: CompPlanVersionUsed[];
  orgVersion: number;
  orgHash: string;
  engineVersion: string;
  inputs: RunInputsSummary;
  resultHash: string;
  /** The run's content hash: inputs, plan, plan versions, org version, engine version and result. */
  runHash: string;
  currency: string;
  totals: PayoutOutcome['totals'];
  lineCount: number;
  findingCounts: { errors: number; warnings: number; infos: number };
  createdBy: string;
  createdAt: string;
};

type RunItem =
  | { line: PayoutLine }
  | { person: PayoutOutcome['people'][number] }
  | { finding: Finding }
  | { draw: PayoutOutcome['drawBalances'][number] }
  | { member: RunMember };

/** Who a run paid, as the org in force named them: for the export's name and unit columns. */
export type RunMember = Pick<Person, 'id' | 'name' | 'unitId'>;

type InputItem =
  | { person: Person }
  | { quota: Quota }
  | { transaction: Transaction }
  | { activity: Activity }
  | { score: NonNullable<PayoutRequest['scores']>[number] }
  | { draw: NonNullable<PayoutRequest['drawBalances']>[number] }
  | { adjustment: QuestionAdjustment };

export type PayoutApproval = {
  id: string;
  pk: string;
  type: 'payout-approval';
  tenantId: string;
  period: string;
  runId: string;
  runHash: string;
  approvedBy: string;
  approvedAt: string;
};

export type StoredRun = {
  head: RunHead;
  status: RunStatus;
  approval?: PayoutApproval;
  lines: PayoutLine[];
  people: PayoutOutcome['people'];
  findings: Finding[];
  drawBalances: PayoutOutcome['drawBalances'];
  members: RunMember[];
};

const pkOf = (tenantId: string, period: string) => `${tenantId}|${period}`;
export const runHeadId = (period: string, runId: string) => `payout-run:${period}:${runId}`;
const inputHeadId = (period: string, runId: string) => `payout-run-input:${period}:${runId}`;
export const approvalId = (period: string) => `payout-approval:${period}`;
const PLANS_PK = (tenantId: string) => `${tenantId}|comp-plans`;

// ---- comp plans used by runs, so a later run can name one by id

type CompPlanDoc = {
  id: string;
  pk: string;
  type: 'comp-plan';
  planId: string;
  plan: CompPlan;
  storedBy: string;
  storedAt: string;
  hash: string;
};

async function rememberPlan(tenantId: string, plan: CompPlan, who: string, at: string): Promise<void> {
  const { containers } = await getStore();
  const hash = contentHash(plan);
  await createImmutable(containers.history, {
    id: `comp-plan:${plan.id}:${hash.slice(0, 16)}`,
    pk: PLANS_PK(tenantId),
    type: 'comp-plan',
    planId: plan.id,
    plan,
    storedBy: who,
    storedAt: at,
    hash,
  } satisfies CompPlanDoc);
}

/** The newest comp plan with this id that a run used, or undefined. */
export async function findPlan(tenantId: string, planId: string): Promise<CompPlan | undefined> {
  const { containers } = await getStore();
  const pk = PLANS_PK(tenantId);
  const docs = await queryByType<CompPlanDoc>(containers.history, pk, 'comp-plan', { where: { planId } });
  docs.sort((a, b) => (a.storedAt < b.storedAt ? 1 : a.storedAt > b.storedAt ? -1 : a.id < b.id ? 1 : -1));
  return docs[0]?.plan;
}

// ---- gathering the inputs from stored data

/** The newest stored scores of each unit scored in the period; a person scored twice takes the newest. */
async function latestScores(tenantId: string, period: string) {
  const { containers } = await getStore();
  const pk = pkOf(tenantId, period);
  const heads = await queryByType<{ unitId: string; version: number }>(containers.history, pk, 'scores', {
    fields: ['unitId', 'version'],
  });
  const newest = new Map<string, number>();
  for (const h of heads) newest.set(h.unitId, Math.max(newest.get(h.unitId) ?? 0, h.version));
  const versions = [...newest]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([unitId, version]) => ({ unitId, version }));
  const stored = await Promise.all(versions.map((v) => readScores(tenantId, v.unitId, period, v.version)));
  stored.sort((a, b) => ((a?.createdAt ?? '') < (b?.createdAt ?? '') ? -1 : 1));
  const byPerson = new Map<string, { personId: string; final: number; grade: string }>();
  for (const s of stored)
    for (const p of s?.people ?? [])
      byPerson.set(p.personId, { personId: p.personId, final: p.final, grade: p.grade });
  return {
    scores: [...byPerson.values()].sort((a, b) => (a.personId < b.personId ? -1 : 1)),
    scoreVersions: versions,
  };
}

export type GatheredInputs = {
  /** The request without its transactions: those are the `summary.ledger` batches, read by readTransactions. */
  request: PayoutRequest;
  planVersions: PlanVersionInForce[];
  orgVersion: number;
  orgHash: string;
  summary: Omit<
    RunInputsSummary,
    'inputHash' | 'transactions' | 'transactionsOutsideScope' | 'adjustments'
  > & {
    ledger: LedgerBatchRef[];
  };
  /**
   * The named batches' transactions that credit only the run's people, as the engine's columns: the
   * costly read, left to when the run is computed (an existing run is answered without it).
   */
  readTransactions(): Promise<{ columns: TransactionColumns; outside: number }>;
  /** Accepted questions' adjustments this period pays its people (repositories/questions.ts). */
  adjustments: QuestionAdjustment[];
};

/**
 * The PayoutRequest of a run from stored data: people of the org in force (of `unitId`'s subtree when
 * given), quotas from the person-owned targets of the latest plan versions (the core's quotasFromTargets),
 * the period's transactions, activity logs, stored scores, and the recoverable draw balances closing
 * the previous period's approved run. Returns undefined when no organisation is stored.
 */
export async function gatherRunInputs(
  tenantId: string,
  period: string,
  plan: CompPlan,
  unitId: string | null,
): Promise<GatheredInputs | undefined> {
  const latest = await readLatestOrg(tenantId);
  if (!latest) return undefined;
  const { index, version } = latest;
  const people = (unitId ? index.peopleIn(unitId, { deep: true }) : version.org.people)
    .slice()
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const inScope = new Set(people.map((p) => p.id));

  const quotas: Quota[] = [];
  const planVersions: PlanVersionInForce[] = [];
  for (const horizon of periodAndContainers(period)) {
    for (const stored of await listLatestPlans(tenantId, horizon)) {
      planVersions.push({
        unitId: stored.plan.unitId,
        period: horizon,
        version: stored.version,
        status: stored.status,
      });
      quotas.push(...quotasFromTargets(stored.plan.targets, inScope, plan, period));
    }
  }

  // The batches the run reads (heads only); their transactions are read when the run is computed.
  const ledger = await ledgerBatches(tenantId, period);
  const logs = await readActivities(tenantId, period);
  const activities = logs.activities
    .filter((a) => inScope.has(a.personId))
    .sort((a, b) => (a.personId + a.metric + a.period < b.personId + b.metric + b.period ? -1 : 1));
  const { scores: allScores, scoreVersions } = await latestScores(tenantId, period);
  const scores = allScores.filter((s) => inScope.has(s.personId));

  const previous = await approvedRun(tenantId, previousPeriod(period));
  const drawBalances = (previous?.drawBalances ?? [])
    .filter((d) => inScope.has(d.personId) && d.amountMinor !== 0)
    .map((d) => ({ personId: d.personId, amount: Number(d.amount) }));

  const request: PayoutRequest = {
    period,
    plan,
    people,
    quotas,
    transactions: [],
    activities,
    scores,
    drawBalances,
  };
  // Accepted questions paid in this period (an isolated hook: the run's other inputs do not depend on it).
  const adjustments = await readAdjustments(tenantId, period, inScope);
  return {
    request,
    adjustments,
    planVersions,
    orgVersion: version.version,
    orgHash: version.hash,
    // The month's columns straight from the named batches' blocks, those crediting anyone outside
    // the run's people left out: no object per transaction.
    readTransactions: async () => {
      const stored = await readLedgerColumns(tenantId, period, {
        keep: (id) => inScope.has(id),
        batches: ledger,
      });
      return { columns: stored.columns, outside: stored.outside };
    },
    summary: {
      people: people.length,
      quotas: quotas.length,
      activities: activities.length,
      scores: scores.length,
      drawBalances: drawBalances.length,
      activityBatches: logs.batches.map((b) => b.batchId),
      scoreVersions,
      previousRun: previous
        ? { period: previous.head.period, runId: previous.head.runId, hash: previous.head.runHash }
        : null,
      ledger,
    },
  };
}

/** The transactions a run over `people` pays: those whose every credit is someone in it. */
function inScopeOnly(transactions: readonly Transaction[], inScope: ReadonlySet<string>): Transaction[] {
  return transactions.filter((t) => t.credits.every((c) => inScope.has(c.personId)));
}

// ---- computing and hashing

export type ComputedRun = { outcome: PayoutOutcome; inputHash: string; resultHash: string; runHash: string };

/** The engine over a run's request, prior-period adjustments traced, and the hashes of it all. */
export function computeRun(args: {
  request: PayoutRequest;
  planVersions: readonly PlanVersionInForce[];
  orgVersion: number;
  orgHash: string;
  /** The ledger batches the request's transactions are (those crediting only its people); without it the transactions themselves are hashed. */
  ledger?: readonly LedgerBatchRef[];
  /** The request's transactions as columns, instead of `request.transactions` (then empty). */
  transactions?: TransactionColumns;
  engineVersion?: string;
  /** Accepted questions' adjustments, each an `adjustment` line (none: the hashes are as before). */
  adjustments?: readonly QuestionAdjustment[];
  /** Each person paid under the version of a stored comp plan in effect for them. */
  byVersion?: RunByVersion;
}): ComputedRun {
  const columns = args.transactions;
  const options = { engineVersion: args.engineVersion, ...(columns ? { transactions: columns } : {}) };
  const outcome = args.byVersion
    ? computePayoutsByVersion(args.request, args.byVersion, options)
    : computePayouts(args.request, options);
  tracePriorPeriodAdjustments(
    outcome.lines,
    args.request.plan.components,
    columns ? columns.adjusting.map((row) => columns.transaction(row)) : args.request.transactions,
  );
  const adjustments = args.adjustments ?? [];
  applyQuestionAdjustments(outcome, adjustments, currencyScale(args.request.plan.currency));
  const withAdjustments = adjustments.length > 0 ? { adjustments } : {};
  // The batches are immutable and their hashes cover every transaction, so naming them (and the rule
  // that picks transactions out of them) identifies the transactions without hashing each again.
  const inputHash = args.ledger
    ? contentHash({
        ...args.request,
        transactions: {
          batches: args.ledger,
          pick: 'every-credit-in-people',
          count: columns ? columns.count : args.request.transactions.length,
        },
        ...withAdjustments,
      })
    : contentHash({ ...args.request, ...withAdjustments });
  const resultHash = contentHash({
    lines: outcome.lines,
    people: outcome.people,
    totals: outcome.totals,
    findings: outcome.findings,
    drawBalances: outcome.drawBalances,
  });
  const runHash = contentHash({
    inputHash,
    plan: args.request.plan,
    ...(args.byVersion ? { byVersion: args.byVersion } : {}),
    planVersions: args.planVersions,
    orgVersion: args.orgVersion,
    orgHash: args.orgHash,
    engineVersion: outcome.engineVersion,
    resultHash,
  });
  return { outcome, inputHash, resultHash, runHash };
}

/** The snapshot of a run's request; transactions only when they are not named as ledger batches. */
function inputItems(r: PayoutRequest, withTransactions: boolean): InputItem[] {
  return [
    ...r.people.map((person) => ({ person })),
    ...r.quotas.map((quota) => ({ quota })),
    ...(withTransactions ? r.transactions.map((transaction) => ({ transaction })) : []),
    ...(r.activities ?? []).map((activity) => ({ activity })),
    ...(r.scores ?? []).map((score) => ({ score })),
    ...(r.drawBalances ?? []).map((draw) => ({ draw })),
  ];
}

/** The snapshot's accepted-question adjustments (items of their own, so verifyRun recomputes them). */
const adjustmentItems = (adjustments: readonly QuestionAdjustment[]): InputItem[] =>
  adjustments.map((adjustment) => ({ adjustment }));

function requestFrom(period: string, plan: CompPlan, items: readonly InputItem[]): PayoutRequest {
  const r: PayoutRequest = {
    period,
    plan,
    people: [],
    quotas: [],
    transactions: [],
    activities: [],
    scores: [],
    drawBalances: [],
  };
  for (const item of items) {
    if ('person' in item) r.people.push(item.person);
    else if ('quota' in item) r.quotas.push(item.quota);
    else if ('transaction' in item) r.transactions.push(item.transaction);
    else if ('activity' in item) r.activities!.push(item.activity);
    else if ('score' in item) r.scores!.push(item.score);
    else if ('draw' in item) r.drawBalances!.push(item.draw);
  }
  return r;
}

// ---- run keys: the same inputs name the same run

type RunKeyDoc = { id: string; pk: string; type: 'payout-run-key'; runId: string; runHash: string };
const runKeyId = (period: string, key: string) => `payout-run-key:${period}:${key.slice(0, 32)}`;

/**
 * What decides a run before it is computed: the request with its transactions named as ledger
 * batches (immutable, content-hashed) and the rule that picks them, plan versions, org, engine
 * version and unit. The run's content hash is a function of these, so equal keys mean equal runs.
 */
function runKey(gathered: GatheredInputs, unitId: string | null, byVersion?: RunByVersion): string {
  return contentHash({
    ...(byVersion ? { byVersion } : {}),
    request: {
      ...gathered.request,
      transactions: { batches: gathered.summary.ledger, pick: 'every-credit-in-people' },
    },
    planVersions: gathered.planVersions,
    orgVersion: gathered.orgVersion,
    orgHash: gathered.orgHash,
    engineVersion: PAYOUT_ENGINE_VERSION,
    unitId,
    ...(gathered.adjustments.length > 0 ? { adjustments: gathered.adjustments } : {}),
  });
}

// ---- writing and reading runs

/**
 * Creates a draft run: input snapshot first, then the result chunks, the head last; audited. The run
 * id derives from the run's content hash, so the same period, plan, inputs and engine give the same
 * run: a second creation (a double click, a retry after a lost answer) returns the stored run with
 * `existing: true`. `fresh` asks for a new run of the same content anyway (its id adds who and when).
 */
export async function createRun(args: {
  tenantId: string;
  period: string;
  plan: CompPlan;
  unitId: string | null;
  gathered: GatheredInputs;
  who: string;
  at?: string;
  fresh?: boolean;
  byVersion?: RunByVersion;
}): Promise<StoredRun & { existing: boolean }> {
  const { containers } = await getStore();
  const createdAt = args.at ?? new Date().toISOString();
  const pk = pkOf(args.tenantId, args.period);
  const { request, planVersions, orgVersion, orgHash } = args.gathered;
  // The same inputs (request, named batches, plan versions, org, engine, unit) give the same run: one
  // created earlier is answered from its key without reading or computing anything again.
  const key = runKeyId(args.period, runKey(args.gathered, args.unitId, args.byVersion));
  if (!args.fresh) {
    const known = await readOne<RunKeyDoc>(containers.history, key, pk);
    const run = known ? await readRun(args.tenantId, args.period, known.runId) : undefined;
    if (run) return { ...run, existing: true };
  }
  const read = await args.gathered.readTransactions();
  const transactions = read.columns;
  const summary: Omit<RunInputsSummary, 'inputHash'> = {
    ...args.gathered.summary,
    transactions: transactions.count,
    transactionsOutsideScope: read.outside,
    adjustments: transactions.adjusting.length,
  };
  const remember = async (runId: string, runHash: string) => {
    if (args.fresh) return;
    await createImmutable(containers.history, {
      id: key,
      pk,
      type: 'payout-run-key',
      runId,
      runHash,
    } satisfies RunKeyDoc);
  };
  const computed = computeRun({
    request,
    transactions,
    planVersions,
    orgVersion,
    orgHash,
    ledger: summary.ledger,
    adjustments: args.gathered.adjustments,
    ...(args.byVersion ? { byVersion: args.byVersion } : {}),
  });
  const { outcome } = computed;
  const runId = `run-${(args.fresh
    ? contentHash({ runHash: computed.runHash, unitId: args.unitId, who: args.who, createdAt })
    : contentHash({ runHash: computed.runHash, unitId: args.unitId })
  ).slice(0, 12)}`;
  const earlier = await readRun(args.tenantId, args.period, runId);
  if (earlier) {
    // An earlier try may have stored the run and failed before its audit entry: written now, once.
    await auditCreation(earlier.head);
    await remember(runId, earlier.head.runHash);
    return { ...earlier, existing: true };
  }
  if (!args.byVersion) await rememberPlan(args.tenantId, args.plan, args.who, createdAt);
  // Content-addressed like the run id: an input snapshot left by an earlier try is this very one.
  // Its items are the request, which the input hash covers already: hashed with the head, not again.
  const inputHead = {
    tenantId: args.tenantId,
    period: args.period,
    runId,
    plan: args.plan,
    ...(summary.ledger ? { ledger: summary.ledger } : {}),
    ...(args.byVersion ? { byVersion: args.byVersion } : {}),
  };
  await writeChunkedVersion(containers.history, {
    headId: inputHeadId(args.period, runId),
    partition: { field: 'pk', value: pk },
    type: 'payout-run-input',
    version: 1,
    head: inputHead,
    items: [...inputItems(request, !summary.ledger), ...adjustmentItems(args.gathered.adjustments)],
    chunkSize: 2000,
    hash: contentHash({ head: inputHead, inputHash: computed.inputHash }),
  });
  const count = (s: Finding['severity']) => outcome.findings.filter((f) => f.severity === s).length;
  const items: RunItem[] = [
    ...outcome.lines.map((line) => ({ line })),
    ...outcome.people.map((person) => ({ person })),
    ...outcome.findings.map((finding) => ({ finding })),
    ...outcome.drawBalances.map((draw) => ({ draw })),
    ...request.people.map((p) => ({
      member: { id: p.id, unitId: p.unitId, ...(p.name ? { name: p.name } : {}) },
    })),
  ];
  const head = {
    tenantId: args.tenantId,
    period: args.period,
    runId,
    unitId: args.unitId,
    plan: args.plan,
    planVersions,
    ...(args.byVersion ? { compPlanVersions: versionsUsed(args.byVersion) } : {}),
    orgVersion,
    orgHash,
    engineVersion: outcome.engineVersion,
    inputs: { ...summary, inputHash: computed.inputHash },
    resultHash: computed.resultHash,
    runHash: computed.runHash,
    currency: outcome.currency,
    totals: outcome.totals,
    lineCount: outcome.lines.length,
    findingCounts: { errors: count('error'), warnings: count('warning'), infos: count('info') },
  };
  const res = await writeChunkedVersion(containers.history, {
    headId: runHeadId(args.period, runId),
    partition: { field: 'pk', value: pk },
    type: 'payout-run',
    version: 1,
    head,
    items,
    chunkSize: 1000,
    extra: { createdBy: args.who, createdAt },
    // The head's run hash covers every item: the lines, people, findings and draws by the result
    // hash, the members by the input hash (they are the request's people).
    hash: contentHash({ head }),
  });
  if (res.status === 'conflict') {
    const winner = await readRun(args.tenantId, args.period, runId);
    if (!winner) throw new Error(`payout run ${runId} conflicts but cannot be read`);
    await auditCreation(winner.head);
    await remember(runId, winner.head.runHash);
    return { ...winner, existing: true };
  }
  await auditCreation(res.doc as unknown as RunHead);
  // The key last: a key names a run whose audit entry is written, so an answer from it is whole.
  await remember(runId, computed.runHash);
  return {
    existing: false,
    head: res.doc as unknown as RunHead,
    status: 'draft',
    lines: outcome.lines,
    people: outcome.people,
    findings: outcome.findings,
    drawBalances: outcome.drawBalances,
    members: request.people.map((p) => ({ id: p.id, unitId: p.unitId, ...(p.name ? { name: p.name } : {}) })),
  };
}

/** The audit entry of a run's creation (the trail keeps each change once, so a retry adds nothing). */
async function auditCreation(head: RunHead): Promise<void> {
  await appendAudit({
    tenantId: head.tenantId,
    who: head.createdBy,
    action: 'payout-run.create',
    entity: `payout-run:${head.tenantId}:${head.period}:${head.runId}`,
    beforeHash: null,
    afterHash: head.runHash,
    at: head.createdAt,
    details: { lines: head.lineCount, total: head.totals.amount, engineVersion: head.engineVersion },
  });
}

export async function readApproval(tenantId: string, period: string): Promise<PayoutApproval | undefined> {
  const { containers } = await getStore();
  return readOne<PayoutApproval>(containers.history, approvalId(period), pkOf(tenantId, period));
}

/** A stored run with its lines and its status, or undefined. */
export async function readRun(
  tenantId: string,
  period: string,
  runId: string,
): Promise<StoredRun | undefined> {
  // Cosmos DB refuses / \ # in an id (the SDK throws before asking): no stored run has such an id.
  if (/[/\\#?]/.test(runId)) return undefined;
  const { containers } = await getStore();
  const stored = await readChunkedVersion<RunHead, RunItem>(
    containers.history,
    runHeadId(period, runId),
    pkOf(tenantId, period),
  );
  if (!stored) return undefined;
  const run: StoredRun = {
    head: stored.head,
    status: 'draft',
    lines: [],
    people: [],
    findings: [],
    drawBalances: [],
    members: [],
  };
  for (const item of stored.items) {
    if ('line' in item) run.lines.push(item.line);
    else if ('person' in item) run.people.push(item.person);
    else if ('finding' in item) run.findings.push(item.finding);
    else if ('draw' in item) run.drawBalances.push(item.draw);
    else run.members.push(item.member);
  }
  const approval = await readApproval(tenantId, period);
  if (approval?.runId === runId) {
    run.approval = approval;
    run.status = (await periodState(tenantId, period)).state === 'closed' ? 'locked' : 'approved';
  }
  return run;
}

/** The approved run of a period, or undefined. */
export async function approvedRun(tenantId: string, period: string): Promise<StoredRun | undefined> {
  const approval = await readApproval(tenantId, period);
  return approval ? readRun(tenantId, period, approval.runId) : undefined;
}

/** The runs of a period (heads only), newest first, with their status. */
export async function listRuns(
  tenantId: string,
  period: string,
): Promise<(RunHead & { status: RunStatus })[]> {
  const { containers } = await getStore();
  const pk = pkOf(tenantId, period);
  const heads = await queryByType<RunHead>(containers.history, pk, 'payout-run');
  const approval = await readApproval(tenantId, period);
  const closed = approval ? (await periodState(tenantId, period)).state === 'closed' : false;
  return heads
    .sort((a, b) =>
      a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.runId < b.runId ? 1 : -1,
    )
    .map((h) => ({ ...h, status: approval?.runId === h.runId ? (closed ? 'locked' : 'approved') : 'draft' }));
}

/**
 * Approves a run: the period's approval document names it, with an audit entry. The creator may not
 * approve their own run (403); a period whose approval exists already answers 409.
 */
export async function approveRun(args: {
  tenantId: string;
  run: RunHead;
  who: string;
  at?: string;
  locale: Locale;
}): Promise<PayoutApproval> {
  const { run } = args;
  const { containers } = await getStore();
  const doc: PayoutApproval = {
    id: approvalId(run.period),
    pk: pkOf(args.tenantId, run.period),
    type: 'payout-approval',
    tenantId: args.tenantId,
    period: run.period,
    runId: run.runId,
    runHash: run.runHash,
    approvedBy: args.who,
    approvedAt: args.at ?? new Date().toISOString(),
  };
  const res = await createImmutable(containers.history, doc);
  if (res.status === 'conflict') {
    const existing = await readApproval(args.tenantId, run.period);
    throw refusal(
      'conflict',
      'runs.already-approved',
      { period: run.period, approvedRunId: existing?.runId ?? '?' },
      undefined,
      {
        approvedRunId: existing?.runId,
      },
    );
  }
  await appendAudit({
    tenantId: args.tenantId,
    who: args.who,
    action: 'payout-run.approve',
    entity: `payout-run:${args.tenantId}:${run.period}:${run.runId}`,
    beforeHash: contentHash({ runHash: run.runHash, status: 'draft' }),
    afterHash: contentHash({ runHash: run.runHash, status: 'approved' }),
    at: doc.approvedAt,
    details: { runHash: run.runHash, createdBy: run.createdBy },
  });
  return doc;
}

/** Recomputes a stored run from its stored input snapshot with the engine in force, and compares hashes. */
export async function verifyRun(
  tenantId: string,
  run: RunHead,
): Promise<{
  runHash: string;
  recomputedHash: string;
  matches: boolean;
  resultMatches: boolean;
  engineVersion: string;
  currentEngineVersion: string;
}> {
  const { containers } = await getStore();
  const stored = await readChunkedVersion<
    VersionHead & { plan: CompPlan; ledger?: LedgerBatchRef[]; byVersion?: RunByVersion },
    InputItem
  >(containers.history, inputHeadId(run.period, run.runId), pkOf(tenantId, run.period));
  if (!stored) throw new Error(`payout run ${run.runId} has no input snapshot`);
  const request = requestFrom(run.period, stored.head.plan, stored.items);
  const adjustments = stored.items.flatMap((i) => ('adjustment' in i ? [i.adjustment] : []));
  let ledgerMatches = true;
  if (stored.head.ledger) {
    // The named batches read again, each checked against its hash, then picked as the run picked them.
    const ledger = await readLedger(tenantId, run.period, stored.head.ledger);
    const byBatch = new Map(ledger.batches.map((b) => [b.batchId, b.batchHash]));
    ledgerMatches = stored.head.ledger.every((b) => byBatch.get(b.batchId) === b.batchHash);
    for (const ref of stored.head.ledger) {
      const one = await readLedger(tenantId, run.period, [ref]);
      if (batchHashOf(one.transactions) !== ref.batchHash) ledgerMatches = false;
    }
    request.transactions = inScopeOnly(ledger.transactions, new Set(request.people.map((p) => p.id)));
  }
  const again = computeRun({
    request,
    planVersions: run.planVersions,
    orgVersion: run.orgVersion,
    orgHash: run.orgHash,
    ...(stored.head.ledger ? { ledger: stored.head.ledger } : {}),
    adjustments,
    ...(stored.head.byVersion ? { byVersion: stored.head.byVersion } : {}),
  });
  return {
    runHash: run.runHash,
    recomputedHash: again.runHash,
    matches: ledgerMatches && again.runHash === run.runHash,
    resultMatches: again.resultHash === run.resultHash,
    engineVersion: run.engineVersion,
    currentEngineVersion: PAYOUT_ENGINE_VERSION,
  };
}
