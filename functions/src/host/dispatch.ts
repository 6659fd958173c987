// Serves `/api/<route>` from the route table with the same exported handlers Azure Functions runs:
// a node:http request becomes an HttpRequest and InvocationContext, the answer is written back as is.
// Around that: CORS from settings (pages of other origins are refused), the body limit of the route
// while the upload arrives, and the API's security headers on every answer, 404s and 405s included.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { HttpRequest, HttpResponse, InvocationContext } from '../azure';
import {
  API_SECURITY_HEADERS,
  bodyTooLarge,
  corsHeaders,
  declaredLength,
  localeOf,
  problem,
  statusTitle,
  type CorsPolicy,
} from '../http';
import { matchRoutes } from '../registry';
import { messageText } from '../messages';

export type Logger = { info(message: string): void; error(message: string, error?: unknown): void };

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function sendProblem(
  res: ServerResponse,
  status: number,
  detail: string,
  locale: 'en' | 'zh-CN',
  extraHeaders: Record<string, string> = {},
  extra?: Record<string, unknown>,
): void {
  const answer = problem(status, statusTitle(locale, status), detail, [], extra);
  res.writeHead(status, {
    ...(answer.headers as Record<string, string>),
    ...API_SECURITY_HEADERS,
    ...extraHeaders,
  });
  res.end(answer.body as string);
}

class BodyTooLarge extends Error {
  constructor(readonly size: number) {
    super('body too large');
  }
}

/** Reads the body, giving up as soon as it passes `max` bytes (chunked uploads have no length up front). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge(size));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** After a 413, how much more may arrive (read and dropped) before the connection is closed. */
const LINGER_BYTES = 8 * 1024 * 1024;
const LINGER_MS = 2000;

/**
 * After refusing an upload that is still arriving: the answer (sent with `connection: close`) is
 * followed by the end of our side of the connection, and the rest of the upload is dropped as it
 * comes, never kept, for at most LINGER_BYTES or LINGER_MS; then the connection is closed. Node's own
 * close of a `connection: close` answer (destroySoon) would close as soon as the answer is written,
 * and a close with bytes unread resets the connection: a client still sending would lose the 413.
 */
function dropRest(req: IncomingMessage): void {
  const socket = req.socket;
  let dropped = 0;
  const close = () => socket.destroy();
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  socket.destroySoon = () => socket.end();
  req.removeAllListeners('data');
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) {
      clearTimeout(timer);
      close();
    }
  });
  req.on('end', () => clearTimeout(timer));
  req.resume();
}

export type DispatchOptions = {
  /** Which other origins may call the API from a browser (http/cors.ts). */
  cors: CorsPolicy;
  /** The scheme this request came in on, to tell a same-origin request from a cross-origin one. */
  scheme: 'http' | 'https';
};

/** The Origin of a request that comes from a web page of another origin, else undefined. */
function crossOrigin(req: IncomingMessage, scheme: 'http' | 'https'): string | undefined {
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  let own: string | undefined;
  try {
    own = req.headers.host ? new URL(`${scheme}://${req.headers.host}`).origin : undefined;
  } catch {
    own = undefined;
  }
  return origin === own ? undefined : origin;
}

export async function dispatchApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  logger: Logger,
  options: DispatchOptions,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const locale = localeOf({
    headers: new Headers({ 'accept-language': req.headers['accept-language'] ?? '' }),
  });
  // Every answer depends on the Origin (CORS), so caches must keep them apart.
  const origin = crossOrigin(req, options.scheme);
  const preflight = method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (origin !== undefined && !options.cors.allows(origin)) {
    // A page of another origin: no CORS headers, so the browser shows it nothing, and the handler is
    // never run, so a request a browser sends without asking first (a form post) does nothing either.
    req.resume();
    return sendProblem(res, 403, messageText(locale, 'http.origin-refused', { origin }), locale, {
      vary: 'origin',
    });
  }
  const cors: Record<string, string> = {
    vary: 'origin',
    ...(origin !== undefined ? corsHeaders(origin, preflight) : {}),
  };
  const path = url.pathname.slice('/api'.length);
  const matches = matchRoutes(path);
  if (matches.length === 0) {
    req.resume();
    return sendProblem(
      res,
      404,
      messageText(locale, 'http.not-found', { method, path: url.pathname }),
      locale,
      cors,
    );
  }
  if (method === 'OPTIONS') {
    req.resume();
    res.writeHead(204, { ...API_SECURITY_HEADERS, ...cors });
    res.end();
    return;
  }
  const match = matches.find((m) => m.route.methods.includes(method as never));
  if (!match) {
    req.resume();
    const allowed = [...new Set(matches.flatMap((m) => m.route.methods))].join(', ');
    return sendProblem(
      res,
      405,
      messageText(locale, 'http.method-not-allowed', { method, path: url.pathname, allowed }),
      locale,
      { ...cors, allow: allowed },
    );
  }

  const { route, params } = match;
  const tooLarge = (declared?: number) => {
    const refusal = bodyTooLarge(route.maxBodyBytes, declared);
    sendProblem(
      res,
      413,
      messageText(locale, refusal.messageKey!, refusal.messageParams),
      locale,
      { ...cors, connection: 'close' },
      refusal.extra,
    );
    dropRest(req);
  };
  const declared = declaredLength({ get: (name) => (req.headers[name] as string | undefined) ?? null });
  if (declared !== undefined && declared > route.maxBodyBytes) return tooLarge(declared);

  let body: Buffer;
  try {
    body = await readBody(req, route.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) return tooLarge();
    throw error;
  }

  const request = new HttpRequest({
    method,
    url: url.href,
    headers: headersOf(req),
    query: Object.fromEntries(url.searchParams),
    params,
    ...(body.length > 0 && method !== 'GET' && method !== 'HEAD' ? { body: { bytes: body } } : {}),
  });
  const context = new InvocationContext({
    functionName: route.name,
    invocationId: randomUUID(),
    logHandler: (level, ...args) => {
      if (level === 'error' || level === 'critical')
        logger.error(
          `[${route.name}] ${args.map(String).join(' ')}`,
          args.find((a) => a instanceof Error),
        );
      else if (level === 'warning' || level === 'information')
        logger.info(`[${route.name}] ${args.map(String).join(' ')}`);
    },
  });

  let response: HttpResponse;
  try {
    const result = await route.handler(request, context);
    response = result instanceof HttpResponse ? result : new HttpResponse(result ?? { status: 204 });
  } catch (error) {
    // Handlers wrap themselves in handler(); this is the last line for one that does not.
    logger.error(`[${route.name}] unhandled error`, error);
    return sendProblem(
      res,
      500,
      messageText(locale, 'http.internal', { invocationId: context.invocationId }),
      locale,
      cors,
    );
  }
  const payload = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = { ...cors };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  Object.assign(headers, API_SECURITY_HEADERS);
  res.writeHead(response.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}
