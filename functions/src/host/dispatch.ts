// Serves `/api/<route>` from the route table with the same exported handlers Azure Functions runs:
// a node:http request becomes an HttpRequest and InvocationContext, the answer is written back as is.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { HttpRequest, HttpResponse, InvocationContext } from '../azure';
import { httpMessage, localeOf, problem, statusTitle } from '../http';
import { matchRoutes } from '../registry';

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
): void {
  const answer = problem(status, statusTitle(locale, status), detail);
  res.writeHead(status, { ...(answer.headers as Record<string, string>), ...extraHeaders });
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

// The task pane is served from the same origin as the API; other local origins (a Vite dev server)
// are allowed too. Nothing else is: this host exists for one developer's machine.
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !LOCAL_ORIGIN.test(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': 'authorization, content-type, if-match, idempotency-key, accept-language',
    'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'access-control-expose-headers': 'etag, location',
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

export async function dispatchApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  logger: Logger,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const cors = corsHeaders(req);
  const locale = localeOf({
    headers: new Headers({ 'accept-language': req.headers['accept-language'] ?? '' }),
  });
  const path = url.pathname.slice('/api'.length);
  const matches = matchRoutes(path);
  if (matches.length === 0) {
    req.resume();
    return sendProblem(
      res,
      404,
      httpMessage(locale, 'http.not-found', { method, path: url.pathname }),
      locale,
      cors,
    );
  }
  if (method === 'OPTIONS') {
    req.resume();
    res.writeHead(204, cors);
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
      httpMessage(locale, 'http.method-not-allowed', { method, path: url.pathname, allowed }),
      locale,
      { ...cors, allow: allowed },
    );
  }

  const { route, params } = match;
  const tooLarge = (size: number) => {
    // The rest of the upload is not read: `connection: close` makes node end the socket once the
    // answer is flushed (destroying it here could drop the answer still in the socket's buffer).
    sendProblem(
      res,
      413,
      httpMessage(locale, 'http.body-too-large', { size, max: route.maxBodyBytes }),
      locale,
      { ...cors, connection: 'close' },
    );
  };
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > route.maxBodyBytes) return tooLarge(declared);

  let body: Buffer;
  try {
    body = await readBody(req, route.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) return tooLarge(error.size);
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
      httpMessage(locale, 'http.internal', { invocationId: context.invocationId }),
      locale,
      cors,
    );
  }
  const payload = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = { ...cors };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}
