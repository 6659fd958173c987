// Exact rational arithmetic on bigint for the payout lines: every amount between the credited sum and
// the one rounding of a line is a fraction of integers, so no binary float ever decides a cent.
import { parseDecimal, roundDiv, toSafeMinor, type Minor, type Rounding } from '../money';

/** `num / den` with `den > 0`. Kept unreduced: a line takes a handful of steps, so sizes stay small. */
export type Ratio = { readonly num: bigint; readonly den: bigint };

export const ZERO: Ratio = { num: 0n, den: 1n };

export function ratio(num: bigint, den: bigint = 1n): Ratio {
  if (den === 0n) throw new RangeError('ratio: zero denominator');
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

/** An exact decimal (a rate, a tier bound, a multiplier) as a ratio: "0.035" → 35/1000. */
export function decimalRatio(value: number | string): Ratio {
  const d = parseDecimal(value);
  return { num: d.units, den: 10n ** BigInt(d.scale) };
}

/** Minor units as a ratio of minor units. */
export function minorRatio(m: Minor | bigint): Ratio {
  return { num: BigInt(m), den: 1n };
}

export function add(a: Ratio, b: Ratio): Ratio {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function sub(a: Ratio, b: Ratio): Ratio {
  return add(a, { num: -b.num, den: b.den });
}

export function mul(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function div(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) throw new RangeError('ratio: division by zero');
  return ratio(a.num * b.den, a.den * b.num);
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compare(a: Ratio, b: Ratio): number {
  // Denominators are positive, so against zero or a shared denominator the numerators decide.
  if (b.num === 0n) return a.num < 0n ? -1 : a.num > 0n ? 1 : 0;
  if (a.den === b.den) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function min(a: Ratio, b: Ratio): Ratio {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Ratio, b: Ratio): Ratio {
  return compare(a, b) >= 0 ? a : b;
}

/** The one rounding of a line: an exact amount of minor units to a whole minor unit. */
export function roundToMinor(a: Ratio, rounding: Rounding): Minor {
  return toSafeMinor(roundDiv(a.num, a.den, rounding));
}

/**
 * A ratio as decimal text for a trace: exact when it terminates within `maxDecimals`, otherwise
 * rounded half-up there; at least `minDecimals` digits ("1.2" with min 2 → "1.20"). A trace value
 * is for reading, never fed back into a computation.
 */
export function formatRatio(a: Ratio, minDecimals = 0, maxDecimals = 6): string {
  let decimals = minDecimals;
  const pow = (n: number) => 10n ** BigInt(n);
  while (decimals < maxDecimals && (a.num * pow(decimals)) % a.den !== 0n) decimals++;
  const units = roundDiv(a.num * pow(decimals), a.den, 'half-up');
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

/** Minor units of a money amount as a ratio of major units' text: 12345 at scale 2 → "123.45". */
export function formatMoneyRatio(minorUnits: Ratio, scale: number): string {
  return formatRatio({ num: minorUnits.num, den: minorUnits.den * 10n ** BigInt(scale) }, scale, scale + 6);
}

/** An amount of minor units rounded to a whole minor unit and shown in major units, past 2^53 too. */
export function formatRoundedMoney(minorUnits: Ratio, scale: number, rounding: Rounding): string {
  return formatRatio(
    { num: roundDiv(minorUnits.num, minorUnits.den, rounding), den: 10n ** BigInt(scale) },
    scale,
    scale,
  );
}

// Fast paths: the same integer arithmetic on float64 while every value is a safe integer (|x| ≤ 2^53 − 1,
// where float64 integer arithmetic is exact); NaN marks "left the safe range", and a caller seeing NaN
// redoes the line in bigint above. No fraction ever lives in a float: only whole numbers of units.
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** `a × b` for safe integers, or NaN when the product is not a safe integer (and so may be inexact). */
export function mulSafe(a: number, b: number): number {
  const p = a * b;
  return p <= MAX_SAFE && p >= -MAX_SAFE ? p : NaN;
}

/** `a + b` for safe integers, or NaN when the sum is not a safe integer. */
export function addSafe(a: number, b: number): number {
  const s = a + b;
  return s <= MAX_SAFE && s >= -MAX_SAFE ? s : NaN;
}

/** A bigint as a number when it is a safe integer, else NaN. */
export function safeNumber(n: bigint): number {
  return n <= BigInt(MAX_SAFE) && n >= -BigInt(MAX_SAFE) ? Number(n) : NaN;
}

/**
 * `roundDiv(num, den, rounding)` of money.ts on safe integers (den > 0): the float quotient's floor
 * corrected by the exact remainder, then half-up (away from zero) or half-even on the remainder.
 * NaN when an input is NaN or `|num| + den` is not safe (the remainder's product might be inexact).
 */
export function roundDivSafe(num: number, den: number, rounding: Rounding): number {
  const a = num < 0 ? -num : num;
  if (!(a + den <= MAX_SAFE) || !(den > 0)) return NaN;
  let quotient = Math.floor(a / den);
  let remainder = a - quotient * den;
  if (remainder < 0) {
    quotient -= 1;
    remainder += den;
  } else if (remainder >= den) {
    quotient += 1;
    remainder -= den;
  }
  const twice = 2 * remainder;
  if (twice > den || (twice === den && (rounding === 'half-up' || quotient % 2 === 1))) quotient += 1;
  return num < 0 && quotient !== 0 ? -quotient : quotient;
}
