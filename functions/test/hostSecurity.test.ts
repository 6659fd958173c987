// The local host's answers to browsers: CORS only for the origins the settings name (loopback ones only
// in local development, and then only the pane's own ports), `nosniff` on every answer, and the task
// pane's Content-Security-Policy as Office needs it. Against the real host over HTTP.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../src/host';
import { corsPolicy, loopbackOrigins, parseOrigin } from '../src/http';
import { OFFICE_FRAME_ANCESTORS } from '../src/host/csp';
import { send } from './support/send';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const INLINE = "if (location.search.includes('office=1')) console.log('office');";
const PAGE = `<!doctype html><html><head><title>Teamsheet</title><script>${INLINE}</script>
<script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>`;

const SETTINGS = {
  TEAMSHEET_ADDIN_ORIGIN: 'https://teamsheet.contoso.com',
  TEAMSHEET_ALLOWED_ORIGINS: 'https://reports.contoso.com, http://localhost:5173',
  ADDIN_HTTPS_PORT: '3999',
};

/** The values of one directive of a Content-Security-Policy header, by name. */
function cspDirectives(csp: string): (name: string) => string[] {
  return (name) =>
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find(([n]) => n === name)
      ?.slice(1) ?? [];
}

/** Starts a host with these settings in process.env, restoring the environment after. */
function useHost(env: Record<string, string>): { host(): RunningHost; root(): string } {
  let host: RunningHost | undefined;
  let root = '';
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    for (const [name, value] of Object.entries(env)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    root = await mkdtemp(path.join(tmpdir(), 'teamsheet-security-'));
    await mkdir(path.join(root, 'addin', 'dist', 'assets'), { recursive: true });
    await writeFile(path.join(root, 'addin', 'dist', 'taskpane.html'), PAGE);
    // The sign-in dialog's page as the repository has it (its scripts are all `src` ones).
    await writeFile(
      path.join(root, 'addin', 'dist', 'auth.html'),
      await readFile(path.join(repoRoot, 'addin', 'auth.html'), 'utf8'),
    );
    await writeFile(path.join(root, 'addin', 'dist', 'assets', 'app.js'), 'console.log(1)');
    host = await startHost({
      port: 0,
      httpsPort: false,
      rootDir: root,
      dataDir: null,
      loadDemo: false,
      log: false,
    });
  });
  afterAll(async () => {
    await host?.close();
    await rm(root, { recursive: true, force: true });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  return {
    host: () => host!,
    root: () => root,
  };
}

const withOrigin = (origin: string, extra: Record<string, string> = {}) => ({
  headers: { origin, ...extra },
});
const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: {
    origin,
    'access-control-request-method': 'PUT',
    'access-control-request-headers': 'authorization, content-type, if-match',
  },
});

describe('CORS settings', () => {
  it('normalises origins and refuses anything that is not one, naming the setting', () => {
    expect(parseOrigin('HTTPS://Teamsheet.Contoso.com:443', 'X')).toBe('https://teamsheet.contoso.com');
    expect(parseOrigin('http://localhost:5173/', 'X')).toBe('http://localhost:5173');
    for (const bad of [
      'https://*.contoso.com',
      'https://a.com/pane',
      'ftp://a.com',
      'a.com',
      'https://u:p@a.com',
    ])
      expect(() => parseOrigin(bad, 'TEAMSHEET_ALLOWED_ORIGINS'), bad).toThrow(/TEAMSHEET_ALLOWED_ORIGINS/);
  });

  it('counts loopback origins only in local development, even when a setting lists them', () => {
    const dev = corsPolicy(SETTINGS, { localDevelopment: true, paneOrigins: loopbackOrigins([7071]) });
    expect(dev.allows('http://localhost:5173')).toBe(true);
    expect(dev.allows('http://127.0.0.1:7071')).toBe(true);
    expect(dev.allows('http://localhost:7072')).toBe(false);
    const production = corsPolicy(SETTINGS, {
      localDevelopment: false,
      paneOrigins: loopbackOrigins([7071]),
    });
    expect(production.origins).toEqual(['https://teamsheet.contoso.com', 'https://reports.contoso.com']);
    expect(production.ignored).toEqual(['http://localhost:5173']);
    expect(production.allows('http://localhost:7071')).toBe(false);
  });
});

describe('the local host in local development', () => {
  const { host } = useHost(SETTINGS);
  const api = () => `${host().url}/api/health`;
  const ownPort = () => String(host().port);

  it("allows the pane's own origins: the host's port, ADDIN_HTTPS_PORT, on every loopback name", async () => {
    for (const origin of [
      `http://localhost:${ownPort()}`,
      `http://127.0.0.1:${ownPort()}`,
      'https://localhost:3999',
      'http://[::1]:3999',
    ]) {
      // Host names another site, so the request counts as cross-origin (a same-origin one needs no CORS).
      const res = await send(api(), withOrigin(origin, { host: 'teamsheet.local' }));
      expect(res.status, origin).toBe(200);
      expect(res.headers['access-control-allow-origin'], origin).toBe(origin);
      expect(res.headers.vary).toBe('origin');
    }
  });

  it('allows the origins the settings list, loopback ones included', async () => {
    for (const origin of [
      'https://teamsheet.contoso.com',
      'https://reports.contoso.com',
      'http://localhost:5173',
    ]) {
      const res = await send(api(), preflight(origin));
      expect(res.status, origin).toBe(204);
      expect(res.headers['access-control-allow-origin'], origin).toBe(origin);
      expect(res.headers['access-control-allow-headers']).toContain('if-match');
      expect(res.headers['access-control-allow-methods']).toContain('PUT');
    }
  });

  it('gives a page on a foreign localhost port no Access-Control-Allow-Origin, and runs nothing for it', async () => {
    for (const origin of [
      'http://localhost:8080',
      'https://localhost:4000',
      'http://127.0.0.1:5174',
      'null',
    ]) {
      const pre = await send(api(), preflight(origin));
      expect(pre.status, origin).toBe(403);
      expect(pre.headers['access-control-allow-origin'], origin).toBeUndefined();
      const res = await send(api(), withOrigin(origin));
      expect(res.status, origin).toBe(403);
      expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.parse(res.body).detail).toContain(origin);
    }
    const zh = await send(api(), withOrigin('http://localhost:8080', { 'accept-language': 'zh-CN' }));
    expect(JSON.parse(zh.body).detail).toContain('不接受来自网页 http://localhost:8080 的请求');
  });

  it('refuses other sites, and an origin that only looks like an allowed one', async () => {
    for (const origin of [
      'https://evil.example',
      'https://teamsheet.contoso.com.evil.example',
      'http://teamsheet.contoso.com',
      'https://teamsheet.contoso.com:8443',
    ]) {
      const res = await send(api(), withOrigin(origin));
      expect(res.status, origin).toBe(403);
      expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
  });
});

describe('the local host with NODE_ENV=production', () => {
  const { host } = useHost({ ...SETTINGS, NODE_ENV: 'production', TEAMSHEET_DEV_AUTH: '0' });

  it('allows no loopback origin at all, not even its own port or one the settings list', async () => {
    expect(host().allowedOrigins()).toEqual(['https://teamsheet.contoso.com', 'https://reports.contoso.com']);
    for (const origin of [
      `http://localhost:${host().port}`,
      'https://localhost:3999',
      'http://localhost:5173',
    ]) {
      const res = await send(`${host().url}/api/health`, withOrigin(origin, { host: 'teamsheet.local' }));
      expect(res.status, origin).toBe(403);
      expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
    const allowed = await send(`${host().url}/api/health`, withOrigin('https://teamsheet.contoso.com'));
    expect(allowed.headers['access-control-allow-origin']).toBe('https://teamsheet.contoso.com');
  });

  it('still answers the pane it serves itself (same origin)', async () => {
    const res = await send(`${host().url}/api/health`, withOrigin(host().url));
    expect(res.status).toBe(200);
  });
});

describe('security headers of the local host', () => {
  const { host } = useHost(SETTINGS);

  it('sends nosniff on every API answer: success, 401, 404, 405, OPTIONS, 413, origin refusal', async () => {
    const url = host().url;
    const answers = {
      health: await send(`${url}/api/health`),
      unauthenticated: await send(`${url}/api/metrics`),
      unknownRoute: await send(`${url}/api/no/such/route`),
      wrongMethod: await send(`${url}/api/health`, { method: 'DELETE' }),
      options: await send(`${url}/api/health`, preflight('https://teamsheet.contoso.com')),
      tooLarge: await send(`${url}/api/allocate`, {
        method: 'POST',
        headers: { 'content-length': String(1024 * 1024 * 1024) },
        holdBody: true,
      }),
      foreignOrigin: await send(`${url}/api/health`, withOrigin('http://localhost:8080')),
      openapi: await send(`${url}/api/openapi.json`),
    };
    expect(Object.values(answers).map((a) => a.status)).toEqual([200, 401, 404, 405, 204, 413, 403, 200]);
    for (const [name, res] of Object.entries(answers))
      expect(res.headers['x-content-type-options'], name).toBe('nosniff');
  });

  it('sends nosniff on static files, their 404s and the redirect to the pane', async () => {
    const url = host().url;
    for (const [what, res] of [
      ['asset', await send(`${url}/assets/app.js`)],
      ['missing', await send(`${url}/assets/none.js`)],
      ['redirect', await send(`${url}/`)],
      ['page', await send(`${url}/taskpane.html`)],
      ['post', await send(`${url}/taskpane.html`, { method: 'POST' })],
    ] as const)
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  });

  it('serves the task pane with a CSP Office accepts: framed by the Office hosts, office.js, the API and sign-in', async () => {
    const page = await send(`${host().url}/taskpane.html`);
    const csp = page.headers['content-security-policy'] as string;
    const directive = cspDirectives(csp);
    expect(directive('frame-ancestors')).toEqual(["'self'", ...OFFICE_FRAME_ANCESTORS]);
    expect(OFFICE_FRAME_ANCESTORS).toEqual([
      'https://*.officeapps.live.com',
      'https://*.office.com',
      'https://*.office365.com',
      'https://*.microsoft.com',
      'https://*.sharepoint.com',
    ]);
    const hash = `'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`;
    expect(directive('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com', hash]);
    expect(directive('connect-src')).toEqual(
      expect.arrayContaining(["'self'", 'https://login.microsoftonline.com']),
    );
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(directive('default-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-eval');
    // Only the page carries the policy; a script file needs none.
    expect((await send(`${host().url}/assets/app.js`)).headers['content-security-policy']).toBeUndefined();
  });

  it("serves the sign-in dialog's page with what MSAL's redirect flow needs: office.js, Entra's token endpoint, nothing inline", async () => {
    const page = await send(`${host().url}/auth.html`);
    expect(page.status).toBe(200);
    const csp = page.headers['content-security-policy'] as string;
    const directive = cspDirectives(csp);
    // office.js for messageParent and the page's own bundle; no inline script, so no hash and no 'unsafe-inline'.
    expect(directive('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    // MSAL redeems the code (with the PKCE verifier) by fetch from the page: Entra's origin in connect-src.
    expect(directive('connect-src')).toEqual(
      expect.arrayContaining(["'self'", 'https://login.microsoftonline.com']),
    );
    // The trip to Entra is a top-level navigation (location.assign), never a form post or a frame of ours.
    expect(directive('form-action')).toEqual(["'self'"]);
    expect(directive('frame-ancestors')).toEqual(["'self'", ...OFFICE_FRAME_ANCESTORS]);
    expect(csp).not.toContain('unsafe-eval');
  });
});
