// One call per route file: registers the route with Azure Functions when running inside the Functions
// worker, and always records it in the table the local host (host.ts) dispatches from.
import { createRequire } from 'node:module';
import { app, type HttpHandler, type HttpMethod } from './azure';
import { DEFAULT_MAX_BODY_BYTES, served } from './http';

export type RouteDef = {
  /** Function name, unique in the app (Azure shows it in logs and the portal). */
  name: string;
  methods: HttpMethod[];
  /** Route template under `/api`, e.g. `plans/{unitId}/{period}`. */
  route: string;
  handler: HttpHandler;
  /**
   * Largest request body this route accepts (bytes), DEFAULT_MAX_BODY_BYTES (1 MiB) when not given.
   * A larger body is refused with 413 before the handler runs, and is never read past the limit.
   */
  maxBodyBytes?: number;
};

export type RegisteredRoute = RouteDef & { maxBodyBytes: number; segments: SegmentMatcher[] };

const table: RegisteredRoute[] = [];

// Outside the worker `app.http` only prints "test mode" warnings, one per route; the worker provides
// the `@azure/functions-core` module, which is how the package itself detects it.
let insideWorker: boolean | undefined;
function isInsideFunctionsWorker(): boolean {
  if (insideWorker === undefined) {
    try {
      createRequire(import.meta.url)('@azure/functions-core');
      insideWorker = true;
    } catch {
      insideWorker = false;
    }
  }
  return insideWorker;
}

/**
 * Registers a route and returns its handler as served: the body read within the route's limit (413
 * otherwise) and the API's security headers on every answer (see http/served.ts).
 */
export function route(def: RouteDef): HttpHandler {
  const clash = table.find((r) => r.name === def.name);
  if (clash) throw new Error(`route name "${def.name}" is registered twice`);
  const maxBodyBytes = def.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const handler = served(def.handler, maxBodyBytes);
  table.push({
    ...def,
    handler,
    maxBodyBytes,
    segments: def.route.split('/').filter(Boolean).map(compileSegment),
  });
  if (isInsideFunctionsWorker()) {
    app.http(def.name, {
      methods: def.methods,
      route: def.route,
      authLevel: 'anonymous',
      handler,
    });
  }
  return handler;
}

/** Every registered route, in registration order. */
export function routes(): readonly RegisteredRoute[] {
  return table;
}

export type RouteMatch = { route: RegisteredRoute; params: Record<string, string> };

/**
 * The routes whose template matches `path` (below `/api`), literal segments preferred over
 * `{params}` so that `plans/validate` wins over `plans/{unitId}`. `{name?}` is optional and
 * `{*rest}` takes the remainder, as in Azure's route templates.
 */
export function matchRoutes(path: string): RouteMatch[] {
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  const matches: { m: RouteMatch; literals: number }[] = [];
  for (const r of table) {
    const params = matchTemplate(r.segments, parts);
    if (params)
      matches.push({
        m: { route: r, params },
        literals: r.segments.filter((s) => s.kind === 'literal').length,
      });
  }
  return matches.sort((a, b) => b.literals - a.literals).map((x) => x.m);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

type SegmentMatcher =
  | { kind: 'literal'; text: string }
  | { kind: 'pattern'; regex: RegExp; names: string[]; optional: boolean }
  | { kind: 'rest'; name: string };

// A segment may mix text and parameters (`{kind}.xlsx`); each compiles to one anchored regex.
function compileSegment(seg: string): SegmentMatcher {
  const rest = /^\{\*([A-Za-z_]\w*)\??\}$/.exec(seg);
  if (rest) return { kind: 'rest', name: rest[1]! };
  if (!seg.includes('{')) return { kind: 'literal', text: seg.toLowerCase() };
  const names: string[] = [];
  let optional = false;
  let source = '';
  let last = 0;
  for (const m of seg.matchAll(/\{([A-Za-z_]\w*)(?::[^}?]*)?(\??)\}/g)) {
    source += escapeRegex(seg.slice(last, m.index));
    source += '(.+?)';
    names.push(m[1]!);
    if (m[2] && m[0] === seg) optional = true;
    last = m.index + m[0].length;
  }
  source += escapeRegex(seg.slice(last));
  return { kind: 'pattern', regex: new RegExp(`^${source}$`, 'i'), names, optional };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matchTemplate(segments: SegmentMatcher[], parts: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const part = parts[i];
    if (seg.kind === 'rest') {
      params[seg.name] = parts.slice(i).join('/');
      return params;
    }
    if (part === undefined) {
      if (seg.kind === 'pattern' && seg.optional && i === segments.length - 1) return params;
      return null;
    }
    if (seg.kind === 'literal') {
      if (part.toLowerCase() !== seg.text) return null;
      continue;
    }
    const m = seg.regex.exec(part);
    if (!m) return null;
    seg.names.forEach((name, k) => (params[name] = m[k + 1]!));
  }
  return parts.length === segments.length ? params : null;
}
