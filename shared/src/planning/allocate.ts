// Top-down allocation (docs/rules.md, Allocation): a parent value split over children or months by a basis,
// in exact integer units of 10^-precision, rounded by largest remainder so the parts always add up.
import type { AllocateRequest, AllocateResult, AllocationBasis, Finding } from '../schemas';
import { parseDecimal, roundDiv } from '../money';
import { monthsOf } from '../period';
import { makeFinding, type Locale, type MessageParams } from '../messages/index';

export type AllocationBasisName = 'even' | 'last_year' | 'last_period' | 'weights';
type Part = AllocateRequest['parts'][number];

/** Exact shares of a whole: part i gets `numerators[i] / denominator`; the numerators sum to the denominator. */
export interface Proportions {
  numerators: bigint[];
  denominator: bigint;
}

const BASIS_FIELD = { last_year: 'lastYear', last_period: 'lastPeriod', weights: 'weight' } as const;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Decimals (numbers) as integers on one common scale, so their ratios are exact. */
function toCommonScale(values: readonly number[]): { units: bigint[]; scale: number } {
  const decimals = values.map((v) => parseDecimal(v));
  const scale = decimals.reduce((max, d) => Math.max(max, d.scale), 0);
  return { units: decimals.map((d) => d.units * 10n ** BigInt(scale - d.scale)), scale };
}

/**
 * Hamilton's method: every part gets the floor of its exact quota of `total` (a non-negative integer
 * of units), and the units left over go one each to the largest remainders; ties go to the part that
 * comes first. Only the order of the remainders matters, so the result is exact and deterministic.
 */
export function splitByLargestRemainder(total: bigint, shares: Proportions): bigint[] {
  if (total < 0n) throw new RangeError('splitByLargestRemainder: total must not be negative');
  const { numerators, denominator } = shares;
  if (denominator <= 0n) throw new RangeError('splitByLargestRemainder: the shares must have a positive sum');
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const n of numerators) {
    const exact = total * n;
    const floor = exact / denominator;
    parts.push(floor);
    remainders.push(exact % denominator);
    given += floor;
  }
  let left = total - given;
  if (left > 0n) {
    const order = numerators.map((_, i) => i);
    order.sort((a, b) => {
      const ra = remainders[a] ?? 0n;
      const rb = remainders[b] ?? 0n;
      return ra === rb ? a - b : ra > rb ? -1 : 1;
    });
    for (const i of order) {
      if (left === 0n) break;
      parts[i] = (parts[i] ?? 0n) + 1n;
      left -= 1n;
    }
  }
  return parts;
}

function evenProportions(n: number): Proportions {
  return { numerators: Array.from({ length: n }, () => 1n), denominator: BigInt(n) };
}

/**
 * The proportions of one basis. Under `last_year` and `last_period`, a missing, zero or negative
 * figure is no basis data (a new territory has no history); under `weights` a zero weight is a
 * deliberate "nothing", only a missing or negative one is no data. A part without data gets the even
 * share 1/n and the others split the rest by their figures; when no part has data, all get 1/n.
 */
function basisProportions(
  basis: AllocationBasisName,
  parts: readonly Part[],
  report: (rule: string, path: string, params: MessageParams) => void,
): Proportions {
  const n = parts.length;
  if (basis === 'even') return evenProportions(n);
  const field = BASIS_FIELD[basis];
  const zeroIsData = basis === 'weights';
  const raw = parts.map((p) => p[field]);
  const valid = raw.map((v) => v !== undefined && Number.isFinite(v) && (zeroIsData ? v >= 0 : v > 0));
  const scaled = toCommonScale(raw.map((v, i) => (valid[i] ? (v as number) : 0))).units;
  const sum = scaled.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    report('allocation.no-basis-all', 'parts', { basis, parts: n });
    return evenProportions(n);
  }
  const missing = valid.filter((v) => !v).length;
  parts.forEach((p, i) => {
    if (!valid[i]) report('allocation.no-basis', `parts[${i}]`, { part: p.id, basis, parts: n });
  });
  const numerators = scaled.map((v, i) => (valid[i] ? BigInt(n - missing) * v : sum));
  return reduce({ numerators, denominator: BigInt(n) * sum });
}

function reduce(p: Proportions): Proportions {
  const g = p.numerators.reduce((acc, v) => gcd(acc, v), p.denominator);
  if (g <= 1n) return p;
  return { numerators: p.numerators.map((v) => v / g), denominator: p.denominator / g };
}

/**
 * A blend is the weighted mix of each basis's own proportions (each already with its even
 * fallback), by the normalised shares: part i gets Σ_j share_j × proportion_ij / Σ_j share_j.
 */
function blendProportions(
  blend: readonly { basis: AllocationBasisName; share: number }[],
  parts: readonly Part[],
  report: (rule: string, path: string, params: MessageParams) => void,
): Proportions {
  const usable: { basis: AllocationBasisName; share: number }[] = [];
  blend.forEach((b, j) => {
    if (Number.isFinite(b.share) && b.share > 0) usable.push(b);
    else if (!(b.share === 0))
      report('allocation.share-ignored', `basis.blend[${j}].share`, { basis: b.basis, share: b.share });
  });
  if (usable.length === 0) {
    report('allocation.no-shares', 'basis.blend', { parts: parts.length });
    return evenProportions(parts.length);
  }
  const { units: shares, scale } = toCommonScale(usable.map((b) => b.share));
  const shareSum = shares.reduce((a, b) => a + b, 0n);
  if (shareSum !== 10n ** BigInt(scale)) {
    report('allocation.shares-normalised', 'basis.blend', { sum: Number(`${shareSum}e-${scale}`) });
  }
  const each = usable.map((b) => basisProportions(b.basis, parts, report));
  const common = each.reduce((l, p) => (l / gcd(l, p.denominator)) * p.denominator, 1n);
  const numerators = parts.map((_, i) =>
    each.reduce(
      (acc, p, j) => acc + (shares[j] ?? 0n) * (p.numerators[i] ?? 0n) * (common / p.denominator),
      0n,
    ),
  );
  return reduce({ numerators, denominator: shareSum * common });
}

/**
 * Split `request.total` over `request.parts` by the basis. The total is first rounded half-up to
 * `precision` decimals (default 0); the parts are integers of 10^-precision units that sum to it
 * exactly. A negative total is split as its absolute value and negated, so -100 gives -34, -33, -33.
 * Each value is the double nearest its exact decimal.
 */
export function allocate(request: AllocateRequest, locale: Locale = 'en'): AllocateResult {
  const precision = request.precision ?? 0;
  if (!Number.isInteger(precision) || precision < 0 || precision > 12) {
    throw new RangeError(`precision must be an integer from 0 to 12, got ${precision}`);
  }
  const parts = request.parts;
  if (parts.length === 0) throw new RangeError('allocate needs at least one part');
  const findings: Finding[] = [];
  const report = (rule: string, path: string, params: MessageParams): void => {
    const severity =
      rule === 'allocation.total-rounded' || rule === 'allocation.shares-normalised' ? 'info' : 'warning';
    findings.push(makeFinding(rule, severity, path, params, locale));
  };

  const exact = parseDecimal(request.total);
  const totalUnits = roundDiv(exact.units * 10n ** BigInt(precision), 10n ** BigInt(exact.scale), 'half-up');
  if (exact.scale > precision && totalUnits * 10n ** BigInt(exact.scale - precision) !== exact.units) {
    report('allocation.total-rounded', 'total', {
      total: request.total,
      rounded: unitsToNumber(totalUnits, precision),
      precision,
    });
  }

  const basis: AllocationBasis = request.basis;
  const shares =
    typeof basis === 'string'
      ? basisProportions(basis, parts, report)
      : blendProportions(basis.blend, parts, report);
  const negative = totalUnits < 0n;
  const units = splitByLargestRemainder(negative ? -totalUnits : totalUnits, shares);
  return {
    parts: parts.map((p, i) => ({
      id: p.id,
      value: unitsToNumber(negative ? -(units[i] ?? 0n) : (units[i] ?? 0n), precision),
    })),
    findings,
  };
}

function unitsToNumber(units: bigint, precision: number): number {
  return units === 0n ? 0 : Number(`${units}e-${precision}`);
}

export interface AllocateMonthsOptions {
  /** Default: `last_year` when `lastYear` is given, else `weights` when `seasonality` is, else `even`. */
  basis?: AllocationBasis;
  /** Same-month actuals of last year, one per month in order. */
  lastYear?: readonly (number | undefined)[];
  /** Previous-period actuals, one per month in order. */
  lastPeriod?: readonly (number | undefined)[];
  /** A seasonality index per month (any scale: 8, 9, 12 … or 0.07, 0.08 …). */
  seasonality?: readonly (number | undefined)[];
  precision?: number;
  fiscalYearStartMonth?: number;
  locale?: Locale;
}

/**
 * A year's (or quarter's) total spread over its months: `months` is a period id, whose months are
 * taken in order (fiscal start honoured), or the month ids themselves. Part ids are the month ids.
 */
export function allocateMonths(
  total: number,
  months: string | readonly string[],
  options: AllocateMonthsOptions = {},
): AllocateResult {
  const ids =
    typeof months === 'string'
      ? monthsOf(months, { fiscalYearStartMonth: options.fiscalYearStartMonth ?? 1 })
      : [...months];
  for (const [name, vector] of [
    ['lastYear', options.lastYear],
    ['lastPeriod', options.lastPeriod],
    ['seasonality', options.seasonality],
  ] as const) {
    if (vector && vector.length !== ids.length) {
      throw new RangeError(`${name} has ${vector.length} values for ${ids.length} months`);
    }
  }
  const basis: AllocationBasis =
    options.basis ??
    (options.lastYear
      ? 'last_year'
      : options.seasonality
        ? 'weights'
        : options.lastPeriod
          ? 'last_period'
          : 'even');
  const parts: Part[] = ids.map((id, i) => {
    const part: Part = { id };
    const weight = options.seasonality?.[i];
    const lastYear = options.lastYear?.[i];
    const lastPeriod = options.lastPeriod?.[i];
    if (weight !== undefined) part.weight = weight;
    if (lastYear !== undefined) part.lastYear = lastYear;
    if (lastPeriod !== undefined) part.lastPeriod = lastPeriod;
    return part;
  });
  const request: AllocateRequest = { total, basis, parts };
  if (options.precision !== undefined) request.precision = options.precision;
  return allocate(request, options.locale ?? 'en');
}
