// The stand-in the Cosmos DB adapter is tested against: @vercel/cosmosdb-server, an in-memory server
// that speaks Cosmos DB's HTTP protocol, reached by the real @azure/cosmos SDK over loopback.
import { createHttpServer } from '@vercel/cosmosdb-server';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const STAND_IN_KEY = 'stand-in-key';

export type CosmosStandIn = { endpoint: string; key: string; close(): Promise<void> };

type StandInItem = { read(): Record<string, unknown> };
type StandInQuery = { query: string; parameters?: { name: string; value: unknown }[] };
type StandInItems = {
  _data: Map<string, StandInItem>;
  query(params: StandInQuery, options: unknown): unknown;
};

/** The adapter's queries open with their partition's equality as a top-level AND term. */
const PARTITION_TERM = /^SELECT .+? FROM c WHERE c\.([A-Za-z_][A-Za-z0-9_]*) = @pk(?: AND | ORDER BY |$)/;
let scoped = false;

/**
 * The stand-in evaluates a query over every document of the container, all partitions, and builds
 * its candidate list with an array spread per document (quadratic: ~11 s a query at 20,000 documents,
 * past the SDK's 60 s request timeout when a request's queries queue behind one another). Cosmos DB
 * serves a query that names its partition from that partition's index alone; so does the stand-in
 * here: a query whose WHERE opens with `c.<field> = @pk AND …` runs over the documents with that
 * value only. The answer is the same (the term is a conjunct of the whole filter), only sooner.
 */
function scopeQueriesToTheirPartition(): void {
  if (scoped) return;
  scoped = true;
  const require = createRequire(import.meta.url);
  const Items = (
    require('@vercel/cosmosdb-server/lib/account/items') as { default: { prototype: StandInItems } }
  ).default;
  const query = Items.prototype.query;
  Items.prototype.query = function (this: StandInItems, params: StandInQuery, options: unknown) {
    const field = PARTITION_TERM.exec(params.query ?? '')?.[1];
    const pk = params.parameters?.find((p) => p.name === '@pk')?.value;
    if (!field || typeof pk !== 'string') return query.call(this, params, options);
    const all = this._data;
    const partition = new Map<string, StandInItem>();
    for (const [rid, item] of all) if (item.read()[field] === pk) partition.set(rid, item);
    this._data = partition;
    try {
      return query.call(this, params, options); // synchronous: nothing else sees the narrowed map
    } finally {
      this._data = all;
    }
  };
}

export async function startCosmosStandIn(): Promise<CosmosStandIn> {
  scopeQueriesToTheirPartition();
  // keepAlive: the server otherwise answers `connection: close`, a new TCP connection per request.
  const server: Server = createHttpServer({ keepAlive: true } as Parameters<typeof createHttpServer>[0]);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    key: STAND_IN_KEY,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
