// Excel serial dates ↔ ISO dates for both workbook date systems, and ISO week ids for the activity
// template; integer day arithmetic only (no Date, no time zone can shift a day).
import { addDays, daysBetweenInclusive, isIsoDate, weekdayOf } from '../period';

export type ExcelDateSystem = { date1904?: boolean };

// The 1900 system counts 1900-01-01 as 1 and, copying Lotus 1-2-3, believes 1900 was a leap year:
// serial 60 is the fictitious 1900-02-29, so from serial 61 (1900-03-01) on, serial = days since 1899-12-30.
const EPOCH_1900_FROM_MARCH = '1899-12-30';
const EPOCH_1900_BEFORE_MARCH = '1899-12-31';
const EPOCH_1904 = '1904-01-01';
const FIRST_1900_MARCH_SERIAL = 61;
/** 9999-12-31, the last date Excel shows. */
const LAST_ISO = '9999-12-31';

/** Whole days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
function daysFrom(fromIso: string, toIso: string): number {
  return fromIso <= toIso
    ? daysBetweenInclusive(fromIso, toIso) - 1
    : -(daysBetweenInclusive(toIso, fromIso) - 1);
}

/**
 * The calendar date of an Excel serial; a time of day (the fraction) is dropped. Null for what is no
 * date: not a finite number, before the system's first day, after 9999-12-31, and serial 60 of the
 * 1900 system — the 1900-02-29 that never existed, which we refuse rather than guess 02-28 or 03-01.
 */
export function excelSerialToIso(serial: number, system: ExcelDateSystem = {}): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  let iso: string;
  if (system.date1904) {
    if (day < 0) return null;
    iso = addDays(EPOCH_1904, day);
  } else {
    if (day < 1 || day === 60) return null;
    iso =
      day < FIRST_1900_MARCH_SERIAL
        ? addDays(EPOCH_1900_BEFORE_MARCH, day)
        : addDays(EPOCH_1900_FROM_MARCH, day);
  }
  return iso.length === 10 && iso <= LAST_ISO ? iso : null;
}

/** The Excel serial of an ISO date, or null when the date is malformed or before the system's first day. */
export function isoToExcelSerial(iso: string, system: ExcelDateSystem = {}): number | null {
  if (!isIsoDate(iso)) return null;
  if (system.date1904) return iso < EPOCH_1904 ? null : daysFrom(EPOCH_1904, iso);
  if (iso < '1900-01-01') return null;
  return iso < '1900-03-01' ? daysFrom(EPOCH_1900_BEFORE_MARCH, iso) : daysFrom(EPOCH_1900_FROM_MARCH, iso);
}

const ISO_WEEK = /^(\d{4})-?W(\d{2})$/i;

/** The ISO-8601 week id of a date (`2026-W09`): weeks start on Monday and belong to the year of their Thursday. */
export function isoWeekOf(iso: string): string {
  const thursday = addDays(iso, 4 - weekdayOf(iso));
  const year = thursday.slice(0, 4);
  const week = Math.floor((daysBetweenInclusive(`${year}-01-01`, thursday) - 1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week id (`2026-W01` → 2025-12-29), or null when the id names no week of that year. */
export function isoWeekStart(weekId: string): string | null {
  const m = ISO_WEEK.exec(weekId.trim());
  if (!m) return null;
  const year = m[1] ?? '';
  const week = Number(m[2]);
  if (week < 1 || week > 53) return null;
  const jan4 = `${year}-01-04`; // always in week 1
  const monday = addDays(jan4, 1 - weekdayOf(jan4) + 7 * (week - 1));
  return isoWeekOf(monday) === `${year}-W${String(week).padStart(2, '0')}` ? monday : null;
}
