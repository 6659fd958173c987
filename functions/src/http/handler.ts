// The wrapper every route handler goes through: it turns refusals into problem documents in the
// caller's language, keeps stack traces in the log, and reads JSON bodies within the route's limit.
import { z } from 'zod';
import { fieldMessageIn, formatPath, parseWith, translate, type Locale } from '@teamsheet/shared';
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '../azure';
import { HttpError, localeOf, problem, problemFor, statusTitle } from './problem';
import { StoreUnavailableError } from '../store/port';
import { Refusal } from '../refusal';
import { readBytes } from './body';
import { messageText } from '../messages';

type Result = HttpResponseInit | Awaited<ReturnType<HttpHandler>>;
export type RouteHandler = (request: HttpRequest, context: InvocationContext) => Promise<Result>;

function isZodError(error: unknown): error is z.core.$ZodError {
  return error instanceof z.core.$ZodError;
}

/** The core's money module throws this RangeError when an amount leaves the exact (safe-integer) range. */
function isMoneyOverflow(error: unknown): error is RangeError {
  return error instanceof RangeError && /beyond the safe range/.test(error.message);
}

/**
 * The largest magnitude a number in a request body may have: an amount in major units that still
 * converts to an exact integer of minor units (cents, fen). Nothing this product plans, counts or
 * pays comes near it; beyond it, sums and conversions lose precision or overflow.
 */
export const MAX_BODY_NUMBER = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/** The paths of numbers beyond ±MAX_BODY_NUMBER in a parsed body (iterative: any depth is safe). */
export function oversizedNumbers(
  value: unknown,
  locale: Locale = 'en',
  limit = 100,
): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  // Each entry names its parent and key; a path is spelled out only for a number found (a body of
  // 100,000 transactions has a million values, and copying a path array for each was most of the walk).
  type Entry = { v: unknown; parent: Entry | null; key: string | number };
  const pathOf = (e: Entry) => {
    const path: (string | number)[] = [];
    for (let at: Entry | null = e; at && at.parent; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const stack: Entry[] = [{ v: value, parent: null, key: '' }];
  while (stack.length > 0 && found.length < limit) {
    const entry = stack.pop()!;
    const v = entry.v;
    if (typeof v === 'number') {
      if (Math.abs(v) > MAX_BODY_NUMBER)
        found.push({
          path: formatPath(pathOf(entry)),
          message: translate(locale, 'field.number-too-large', { value: v, max: MAX_BODY_NUMBER }),
        });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const item: unknown = v[i];
        if (item !== null && typeof item === 'object') stack.push({ v: item, parent: entry, key: i });
        else if (typeof item === 'number' && Math.abs(item) > MAX_BODY_NUMBER)
          stack.push({ v: item, parent: entry, key: i });
      }
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const item: unknown = (v as Record<string, unknown>)[keys[i]!];
        if (item !== null && typeof item === 'object') stack.push({ v: item, parent: entry, key: keys[i]! });
        else if (typeof item === 'number' && Math.abs(item) > MAX_BODY_NUMBER)
          stack.push({ v: item, parent: entry, key: keys[i]! });
      }
    }
  }
  return found;
}

/** Wraps a handler so that nothing it throws leaks: HttpError as itself, zod failures as 400, the rest as 500. */
export function handler(fn: RouteHandler): HttpHandler {
  return async (request, context) => {
    try {
      return await fn(request, context);
    } catch (error) {
      const locale = localeOf(request);
      if (error instanceof HttpError) return problemFor(error, locale);
      if (error instanceof Refusal)
        return problemFor(
          HttpError.of(error.status, error.code, error.params, error.errors, error.extra),
          locale,
        );
      if (isZodError(error)) {
        const errors = error.issues
          .slice(0, 100)
          .map((i) => ({ path: formatPath(i.path), message: fieldMessageIn(locale, i.message) }));
        return problemFor(
          HttpError.of(400, 'http.body-invalid', { count: error.issues.length }, errors),
          locale,
        );
      }
      if (isMoneyOverflow(error)) {
        // Figures each within range can still multiply beyond what money can hold exactly (the core's
        // money module refuses): the input asked for it, so it is a 422, not a server fault.
        return problemFor(
          HttpError.of(422, 'http.number-overflow', { reason: error.message }, [], {
            code: 'http.number-overflow',
          }),
          locale,
        );
      }
      if (error instanceof StoreUnavailableError) {
        // Nothing was acknowledged: the write either committed before this or did not happen at all.
        context.error(`store unavailable in ${context.functionName}:`, error);
        return problemFor(
          HttpError.of(503, 'http.store-unavailable', {}, [], {
            code: 'store.unavailable',
          }),
          locale,
        );
      }
      context.error(`unhandled error in ${context.functionName}:`, error);
      const detail = messageText(locale, 'http.internal', { invocationId: context.invocationId });
      return problem(500, statusTitle(locale, 500), detail);
    }
  };
}

/** A JSON answer; `no-store` because every answer depends on who asks. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponseInit {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

/**
 * Reads the body as JSON and checks it against `schema`: 413 over the route's limit (or `maxBytes`
 * when smaller), 400 for bad JSON or shape.
 */
export async function readJson<T>(
  request: HttpRequest,
  schema: z.ZodType<T>,
  options: { maxBytes?: number } = {},
): Promise<T> {
  const bytes = await readBytes(request, options.maxBytes);
  if (bytes.byteLength === 0) throw HttpError.of(400, 'http.body-empty');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw HttpError.of(400, 'http.body-not-json', {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  const locale = localeOf(request);
  const parsed = parseWith(schema, value, locale);
  if (!parsed.ok)
    throw HttpError.of(400, 'http.body-invalid', { count: parsed.errors.length }, parsed.errors);
  const oversized = oversizedNumbers(parsed.value, locale);
  if (oversized.length > 0)
    throw HttpError.of(400, 'http.body-invalid', { count: oversized.length }, oversized);
  return parsed.value;
}
