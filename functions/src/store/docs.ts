// Append-only document helpers over the store: immutable creates that never overwrite, reads and
// parameterised queries, versions written as chunks plus a head, and the audit trail.
import type { Container, SqlParameter } from '@azure/cosmos';
import { containerDefs, getStore, type ContainerName } from './client';
import { contentHash } from './hash';

export type StoredDoc = { id: string; [key: string]: unknown };
export type Conflict = { status: 'conflict'; id: string };
export type Created<T> = { status: 'created'; doc: T };
export type CreateResult<T> = Created<T> | Conflict;

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;

/** A stored document without Cosmos DB's system properties. */
export function withoutSystemFields<T>(doc: T): T {
  if (!doc || typeof doc !== 'object') return doc;
  const copy = { ...(doc as Record<string, unknown>) };
  for (const f of SYSTEM_FIELDS) delete copy[f];
  return copy as T;
}

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Creates `doc`; an existing id is a Conflict result, never an overwrite. */
export async function createImmutable<T extends StoredDoc>(
  container: Container,
  doc: T,
): Promise<CreateResult<T>> {
  try {
    await container.items.create(doc);
    return { status: 'created', doc };
  } catch (error) {
    if (statusOf(error) === 409) return { status: 'conflict', id: doc.id };
    throw error;
  }
}

/** The document with this id in this partition, or undefined. */
export async function readOne<T>(
  container: Container,
  id: string,
  partitionKey: string,
): Promise<T | undefined> {
  try {
    const { resource } = await container.item(id, partitionKey).read<T & StoredDoc>();
    return resource ? withoutSystemFields(resource as T) : undefined;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

export type Query = { query: string; parameters?: SqlParameter[] };

/**
 * Every result of a parameterised query, from one partition when `partitionKey` is given.
 * The embedded server ignores a query's partition key and scans the whole container, so whole
 * documents of other partitions are dropped here; a query that projects fields (`SELECT c.id`)
 * must also filter on the partition key field in its WHERE clause to be right on both servers.
 */
export async function queryAll<T>(container: Container, query: Query, partitionKey?: string): Promise<T[]> {
  const { resources } = await container.items
    .query<T>(
      { query: query.query, parameters: query.parameters ?? [] },
      partitionKey === undefined ? {} : { partitionKey },
    )
    .fetchAll();
  const pkPath = containerDefs[container.id as ContainerName];
  const field = pkPath?.slice(1);
  const inPartition = (doc: unknown) => {
    if (partitionKey === undefined || !field || !doc || typeof doc !== 'object' || !(field in doc))
      return true;
    return (doc as Record<string, unknown>)[field] === partitionKey;
  };
  return resources.filter(inPartition).map(withoutSystemFields);
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function fieldRef(name: string): string {
  if (!FIELD_NAME.test(name)) throw new Error(`not a document field name: ${name}`);
  return `c.${name}`;
}

/**
 * The documents of one `type` (or of any of several) in the partition `pk` of a container — whole, or
 * only `fields` — optionally narrowed by equality on other fields (`where`). The WHERE clause always
 * names the partition field, which a projection needs on the embedded server (see queryAll).
 */
export async function queryByType<T>(
  container: Container,
  pk: string,
  types: string | readonly string[],
  options: { fields?: readonly (keyof T & string)[]; where?: Record<string, string | number> } = {},
): Promise<T[]> {
  const partitionField = containerDefs[container.id as ContainerName]?.slice(1) ?? 'pk';
  const parameters: SqlParameter[] = [{ name: '@pk', value: pk }];
  const typeTerms = (typeof types === 'string' ? [types] : types).map((type, i) => {
    parameters.push({ name: `@type${i}`, value: type });
    return `c.type = @type${i}`;
  });
  const whereTerms = Object.entries(options.where ?? {}).map(([name, value], i) => {
    parameters.push({ name: `@w${i}`, value });
    return `${fieldRef(name)} = @w${i}`;
  });
  const conditions = [
    `${fieldRef(partitionField)} = @pk`,
    typeTerms.length === 1 ? typeTerms[0]! : `(${typeTerms.join(' OR ')})`,
    ...whereTerms,
  ];
  const select = options.fields ? options.fields.map(fieldRef).join(', ') : '*';
  return queryAll<T>(
    container,
    { query: `SELECT ${select} FROM c WHERE ${conditions.join(' AND ')}`, parameters },
    pk,
  );
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
  container: Container,
  args: {
    headId: string;
    partition: { field: string; value: string };
    type: string;
    version: number;
    head: H;
    items: unknown[];
    chunkSize?: number;
    extra?: Record<string, unknown>;
  },
): Promise<CreateResult<VersionHead & H>> {
  const chunkSize = args.chunkSize ?? 2000;
  const hash = contentHash({ head: args.head, items: args.items });
  const chunkIds: string[] = [];
  const pkField = { [args.partition.field]: args.partition.value };
  for (let start = 0, k = 0; start < args.items.length || k === 0; start += chunkSize, k++) {
    const id = `${args.headId}:${hash.slice(0, 16)}:c${k}`;
    chunkIds.push(id);
    const res = await createImmutable(container, {
      id,
      ...pkField,
      type: `${args.type}-chunk`,
      headId: args.headId,
      index: k,
      items: args.items.slice(start, start + chunkSize),
    });
    // The same content written again (a retry after a crash) is the same chunk.
    if (res.status === 'conflict' && !(await readOne(container, id, args.partition.value)))
      throw new Error(`chunk ${id} conflicts but cannot be read`);
  }
  const head = {
    ...args.extra,
    ...args.head,
    id: args.headId,
    ...pkField,
    type: args.type,
    version: args.version,
    chunkIds,
    itemCount: args.items.length,
    hash,
  } as VersionHead & H;
  return createImmutable(container, head);
}

/** The head and all items of a version written by writeChunkedVersion. */
export async function readChunkedVersion<H extends VersionHead, I>(
  container: Container,
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

// ---- audit

export type AuditInput = {
  tenantId: string;
  who: string;
  action: string;
  entity: string;
  beforeHash?: string | null;
  afterHash?: string | null;
  /** ISO timestamp; the caller's clock, passed in so tests can pin it. */
  at?: string;
  details?: Record<string, unknown>;
};
export type AuditEntry = Required<Omit<AuditInput, 'details'>> & {
  id: string;
  pk: string;
  type: 'audit';
  details?: Record<string, unknown>;
};

/**
 * Records a change after the change itself was written. The id is derived from what changed, so a
 * retried request writes the same entry once; nothing here needs a batch to be atomic.
 */
export async function appendAudit(input: AuditInput): Promise<AuditEntry> {
  const { containers } = await getStore();
  const at = input.at ?? new Date().toISOString();
  const entry: AuditEntry = {
    id: `audit:${contentHash([input.tenantId, input.action, input.entity, input.beforeHash ?? null, input.afterHash ?? null]).slice(0, 32)}`,
    pk: `${input.tenantId}|${at.slice(0, 7)}`,
    type: 'audit',
    tenantId: input.tenantId,
    who: input.who,
    action: input.action,
    entity: input.entity,
    beforeHash: input.beforeHash ?? null,
    afterHash: input.afterHash ?? null,
    at,
    ...(input.details ? { details: input.details } : {}),
  };
  const res = await createImmutable(containers.audit, entry);
  return res.status === 'created'
    ? entry
    : ((await readOne<AuditEntry>(containers.audit, entry.id, entry.pk)) ?? entry);
}
