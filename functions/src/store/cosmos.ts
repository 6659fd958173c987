// The Cosmos DB adapter of the store port: the real @azure/cosmos SDK, with a key or, without one,
// DefaultAzureCredential (a managed identity granted Cosmos DB data-plane RBAC: no key in settings).
// Containers and their partition keys are in ./port (containerDefs); docs/architecture.md gives the
// reason for each. Every query names its partition, both as the SDK's partition key and in its WHERE
// clause (the stand-in server the tests use, @vercel/cosmosdb-server, reads only the latter).
import type { Container, CosmosClient, Database, OperationInput, SqlParameter } from '@azure/cosmos';
import https from 'node:https';
import {
  checkedField,
  containerDefs,
  containerNames,
  partitionField,
  StoreUnavailableError,
  typeList,
  type Collection,
  type ContainerName,
  type PartitionQuery,
  type StoredDoc,
  type StorePort,
} from './port';

export type CosmosConfig = { endpoint: string; key?: string; databaseId?: string };

const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;
const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/?$/i;
/** Operations per bulk call: the SDK splits them into service batches of 100 under its own congestion control. */
const BULK_CALL = 5000;
/**
 * The most a createAll writes as one transactional batch (Cosmos DB: 100 operations, 2 MB a request):
 * one round trip, all or nothing in the service. The SDK's bulk executor waits a second for a
 * partial batch to fill before it sends it (BulkHelper's intervalForPartialBatchInMs), so every bulk
 * call costs at least a second however few documents it writes: a plan PUT (one chunk) paid it.
 */
const BATCH_OPERATIONS = 100;
const BATCH_BYTES = 1_800_000;

function strip<T>(doc: T): T {
  const copy = { ...(doc as Record<string, unknown>) };
  for (const f of SYSTEM_FIELDS) delete copy[f];
  return copy as T;
}

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

async function attempt<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new StoreUnavailableError(operation, error);
  }
}

/** Connects, creating the database and containers when missing. */
export async function openCosmosStore(config: CosmosConfig): Promise<CosmosStore> {
  const loopback = LOOPBACK.test(config.endpoint);
  // Loaded on first use, not at import: the SDK alone costs ~200 ms of a cold start.
  const { CosmosClient } = await import('@azure/cosmos');
  const auth = config.key
    ? { key: config.key }
    : { aadCredentials: new (await import('@azure/identity')).DefaultAzureCredential() };
  const client = new CosmosClient({
    endpoint: config.endpoint,
    ...auth,
    // The stand-in and the emulator advertise https:// locations of themselves; following them would
    // leave plain HTTP on loopback, so discovery stays off there.
    connectionPolicy: loopback ? { enableEndpointDiscovery: false } : undefined,
    // Self-signed certificates are accepted on loopback only (the emulator); never for a remote account.
    agent:
      loopback && config.endpoint.startsWith('https:')
        ? new https.Agent({ rejectUnauthorized: false, keepAlive: true })
        : undefined,
  });
  try {
    const { database } = await client.databases.createIfNotExists({ id: config.databaseId ?? 'teamsheet' });
    const entries = await Promise.all(
      containerNames.map(async (name) => {
        const { container } = await database.containers.createIfNotExists({
          id: name,
          partitionKey: { paths: [containerDefs[name]] },
        });
        return [name, container] as const;
      }),
    );
    return new CosmosStore(client, database, new Map(entries), config.endpoint);
  } catch (error) {
    client.dispose();
    throw new StoreUnavailableError('connect to Cosmos DB', error);
  }
}

export class CosmosStore implements StorePort {
  readonly kind = 'cosmos' as const;
  private readonly collections = new Map<ContainerName, Collection>();

  constructor(
    readonly client: CosmosClient,
    readonly database: Database,
    containers: Map<ContainerName, Container>,
    private readonly endpoint: string,
  ) {
    for (const [name, container] of containers) this.collections.set(name, cosmosCollection(name, container));
  }

  describe() {
    return { adapter: 'Azure Cosmos DB', location: `${this.endpoint} (database ${this.database.id})` };
  }

  collection(name: ContainerName): Collection {
    return this.collections.get(name)!;
  }

  async ping(): Promise<void> {
    await attempt('answer a read', () => this.database.read());
  }

  async scan(name: ContainerName): Promise<StoredDoc[]> {
    const { resources } = await attempt('read a container', () =>
      this.database.container(name).items.readAll<StoredDoc>().fetchAll(),
    );
    return resources.map(strip);
  }

  async close(): Promise<void> {
    this.client.dispose();
  }
}

function cosmosCollection(name: ContainerName, container: Container): Collection {
  const pkField = partitionField(name);
  const withPartition = (partition: string, doc: StoredDoc) =>
    doc[pkField] === partition ? doc : { ...doc, [pkField]: partition };

  const bulkCreate = async (partition: string, docs: readonly StoredDoc[]) => {
    const created: string[] = [];
    const conflicts: string[] = [];
    for (let i = 0; i < docs.length; i += BULK_CALL) {
      const slice = docs.slice(i, i + BULK_CALL);
      const operations: OperationInput[] = slice.map((doc) => ({
        operationType: 'Create',
        partitionKey: partition,
        resourceBody: withPartition(partition, doc) as unknown as Record<string, never>,
      })) as OperationInput[];
      const results = await container.items.executeBulkOperations(operations);
      results.forEach((r, k) => {
        const status = r.response?.statusCode ?? r.error?.code;
        if (status === 201 || status === 200) created.push(slice[k]!.id);
        else if (status === 409) conflicts.push(slice[k]!.id);
        else throw new Error(`creating ${slice[k]!.id} answered ${String(status)}`);
      });
    }
    return { created, conflicts };
  };

  /**
   * A small createAll as one transactional batch: true when every document was created. Otherwise
   * nothing of the call stays stored (the service takes a failed batch back; a stand-in that does
   * not is taken back here) and the caller writes through bulkCreate, which names each conflict.
   */
  const batchCreate = async (partition: string, docs: readonly StoredDoc[]): Promise<boolean> => {
    if (docs.length === 0) return true;
    if (docs.length > BATCH_OPERATIONS) return false;
    const bodies = docs.map((doc) => withPartition(partition, doc));
    let bytes = 0;
    for (const body of bodies) {
      bytes += Buffer.byteLength(JSON.stringify(body));
      if (bytes > BATCH_BYTES) return false;
    }
    const operations = bodies.map((body) => ({
      operationType: 'Create',
      resourceBody: body as unknown as Record<string, never>,
    })) as OperationInput[];
    let results: { statusCode: number }[];
    try {
      results = (await container.items.batch(operations, partition)).result ?? [];
    } catch {
      // A refused batch (a conflict: the service answers it with the failing status) or a failed
      // request: bulkCreate tells which ids exist, or fails with the store's error.
      return false;
    }
    if (results.length === docs.length && results.every((r) => r.statusCode === 201 || r.statusCode === 200))
      return true;
    const created = results.flatMap((r, k) =>
      r.statusCode === 201 || r.statusCode === 200 ? [docs[k]!.id] : [],
    );
    await attempt('take back documents of a refused write', () =>
      Promise.all(created.map((id) => container.item(id, partition).delete())),
    );
    return false;
  };

  return {
    name,
    async read<T extends StoredDoc>(partition: string, id: string) {
      try {
        const { resource } = await container.item(id, partition).read<T & { _etag: string }>();
        if (!resource) return undefined;
        return { ...strip(resource), _etag: resource._etag };
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw new StoreUnavailableError('read a document', error);
      }
    },
    async create(partition, doc) {
      try {
        await container.items.create(withPartition(partition, doc));
        return 'created';
      } catch (error) {
        if (statusOf(error) === 409) return 'conflict';
        throw new StoreUnavailableError('store a document', error);
      }
    },
    async createAll(partition, docs) {
      // No transaction spans more than 100 operations in Cosmos DB: all-or-nothing is kept by taking
      // back what this call created when any id existed (or when a write failed half way).
      let outcome: { created: string[]; conflicts: string[] } | undefined;
      try {
        if (await batchCreate(partition, docs)) return { conflicts: [] };
        outcome = await bulkCreate(partition, docs);
      } catch (error) {
        throw new StoreUnavailableError('store documents', error);
      }
      if (outcome.conflicts.length > 0) {
        await attempt('take back documents of a refused write', () =>
          Promise.all(outcome.created.map((id) => container.item(id, partition).delete())),
        );
      }
      return { conflicts: outcome.conflicts };
    },
    async replace(partition, doc, etag) {
      try {
        const { resource } = await container
          .item(doc.id, partition)
          .replace(withPartition(partition, doc), { accessCondition: { type: 'IfMatch', condition: etag } });
        return { status: 'replaced', etag: (resource as { _etag: string })._etag };
      } catch (error) {
        const status = statusOf(error);
        if (status === 412 || status === 404) return { status: 'stale' };
        throw new StoreUnavailableError('replace a document', error);
      }
    },
    async query<T>(partition: string, q: PartitionQuery = {}) {
      const parameters: SqlParameter[] = [{ name: '@pk', value: partition }];
      const terms = [`c.${checkedField(pkField)} = @pk`];
      const types = typeList(q.types);
      if (types.length > 0) {
        terms.push(
          `(${types
            .map((t, i) => {
              parameters.push({ name: `@t${i}`, value: t });
              return `c.type = @t${i}`;
            })
            .join(' OR ')})`,
        );
      }
      Object.entries(q.where ?? {}).forEach(([field, value], i) => {
        parameters.push({ name: `@w${i}`, value });
        terms.push(`c.${checkedField(field)} = @w${i}`);
      });
      if (q.idRange?.from !== undefined) {
        parameters.push({ name: '@from', value: q.idRange.from });
        terms.push('c.id >= @from');
      }
      if (q.idRange?.to !== undefined) {
        parameters.push({ name: '@to', value: q.idRange.to });
        terms.push('c.id < @to');
      }
      const top = q.limit !== undefined ? `TOP ${Math.max(0, Math.floor(q.limit))} ` : '';
      const select = q.fields ? q.fields.map((f) => `c.${checkedField(f)}`).join(', ') : '*';
      const order = q.orderBy
        ? ` ORDER BY c.${checkedField(q.orderBy.field)} ${q.orderBy.descending ? 'DESC' : 'ASC'}`
        : '';
      const query = `SELECT ${top}${select} FROM c WHERE ${terms.join(' AND ')}${order}`;
      const { resources } = await attempt('query documents', () =>
        container.items
          .query<T>({ query, parameters }, { partitionKey: partition, maxItemCount: 1000 })
          .fetchAll(),
      );
      const docs = resources.map(strip);
      if (!q.orderBy && !q.fields)
        (docs as StoredDoc[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return docs;
    },
  };
}
