// The embedded Cosmos DB-compatible server for local runs and tests (@vercel/cosmosdb-server, plain
// HTTP on loopback), with the persistence it lacks: a JSON snapshot loaded at start and rewritten
// (debounced, atomically) after writes and at shutdown, so data survives restarts of `npm start`.
import { createHttpServer } from '@vercel/cosmosdb-server';
import { CosmosClient } from '@azure/cosmos';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { mapBounded, withoutSystemFields } from './docs';

export const EMBEDDED_KEY = 'embedded-local-key';
const SNAPSHOT_FILE = 'store.json';
const SNAPSHOT_FORMAT = 'teamsheet-store-snapshot/1';

export type EmbeddedStoreOptions = {
  port?: number;
  /** Where the snapshot lives; without it the store is memory only (tests). */
  dataDir?: string;
  /** Quiet time after the last write before the snapshot is rewritten (ms). */
  debounceMs?: number;
};

export type EmbeddedStore = {
  endpoint: string;
  key: string;
  /** Number of documents loaded from the snapshot at start. */
  loadedDocuments: number;
  /** Writes the snapshot now if anything changed since the last one. */
  flush(): Promise<void>;
  /** Flushes, then stops the server. */
  close(): Promise<void>;
};

type Snapshot = {
  format: string;
  databases: {
    id: string;
    containers: { id: string; partitionKey: unknown; documents: Record<string, unknown>[] }[];
  }[];
};

// Queries and reads arrive as POST too; only these change data.
function isWrite(req: IncomingMessage): boolean {
  if (req.method === 'PUT' || req.method === 'DELETE' || req.method === 'PATCH') return true;
  return (
    req.method === 'POST' &&
    req.headers['x-ms-documentdb-isquery'] === undefined &&
    req.headers['content-type'] !== 'application/query+json'
  );
}

export async function startEmbeddedStore(options: EmbeddedStoreOptions = {}): Promise<EmbeddedStore> {
  // keepAlive: the server otherwise answers `connection: close`, a new TCP connection per request.
  const server: Server = createHttpServer({ keepAlive: true } as Parameters<typeof createHttpServer>[0]);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new CosmosClient({
    endpoint,
    key: EMBEDDED_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });

  const dataDir = options.dataDir;
  const debounceMs = options.debounceMs ?? 500;
  let dirty = false;
  let loading = true;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (!dataDir || loading) return;
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(
      () =>
        void flush().catch((e: unknown) => console.error('teamsheet: writing the store snapshot failed:', e)),
      debounceMs,
    );
    timer.unref();
  };
  server.on('request', (req: IncomingMessage) => {
    if (isWrite(req)) schedule();
  });

  // One snapshot at a time; a write during a snapshot marks it dirty again for the next one.
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    writing = writing.then(async () => {
      if (!dataDir || !dirty) return;
      dirty = false;
      await writeSnapshot(client, dataDir);
    });
    return writing;
  };

  let loadedDocuments = 0;
  try {
    if (dataDir) loadedDocuments = await loadSnapshot(client, dataDir);
  } catch (error) {
    client.dispose();
    server.close();
    throw error;
  }
  loading = false;

  return {
    endpoint,
    key: EMBEDDED_KEY,
    loadedDocuments,
    flush,
    async close() {
      await flush();
      client.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function writeSnapshot(client: CosmosClient, dataDir: string): Promise<void> {
  const snapshot: Snapshot = { format: SNAPSHOT_FORMAT, databases: [] };
  const { resources: dbs } = await client.databases.readAll().fetchAll();
  for (const db of dbs) {
    const database = client.database(db.id);
    const { resources: colls } = await database.containers.readAll().fetchAll();
    const containers: Snapshot['databases'][number]['containers'] = [];
    for (const coll of colls) {
      const { resources } = await database
        .container(coll.id)
        .items.readAll<Record<string, unknown>>()
        .fetchAll();
      containers.push({
        id: coll.id,
        partitionKey: coll.partitionKey,
        documents: resources.map(withoutSystemFields),
      });
    }
    snapshot.databases.push({ id: db.id, containers });
  }
  await mkdir(dataDir, { recursive: true });
  const target = path.join(dataDir, SNAPSHOT_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(snapshot));
  await rename(temp, target);
}

async function loadSnapshot(client: CosmosClient, dataDir: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, SNAPSHOT_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const snapshot = JSON.parse(text) as Snapshot;
  if (snapshot.format !== SNAPSHOT_FORMAT)
    throw new Error(
      `${path.join(dataDir, SNAPSHOT_FILE)} is not a Teamsheet store snapshot (format ${String(snapshot.format)})`,
    );
  let count = 0;
  for (const db of snapshot.databases) {
    const { database } = await client.databases.createIfNotExists({ id: db.id });
    for (const coll of db.containers) {
      const { container } = await database.containers.createIfNotExists({
        id: coll.id,
        partitionKey: coll.partitionKey as { paths: string[] },
      });
      // The server is fastest with a few requests in flight rather than hundreds.
      await mapBounded(coll.documents, 4, async (doc) => {
        await container.items.upsert(doc);
      });
      count += coll.documents.length;
    }
  }
  return count;
}

/** Deletes a data directory's snapshot (used by `npm start -- --reset`). */
export async function removeSnapshot(dataDir: string): Promise<void> {
  await rm(path.join(dataDir, SNAPSHOT_FILE), { force: true });
}
