// A body limit per route, from the route registry: every route that takes a body (POST, PUT, PATCH)
// answers 413 problem+json naming its limit, in English and Chinese, for a declared length over it and
// for an upload that never ends (read by counting, never past the limit), through the exported
// handler (as Azure calls it) and through the local host. A new route is covered by being registered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpRequest, InvocationContext, type HttpHandler } from '../src/azure';
import '../src/main';
import { startHost, type RunningHost } from '../src/host';
import { DEFAULT_MAX_BODY_BYTES, formatBytes } from '../src/http';
import { routes, type RegisteredRoute } from '../src/registry';
import { call } from './helpers';
import { send } from './support/send';

/** A byte count as the messages write it: grouped (en and zh-CN both 33,554,432). */
const grouped = (n: number) => new Intl.NumberFormat('en').format(n);

const BODY_METHODS = ['POST', 'PUT', 'PATCH'];
const CHUNK = new Uint8Array(64 * 1024).fill(0x20);

/** One row per route and method that takes a body. */
const bodyRoutes = routes().flatMap((r) =>
  r.methods.filter((m) => BODY_METHODS.includes(m)).map((method) => ({ r, method })),
);

/** A concrete path of a route template: every `{param}` filled with a plausible value. */
function pathOf(r: RegisteredRoute): string {
  const values: Record<string, string> = { unitId: 'east-shanghai', period: '2026-03', runId: 'run-1' };
  return r.route.replace(/\{\*?(\w+)[^}]*\}/g, (_m, name: string) => values[name] ?? 'x');
}

const label = ({ r, method }: { r: RegisteredRoute; method: string }) =>
  `${method} /api/${r.route} (${formatBytes(r.maxBodyBytes)})`;

/** An upload that never ends, counting what was pulled from it. */
function endlessBody(): { stream: ReadableStream<Uint8Array>; pulled(): number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += CHUNK.byteLength;
      controller.enqueue(CHUNK);
    },
  });
  return { stream, pulled: () => pulled };
}

/** Calls a handler with a streaming request, as the Functions worker does with HTTP streams. */
async function callStreaming(
  handler: HttpHandler,
  method: string,
  path: string,
  headers: Record<string, string>,
) {
  const url = `http://localhost:7071/api/${path}`;
  const body = endlessBody();
  // `nativeRequest` is how the library builds a streaming request; the public init takes only bytes.
  const nativeRequest = new Request(url, {
    method,
    headers,
    body: body.stream,
    duplex: 'half',
  } as RequestInit);
  const request = new HttpRequest({ method, url, nativeRequest } as unknown as ConstructorParameters<
    typeof HttpRequest
  >[0]);
  const context = new InvocationContext({ functionName: 'test', invocationId: 'test-invocation' });
  const result = await handler(request, context);
  const response = result as { status?: number; headers?: Record<string, string>; body?: string };
  return {
    status: response.status,
    headers: new Headers(response.headers),
    json: JSON.parse(response.body ?? '{}'),
    pulled: body.pulled(),
  };
}

describe('the body limit of every route', () => {
  it('is declared by each route or inherits the documented default of 1 MiB', () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(1024 * 1024);
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(15);
    for (const { r } of bodyRoutes) expect(r.maxBodyBytes, r.name).toBeGreaterThan(0);
    expect(routes().find((r) => r.name === 'planApprove')?.maxBodyBytes).toBe(DEFAULT_MAX_BODY_BYTES);
    expect(routes().find((r) => r.name === 'actuals')?.maxBodyBytes).toBe(64 * 1024 * 1024);
  });

  it.each(bodyRoutes.map((row) => [label(row), row] as const))(
    '%s: a declared length over the limit is 413 naming the limit, in English and Chinese, before the handler runs',
    async (_name, { r, method }) => {
      const over = String(r.maxBodyBytes + 1);
      const en = await call(r.handler, {
        method,
        path: pathOf(r),
        headers: { 'content-length': over },
        body: 'x',
      });
      expect(en.status).toBe(413);
      expect(en.headers.get('content-type')).toContain('application/problem+json');
      expect(en.headers.get('x-content-type-options')).toBe('nosniff');
      expect(en.json).toMatchObject({
        status: 413,
        limit: 'maxBodyBytes',
        max: r.maxBodyBytes,
        value: r.maxBodyBytes + 1,
      });
      expect(en.json.detail).toContain(
        `at most ${grouped(r.maxBodyBytes)} bytes (${formatBytes(r.maxBodyBytes)})`,
      );
      const zh = await call(r.handler, {
        method,
        path: pathOf(r),
        headers: { 'content-length': over, 'accept-language': 'zh-CN' },
        body: 'x',
      });
      expect(zh.status).toBe(413);
      expect(zh.json.title).toBe('请求内容过大');
      expect(zh.json.detail).toContain(`最多接受 ${grouped(r.maxBodyBytes)} 字节`);
    },
  );

  it.each(bodyRoutes.map((row) => [label(row), row] as const))(
    '%s: an upload that never ends is 413 once it passes the limit, read no further',
    async (_name, { r, method }) => {
      const res = await callStreaming(r.handler, method, pathOf(r), { 'accept-language': 'zh-CN' });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.json).toMatchObject({ limit: 'maxBodyBytes', max: r.maxBodyBytes });
      expect(res.json.detail).toContain(`最多 ${grouped(r.maxBodyBytes)} 字节`);
      // What was pulled: the limit, the chunk that passed it, and at most one chunk read ahead.
      expect(res.pulled).toBeLessThanOrEqual(r.maxBodyBytes + 3 * CHUNK.byteLength);
    },
  );

  it('lets a body of exactly the limit through to the handler (a 401 without a token, not 413)', async () => {
    const r = routes().find((x) => x.name === 'allocate')!;
    const res = await call(r.handler, {
      method: 'POST',
      path: 'allocate',
      body: new Uint8Array(r.maxBodyBytes).fill(0x20),
    });
    expect(res.status).toBe(401);
  });
});

describe('the body limit of every route on the local host', () => {
  let host: RunningHost;
  beforeAll(async () => {
    host = await startHost({ port: 0, httpsPort: false, dataDir: null, loadDemo: false, log: false });
  });
  afterAll(async () => {
    await host?.close();
  });

  it.each(bodyRoutes.map((row) => [label(row), row] as const))(
    '%s: a chunked upload that never ends is 413 naming the limit',
    async (_name, { r, method }) => {
      const res = await send(`${host.url}/api/${pathOf(r)}`, { method, endless: Buffer.from(CHUNK) });
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const body = JSON.parse(res.body);
      expect(body).toMatchObject({ limit: 'maxBodyBytes', max: r.maxBodyBytes });
      expect(body.detail).toContain(`at most ${grouped(r.maxBodyBytes)} bytes`);
    },
  );
});
