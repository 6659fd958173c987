// Content hashes of stored documents and payout runs: sha256 over canonical JSON, so the same
// value always hashes the same whatever order its keys were built in.
import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted (by UTF-16 code unit), no whitespace, and `undefined` members dropped;
 * otherwise exactly `JSON.stringify` (non-finite numbers become null, `toJSON` is honoured).
 */
export function canonicalJson(value: unknown): string {
  let out: string | undefined;
  try {
    // The native serialiser, given each object with its keys in order: 2–3 times faster than walking
    // the value in script, which matters for runs of thousands of lines.
    out = JSON.stringify(value, inKeyOrder);
  } catch (e) {
    if (e !== INDEX_KEYS) throw e;
    out = canonical(value);
  }
  return out === undefined ? 'null' : out;
}

/** Thrown by inKeyOrder for an object JSON.stringify cannot be given in string order (see there). */
const INDEX_KEYS = new Error('canonicalJson: array-index keys out of string order');

function inKeyOrder(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint')
    throw new TypeError('canonicalJson: bigint has no JSON form; convert it first');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++) inOrder = keys[i - 1]! < keys[i]!;
  if (inOrder) return value;
  // Keys that are array indexes ("2", "10") come first in ascending number order in every object, so a
  // copy cannot list them in string order ("10" before "2"): such a value is serialised in script.
  if (keys.length > 0 && isArrayIndex(keys[0]!)) throw INDEX_KEYS;
  keys.sort();
  const sorted: Record<string, unknown> = Object.create(null);
  for (const key of keys) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

const isArrayIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

/** canonicalJson in script, for values with array-index keys out of string order. */
function canonical(value: unknown): string | undefined {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return canonical((value as { toJSON: () => unknown }).toJSON());
  }
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'bigint')
    throw new TypeError('canonicalJson: bigint has no JSON form; convert it first');
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const parts = new Array<string>(value.length);
    for (let i = 0; i < value.length; i++) parts[i] = canonical(value[i]) ?? 'null';
    return `[${parts.join(',')}]`;
  }
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const v = canonical((value as Record<string, unknown>)[key]);
    if (v !== undefined) parts.push(`${JSON.stringify(key)}:${v}`);
  }
  return `{${parts.join(',')}}`;
}

/** sha256 hex of the canonical JSON of `value`. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
