// The one store of the process, behind the port (./port): the embedded SQLite file by default, Cosmos
// DB when COSMOS_ENDPOINT is set. Repositories ask getStore() for a container's Collection.
import path from 'node:path';
import { containerNames, type Collection, type ContainerName, type StoreKind, type StorePort } from './port';
import { SQLITE_FILE } from './sqlite';

export { containerDefs, type ContainerName, type StoreKind } from './port';

export type StoreConfig =
  | { kind: 'embedded'; /** The database file, or ':memory:'. */ file: string }
  | { kind: 'cosmos'; endpoint: string; key?: string; databaseId?: string };

export type StoreOptions = {
  /** Wraps the opened port (tests inject faults with it: ./faults). */
  wrap?: (port: StorePort) => StorePort;
};

export type Store = {
  kind: StoreKind;
  port: StorePort;
  containers: Record<ContainerName, Collection>;
};

let config: (StoreConfig & StoreOptions) | undefined;
let pending: Promise<Store> | undefined;
let current: Store | undefined;

/** Points the store at a database (tests and the local host); closes the previous one. */
export function configureStore(next: StoreConfig & StoreOptions): void {
  void current?.port.close();
  current = undefined;
  pending = undefined;
  config = next;
}

/** The data folder of the embedded store: TEAMSHEET_DATA_DIR, else `.data` under the working folder. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.TEAMSHEET_DATA_DIR || '.data');
}

/** What the store opens: the configured one, else Cosmos DB when COSMOS_ENDPOINT is set, else the embedded file. */
export function storeConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig & StoreOptions {
  if (config) return config;
  if (env.COSMOS_ENDPOINT) {
    return {
      kind: 'cosmos',
      endpoint: env.COSMOS_ENDPOINT,
      ...(env.COSMOS_KEY ? { key: env.COSMOS_KEY } : {}),
      ...(env.COSMOS_DATABASE ? { databaseId: env.COSMOS_DATABASE } : {}),
    };
  }
  return { kind: 'embedded', file: path.join(dataDir(env), SQLITE_FILE) };
}

export function storeKind(): StoreKind {
  return storeConfig().kind;
}

/** The process's store, opened on first use. */
export function getStore(): Promise<Store> {
  if (current) return Promise.resolve(current);
  if (!pending) {
    pending = open().then(
      (s) => (current = s),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
  }
  return pending;
}

async function open(): Promise<Store> {
  const cfg = storeConfig();
  let port: StorePort;
  if (cfg.kind === 'cosmos') {
    const { openCosmosStore } = await import('./cosmos');
    port = await openCosmosStore(cfg);
  } else {
    const { openSqliteStore } = await import('./sqlite');
    port = openSqliteStore(cfg.file);
  }
  if (cfg.wrap) port = cfg.wrap(port);
  return {
    kind: port.kind,
    port,
    containers: Object.fromEntries(containerNames.map((n) => [n, port.collection(n)])) as Record<
      ContainerName,
      Collection
    >,
  };
}

/** Closes the store (the local host on shutdown, tests after each file). */
export async function closeStore(): Promise<void> {
  const s = current ?? (pending ? await pending.catch(() => undefined) : undefined);
  current = undefined;
  pending = undefined;
  await s?.port.close();
}

/** Closes the store and forgets the configured one, so a later getStore() falls back to the environment. */
export async function resetStore(): Promise<void> {
  await closeStore();
  config = undefined;
}
