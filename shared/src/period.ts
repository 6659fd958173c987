// Planning periods (docs/rules.md, Periods): ids `2026`, `2026-Q1`, `2026-03`, their calendar dates under a
// fiscal-year setting, and day counts for proration, all by integer date arithmetic (no Date, no clock).

export type PeriodKind = 'year' | 'quarter' | 'month';
export type ParsedPeriod = { kind: PeriodKind; year: number; index: number };
/**
 * `fiscalYearStartMonth` (1..12, default 1). Years and quarters are fiscal; month ids always name
 * calendar months (a month is a month). A fiscal year is named by the calendar year in which it
 * STARTS: with a start month of 4, `2026` runs 2026-04-01..2027-03-31 and `2026-Q1` is Apr–Jun 2026.
 */
export type PeriodOptions = { fiscalYearStartMonth?: number };

const PERIOD_ID = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a period id, or null when it is not one. */
export function parsePeriod(id: string): ParsedPeriod | null {
  const m = PERIOD_ID.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] !== undefined) return { kind: 'quarter', year, index: Number(m[2]) };
  if (m[3] !== undefined) return { kind: 'month', year, index: Number(m[3]) };
  return { kind: 'year', year, index: 1 };
}

/** The id of a parsed period: `{kind:'quarter', year:2026, index:1}` → `2026-Q1`. */
export function formatPeriod(p: ParsedPeriod): string {
  const year = String(p.year).padStart(4, '0');
  if (p.kind === 'year') return year;
  if (p.kind === 'quarter') return `${year}-Q${p.index}`;
  return `${year}-${String(p.index).padStart(2, '0')}`;
}

function mustParse(id: string): ParsedPeriod {
  const p = parsePeriod(id);
  if (!p) throw new RangeError(`not a period id (expected 2026, 2026-Q1 or 2026-03): "${id}"`);
  return p;
}

function fiscalStart(opts?: PeriodOptions): number {
  const start = opts?.fiscalYearStartMonth ?? 1;
  if (!Number.isInteger(start) || start < 1 || start > 12) {
    throw new RangeError(`fiscalYearStartMonth must be an integer from 1 to 12, got ${start}`);
  }
  return start;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Months are counted as year*12 + (month-1) so that fiscal offsets are plain additions.
type MonthSerial = number;
const monthSerial = (year: number, month: number): MonthSerial => year * 12 + (month - 1);
const serialYear = (s: MonthSerial): number => Math.floor(s / 12);
const serialMonth = (s: MonthSerial): number => (s % 12) + 1;
const monthId = (s: MonthSerial): string =>
  `${String(serialYear(s)).padStart(4, '0')}-${String(serialMonth(s)).padStart(2, '0')}`;

/** The first month (serial) and the number of months of a period. */
function monthSpan(id: string, opts?: PeriodOptions): { first: MonthSerial; count: number } {
  const p = mustParse(id);
  if (p.kind === 'month') return { first: monthSerial(p.year, p.index), count: 1 };
  const yearStart = monthSerial(p.year, fiscalStart(opts));
  if (p.kind === 'year') return { first: yearStart, count: 12 };
  return { first: yearStart + 3 * (p.index - 1), count: 3 };
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseIso(iso: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(iso);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date as YYYY-MM-DD: "${iso}"`);
  }
  return { year, month, day };
}

/** True when `iso` is a real calendar date written `YYYY-MM-DD` (so 2026-02-29 is not). */
export function isIsoDate(iso: string): boolean {
  try {
    parseIso(iso);
    return true;
  } catch {
    return false;
  }
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil; proleptic Gregorian). */
function epochDay(iso: string): number {
  const { year, month, day } = parseIso(iso);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** First day of the period, `YYYY-MM-DD`. */
export function periodStart(id: string, opts?: PeriodOptions): string {
  const { first } = monthSpan(id, opts);
  return isoOf(serialYear(first), serialMonth(first), 1);
}

/** Last day of the period, inclusive, `YYYY-MM-DD`. */
export function periodEnd(id: string, opts?: PeriodOptions): string {
  const { first, count } = monthSpan(id, opts);
  const last = first + count - 1;
  return isoOf(serialYear(last), serialMonth(last), daysInMonth(serialYear(last), serialMonth(last)));
}

/** The calendar month ids a period covers, in order: `monthsOf('2026', {fiscalYearStartMonth: 4})` → 2026-04 … 2027-03. */
export function monthsOf(id: string, opts?: PeriodOptions): string[] {
  const { first, count } = monthSpan(id, opts);
  return Array.from({ length: count }, (_, i) => monthId(first + i));
}

/** The periods one level down: a year's four quarters, a quarter's three months; a month has none. */
export function childPeriods(id: string, opts?: PeriodOptions): string[] {
  const p = mustParse(id);
  if (p.kind === 'year') return [1, 2, 3, 4].map((q) => `${id}-Q${q}`);
  if (p.kind === 'quarter') return monthsOf(id, opts);
  return [];
}

export function daysInPeriod(id: string, opts?: PeriodOptions): number {
  return daysBetweenInclusive(periodStart(id, opts), periodEnd(id, opts));
}

function step(id: string, delta: number): string {
  const p = mustParse(id);
  if (p.kind === 'year') return formatPeriod({ ...p, year: p.year + delta });
  const perYear = p.kind === 'quarter' ? 4 : 12;
  const serial = p.year * perYear + (p.index - 1) + delta;
  return formatPeriod({ kind: p.kind, year: Math.floor(serial / perYear), index: (serial % perYear) + 1 });
}

/** The period of the same kind that follows: 2026-12 → 2027-01, 2026-Q4 → 2027-Q1, 2026 → 2027. */
export function nextPeriod(id: string): string {
  return step(id, 1);
}

/** The period of the same kind that precedes (上期 / 上月). */
export function previousPeriod(id: string): string {
  return step(id, -1);
}

/** The same period one year earlier (同期): 2026-03 → 2025-03, 2026-Q2 → 2025-Q2. */
export function samePeriodLastYear(id: string): string {
  const p = mustParse(id);
  return formatPeriod({ ...p, year: p.year - 1 });
}

/** True when the date lies within the period, both ends included. */
export function periodContains(id: string, isoDate: string, opts?: PeriodOptions): boolean {
  parseIso(isoDate);
  return periodStart(id, opts) <= isoDate && isoDate <= periodEnd(id, opts);
}

/**
 * The calendar month id of a date: 2026-03-15 → 2026-03. Month ids are calendar months whatever the
 * fiscal setting, so `opts` is accepted only for symmetry with the other functions.
 */
export function monthOfDate(isoDate: string, _opts?: PeriodOptions): string {
  const { year, month } = parseIso(isoDate);
  return monthId(monthSerial(year, month));
}

/** The (fiscal) period of a kind that holds a date: with April starts, 2027-02-10 lies in `2026-Q4` of `2026`. */
export function periodOfDate(isoDate: string, kind: PeriodKind, opts?: PeriodOptions): string {
  const { year, month } = parseIso(isoDate);
  if (kind === 'month') return monthId(monthSerial(year, month));
  const offset = monthSerial(year, month) - fiscalStart(opts) + 1; // months since the fiscal epoch
  const fiscalYear = Math.floor(offset / 12);
  if (kind === 'year') return formatPeriod({ kind, year: fiscalYear, index: 1 });
  return formatPeriod({ kind, year: fiscalYear, index: Math.floor((offset - fiscalYear * 12) / 3) + 1 });
}

/** Days from one date to another counting both ends (same day → 1); 0 when `to` is before `from`. */
export function daysBetweenInclusive(fromIso: string, toIso: string): number {
  return Math.max(0, epochDay(toIso) - epochDay(fromIso) + 1);
}

/** The date `days` days after (or before) `iso`. */
export function addDays(iso: string, days: number): string {
  // Inverse of epochDay (Hinnant's civil_from_days).
  const z = epochDay(iso) + days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return isoOf(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(iso: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDay(iso) + 3) % 7) + 7) % 7) + 1;
}

/** Monday-to-Friday days of the period (public holidays are not modelled). */
export function workingDays(id: string, opts?: PeriodOptions): number {
  const start = periodStart(id, opts);
  const total = daysInPeriod(id, opts);
  const fullWeeks = Math.floor(total / 7);
  let count = fullWeeks * 5;
  const firstWeekday = weekdayOf(start);
  for (let i = 0; i < total % 7; i++) {
    const weekday = ((firstWeekday - 1 + i) % 7) + 1;
    if (weekday <= 5) count++;
  }
  return count;
}
