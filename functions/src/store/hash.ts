// Content hashes of stored documents and payout runs: sha256 over canonical JSON, so the same
// value always hashes the same whatever order its keys were built in.
import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted (by UTF-16 code unit), no whitespace, and `undefined` members dropped;
 * otherwise exactly `JSON.stringify` (non-finite numbers become null, `toJSON` is honoured).
 */
export function canonicalJson(value: unknown): string {
  const out = canonical(value);
  return out === undefined ? 'null' : out;
}

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
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v) ?? 'null').join(',')}]`;
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
