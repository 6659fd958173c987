// The stand-in the Cosmos DB adapter is tested against: @vercel/cosmosdb-server, an in-memory server
// that speaks Cosmos DB's HTTP protocol, reached by the real @azure/cosmos SDK over loopback.
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const STAND_IN_KEY = 'stand-in-key';

export type CosmosStandIn = { endpoint: string; key: string; close(): Promise<void> };

export async function startCosmosStandIn(): Promise<CosmosStandIn> {
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
