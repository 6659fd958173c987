// The targets template ↔ Plan.targets: one row per owner × metric with a Total (the year's target)
// and the months of the plan year; empty month cells mean "no target", never zero. The quarters are
// computed from the months: written as sums or formulas, never read back as targets, only checked.
import type { Locale } from '../messages/index';
import { makeFinding } from '../messages/index';
import { monthsOf, parsePeriod, type PeriodOptions } from '../period';
import type { Finding, Plan, Target } from '../schemas';
import { readTable, type CellValue, type ImportTable } from './cells';
import { monthKey, numberFormatFor, sheetHeaders, targetsSheet } from './definitions';
import { columnFormula, computedValue, isSumOf, type FormulaPlace } from './formulas';
import { TEMPLATE_LAYOUT, TEMPLATE_VERSION, compareTemplateVersions } from './version';

export type TargetRows = {
  headers: string[];
  rows: CellValue[][];
  /** The number format of each row's numeric cells (by the row's metric). */
  numberFormats: string[];
  /** Targets the sheet cannot hold: other periods than the year and its months, or a repeated cell. */
  omitted: Target[];
};

/**
 * The rows of the targets sheet for a plan year, owners and metrics in order of first appearance.
 * The quarter cells hold their months' sums; with `formulas` (where the table's first data row and
 * column are) they hold the quarter formulas instead, and so does Total wherever the year's target is
 * the sum of the months (or absent) — a year's target the months do not add up to stays a number.
 */
export function planToTargetRows(
  plan: Pick<Plan, 'targets'>,
  year: number,
  opts: { locale?: Locale; formulas?: Omit<FormulaPlace, 'columns'> } & PeriodOptions = {},
): TargetRows {
  const sheet = targetsSheet(year, opts);
  const yearId = String(year);
  const position = new Map(sheet.columns.map((c, i) => [c.key, i] as const));
  const columnOf = new Map<string, number>([
    [yearId, position.get('total') ?? 2],
    ...monthsOf(yearId, opts).map((m, i) => [m, position.get(monthKey(i + 1)) ?? -1] as const),
  ]);
  const width = sheet.columns.length;
  const byKey = new Map<string, CellValue[]>();
  const rows: CellValue[][] = [];
  const numberFormats: string[] = [];
  const omitted: Target[] = [];
  for (const target of plan.targets) {
    const column = columnOf.get(target.period) ?? -1;
    if (column < 0) {
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
  rows.forEach((row, r) => {
    const values = Object.fromEntries(sheet.columns.map((c, i) => [c.key, row[i]] as const));
    sheet.columns.forEach((col, i) => {
      if (!col.sumOf) return;
      const sum = computedValue(col, values);
      const place = opts.formulas ? { ...opts.formulas, row: (opts.formulas.row ?? 3) + r } : undefined;
      const shown = row[i];
      if (col.derived) row[i] = place ? (columnFormula(sheet, col.key, place) ?? sum) : sum;
      else if (
        place &&
        sum !== null &&
        (shown === null || (typeof shown === 'number' && isSumOf(shown, sum)))
      )
        row[i] = columnFormula(sheet, col.key, place) ?? shown;
    });
  });
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
 * Quarter cells are no targets (they would count the months twice): a number in one that is not the
 * sum of its months — typed over the formula, or not recalculated — is a warning, and the months count.
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
  const derived = sheet.columns.filter((c) => c.derived);
  const totalCol = sheet.columns.find((c) => c.key === 'total');
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
    for (const col of derived) {
      const shown = values[col.key];
      if (typeof shown !== 'number') continue;
      const sum = computedValue(col, values);
      if (sum === null)
        findings.push(
          cellFinding('import.derived-without-parts', 'warning', index, col.key, { value: shown }),
        );
      else if (!isSumOf(shown, sum))
        findings.push(
          cellFinding('import.derived-not-sum', 'warning', index, col.key, { value: shown, sum }),
        );
    }
    if (typeof values.total === 'number') {
      // A Total that is its months' sum is read as that sum as Excel shows it, without the noise of
      // the spreadsheet's additions (999999.9999999998 for twelve months making 1,000,000.00).
      const sum = totalCol ? computedValue(totalCol, values) : null;
      const value = sum !== null && isSumOf(values.total, sum) ? sum : values.total;
      targets.push({ owner, metric, period: yearId, value });
    }
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
