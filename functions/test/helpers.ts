// Test helpers: a fresh embedded store per test file (the real SDK against @vercel/cosmosdb-server),
// signed-in requests with the development issuer, and handler calls the way Azure makes them.
import { afterAll, beforeAll } from 'vitest';
import type { Org } from '@teamsheet/shared';
import { HttpRequest, HttpResponse, InvocationContext, type HttpHandler } from '../src/azure';
import { issueDevToken } from '../src/auth';
import { configureStore, resetStore, saveOrg } from '../src/store';
import { startEmbeddedStore, type EmbeddedStore } from '../src/store/embedded';

/** Starts an in-memory embedded store on a free port for this test file and points the store module at it. */
export function useFreshStore(): { current(): EmbeddedStore } {
  let store: EmbeddedStore | undefined;
  beforeAll(async () => {
    process.env.TEAMSHEET_DEV_AUTH = '1';
    store = await startEmbeddedStore();
    configureStore({ endpoint: store.endpoint, key: store.key, kind: 'embedded' });
  });
  afterAll(async () => {
    resetStore();
    await store?.close();
  });
  return {
    current() {
      if (!store) throw new Error('the store starts in beforeAll');
      return store;
    },
  };
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
