// Request bodies within the limit their route declares: the declared length is refused before a byte
// is read, and a body without one (chunked, or lying) is counted as it streams in and dropped as soon
// as it passes the limit, so an endless upload costs at most the limit in memory.
import { HttpRequest } from '../azure';
import { HttpError } from './problem';

/**
 * The body limit of a route that declares none (bytes). Routes taking bulk data declare their own in
 * `route({ maxBodyBytes })`; what inherits this takes a small JSON body or none at all.
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** 1048576 → "1 MiB", 65536 → "64 KiB", 64 → "64 B": the limit as a person reads it. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${text} ${units[unit]}`;
}

/**
 * The 413 answer: `size` is the declared length, or undefined when the body was counted while it
 * streamed in (then only "over the limit" is known). Members `limit`, `value`, `max` as the upload limits have.
 */
export function bodyTooLarge(max: number, size?: number): HttpError {
  const streamed = size === undefined;
  return HttpError.of(
    413,
    streamed ? 'http.body-too-large-streamed' : 'http.body-too-large',
    { max, limit: formatBytes(max), ...(streamed ? {} : { size }) },
    [],
    { code: 'http.body-too-large', limit: 'maxBodyBytes', max, ...(streamed ? {} : { value: size }) },
  );
}

/** The Content-Length a request declares, when it declares a usable one. */
export function declaredLength(headers: Pick<Headers, 'get'>): number | undefined {
  const text = headers.get('content-length');
  if (text === null || !/^\s*\d+\s*$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Reads a stream into one buffer, cancelling it (so nothing more is pulled) as soon as it passes
 * `max` bytes: a 413 then, whatever the stream would still have given.
 */
export async function readStreamWithin(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(max);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

const bodyLimits = new WeakMap<HttpRequest, number>();
const bodyBytes = new WeakMap<HttpRequest, Uint8Array>();

/** The limit the route of this request declared (set by `withinBodyLimit`), if it went through one. */
export function bodyLimitOf(request: HttpRequest): number | undefined {
  return bodyLimits.get(request);
}

/**
 * The request with its body read within `max` bytes (413 otherwise), as a new HttpRequest holding
 * those bytes, so the handler may read it in any way it likes. GET and HEAD carry no body.
 */
export async function withinBodyLimit(request: HttpRequest, max: number): Promise<HttpRequest> {
  const method = request.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD') return request;
  const declared = declaredLength(request.headers);
  if (declared !== undefined && declared > max) throw bodyTooLarge(max, declared);
  const bytes = request.body ? await readStreamWithin(request.body, max) : new Uint8Array(0);
  const bounded = new HttpRequest({
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    params: request.params,
    ...(bytes.byteLength > 0 ? { body: { bytes } } : {}),
  });
  bodyLimits.set(bounded, max);
  bodyBytes.set(bounded, bytes);
  return bounded;
}

/**
 * The body's bytes within the route's limit (or `maxBytes` when smaller): what readJson and the
 * workbook upload read. A request that went through `withinBodyLimit` is not read twice.
 */
export async function readBytes(request: HttpRequest, maxBytes?: number): Promise<Uint8Array> {
  const routeLimit = bodyLimitOf(request);
  const max =
    routeLimit === undefined
      ? (maxBytes ?? DEFAULT_MAX_BODY_BYTES)
      : Math.min(routeLimit, maxBytes ?? routeLimit);
  const declared = declaredLength(request.headers);
  if (declared !== undefined && declared > max) throw bodyTooLarge(max, declared);
  const held = bodyBytes.get(request);
  if (held) {
    if (held.byteLength > max) throw bodyTooLarge(max, held.byteLength);
    return held;
  }
  return request.body ? readStreamWithin(request.body, max) : new Uint8Array(0);
}
