// Which browser origins may call the API (CORS), from settings: the task pane's own origins
// (TEAMSHEET_ADDIN_ORIGIN) and any others an administrator lists (TEAMSHEET_ALLOWED_ORIGINS).
// Loopback origins (http(s)://localhost:<port>) count only in local development, and then only
// the ports the local host serves the pane from, unless a setting names another one.
type Env = Record<string, string | undefined>;

/** Host names of this machine as a browser writes them in an Origin. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type CorsPolicy = {
  /** Every origin allowed, normalised (`https://teamsheet.contoso.com`, `https://localhost:3000`). */
  readonly origins: readonly string[];
  /** Entries of the settings that do not count here (loopback origins outside local development). */
  readonly ignored: readonly string[];
  allows(origin: string): boolean;
};

/** The origin `text` names, normalised (lower-case host, no default port); throws for anything else. */
export function parseOrigin(text: string, setting: string): string {
  let url: URL | undefined;
  try {
    url = text.includes('*') ? undefined : new URL(text);
  } catch {
    url = undefined;
  }
  const plain =
    url &&
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.username === '' &&
    url.password === '' &&
    (url.pathname === '/' || url.pathname === '') &&
    url.search === '' &&
    url.hash === '';
  if (!url || !plain)
    throw new Error(
      `${setting}: "${text}" is not an origin; write scheme://host[:port] such as https://teamsheet.contoso.com (no path, no wildcard).`,
    );
  return url.origin;
}

export function isLoopbackOrigin(origin: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(origin).hostname);
  } catch {
    return false;
  }
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/**
 * The origins the local host serves the task pane from, on every loopback name: `ports` are its HTTP
 * and HTTPS ports and ADDIN_HTTPS_PORT (the manifest's https://localhost:3000, also Vite's dev server).
 */
export function loopbackOrigins(ports: readonly number[]): string[] {
  const out: string[] = [];
  for (const port of new Set(ports))
    for (const scheme of ['http', 'https'])
      for (const host of LOOPBACK_HOSTS) out.push(`${scheme}://${host}:${port}`);
  return out;
}

/**
 * The CORS policy of these settings. `localDevelopment`: the local host outside NODE_ENV=production;
 * `paneOrigins`: where that host serves the task pane (loopback, so they count only then).
 */
export function corsPolicy(
  env: Env,
  options: { localDevelopment: boolean; paneOrigins?: readonly string[] },
): CorsPolicy {
  const configured = [
    ...list(env.TEAMSHEET_ADDIN_ORIGIN).map((o) => parseOrigin(o, 'TEAMSHEET_ADDIN_ORIGIN')),
    ...list(env.TEAMSHEET_ALLOWED_ORIGINS).map((o) => parseOrigin(o, 'TEAMSHEET_ALLOWED_ORIGINS')),
  ];
  const ignored = options.localDevelopment ? [] : configured.filter(isLoopbackOrigin);
  const origins = new Set(configured.filter((o) => !ignored.includes(o)));
  if (options.localDevelopment) for (const o of options.paneOrigins ?? []) origins.add(new URL(o).origin);
  return {
    origins: [...origins],
    ignored: [...new Set(ignored)],
    allows: (origin) => origins.has(origin),
  };
}

/** Request headers the task pane sends, methods the API has, answer headers the pane reads. */
export const CORS_ALLOW_HEADERS =
  'authorization, content-type, if-match, if-none-match, idempotency-key, accept-language';
export const CORS_ALLOW_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
export const CORS_EXPOSE_HEADERS =
  'etag, location, content-disposition, idempotent-replayed, x-payout-run, x-payout-hash';

/** The CORS answer headers for an allowed origin (a preflight also gets methods, headers and max-age). */
export function corsHeaders(origin: string, preflight: boolean): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
    ...(preflight
      ? {
          'access-control-allow-headers': CORS_ALLOW_HEADERS,
          'access-control-allow-methods': CORS_ALLOW_METHODS,
          'access-control-max-age': '600',
        }
      : {}),
  };
}
