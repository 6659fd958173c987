// Append-only document helpers over the store port: immutable creates that never overwrite, reads and
// partition queries, versions written as chunks plus a head, and the audit trail as a hash chain.
import { getStore } from './client';
import { partitionField, type Collection, type PartitionQuery, type StoredDoc } from './port';
import { contentHash } from './hash';

export type { StoredDoc } from './port';
export type Conflict = { status: 'conflict'; id: string };
export type Created<T> = { status: 'created'; doc: T };
export type CreateResult<T> = Created<T> | Conflict;

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;

/** A stored document without the store's own properties (etag and Cosmos DB's system fields). */
export function withoutSystemFields<T>(doc: T): T {
  if (!doc || typeof doc !== 'object') return doc;
  const copy = { ...(doc as Record<string, unknown>) };
  for (const f of SYSTEM_FIELDS) delete copy[f];
  return copy as T;
}

function partitionOf(container: Collection, doc: StoredDoc): string {
  const value = doc[partitionField(container.name)];
  if (typeof value !== 'string') throw new Error(`document ${doc.id} has no partition key`);
  return value;
}

/** Creates `doc` in the partition its key field names; an existing id is a Conflict result, never an overwrite. */
export async function createImmutable<T extends StoredDoc>(
  container: Collection,
  doc: T,
): Promise<CreateResult<T>> {
  const outcome = await container.create(partitionOf(container, doc), doc);
  return outcome === 'created' ? { status: 'created', doc } : { status: 'conflict', id: doc.id };
}

/** The document with this id in this partition, or undefined. */
export async function readOne<T>(
  container: Collection,
  id: string,
  partitionKey: string,
): Promise<T | undefined> {
  const doc = await container.read<StoredDoc>(partitionKey, id);
  return doc ? withoutSystemFields(doc as T) : undefined;
}

/**
 * The documents of one `type` (or of any of several) in the partition `pk` of a container — whole, or
 * only `fields` — optionally narrowed by equality on other fields (`where`), an order and a limit.
 */
export async function queryByType<T>(
  container: Collection,
  pk: string,
  types: string | readonly string[],
  options: Omit<PartitionQuery, 'types' | 'fields'> & { fields?: readonly (keyof T & string)[] } = {},
): Promise<T[]> {
  return container.query<T>(pk, { ...options, types });
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results in input order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

// ---- versions as chunks + head

export type VersionHead = StoredDoc & {
  type: string;
  version: number;
  chunkIds: string[];
  itemCount: number;
  hash: string;
};

/**
 * Writes a version whose items may exceed one document: the chunks first (ids carry the content
 * hash, so a losing concurrent writer's chunks never collide with the winner's), then the head,
 * whose create decides the version. A reader that finds the head finds every chunk it names.
 * `hash` covers `head` and `items`; `extra` (who, when) is stored on the head but not hashed.
 */
export async function writeChunkedVersion<H extends Record<string, unknown>>(
  container: Collection,
  args: {
    headId: string;
    partition: { field: string; value: string };
    type: string;
    version: number;
    head: H;
    items: unknown[];
    chunkSize?: number;
    extra?: Record<string, unknown>;
    /**
     * The version's hash when the caller holds one that covers `head` and every item already (a
     * ledger batch: its batch hash covers each transaction; a payout run: its run hash covers its
     * lines and inputs), instead of hashing the items again.
     */
    hash?: string;
  },
): Promise<CreateResult<VersionHead & H>> {
  const chunkSize = args.chunkSize ?? 2000;
  const hash = args.hash ?? contentHash({ head: args.head, items: args.items });
  const pk = args.partition.value;
  const pkField = { [args.partition.field]: pk };
  const chunks: StoredDoc[] = [];
  for (let start = 0, k = 0; start < args.items.length || k === 0; start += chunkSize, k++) {
    chunks.push({
      id: `${args.headId}:${hash.slice(0, 16)}:c${k}`,
      ...pkField,
      type: `${args.type}-chunk`,
      headId: args.headId,
      index: k,
      items: args.items.slice(start, start + chunkSize),
    });
  }
  // A chunk's id carries the content hash, so a chunk that exists already (a retry after a crash, or
  // a concurrent writer of the same content) is this very chunk: write the others.
  let missing = chunks;
  for (let round = 0; missing.length > 0; round++) {
    const { conflicts } = await container.createAll(pk, missing);
    if (conflicts.length === 0) break;
    if (round > 2) throw new Error(`chunks of ${args.headId} keep conflicting`);
    const existing = new Set(conflicts);
    missing = missing.filter((c) => !existing.has(c.id));
  }
  const head = {
    ...args.extra,
    ...args.head,
    id: args.headId,
    ...pkField,
    type: args.type,
    version: args.version,
    chunkIds: chunks.map((c) => c.id),
    itemCount: args.items.length,
    hash,
  } as VersionHead & H;
  return createImmutable(container, head);
}

/** The head and all items of a version written by writeChunkedVersion. */
export async function readChunkedVersion<H extends VersionHead, I>(
  container: Collection,
  headId: string,
  partitionKey: string,
): Promise<{ head: H; items: I[] } | undefined> {
  const head = await readOne<H>(container, headId, partitionKey);
  if (!head) return undefined;
  const chunks = await Promise.all(
    head.chunkIds.map((id) => readOne<{ items: I[] }>(container, id, partitionKey)),
  );
  const items: I[] = [];
  for (const [k, chunk] of chunks.entries()) {
    if (!chunk) throw new Error(`version ${headId} names chunk ${head.chunkIds[k]} that is missing`);
    items.push(...chunk.items);
  }
  return { head, items };
}

// ---- audit: one hash chain per entity

export type AuditInput = {
  tenantId: string;
  who: string;
  action: string;
  entity: string;
  beforeHash?: string | null;
  afterHash?: string | null;
  /**
   * What tells this change apart when the same before → after transition happens again (content A
   * over B a second time): the version it made. A retry of one change has the same; another change
   * has another, so it gets its own entry.
   */
  change?: string | number;
  /** ISO timestamp; the caller's clock, passed in so tests can pin it. */
  at?: string;
  details?: Record<string, unknown>;
};
export type AuditEntry = Required<Omit<AuditInput, 'details' | 'change'>> & {
  id: string;
  pk: string;
  type: 'audit';
  /** Position in the entity's trail, from 1. */
  seq: number;
  /** The `hash` of the entry before it (null for the first): the chain. */
  prevHash: string | null;
  /** What the change was, for spotting a retried request's second write of the same entry. */
  changeKey: string;
  /** sha256 of the entry's canonical JSON without `hash`. */
  hash: string;
  details?: Record<string, unknown>;
};

export const auditPartition = (tenantId: string, entity: string): string => `${tenantId}|${entity}`;
const auditId = (seq: number) => `audit:${String(seq).padStart(10, '0')}`;

export function auditEntryHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _hash, ...rest } = entry;
  return contentHash(rest);
}

/**
 * Records a change after the change itself was written, as the next link of the entity's chain
 * (`seq` taken by create-if-absent, so two writers never share a link). A retried request whose
 * change is already recorded gets that entry back: each change is in the trail once.
 */
export async function appendAudit(input: AuditInput): Promise<AuditEntry> {
  const { containers } = await getStore();
  const pk = auditPartition(input.tenantId, input.entity);
  const changeKey = contentHash([
    input.tenantId,
    input.action,
    input.entity,
    input.beforeHash ?? null,
    input.afterHash ?? null,
    ...(input.change === undefined ? [] : [input.change]),
  ]).slice(0, 32);
  for (let attempt = 0; attempt < 50; attempt++) {
    const [same] = await queryByType<AuditEntry>(containers.audit, pk, 'audit', {
      where: { changeKey },
      limit: 1,
    });
    if (same) return same;
    const [last] = await queryByType<AuditEntry>(containers.audit, pk, 'audit', {
      orderBy: { field: 'seq', descending: true },
      limit: 1,
    });
    const seq = (last?.seq ?? 0) + 1;
    const body: Omit<AuditEntry, 'hash'> = {
      id: auditId(seq),
      pk,
      type: 'audit',
      seq,
      prevHash: last?.hash ?? null,
      changeKey,
      tenantId: input.tenantId,
      who: input.who,
      action: input.action,
      entity: input.entity,
      beforeHash: input.beforeHash ?? null,
      afterHash: input.afterHash ?? null,
      at: input.at ?? new Date().toISOString(),
      ...(input.details ? { details: input.details } : {}),
    };
    const entry: AuditEntry = { ...body, hash: auditEntryHash(body) };
    const res = await createImmutable(containers.audit, entry);
    if (res.status === 'created') return entry;
  }
  throw new Error(`the audit trail of ${input.entity} is too busy to append to`);
}

/** The trail of one entity in order, and whether every link names the one before and hashes right. */
export async function readAuditTrail(
  tenantId: string,
  entity: string,
): Promise<{ entries: AuditEntry[]; intact: boolean }> {
  const { containers } = await getStore();
  const entries = await queryByType<AuditEntry>(containers.audit, auditPartition(tenantId, entity), 'audit', {
    orderBy: { field: 'seq' },
  });
  let intact = true;
  entries.forEach((e, i) => {
    const prev = i === 0 ? null : entries[i - 1]!.hash;
    if (e.seq !== i + 1 || e.prevHash !== prev || auditEntryHash(e) !== e.hash) intact = false;
  });
  return { entries, intact };
}
