// The activities template ↔ activity logs: one row per rep × week with a count per activity metric.
// Weeks are ISO weeks (Monday start); a week counts in the month of its Thursday, like ISO years.
import type { Locale } from '../messages/index';
import { addDays, monthOfDate } from '../period';
import type { Activity, Finding } from '../schemas';
import { readTable, type CellValue, type ImportTable } from './cells';
import { activityMetrics, getTemplate, sheetHeaders } from './definitions';
import { isoWeekStart } from './excelDates';
import { TEMPLATE_LAYOUT } from './version';

/** One logged count: a person's visits (or calls, …) in an ISO week. */
export type ActivityEntry = {
  personId: string;
  week: string;
  weekStart: string;
  metric: string;
  value: number;
};

const activitiesSheet = () => getTemplate('activities').sheets[0]!;

/** The month an ISO week is counted in: the month of its Thursday (2026-W14, Mar 30 – Apr 5, is April). */
export function monthOfWeek(weekStart: string): string {
  return monthOfDate(addDays(weekStart, 3));
}

/** The rows of the activities sheet: one per person × week in order of first appearance, the week as its Monday. */
export function activitiesToRows(
  entries: readonly ActivityEntry[],
  opts: { locale?: Locale } = {},
): { headers: string[]; rows: CellValue[][] } {
  const sheet = activitiesSheet();
  const rows: CellValue[][] = [];
  const byKey = new Map<string, CellValue[]>();
  for (const e of entries) {
    const col = sheet.columns.findIndex((c) => c.key === e.metric);
    if (col < 0) continue;
    const key = `${e.personId}\u0000${e.week}`;
    let row = byKey.get(key);
    if (!row) {
      row = Array<CellValue>(sheet.columns.length).fill(null);
      row[0] = e.personId;
      row[1] = e.weekStart;
      byKey.set(key, row);
      rows.push(row);
    }
    row[col] = e.value;
  }
  return { headers: sheetHeaders(sheet, opts.locale), rows };
}

/**
 * The activity entries of a sheet, and the same summed per person × metric × month (the contract's
 * Activity). Counts may be zero but not negative; a person × week given twice is an error.
 */
export function activityRowsToActivities(
  input: ImportTable,
  locale: Locale = 'en',
): { entries: ActivityEntry[]; activities: Activity[]; findings: Finding[] } {
  const { records, findings, cellFinding } = readTable(activitiesSheet(), input, locale);
  const entries: ActivityEntry[] = [];
  const seen = new Map<string, number>();
  for (const { index, values } of records) {
    const { person, week } = values;
    if (typeof person !== 'string' || typeof week !== 'string') continue;
    const key = `${person}\u0000${week}`;
    const first = seen.get(key);
    if (first !== undefined) {
      findings.push(
        cellFinding('import.duplicate-row', 'error', index, 'week', {
          owner: person,
          metric: week,
          firstRow: first,
        }),
      );
      continue;
    }
    seen.set(key, (input.firstRow ?? TEMPLATE_LAYOUT.firstDataRow) + index);
    const weekStart = isoWeekStart(week) ?? week;
    for (const metric of activityMetrics) {
      const value = values[metric];
      if (typeof value !== 'number') continue;
      if (value < 0) {
        findings.push(cellFinding('import.negative-value', 'error', index, metric, { value }));
        continue;
      }
      entries.push({ personId: person, week, weekStart, metric, value });
    }
  }
  const monthly = new Map<string, Activity>();
  for (const e of entries) {
    const period = monthOfWeek(e.weekStart);
    const key = `${e.personId}\u0000${e.metric}\u0000${period}`;
    const a = monthly.get(key);
    if (a) a.value += e.value;
    else monthly.set(key, { personId: e.personId, metric: e.metric, period, value: e.value });
  }
  return { entries, activities: [...monthly.values()], findings };
}
