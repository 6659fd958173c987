// The targets template ↔ Plan.targets: one row per owner × metric with a Total (the year's target)
// and the months of the plan year; empty month cells mean "no target", never zero.
import type { Locale } from '../messages/index';
import { makeFinding } from '../messages/index';
import { monthsOf, parsePeriod, type PeriodOptions } from '../period';
import type { Finding, Plan, Target } from '../schemas';
import { readTable, type CellValue, type ImportTable } from './cells';
import { monthKey, numberFormatFor, sheetHeaders, targetsSheet } from './definitions';
import { TEMPLATE_LAYOUT, TEMPLATE_VERSION, compareTemplateVersions } from './version';

export type TargetRows = {
  headers: string[];
  rows: CellValue[][];
  /** The number format of each row's numeric cells (by the row's metric). */
  numberFormats: string[];
  /** Targets the sheet cannot hold: other periods than the year and its months, or a repeated cell. */
  omitted: Target[];
};

/** The rows of the targets sheet for a plan year, owners and metrics in order of first appearance. */
export function planToTargetRows(
  plan: Pick<Plan, 'targets'>,
  year: number,
  opts: { locale?: Locale } & PeriodOptions = {},
): TargetRows {
  const sheet = targetsSheet(year, opts);
  const yearId = String(year);
  const monthIndex = new Map(monthsOf(yearId, opts).map((m, i) => [m, i] as const));
  const width = 3 + monthIndex.size;
  const byKey = new Map<string, CellValue[]>();
  const rows: CellValue[][] = [];
  const numberFormats: string[] = [];
  const omitted: Target[] = [];
  for (const target of plan.targets) {
    const column = target.period === yearId ? 2 : 3 + (monthIndex.get(target.period) ?? -4);
    if (column < 2) {
      omitted.push(target);
      continue;
    }
    const key = `${target.owner}\u0000${target.metric}`;
    let row = byKey.get(key);
    if (!row) {
      row = Array<CellValue>(width).fill(null);
      row[0] = target.owner;
      row[1] = target.metric;
      byKey.set(key, row);
      rows.push(row);
      numberFormats.push(numberFormatFor(target.metric));
    }
    if (row[column] !== null) omitted.push(target);
    else row[column] = target.value;
  }
  return { headers: sheetHeaders(sheet, opts.locale), rows, numberFormats, omitted };
}

export type TargetImport = ImportTable & {
  unitId: string;
  period: string;
  templateVersion: string;
} & PeriodOptions;

/** A finding when a sheet was made from an older template than the current one. */
export function templateVersionFinding(version: string, locale: Locale): Finding[] {
  if (compareTemplateVersions(version, TEMPLATE_VERSION) >= 0) return [];
  return [
    makeFinding(
      'import.old-template',
      'info',
      'templateVersion',
      { version, current: TEMPLATE_VERSION },
      locale,
    ),
  ];
}

/**
 * The plan a targets sheet holds. A Total cell becomes a target for the year period, each filled month
 * cell one for its month; an owner × metric given twice is an error and its second row is skipped.
 */
export function targetRowsToPlan(
  input: TargetImport,
  locale: Locale = 'en',
): { plan: Plan; findings: Finding[] } {
  const parsed = parsePeriod(input.period);
  const year = parsed?.year ?? Number(input.period.slice(0, 4));
  const yearId = String(year);
  const sheet = targetsSheet(year, input);
  const months = monthsOf(yearId, input);
  const { records, findings, cellFinding } = readTable(sheet, input, locale);
  findings.push(...templateVersionFinding(input.templateVersion, locale));
  const targets: Target[] = [];
  const seen = new Map<string, number>();
  for (const { index, values } of records) {
    const owner = values.owner;
    const metric = values.metric;
    if (typeof owner !== 'string' || typeof metric !== 'string') continue;
    const key = `${owner}\u0000${metric}`;
    const first = seen.get(key);
    if (first !== undefined) {
      findings.push(
        cellFinding('import.duplicate-row', 'error', index, 'metric', { owner, metric, firstRow: first }),
      );
      continue;
    }
    seen.set(key, (input.firstRow ?? TEMPLATE_LAYOUT.firstDataRow) + index);
    if (typeof values.total === 'number')
      targets.push({ owner, metric, period: yearId, value: values.total });
    months.forEach((month, i) => {
      const value = values[monthKey(i + 1)];
      if (typeof value === 'number') targets.push({ owner, metric, period: month, value });
    });
  }
  return {
    plan: { unitId: input.unitId, period: input.period, templateVersion: input.templateVersion, targets },
    findings,
  };
}
