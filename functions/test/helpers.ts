// Test helpers: a fresh store per test file — a real SQLite database file by default, or, with
// TEAMSHEET_TEST_STORE=cosmos, the real @azure/cosmos SDK against the Cosmos DB stand-in — signed-in
// requests with the development issuer, and handler calls the way Azure makes them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Org } from '@teamsheet/shared';
import { HttpRequest, HttpResponse, InvocationContext, type HttpHandler } from '../src/azure';
import { issueDevToken } from '../src/auth';
import { configureStore, getStore, resetStore, type StoreOptions } from '../src/store';
import { saveOrg } from '../src/repositories';
import type { ContainerName, StoredDoc } from '../src/store/port';
import { startCosmosStandIn, type CosmosStandIn } from './support/cosmosStandIn';

export type TestAdapter = 'embedded' | 'cosmos';

/** The adapter API tests run on: TEAMSHEET_TEST_STORE, embedded by default. */
export function testAdapter(): TestAdapter {
  return process.env.TEAMSHEET_TEST_STORE === 'cosmos' ? 'cosmos' : 'embedded';
}

/** Opens a fresh, empty store of `adapter` and points the store module at it; returns how to drop it. */
export async function openFreshStore(
  adapter: TestAdapter = testAdapter(),
  options: StoreOptions = {},
): Promise<{ file?: string; close(): Promise<void> }> {
  if (adapter === 'cosmos') {
    const standIn: CosmosStandIn = await startCosmosStandIn();
    configureStore({ kind: 'cosmos', endpoint: standIn.endpoint, key: standIn.key, ...options });
    return {
      async close() {
        await resetStore();
        await standIn.close();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'teamsheet-test-'));
  const file = path.join(dir, 'teamsheet.sqlite');
  configureStore({ kind: 'embedded', file, ...options });
  return {
    file,
    async close() {
      await resetStore();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh store for this test file (opened in beforeAll, dropped in afterAll). */
export function useFreshStore(adapter: TestAdapter = testAdapter()): { adapter: TestAdapter } {
  let opened: Awaited<ReturnType<typeof openFreshStore>> | undefined;
  beforeAll(async () => {
    process.env.TEAMSHEET_DEV_AUTH = '1';
    opened = await openFreshStore(adapter);
    await getStore();
  });
  afterAll(async () => {
    await opened?.close();
  });
  return { adapter };
}

/** The documents of a container whose fields equal `where` (every partition: a test's look inside). */
export async function findDocs<T = StoredDoc>(
  container: ContainerName,
  where: Record<string, unknown> = {},
): Promise<T[]> {
  const { port } = await getStore();
  const docs = await port.scan(container);
  return docs.filter((d) => Object.entries(where).every(([k, v]) => d[k] === v)) as T[];
}

/** Stores `org` as the organisation in force (as the local host does with the demo). */
export async function seedOrg(org: Org): Promise<void> {
  const res = await saveOrg(org, 'test:seed', { tenantId: org.tenantId ?? 'demo' });
  if (res.status === 'stale') throw new Error('seeding the org raced another writer');
}

export async function tokenFor(personId: string, org: Org): Promise<string> {
  return issueDevToken(personId, org);
}

export type CallOptions = {
  method?: string;
  path?: string;
  token?: string;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string | Uint8Array;
  params?: Record<string, string>;
};

// Answers are read field by field in assertions; typing every body shape here would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CallResult = { status: number; headers: Headers; text: string; json: any };

/** Calls an exported handler with `new HttpRequest(...)` and `new InvocationContext(...)`, as Azure would. */
export async function call(
  handler: HttpHandler,
  options: CallOptions = {},
): Promise<CallResult & { logs: { level: string; args: unknown[] }[] }> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: { string?: string; bytes?: Uint8Array } | undefined;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = { string: JSON.stringify(options.json) };
  } else if (typeof options.body === 'string') body = { string: options.body };
  else if (options.body) body = { bytes: options.body };
  const request = new HttpRequest({
    method: options.method ?? 'GET',
    url: `http://localhost:7071/api/${options.path ?? ''}`,
    headers,
    params: options.params ?? {},
    ...(body ? { body } : {}),
  });
  const logs: { level: string; args: unknown[] }[] = [];
  const context = new InvocationContext({
    functionName: 'test',
    invocationId: 'test-invocation',
    logHandler: (level, ...args) => logs.push({ level, args }),
  });
  const result = await handler(request, context);
  const response = result instanceof HttpResponse ? result : new HttpResponse(result ?? {});
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json, logs };
}
