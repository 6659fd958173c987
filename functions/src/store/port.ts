// The store port: the few partition-scoped operations every repository is written against, and that
// each adapter (embedded SQLite in ./sqlite, Cosmos DB in ./cosmos) implements with the same meaning.
// docs/architecture.md draws where it sits; the contract suite (functions/test/storeContract.test.ts)
// runs every operation against both adapters.
//
// A document is a JSON object with an `id`, unique within its partition. Partitions are named by the
// repository (`<tenant>|<period>`, …) and every operation names one, so no read ever scans another
// partition. Documents are immutable once created, except through `replace`, which only succeeds
// against the version (etag) the caller read. A resolved write is durable: the adapter answers only
// after the database committed it.

/** The containers Teamsheet keeps its data in, with the partition key field of each (Cosmos DB path). */
export const containerDefs = {
  org: '/tenantId',
  history: '/pk',
  actuals: '/pk',
  audit: '/pk',
  idempotency: '/pk',
} as const;
export type ContainerName = keyof typeof containerDefs;
export const containerNames = Object.keys(containerDefs) as ContainerName[];

/** The document field that carries the partition key in each container. */
export function partitionField(container: ContainerName): string {
  return containerDefs[container].slice(1);
}

export type StoredDoc = { id: string; [key: string]: unknown };

/** A filter over one partition; every term is an equality or an id range, read by both adapters alike. */
export type PartitionQuery = {
  /** Documents whose `type` is this one (or any of these). */
  types?: string | readonly string[];
  /** Equality on top-level fields. */
  where?: Record<string, string | number | boolean>;
  /** Ids from `from` (inclusive) to `to` (exclusive), in code-unit order. */
  idRange?: { from?: string; to?: string };
  /** Only these top-level fields of each document. */
  fields?: readonly string[];
  /** Sorted by a top-level numeric or string field. */
  orderBy?: { field: string; descending?: boolean };
  limit?: number;
};

export type CreateOutcome = 'created' | 'conflict';
export type ReplaceOutcome = { status: 'replaced'; etag: string } | { status: 'stale' };

/** One container of the store, every operation scoped to a partition. */
export interface Collection {
  readonly name: ContainerName;
  /** The document with this id in this partition, with its etag, or undefined. */
  read<T extends StoredDoc>(partition: string, id: string): Promise<(T & { _etag: string }) | undefined>;
  /** Creates the document unless its id exists in the partition (then `conflict`, nothing changed). */
  create(partition: string, doc: StoredDoc): Promise<CreateOutcome>;
  /**
   * Creates every document of one partition, or none: when any id exists already, nothing of the call
   * stays stored and the answer lists the ids that exist (the embedded adapter in one transaction,
   * the Cosmos adapter by taking back what it created; see docs/architecture.md).
   */
  createAll(partition: string, docs: readonly StoredDoc[]): Promise<{ conflicts: string[] }>;
  /** Replaces the document if it still has `etag`; otherwise `stale` and nothing changed. */
  replace(partition: string, doc: StoredDoc, etag: string): Promise<ReplaceOutcome>;
  /** The documents of one partition that match `query`. */
  query<T>(partition: string, query?: PartitionQuery): Promise<T[]>;
}

export type StoreKind = 'embedded' | 'cosmos';

export interface StorePort {
  readonly kind: StoreKind;
  /** What to show a person: the adapter, and its file or account. */
  describe(): { adapter: string; location: string };
  collection(name: ContainerName): Collection;
  /** Resolves when the store answers a read. */
  ping(): Promise<void>;
  /**
   * Every document of a container, across partitions (an export, a check after a crash test). Never
   * on a request's path: it reads everything.
   */
  scan(name: ContainerName): Promise<StoredDoc[]>;
  close(): Promise<void>;
}

/**
 * The store could not do what was asked (disk full, read-only file, the account unreachable, a
 * timeout): the route answers 503 and the host logs the cause. Nothing the operation wrote is
 * visible (an adapter's write either commits or throws this).
 */
export class StoreUnavailableError extends Error {
  readonly operation: string;
  constructor(operation: string, cause: unknown) {
    super(`the store could not ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'StoreUnavailableError';
    this.operation = operation;
  }
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Checks a field name of a query: top-level, plain identifier (both adapters put it in their SQL). */
export function checkedField(name: string): string {
  if (!FIELD_NAME.test(name)) throw new Error(`not a document field name: ${name}`);
  return name;
}

/** The `types` of a query as a list. */
export function typeList(types: PartitionQuery['types']): string[] {
  return types === undefined ? [] : typeof types === 'string' ? [types] : [...types];
}
