// Money as integers of minor units (fen, cents, yen), parsed from decimal text so that no binary
// float ever decides a rounding; the one place where amounts are parsed, rounded, summed and shown.

declare const minorUnits: unique symbol;
/**
 * A safe integer count of minor units (scale 2: cents; scale 0: whole yen). Branded, so the compiler
 * refuses a plain `number` where money is meant: `0.1 + 0.2` or `amount * share` is not a `Minor`
 * until it has gone through a checked step (`asMinor`, `toMinor`, `mulRate`, `sumMinor`, a rounding).
 * At run time it is an ordinary number; arithmetic on it gives back a plain `number`.
 */
export type Minor = number & { readonly [minorUnits]: true };
/** `half-up` rounds ties away from zero (the handbooks' 四舍五入); `half-even` is banker's rounding. */
export type Rounding = 'half-up' | 'half-even';

export type Decimal = { units: bigint; scale: number };

// A bound on exponents so that "1e-999999" cannot make us build a million-digit power of ten.
const MAX_EXPONENT = 1000;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function checkScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > 18) {
    throw new RangeError(`money scale must be an integer from 0 to 18, got ${scale}`);
  }
}

/**
 * The exact decimal a number or text denotes. A number is read through its shortest round-trip
 * text (what `String(n)` prints), so `1.005` means 1005/1000, not the double just below it.
 * `"0.035"` → `{ units: 35n, scale: 3 }`; exponents are folded in (`"1.5e3"` → `{ units: 1500n, scale: 0 }`).
 */
export function parseDecimal(value: number | string): Decimal {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`not a finite number: ${value}`);
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = DECIMAL_TEXT.exec(text);
  const intDigits = m?.[2] ?? '';
  const fracDigits = m?.[3] ?? '';
  if (!m || intDigits.length + fracDigits.length === 0) {
    throw new RangeError(`not a decimal number: "${text}"`);
  }
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) {
    throw new RangeError(`decimal exponent out of range (at most ±${MAX_EXPONENT}): "${text}"`);
  }
  let units = BigInt(intDigits + fracDigits || '0');
  if (m[1] === '-') units = -units;
  let scale = fracDigits.length - exponent;
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return { units, scale };
}

/**
 * `numerator / denominator` rounded to an integer, exactly. Signs are symmetric: half-up sends
 * ties away from zero (-2.5 → -3), half-even to the even neighbour (2.5 → 2, 3.5 → 4).
 */
export function roundDiv(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator === 0n) throw new RangeError('roundDiv: division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const a = numerator < 0n ? -numerator : numerator;
  const b = denominator < 0n ? -denominator : denominator;
  let q = a / b;
  const twiceRemainder = 2n * (a % b);
  if (twiceRemainder > b || (twiceRemainder === b && (rounding === 'half-up' || q % 2n === 1n))) {
    q += 1n;
  }
  return negative ? -q : q;
}

/** A bigint of minor units as a `Minor`, or a RangeError if it leaves the safe-integer range. */
export function toSafeMinor(value: bigint, what = 'amount'): Minor {
  if (value > MAX_SAFE || value < -MAX_SAFE) {
    throw new RangeError(
      `${what} is ${value} minor units, beyond the safe range of ±${Number.MAX_SAFE_INTEGER} minor units`,
    );
  }
  // Within ±(2^53 − 1) every integer is a double exactly.
  return Number(value) as Minor;
}

function checkMinor(m: number, what = 'amount'): void {
  if (!Number.isSafeInteger(m)) {
    throw new RangeError(`${what} must be a safe integer of minor units, got ${m}`);
  }
}

/**
 * A count of minor units that is already whole, checked: the boundary where a number from outside the
 * money type (a typed-array cell, a stored line, a bigint sum) becomes `Minor`. Throws a RangeError
 * naming `what` unless the value is a safe integer: `asMinor(30)` → 30, `asMinor(0.1 + 0.2)` throws.
 * It never rounds: a fraction of a minor unit here is a bug upstream, not an amount to fix up.
 */
export function asMinor(value: number | bigint, what = 'amount'): Minor {
  if (typeof value === 'bigint') return toSafeMinor(value, what);
  checkMinor(value, what);
  return value as Minor;
}

/** A decimal amount in minor units of `scale` digits, rounded once: `toMinor(1.005)` → 101. */
export function toMinor(value: number | string, scale = 2, rounding: Rounding = 'half-up'): Minor {
  checkScale(scale);
  const d = parseDecimal(value);
  const units =
    d.scale <= scale ? d.units * pow10(scale - d.scale) : roundDiv(d.units, pow10(d.scale - scale), rounding);
  return toSafeMinor(units, `amount ${typeof value === 'string' ? `"${value}"` : value}`);
}

/** Minor units as plain decimal text with `scale` digits: 123450 → "1234.50", -7 → "-0.07". */
export function formatMinor(m: Minor, scale = 2): string {
  checkMinor(m);
  checkScale(scale);
  const digits = String(Math.abs(m)).padStart(scale + 1, '0');
  const sign = m < 0 ? '-' : '';
  if (scale === 0) return sign + digits;
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** `m × rate` for a decimal rate (e.g. "0.035"), computed exactly and rounded once. */
export function mulRate(m: Minor, rate: number | string, rounding: Rounding): Minor {
  checkMinor(m);
  const r = parseDecimal(rate);
  return toSafeMinor(roundDiv(BigInt(m) * r.units, pow10(r.scale), rounding), `${m} × ${rate}`);
}

/** The sum of amounts in minor units; throws rather than lose a cent past the safe range. */
export function sumMinor(values: Iterable<Minor>): Minor {
  let total = 0n;
  for (const v of values) {
    checkMinor(v);
    total += BigInt(v);
  }
  return toSafeMinor(total, 'sum');
}

/** The number of minor-unit digits of an ISO 4217 currency (CNY 2, JPY 0), as Intl knows it. */
export function currencyScale(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/**
 * An amount for people to read, in their locale's currency format ("¥1,234.50", "$1,234.50").
 * The exact decimal text is handed to Intl, so large amounts are not bent by floats on the way.
 */
export function formatMoney(
  m: Minor,
  currency: string,
  locale = 'en',
  scale = currencyScale(currency),
): string {
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: scale,
    maximumFractionDigits: scale,
  });
  return formatter.format(formatMinor(m, scale) as Intl.StringNumericLiteral);
}

/** A currency in words in a language ("Chinese Yuan", "人民币"), as Intl names it; an unknown code as it is. */
export function currencyName(code: string, locale: 'en' | 'zh-CN' = 'en'): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A currency after an amount in running text: the ISO code in English, as finance writes it
 * ("total 1,590.03 CNY"), its name in Chinese ("合计 1,590.03 人民币"), where a code is no word.
 */
export function currencyInText(code: string, locale: 'en' | 'zh-CN'): string {
  return locale === 'zh-CN' ? currencyName(code, 'zh-CN') : code;
}

let currencyCodes: Map<string, string> | undefined;
/**
 * The ISO 4217 code a cell names: the code itself in any case (`cny`) or the currency's name in
 * English or Chinese (`Chinese Yuan`, `人民币`); null when it names no currency Intl knows.
 */
export function currencyCode(text: string): string | null {
  const key = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (!currencyCodes) {
    currencyCodes = new Map();
    for (const code of Intl.supportedValuesOf('currency')) {
      currencyCodes.set(key(code), code);
      for (const locale of ['en', 'zh-CN'] as const) {
        const name = currencyName(code, locale);
        if (name !== code && !currencyCodes.has(key(name))) currencyCodes.set(key(name), code);
      }
    }
  }
  return currencyCodes.get(key(text)) ?? null;
}
