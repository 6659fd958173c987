// The goals (OGSM) template ↔ Plan.goals: one row per goal; dates read from date cells, Excel serials
// or ISO text, never from text in a local date format.
import type { Locale } from '../messages/index';
import type { Finding, Goal } from '../schemas';
import { readTable, type CellValue, type ImportTable } from './cells';
import { getTemplate, sheetHeaders } from './definitions';
import { goalFields } from '../planning/diff';

const goalsSheet = () => getTemplate('goals').sheets[0]!;

// The sheet's columns: the row key, then the compared fields in the order the plan diff uses.
const goalColumns = ['id', ...goalFields] as const;

/** The rows of the goals sheet; a deadline is written as ISO text (hosts store it as a date cell). */
export function goalsToRows(
  goals: readonly Goal[],
  opts: { locale?: Locale } = {},
): { headers: string[]; rows: CellValue[][] } {
  const sheet = goalsSheet();
  return {
    headers: sheetHeaders(sheet, opts.locale),
    rows: goals.map((g) => sheet.columns.map((c) => (g as Record<string, CellValue>)[c.key] ?? null)),
  };
}

/** The goals a goals sheet holds; a goal id used twice is an error and its second row is skipped. */
export function goalRowsToGoals(
  input: ImportTable,
  locale: Locale = 'en',
): { goals: Goal[]; findings: Finding[] } {
  const { records, findings, cellFinding } = readTable(goalsSheet(), input, locale);
  const goals: Goal[] = [];
  const seen = new Set<string>();
  for (const { index, values } of records) {
    const { id, owner, objective } = values;
    if (typeof id !== 'string' || typeof owner !== 'string' || typeof objective !== 'string') continue;
    if (seen.has(id)) {
      findings.push(cellFinding('import.duplicate-id', 'error', index, 'id', { id }));
      continue;
    }
    seen.add(id);
    const goal: Record<string, string | number> = {};
    for (const field of goalColumns) {
      const value = values[field];
      if (typeof value === 'string' || typeof value === 'number') goal[field] = value;
    }
    goals.push(goal as Goal);
  }
  return { goals, findings };
}
