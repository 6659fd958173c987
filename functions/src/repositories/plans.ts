// Plan history in the `history` container (partition `<tenant>|<period>`): append-only versions
// `plan:<unit>:<period>:v<n>` written as chunks plus a head (head last), approvals as their own
// documents, drafts (stored, not submitted) as their own append-only series
// `plan-draft:<unit>:<period>:d<n>`, and the validation context a stored plan is checked against.
import {
  isDraftOpen,
  planCycleStatus,
  samePeriodLastYear,
  type Goal,
  type PlanDraftFacts,
  type PlanReviewFacts,
  type ReviewDecision,
  type Plan,
  type PlanValidationContext,
  type Target,
  type ValidationSummary,
} from '@teamsheet/shared';
import { getStore } from '../store/client';
import {
  appendAudit,
  createImmutable,
  mapBounded,
  queryByType,
  readChunkedVersion,
  readOne,
  writeChunkedVersion,
  type VersionHead,
} from '../store/docs';
import { contentHash } from '../store/hash';
import { readMetricActuals } from './actuals';
import { readLatestOrg } from './org';

export type PlanStatus = 'submitted' | 'approved' | 'rejected';

/** What a version's head holds besides the chunk bookkeeping. */
export type PlanHead = VersionHead & {
  pk: string;
  tenantId: string;
  unitId: string;
  period: string;
  templateVersion: string;
  hasGoals: boolean;
  /** Always `submitted` when written; the status in force is derived from the approval document. */
  status: 'submitted';
  author: string;
  createdAt: string;
  basedOn: number | null;
  summary: ValidationSummary;
  /** Hash of (caller, Idempotency-Key) of the request that wrote it, so a racing retry recognises it. */
  requestKey?: string | null;
};

/**
 * The review of a version: its one review document, `plan-approval:<unit>:<period>:v<n>` (named for
 * the approvals it first held), so that a version is approved or rejected once and never both —
 * creating the document decides. `decision` absent is an approval (documents written before
 * rejections existed); a rejection carries its comment. Approvals keep `approvedBy`/`approvedAt`.
 */
export type PlanReview = {
  id: string;
  pk: string;
  type: 'plan-approval';
  tenantId: string;
  unitId: string;
  period: string;
  version: number;
  hash: string;
  decision?: ReviewDecision;
  comment?: string;
  reviewedBy?: string;
  reviewedAt?: string;
  approvedBy?: string;
  approvedAt?: string;
};
/** An approval as the plan routes answer it. */
export type PlanApproval = { approvedBy: string; approvedAt: string };

/** Who decided what, when, from a review document of either age. */
export function reviewFacts(doc: PlanReview): PlanReviewFacts {
  const by = doc.reviewedBy ?? doc.approvedBy ?? '-';
  const at = doc.reviewedAt ?? doc.approvedAt ?? '';
  const decision = doc.decision ?? 'approve';
  return { version: doc.version, decision, by, at, ...(doc.comment ? { comment: doc.comment } : {}) };
}

const approvalOf = (review: PlanReviewFacts | undefined): PlanApproval | undefined =>
  review?.decision === 'approve' ? { approvedBy: review.by, approvedAt: review.at } : undefined;

export type PlanVersionInfo = {
  version: number;
  author: string;
  createdAt: string;
  status: PlanStatus;
  summary: ValidationSummary;
  hash: string;
  basedOn: number | null;
  approvedBy?: string;
  approvedAt?: string;
  review?: PlanReviewFacts;
};

export type StoredPlan = {
  plan: Plan;
  head: PlanHead;
  status: PlanStatus;
  approval?: PlanApproval;
  review?: PlanReviewFacts;
};

type PlanItem = { target: Target } | { goal: Goal };

const HEAD = 'plan';
const APPROVAL = 'plan-approval';
const DRAFT = 'plan-draft';
/** Bytes of items per chunk document, well below Cosmos DB's 2 MB document limit. */
const CHUNK_BYTES = 1_000_000;
/** Parallel point reads when loading many plans (listLatestPlans). */
const READ_CONCURRENCY = 16;

/** Largest plan body the plan routes accept (a 200,000-row plan is about 20 MB of JSON). */
export const MAX_PLAN_BYTES = 32 * 1024 * 1024;

export const planPartitionKey = (tenantId: string, period: string): string => `${tenantId}|${period}`;
export const planHeadId = (unitId: string, period: string, version: number): string =>
  `plan:${unitId}:${period}:v${version}`;
export const planApprovalId = (unitId: string, period: string, version: number): string =>
  `plan-approval:${unitId}:${period}:v${version}`;
export const planEntity = (unitId: string, period: string): string => `plan:${unitId}:${period}`;
export const planDraftId = (unitId: string, period: string, draft: number): string =>
  `plan-draft:${unitId}:${period}:d${draft}`;

/**
 * A draft's head: the plan's content as a version's (chunks, hash), numbered in its own series
 * (`version` is the draft's number), with the submitted version that was latest when it was saved.
 */
export type PlanDraftHead = VersionHead & {
  pk: string;
  tenantId: string;
  unitId: string;
  period: string;
  templateVersion: string;
  hasGoals: boolean;
  basedOn: number | null;
  author: string;
  createdAt: string;
  summary: ValidationSummary;
  requestKey?: string | null;
};

/** What the cycle needs of a draft head. */
export const draftFacts = (head: PlanDraftHead): PlanDraftFacts => ({
  draft: head.version,
  basedOn: head.basedOn ?? null,
});

// ---- reading

function summaryOf(head: PlanHead): ValidationSummary {
  return head.summary ?? { errors: 0, warnings: 0, infos: 0 };
}

/** The heads and approvals of one unit's plan for a period, oldest first (one query). */
async function headsAndApprovals(
  tenantId: string,
  unitId: string,
  period: string,
): Promise<{ heads: PlanHead[]; reviews: Map<number, PlanReviewFacts> }> {
  const { containers } = await getStore();
  const pk = planPartitionKey(tenantId, period);
  const docs = await queryByType<PlanHead | PlanReview>(containers.history, pk, [HEAD, APPROVAL], {
    where: { unitId },
  });
  const heads = docs.filter((d): d is PlanHead => d.type === HEAD).sort((a, b) => a.version - b.version);
  const reviews = new Map<number, PlanReviewFacts>();
  for (const d of docs) if (d.type === APPROVAL) reviews.set(d.version, reviewFacts(d as PlanReview));
  return { heads, reviews };
}

/**
 * The newest head of a unit's plan for a period, or undefined: one document read however many
 * versions the plan has (what a submission and a read of the latest version need, instead of every
 * head and approval).
 */
async function latestHead(tenantId: string, unitId: string, period: string): Promise<PlanHead | undefined> {
  const { containers } = await getStore();
  const [head] = await queryByType<PlanHead>(containers.history, planPartitionKey(tenantId, period), HEAD, {
    where: { unitId },
    orderBy: { field: 'version', descending: true },
    limit: 1,
  });
  return head;
}

/** The heads of a unit's plan that a request with this key wrote (a retry's, normally none or one). */
async function headsOfRequest(
  tenantId: string,
  unitId: string,
  period: string,
  requestKey: string,
): Promise<PlanHead[]> {
  const { containers } = await getStore();
  return queryByType<PlanHead>(containers.history, planPartitionKey(tenantId, period), HEAD, {
    where: { unitId, requestKey },
  });
}

/** The status of a version from its own review (an earlier version's review says nothing of it). */
const statusOf = (version: number, review: PlanReviewFacts | undefined): PlanStatus =>
  planCycleStatus(version, review) as PlanStatus;

function info(head: PlanHead, review: PlanReviewFacts | undefined): PlanVersionInfo {
  const approval = approvalOf(review);
  return {
    version: head.version,
    author: head.author,
    createdAt: head.createdAt,
    status: statusOf(head.version, review),
    summary: summaryOf(head),
    hash: head.hash,
    basedOn: head.basedOn ?? null,
    ...(approval ?? {}),
    ...(review ? { review } : {}),
  };
}

/** Every version of a unit's plan for a period, oldest first, with author, time, findings summary and status. */
export async function listPlanVersions(
  tenantId: string,
  unitId: string,
  period: string,
): Promise<PlanVersionInfo[]> {
  const { heads, reviews } = await headsAndApprovals(tenantId, unitId, period);
  return heads.map((h) => info(h, reviews.get(h.version)));
}

function planFrom(head: PlanHead, items: PlanItem[]): Plan {
  const targets: Target[] = [];
  const goals: Goal[] = [];
  for (const item of items) {
    if ('target' in item) targets.push(item.target);
    else goals.push(item.goal);
  }
  return {
    unitId: head.unitId,
    period: head.period,
    templateVersion: head.templateVersion,
    targets,
    ...(head.hasGoals ? { goals } : {}),
  };
}

async function readItems(head: PlanHead): Promise<PlanItem[]> {
  const { containers } = await getStore();
  const chunks = await Promise.all(
    head.chunkIds.map((id) => readOne<{ items: PlanItem[] }>(containers.history, id, head.pk)),
  );
  const items: PlanItem[] = [];
  for (const [k, chunk] of chunks.entries()) {
    if (!chunk) throw new Error(`plan version ${head.id} names chunk ${head.chunkIds[k]} that is missing`);
    items.push(...chunk.items);
  }
  return items;
}

/** A version of a unit's plan (the latest when `version` is omitted), or undefined. */
export async function readPlanVersion(
  tenantId: string,
  unitId: string,
  period: string,
  version?: number,
): Promise<StoredPlan | undefined> {
  const { containers } = await getStore();
  const pk = planPartitionKey(tenantId, period);
  let n = version;
  if (n === undefined) {
    n = (await latestHead(tenantId, unitId, period))?.version;
    if (n === undefined) return undefined;
  }
  const stored = await readChunkedVersion<PlanHead, PlanItem>(
    containers.history,
    planHeadId(unitId, period, n),
    pk,
  );
  if (!stored || stored.head.type !== HEAD) return undefined;
  const doc = await readOne<PlanReview>(containers.history, planApprovalId(unitId, period, n), pk);
  const review = doc ? reviewFacts(doc) : undefined;
  const approval = approvalOf(review);
  return {
    plan: planFrom(stored.head, stored.items),
    head: stored.head,
    status: statusOf(n, review),
    ...(approval ? { approval } : {}),
    ...(review ? { review } : {}),
  };
}

/**
 * The latest version of every unit's plan for a period (for consolidation and scoring): one query
 * over the period's partition for heads and approvals, the newest head per unit picked here, then
 * only those versions' chunks read, a bounded number at a time. Ordered by unit id.
 */
export async function listLatestPlans(
  tenantId: string,
  period: string,
): Promise<
  {
    plan: Plan;
    version: number;
    status: PlanStatus;
    submittedBy?: string;
    submittedAt?: string;
  }[]
> {
  const states = await listPlanStates(tenantId, period);
  return mapBounded(states, READ_CONCURRENCY, async ({ head, review }) => ({
    plan: planFrom(head, await readItems(head)),
    version: head.version,
    status: statusOf(head.version, review),
    submittedBy: head.author,
    submittedAt: head.createdAt,
  }));
}

/**
 * The version of every unit's plan for a period that consolidation counts (docs/rules.md, Planning
 * cycle): the latest approved version where one exists, else the latest submitted, with its status —
 * one query over the period's partition, then only those versions' chunks read. Ordered by unit id.
 */
export async function listCountedPlans(
  tenantId: string,
  period: string,
): Promise<
  {
    plan: Plan;
    version: number;
    status: PlanStatus;
    latestVersion: number;
    submittedBy?: string;
    submittedAt?: string;
  }[]
> {
  const { containers } = await getStore();
  const pk = planPartitionKey(tenantId, period);
  const docs = await queryByType<PlanHead | PlanReview>(containers.history, pk, [HEAD, APPROVAL]);
  const heads = new Map<string, PlanHead>();
  for (const d of docs) if (d.type === HEAD) heads.set(d.id, d as PlanHead);
  const latest = new Map<string, PlanHead>();
  const approved = new Map<string, PlanHead>();
  const reviews = new Map<string, PlanReviewFacts>();
  for (const h of heads.values()) {
    const seen = latest.get(h.unitId);
    if (!seen || seen.version < h.version) latest.set(h.unitId, h);
  }
  for (const d of docs) {
    if (d.type !== APPROVAL) continue;
    const review = reviewFacts(d as PlanReview);
    const head = heads.get(planHeadId(d.unitId, d.period, d.version));
    if (!head) continue;
    reviews.set(head.id, review);
    const seen = approved.get(head.unitId);
    if (review.decision === 'approve' && (!seen || seen.version < head.version))
      approved.set(head.unitId, head);
  }
  const counted = [...latest.values()]
    .map((h) => approved.get(h.unitId) ?? h)
    .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  return mapBounded(counted, READ_CONCURRENCY, async (head) => ({
    plan: planFrom(head, await readItems(head)),
    version: head.version,
    status: statusOf(head.version, reviews.get(head.id)),
    latestVersion: latest.get(head.unitId)!.version,
    submittedBy: head.author,
    submittedAt: head.createdAt,
  }));
}

export type PlanState = { head: PlanHead; review?: PlanReviewFacts };
/** Where a unit's plan stands: its latest version and review, if any, and its latest draft, if any. */
export type UnitPlanState = {
  unitId: string;
  head?: PlanHead;
  review?: PlanReviewFacts;
  draft?: PlanDraftHead;
};

/**
 * The latest head of every unit's plan for a period with that version's review, if any, ordered by
 * unit id: one query over the period's partition, no plan content read (the first step of
 * listLatestPlans). Drafts are not versions and are not listed here.
 */
export async function listPlanStates(tenantId: string, period: string): Promise<PlanState[]> {
  const states = await listUnitPlanStates(tenantId, period, { drafts: false });
  return states.flatMap(({ head, review }) => (head ? [review ? { head, review } : { head }] : []));
}

/**
 * Every unit with a version or a draft of its plan for a period: the latest version with its review
 * and the latest draft (the review queue), in one query over the period's partition, ordered by unit id.
 */
export async function listUnitPlanStates(
  tenantId: string,
  period: string,
  options: { drafts: boolean } = { drafts: true },
): Promise<UnitPlanState[]> {
  const { containers } = await getStore();
  const pk = planPartitionKey(tenantId, period);
  const types = options.drafts ? [HEAD, APPROVAL, DRAFT] : [HEAD, APPROVAL];
  const docs = await queryByType<PlanHead | PlanReview | PlanDraftHead>(containers.history, pk, types);
  const latest = new Map<string, PlanHead>();
  const drafts = new Map<string, PlanDraftHead>();
  const reviews = new Map<string, PlanReview>();
  for (const d of docs) {
    if (d.type === APPROVAL) reviews.set(d.id, d as PlanReview);
    else if (d.type === HEAD || d.type === DRAFT) {
      const h = d as PlanHead | PlanDraftHead;
      const newest = h.type === HEAD ? latest : drafts;
      const seen = newest.get(h.unitId);
      if (!seen || seen.version < h.version) newest.set(h.unitId, h as never);
    }
  }
  const unitIds = [...new Set([...latest.keys(), ...drafts.keys()])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return unitIds.map((unitId) => {
    const head = latest.get(unitId);
    const draft = drafts.get(unitId);
    const doc = head ? reviews.get(planApprovalId(head.unitId, head.period, head.version)) : undefined;
    return {
      unitId,
      ...(head ? { head } : {}),
      ...(doc ? { review: reviewFacts(doc) } : {}),
      ...(draft ? { draft } : {}),
    };
  });
}

// ---- drafts

/** What a write of a plan (a version or a draft) carries. */
export type PlanWrite = {
  tenantId: string;
  plan: Plan;
  author: string;
  baseVersion: number | null;
  /** The start of the base version's content hash, when the client's ETag named it. */
  baseHash?: string | null;
  summary: ValidationSummary;
  requestKey: string | null;
  at?: string;
};

/**
 * The base must be the latest version, and when the ETag named its content, that very content: a
 * version number alone could line up with another record after a restore (docs/security.md).
 */
function isLatestBase(args: PlanWrite, current: PlanHead | undefined): boolean {
  return (
    (args.baseVersion ?? 0) === (current?.version ?? 0) &&
    (!args.baseHash || !!current?.hash.startsWith(args.baseHash))
  );
}

/** The newest draft head of a unit's plan for a period, or undefined (one document read). */
async function latestDraftHead(
  tenantId: string,
  unitId: string,
  period: string,
): Promise<PlanDraftHead | undefined> {
  const { containers } = await getStore();
  const [head] = await queryByType<PlanDraftHead>(
    containers.history,
    planPartitionKey(tenantId, period),
    DRAFT,
    {
      where: { unitId },
      orderBy: { field: 'version', descending: true },
      limit: 1,
    },
  );
  return head;
}

export type StoredDraft = {
  plan: Plan;
  head: PlanDraftHead;
  /** No version has been submitted since it was saved. */
  open: boolean;
  /** The latest submitted version now (null: none). */
  latestVersion: number | null;
};

/** The latest draft of a unit's plan for a period with its content, or undefined when none was saved. */
export async function readLatestDraft(
  tenantId: string,
  unitId: string,
  period: string,
): Promise<StoredDraft | undefined> {
  const [found, latest] = await Promise.all([
    latestDraftHead(tenantId, unitId, period),
    latestHead(tenantId, unitId, period),
  ]);
  if (!found) return undefined;
  const { containers } = await getStore();
  const stored = await readChunkedVersion<PlanDraftHead, PlanItem>(containers.history, found.id, found.pk);
  if (!stored) return undefined;
  const latestVersion = latest?.version ?? null;
  return {
    plan: planFrom(stored.head as unknown as PlanHead, stored.items),
    head: stored.head,
    open: isDraftOpen(draftFacts(stored.head), latestVersion),
    latestVersion,
  };
}

export type SaveDraftResult =
  | { status: 'created'; head: PlanDraftHead; previousHash: string | null }
  | { status: 'replayed'; head: PlanDraftHead }
  | { status: 'stale'; baseVersion: number | null; currentVersion: number };

/**
 * Stores `plan` as the next draft of the unit's plan, on top of the latest submitted version (the base
 * the caller's If-Match names must be it, as for a submission, so a draft never hides a newer version).
 * Drafts are append-only: each save is a new draft; the create of its head decides its number, and a
 * concurrent saver takes the next one. A retry of the request that saved one gets it back as `replayed`.
 */
export async function savePlanDraft(args: PlanWrite): Promise<SaveDraftResult> {
  const { tenantId, plan } = args;
  const { containers } = await getStore();
  const pk = planPartitionKey(tenantId, plan.period);
  const head = headContent(tenantId, plan);
  const items = toItems(plan);
  const hash = contentHash({ head, items });
  if (args.requestKey) {
    const mine = await queryByType<PlanDraftHead>(containers.history, pk, DRAFT, {
      where: { unitId: plan.unitId, requestKey: args.requestKey },
    });
    const same = mine.find((h) => h.hash === hash && h.author === args.author);
    if (same) return { status: 'replayed', head: same };
  }
  const current = await latestHead(tenantId, plan.unitId, plan.period);
  if (!isLatestBase(args, current))
    return { status: 'stale', baseVersion: args.baseVersion, currentVersion: current?.version ?? 0 };

  const createdAt = args.at ?? new Date().toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    const previous = await latestDraftHead(tenantId, plan.unitId, plan.period);
    const draft = (previous?.version ?? 0) + 1;
    const res = await writeChunkedVersion(containers.history, {
      headId: planDraftId(plan.unitId, plan.period, draft),
      partition: { field: 'pk', value: pk },
      type: DRAFT,
      version: draft,
      head,
      items,
      chunkSize: chunkSizeFor(items),
      extra: {
        author: args.author,
        createdAt,
        basedOn: current?.version ?? null,
        summary: args.summary,
        requestKey: args.requestKey,
      },
    });
    if (res.status === 'created') {
      const written = res.doc as PlanDraftHead;
      await auditDraft(written, previous?.hash ?? null);
      return { status: 'created', head: written, previousHash: previous?.hash ?? null };
    }
  }
  throw new Error(`the drafts of plan ${plan.unitId} ${plan.period} are too busy to append to`);
}

/** The hash of the draft before `head` (for the audit entry of a replayed save). */
export const previousDraftHashOf = (head: PlanDraftHead): Promise<string | null> =>
  hashBefore(head, planDraftId);

/** The audit entry of a saved draft; a retry of the same save writes it once. */
export async function auditDraft(head: PlanDraftHead, previousHash: string | null): Promise<void> {
  await appendAudit({
    tenantId: head.tenantId,
    who: head.author,
    action: 'plan.draft',
    entity: planEntity(head.unitId, head.period),
    beforeHash: previousHash,
    afterHash: head.hash,
    at: head.createdAt,
    change: `d${head.version}`,
    details: { draft: head.version, basedOn: head.basedOn, summary: head.summary },
  });
}

// ---- writing

export type SavePlanResult =
  | { status: 'created'; head: PlanHead; previousHash: string | null }
  | { status: 'replayed'; head: PlanHead }
  | { status: 'stale'; baseVersion: number | null; currentVersion: number };

function toItems(plan: Plan): PlanItem[] {
  return [...plan.targets.map((target) => ({ target })), ...(plan.goals ?? []).map((goal) => ({ goal }))];
}

function headContent(tenantId: string, plan: Plan) {
  return {
    tenantId,
    unitId: plan.unitId,
    period: plan.period,
    templateVersion: plan.templateVersion,
    hasGoals: plan.goals !== undefined,
  };
}

/** Items per chunk so that the largest item times the count stays under CHUNK_BYTES. */
function chunkSizeFor(items: PlanItem[]): number {
  let largest = 1;
  for (const item of items) largest = Math.max(largest, JSON.stringify(item).length);
  return Math.max(1, Math.min(10_000, Math.floor(CHUNK_BYTES / largest)));
}

/** The key a request's Idempotency-Key leaves on the head it wrote. */
export function requestKeyOf(caller: string, key: string | null): string | null {
  return key ? contentHash(['plan-put', caller, key]).slice(0, 32) : null;
}

/**
 * Stores `plan` as version `baseVersion + 1` (or 1 when `baseVersion` is null and none exists).
 * Creating the head decides the version: a concurrent writer of the same version loses on the id
 * and gets `stale`. A retry of the request that already wrote a version (same Idempotency-Key, same
 * content) gets that version back as `replayed` instead of a 412.
 */
export async function savePlanVersion(args: PlanWrite): Promise<SavePlanResult> {
  const { tenantId, plan } = args;
  const { containers } = await getStore();
  const pk = planPartitionKey(tenantId, plan.period);
  const head = headContent(tenantId, plan);
  const items = toItems(plan);
  const hash = contentHash({ head, items });

  // A retry of the request that wrote a version already: looked up only when the base is not the
  // latest version any more (the heads that request wrote, not every head of the plan).
  const replay = async (): Promise<SavePlanResult | undefined> => {
    if (!args.requestKey) return undefined;
    const heads = await headsOfRequest(tenantId, plan.unitId, plan.period, args.requestKey);
    const mine = heads
      .sort((a, b) => a.version - b.version)
      .find((h) => h.requestKey === args.requestKey && h.hash === hash && h.author === args.author);
    return mine ? { status: 'replayed', head: mine } : undefined;
  };

  const current = await latestHead(tenantId, plan.unitId, plan.period);
  const currentVersion = current?.version ?? 0;
  if (!isLatestBase(args, current)) {
    return (await replay()) ?? { status: 'stale', baseVersion: args.baseVersion, currentVersion };
  }
  const version = currentVersion + 1;
  const createdAt = args.at ?? new Date().toISOString();
  const res = await writeChunkedVersion(containers.history, {
    headId: planHeadId(plan.unitId, plan.period, version),
    partition: { field: 'pk', value: pk },
    type: HEAD,
    version,
    head,
    items,
    chunkSize: chunkSizeFor(items),
    extra: {
      status: 'submitted',
      author: args.author,
      createdAt,
      basedOn: args.baseVersion,
      summary: args.summary,
      requestKey: args.requestKey,
    },
  });
  if (res.status === 'conflict') {
    return (
      (await replay()) ?? {
        status: 'stale',
        baseVersion: args.baseVersion,
        currentVersion: (await latestHead(tenantId, plan.unitId, plan.period))?.version ?? version,
      }
    );
  }
  const written = res.doc as PlanHead;
  await auditSubmission(written, current?.hash ?? null);
  return { status: 'created', head: written, previousHash: current?.hash ?? null };
}

/** The audit entry of a submission; its id derives from the content, so a retry writes it once. */
export async function auditSubmission(head: PlanHead, previousHash: string | null): Promise<void> {
  await appendAudit({
    tenantId: head.tenantId,
    who: head.author,
    action: 'plan.submit',
    entity: planEntity(head.unitId, head.period),
    beforeHash: previousHash,
    afterHash: head.hash,
    at: head.createdAt,
    change: head.version,
    details: { version: head.version, basedOn: head.basedOn, summary: head.summary },
  });
}

/** The hash of the version before `head` (for the audit entry of a replayed submission). */
export const previousHashOf = (head: PlanHead): Promise<string | null> => hashBefore(head, planHeadId);

/** The hash of the head numbered one before `head` in its series (versions or drafts), or null for the first. */
async function hashBefore(
  head: PlanHead | PlanDraftHead,
  idOf: (unitId: string, period: string, n: number) => string,
): Promise<string | null> {
  if (head.version <= 1) return null;
  const { containers } = await getStore();
  const prev = await readOne<VersionHead>(
    containers.history,
    idOf(head.unitId, head.period, head.version - 1),
    head.pk,
  );
  return prev?.hash ?? null;
}

export type ReviewResult =
  | { status: 'created'; review: PlanReviewFacts; hash: string }
  | { status: 'conflict'; review?: PlanReviewFacts };

/**
 * Records the review of a version (append-only: the version's one review document, so a second
 * review of it — approval or rejection — fails on the id and answers the first), audited.
 */
export async function recordPlanReview(args: {
  head: PlanHead;
  decision: ReviewDecision;
  by: string;
  comment?: string;
  at?: string;
}): Promise<ReviewResult> {
  const { head, decision, by } = args;
  const { containers } = await getStore();
  const at = args.at ?? new Date().toISOString();
  const comment = args.comment?.trim();
  const doc: PlanReview = {
    id: planApprovalId(head.unitId, head.period, head.version),
    pk: head.pk,
    type: APPROVAL,
    tenantId: head.tenantId,
    unitId: head.unitId,
    period: head.period,
    version: head.version,
    hash: head.hash,
    decision,
    ...(comment ? { comment } : {}),
    reviewedBy: by,
    reviewedAt: at,
    ...(decision === 'approve' ? { approvedBy: by, approvedAt: at } : {}),
  };
  const res = await createImmutable(containers.history, doc);
  if (res.status === 'conflict') {
    const first = await readOne<PlanReview>(containers.history, doc.id, head.pk);
    return first ? { status: 'conflict', review: reviewFacts(first) } : { status: 'conflict' };
  }
  const hash = contentHash(doc);
  await appendAudit({
    tenantId: head.tenantId,
    who: by,
    action: decision === 'approve' ? 'plan.approve' : 'plan.reject',
    entity: planEntity(head.unitId, head.period),
    beforeHash: head.hash,
    afterHash: hash,
    at,
    details: { version: head.version, ...(comment ? { comment } : {}) },
  });
  return { status: 'created', review: reviewFacts(doc), hash };
}

// ---- the validation context of a stored plan

/**
 * What a plan is checked against when the caller sends no context: the organisation in force, last
 * year's metric actuals (as POST /api/actuals stores them, when any are), the targets the parent
 * unit's latest plan hands down to this unit, and this unit's plan of the same period a year before
 * (for the ratchet guard). Transactions are not turned into actuals here: crediting is the core's rule.
 */
export async function storedPlanContext(tenantId: string, plan: Plan): Promise<PlanValidationContext> {
  const latestOrg = await readLatestOrg(tenantId);
  const parentId = latestOrg?.index.unit(plan.unitId)?.parentId ?? undefined;
  const [history, parentPlan, lastYearPlan] = await Promise.all([
    readMetricActuals(tenantId, samePeriodLastYear(plan.period)),
    parentId ? readPlanVersion(tenantId, parentId, plan.period) : Promise.resolve(undefined),
    readPlanVersion(tenantId, plan.unitId, samePeriodLastYear(plan.period)),
  ]);
  const context: PlanValidationContext = {};
  if (latestOrg) context.org = { units: latestOrg.version.org.units, people: latestOrg.version.org.people };
  if (history.length > 0) context.history = history;
  const handedDown = parentPlan?.plan.targets.filter((t) => t.owner === plan.unitId) ?? [];
  if (handedDown.length > 0) context.parentTargets = handedDown;
  if (lastYearPlan && lastYearPlan.plan.targets.length > 0)
    context.previousTargets = lastYearPlan.plan.targets;
  return context;
}
