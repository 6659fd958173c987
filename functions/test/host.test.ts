import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../src/host';
import { handler, json, readJson } from '../src/http';
import { route } from '../src/registry';
import { z } from 'zod';
import { send } from './support/send';

// A route with a tiny body limit, to see the host refuse an upload while it is still arriving.
route({
  name: 'test-echo',
  methods: ['POST'],
  route: 'test/echo/{id}',
  maxBodyBytes: 64,
  handler: handler(async (request) =>
    json({
      id: request.params.id,
      q: request.query.get('q'),
      body: await readJson(request, z.unknown(), { maxBytes: 64 }),
    }),
  ),
});

describe('the local host', () => {
  let host: RunningHost;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'teamsheet-host-'));
    await mkdir(path.join(root, 'addin', 'dist', 'assets'), { recursive: true });
    await writeFile(
      path.join(root, 'addin', 'dist', 'taskpane.html'),
      '<!doctype html><title>Teamsheet</title>',
    );
    await writeFile(path.join(root, 'addin', 'dist', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(root, 'secret.txt'), 'not for the web');
    host = await startHost({
      port: 0,
      httpsPort: 0,
      devCerts: false,
      rootDir: root,
      dataDir: null,
      log: false,
    });
  });
  afterAll(async () => {
    await host?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('answers GET /api/health over HTTP with the embedded store up', async () => {
    const res = await send(`${host.url}/api/health`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', store: 'embedded', storeOk: true });
  });

  it('answers an unknown route with 404 as problem+json', async () => {
    const res = await send(`${host.url}/api/no/such/route`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({
      status: 404,
      detail: 'No route matches GET /api/no/such/route.',
    });
  });

  it('answers a known route with the wrong method with 405 and Allow', async () => {
    const res = await send(`${host.url}/api/health`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
  });

  it('passes path params, query and body to the handler', async () => {
    const res = await send(`${host.url}/api/test/echo/a%2Fb?q=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"n":1}',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ id: 'a/b', q: '1', body: { n: 1 } });
  });

  it('refuses a declared body over the route limit with 413 before the body is sent', async () => {
    const res = await send(`${host.url}/api/test/echo/x`, {
      method: 'POST',
      headers: { 'content-length': String(50 * 1024 * 1024) },
      holdBody: true,
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).detail).toContain('at most 64 bytes');
  });

  it('refuses a chunked upload with 413 as soon as it passes the limit', async () => {
    const res = await send(`${host.url}/api/test/echo/x`, {
      method: 'POST',
      chunks: [Buffer.alloc(40, 32), Buffer.alloc(40, 32)],
    });
    expect(res.status).toBe(413);
  });

  it('serves the built task pane with content types, redirects / to it, and nothing outside it', async () => {
    const root = await send(`${host.url}/`);
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/taskpane.html');
    const page = await send(`${host.url}/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await send(`${host.url}/assets/app.js`)).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await send(`${host.url}/..%2f..%2fsecret.txt`)).status).toBe(404);
    expect((await send(`${host.url}/../secret.txt`)).body).not.toContain('not for the web');
  });

  it('serves the same over HTTPS with the self-signed fallback certificate kept in .certs/', async () => {
    expect(host.httpsUrl).toMatch(/^https:\/\/localhost:\d+$/);
    const res = await send(`${host.httpsUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(existsSync(path.join(root, '.certs', 'localhost.crt'))).toBe(true);
  });

  it('loads the demo organisation into an empty store so demo people can sign in', async () => {
    const res = await send(`${host.url}/api/dev/token?person=head-east`);
    expect(res.status).toBe(200);
    const { token } = JSON.parse(res.body) as { token: string };
    const org = await send(`${host.url}/api/org`, { headers: { authorization: `Bearer ${token}` } });
    expect(org.status).toBe(200);
    expect(JSON.parse(org.body).units).toHaveLength(5);
  });
});
