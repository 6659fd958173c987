// Comp-plan versions (docs/rules.md, Comp plans in force) in the `history` container, partition
// `<tenant>|comp-plans`: append-only, one document per version `comp-plan-version:<id>:v<n>` (a plan
// is small), the version decided by creating that id (a concurrent writer loses and gets stale), each
// audited on `comp-plan:<id>`.
import type { CompPlan, CompPlanScope, CompPlanVersion } from '@teamsheet/shared';
import { getStore } from '../store/client';
import { appendAudit, createImmutable, queryByType, readOne } from '../store/docs';
import { contentHash } from '../store/hash';

export type CompPlanVersionDoc = {
  id: string;
  pk: string;
  type: 'comp-plan-version';
  tenantId: string;
  compPlanId: string;
  version: number;
  plan: CompPlan;
  effectiveFrom: string;
  effectiveTo?: string;
  appliesTo: CompPlanScope;
  hash: string;
  author: string;
  createdAt: string;
  basedOn: number | null;
  /** Hash of (caller, Idempotency-Key) of the request that wrote it, so a racing retry recognises it. */
  requestKey: string | null;
};

const TYPE = 'comp-plan-version';
const pkOf = (tenantId: string) => `${tenantId}|comp-plans`;
export const compPlanVersionId = (compPlanId: string, version: number) =>
  `comp-plan-version:${compPlanId}:v${version}`;
export const compPlanEntity = (compPlanId: string) => `comp-plan:${compPlanId}`;

/** The rules' view of a stored version. */
export function asVersion(doc: CompPlanVersionDoc): CompPlanVersion {
  return {
    version: doc.version,
    plan: doc.plan,
    effectiveFrom: doc.effectiveFrom,
    ...(doc.effectiveTo ? { effectiveTo: doc.effectiveTo } : {}),
    appliesTo: doc.appliesTo,
  };
}

/** Every version of one comp plan (or of all, without an id), oldest first. */
export async function listCompPlanVersions(
  tenantId: string,
  compPlanId?: string,
): Promise<CompPlanVersionDoc[]> {
  const { containers } = await getStore();
  const docs = await queryByType<CompPlanVersionDoc>(
    containers.history,
    pkOf(tenantId),
    TYPE,
    compPlanId === undefined ? {} : { where: { compPlanId } },
  );
  return docs.sort((a, b) =>
    a.compPlanId < b.compPlanId ? -1 : a.compPlanId > b.compPlanId ? 1 : a.version - b.version,
  );
}

/** A version of a comp plan (the latest when `version` is omitted), or undefined. */
export async function readCompPlanVersion(
  tenantId: string,
  compPlanId: string,
  version?: number,
): Promise<CompPlanVersionDoc | undefined> {
  if (/[/\\#?]/.test(compPlanId)) return undefined;
  const { containers } = await getStore();
  if (version !== undefined)
    return readOne<CompPlanVersionDoc>(
      containers.history,
      compPlanVersionId(compPlanId, version),
      pkOf(tenantId),
    );
  const [latest] = await queryByType<CompPlanVersionDoc>(containers.history, pkOf(tenantId), TYPE, {
    where: { compPlanId },
    orderBy: { field: 'version', descending: true },
    limit: 1,
  });
  return latest;
}

export type SaveCompPlanResult =
  | { status: 'created'; doc: CompPlanVersionDoc }
  | { status: 'replayed'; doc: CompPlanVersionDoc }
  | { status: 'stale'; baseVersion: number | null; currentVersion: number };

/** The key a request's Idempotency-Key leaves on the version it wrote. */
export function compPlanRequestKey(caller: string, key: string | null): string | null {
  return key ? contentHash(['comp-plan-put', caller, key]).slice(0, 32) : null;
}

/**
 * Stores a version on top of `baseVersion` (the first when null and none exists); a base that is not
 * the latest (or whose content differs from `baseHash`) is `stale`, unless this very request wrote
 * the latest already (`replayed`). Audited once.
 */
export async function saveCompPlanVersion(args: {
  tenantId: string;
  compPlanId: string;
  content: Pick<CompPlanVersionDoc, 'plan' | 'effectiveFrom' | 'effectiveTo' | 'appliesTo'>;
  author: string;
  baseVersion: number | null;
  baseHash: string | null;
  requestKey: string | null;
  at?: string;
}): Promise<SaveCompPlanResult> {
  const { containers } = await getStore();
  const { tenantId, compPlanId, content } = args;
  const body = {
    plan: content.plan,
    effectiveFrom: content.effectiveFrom,
    ...(content.effectiveTo ? { effectiveTo: content.effectiveTo } : {}),
    appliesTo: content.appliesTo,
  };
  const hash = contentHash({ compPlanId, ...body });
  const replay = async (): Promise<SaveCompPlanResult | undefined> => {
    if (!args.requestKey) return undefined;
    const mine = await queryByType<CompPlanVersionDoc>(containers.history, pkOf(tenantId), TYPE, {
      where: { compPlanId, requestKey: args.requestKey },
    });
    const doc = mine.find((d) => d.hash === hash && d.author === args.author);
    return doc ? { status: 'replayed', doc } : undefined;
  };
  const current = await readCompPlanVersion(tenantId, compPlanId);
  const currentVersion = current?.version ?? 0;
  const matches =
    (args.baseVersion ?? 0) === currentVersion &&
    (!args.baseHash || !!current?.hash.startsWith(args.baseHash));
  if (!matches) return (await replay()) ?? { status: 'stale', baseVersion: args.baseVersion, currentVersion };
  const version = currentVersion + 1;
  const doc: CompPlanVersionDoc = {
    id: compPlanVersionId(compPlanId, version),
    pk: pkOf(tenantId),
    type: TYPE,
    tenantId,
    compPlanId,
    version,
    ...body,
    hash,
    author: args.author,
    createdAt: args.at ?? new Date().toISOString(),
    basedOn: args.baseVersion,
    requestKey: args.requestKey,
  };
  const res = await createImmutable(containers.history, doc);
  if (res.status === 'conflict') {
    const latest = await readCompPlanVersion(tenantId, compPlanId);
    return (
      (await replay()) ?? {
        status: 'stale',
        baseVersion: args.baseVersion,
        currentVersion: latest?.version ?? version,
      }
    );
  }
  await auditCompPlanVersion(doc, current?.hash ?? null);
  return { status: 'created', doc };
}

/** The audit entry of a stored version; a retry of the same change finds it and writes none. */
export async function auditCompPlanVersion(
  doc: CompPlanVersionDoc,
  previousHash: string | null,
): Promise<void> {
  await appendAudit({
    tenantId: doc.tenantId,
    who: doc.author,
    action: 'comp-plan.store',
    entity: compPlanEntity(doc.compPlanId),
    beforeHash: previousHash,
    afterHash: doc.hash,
    at: doc.createdAt,
    change: doc.version,
    details: {
      version: doc.version,
      basedOn: doc.basedOn,
      effectiveFrom: doc.effectiveFrom,
      effectiveTo: doc.effectiveTo ?? null,
    },
  });
}

/** The hash of the version before `doc` (for the audit entry of a replayed store). */
export async function previousCompPlanHash(doc: CompPlanVersionDoc): Promise<string | null> {
  if (doc.version <= 1) return null;
  return (await readCompPlanVersion(doc.tenantId, doc.compPlanId, doc.version - 1))?.hash ?? null;
}
