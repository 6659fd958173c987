// How a message writes the numbers it names: grouped in the reader's locale (1,100,000), money with its
// decimals, a ratio as a percentage, and ids, codes, periods, years, versions and row numbers as written.
import type { Locale } from './index';

/** How one param is written: `number` groups a number, `money` also keeps 2 decimals, `ratio` is a percentage. */
export type ParamKind = 'number' | 'money' | 'ratio' | 'as-written';

/** Params that name something by a number (a version, a row) rather than count it: never grouped. */
const AS_WRITTEN = new Set([
  'version',
  'templateVersion',
  'current',
  'expected',
  'actual',
  'row',
  'firstRow',
  'period',
  'year',
  'horizon',
  'reference',
  'cell',
  'id',
  'code',
]);

/**
 * The params of a rule that are money or a ratio, or a number held as text (the engines keep exact
 * decimals as text): these are written as that kind whether they come as a number or as text. Text of
 * any other param stays as written: it may be what a user typed, or an id.
 */
const BY_RULE: Readonly<Record<string, Readonly<Record<string, ParamKind>>>> = {
  'allocation.total-rounded': { total: 'number' },
  'allocation.shares-normalised': { sum: 'ratio' },
  'allocation.share-ignored': { share: 'ratio' },
  'payout.shares-not-one': { sum: 'ratio' },
  'payout.amount-out-of-range': { value: 'money' },
  'payout.draw-balance-positive': { amount: 'money' },
  'payout.pool-no-scores': { pool: 'money' },
  'payout.override-gated': { perCustomer: 'number' },
};

/** The kind of `param` in the message `key` (a rule id, or a rule's own wording `rule.case`). */
export function paramKind(key: string, param: string): ParamKind | undefined {
  const rule = BY_RULE[key] ?? BY_RULE[key.slice(0, key.lastIndexOf('.'))];
  return rule?.[param] ?? (AS_WRITTEN.has(param) ? 'as-written' : undefined);
}

/** Decimals of a number as its shortest text has them (12 significant digits, so no float noise). */
function decimalsOf(n: number): number {
  const text = String(Number(n.toPrecision(12)));
  const exponent = /e([+-]\d+)$/.exec(text);
  const mantissa = text.replace(/e.*$/, '');
  const digits = mantissa.split('.')[1]?.length ?? 0;
  return Math.min(20, Math.max(0, digits - (exponent ? Number(exponent[1]) : 0)));
}

const numeric = /^-?\d+(\.\d+)?$/;

/**
 * A param as text for a message in `locale`. A number is grouped as the locale groups (en and zh-CN
 * both 1,234,567.5) without float noise (0.1 + 0.2 → 0.3); `kind` says when it is money (2 decimals,
 * or as many as its text has), a ratio (0.95 → 95%) or an id written as it is (2026 stays 2026).
 * Text is written as it is unless `kind` says it holds a number; null and undefined are empty.
 */
export function formatParam(
  value: string | number | boolean | null | undefined,
  locale: Locale = 'en',
  kind?: ParamKind,
): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean' || kind === 'as-written') return String(value);
  if (typeof value === 'string' && (kind === undefined || !numeric.test(value.trim()))) return value;
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  if (kind === 'money') {
    // Money as text keeps every digit it has (Intl formats a decimal string exactly), at least 2 decimals.
    const text = typeof value === 'string' ? value.trim() : '';
    const digits = Math.max(2, text.split('.')[1]?.length ?? 0);
    return new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(text ? (text as `${number}`) : n);
  }
  if (kind === 'ratio') {
    return new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: Math.max(0, decimalsOf(n) - 2),
    }).format(n);
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: decimalsOf(n) }).format(
    Number(n.toPrecision(12)),
  );
}
