// The one CosmosClient of the process and the containers Teamsheet keeps its data in, created when missing.
//
// Containers and partition keys (period-scoped reads hit one partition):
//   org          pk /tenantId             org versions (head + chunks), one partition per tenant
//   history      pk /pk = "<tenant>|<period>"  plan versions, payout runs, approvals, period states, actuals
//   audit        pk /pk = "<tenant>|<yyyy-mm>" audit entries by the month they were written
//   idempotency  pk /pk = "<tenant>|<caller>"  first answers to Idempotency-Key requests
import type { Container, CosmosClient, Database } from '@azure/cosmos';
import https from 'node:https';

export const containerDefs = {
  org: '/tenantId',
  history: '/pk',
  // Transactions and metric actuals are many small documents: kept apart from plan, score and run
  // history so that the embedded server, which scans a whole container per query, stays fast there.
  actuals: '/pk',
  audit: '/pk',
  idempotency: '/pk',
} as const;
export type ContainerName = keyof typeof containerDefs;

export type StoreKind = 'embedded' | 'cosmos';
export type StoreConfig = { endpoint: string; key: string; databaseId?: string; kind?: StoreKind };

export type Store = {
  kind: StoreKind;
  client: CosmosClient;
  database: Database;
  containers: Record<ContainerName, Container>;
};

let config: StoreConfig | undefined;
let pending: Promise<Store> | undefined;
let current: Store | undefined;

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/?$/i;

/** Points the store at a server (tests and the local host); drops the previous client. */
export function configureStore(next: StoreConfig): void {
  current?.client.dispose();
  current = undefined;
  pending = undefined;
  config = next;
}

/** What the store would connect to: the configured server, else COSMOS_ENDPOINT / COSMOS_KEY. */
export function storeConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig | undefined {
  if (config) return config;
  if (env.COSMOS_ENDPOINT) {
    return {
      endpoint: env.COSMOS_ENDPOINT,
      key: env.COSMOS_KEY ?? '',
      databaseId: env.COSMOS_DATABASE,
      kind: 'cosmos',
    };
  }
  return undefined;
}

export function storeKind(): StoreKind {
  return storeConfig()?.kind ?? 'cosmos';
}

/** The process's store, connecting and creating the database and containers on first use. */
export function getStore(): Promise<Store> {
  if (current) return Promise.resolve(current);
  if (!pending) {
    pending = connect().then(
      (s) => (current = s),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
  }
  return pending;
}

async function connect(): Promise<Store> {
  const cfg = storeConfig();
  if (!cfg)
    throw new Error(
      'no store configured: set COSMOS_ENDPOINT and COSMOS_KEY, or run the local host (npm start)',
    );
  const kind = cfg.kind ?? 'cosmos';
  const loopback = LOOPBACK.test(cfg.endpoint);
  // Loaded on first use, not at import: the SDK alone costs ~200 ms of a cold start.
  const { CosmosClient } = await import('@azure/cosmos');
  const client = new CosmosClient({
    endpoint: cfg.endpoint,
    key: cfg.key,
    // The embedded server and the emulator advertise https:// locations of themselves; following
    // them would leave plain HTTP on loopback, so discovery stays off there.
    connectionPolicy: loopback ? { enableEndpointDiscovery: false } : undefined,
    // Self-signed certificates are accepted on loopback only (the emulator); never for a remote account.
    agent:
      loopback && cfg.endpoint.startsWith('https:')
        ? new https.Agent({ rejectUnauthorized: false, keepAlive: true })
        : undefined,
  });
  try {
    const { database } = await client.databases.createIfNotExists({ id: cfg.databaseId ?? 'teamsheet' });
    const entries = await Promise.all(
      (Object.keys(containerDefs) as ContainerName[]).map(async (name) => {
        const { container } = await database.containers.createIfNotExists({
          id: name,
          partitionKey: { paths: [containerDefs[name]] },
        });
        return [name, container] as const;
      }),
    );
    return {
      kind,
      client,
      database,
      containers: Object.fromEntries(entries) as Record<ContainerName, Container>,
    };
  } catch (error) {
    client.dispose();
    throw error;
  }
}

/** Disposes the client (the local host on shutdown, tests after each file). */
export function closeStore(): void {
  current?.client.dispose();
  current = undefined;
  pending = undefined;
}

/** Forgets the configured server too, so a later getStore() falls back to the environment. */
export function resetStore(): void {
  closeStore();
  config = undefined;
}
