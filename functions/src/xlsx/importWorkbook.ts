// An uploaded template workbook → what it holds (a plan, goals, activities, a scorecard, ratings or a
// comp plan) and the findings of the core's importers, which name each faulty cell.
import {
  activityRowsToActivities,
  columnFormula,
  compPlanRowsToCompPlan,
  computedValue,
  getTemplate,
  goalRowsToGoals,
  matchHeaders,
  normalizeHeader,
  ratingRowsToRatings,
  scorecardRowsToScorecard,
  splitTemplateSheet,
  targetRowsToPlan,
  TEMPLATE_VERSION,
  templateVersionFinding,
  type CellValue,
  type Finding,
  type ImportTable,
  type Locale,
  type SheetDef,
  type TemplateKind,
} from '@teamsheet/shared';
import { UploadRefused } from './limits';
import type { SheetCells, UploadedWorkbook } from './reader';

export type ImportOptions = {
  kind: TemplateKind;
  locale: Locale;
  /** Targets and goals: the plan's unit and period. */
  unitId?: string;
  period?: string;
  /** Comp plans: the plan's id, name and currency (the sheets hold only components and tiers). */
  compPlan?: { id: string; name: string; currency: string };
};

export type ImportResult = {
  kind: TemplateKind;
  templateVersion: string;
  date1904: boolean;
  sheets: string[];
  findings: Finding[];
  [payload: string]: unknown;
};

// Column types whose cells are text: a formula there is never trusted, whatever it computed.
const TEXT_TYPES = new Set(['text', 'owner', 'metric', 'enum']);

/** The workbook sheet that holds a template sheet: by name in either language, else the first visible sheet. */
function findSheet(workbook: UploadedWorkbook, def: SheetDef, fallbackToFirst: boolean): string | undefined {
  const names = [def.name.en, def.name['zh-CN']].map(normalizeHeader);
  const byName = workbook.sheets.find((s) => names.includes(normalizeHeader(s.name)));
  if (byName) return byName.name;
  return fallbackToFirst ? workbook.sheets.find((s) => !s.hidden)?.name : undefined;
}

const normalizeFormula = (f: string): string => f.replace(/\s+/g, '').replace(/\$/g, '').toUpperCase();

type ReadSheet = ImportTable & { marker: { kind: TemplateKind; version: string } | null };

/** A sheet's table, with formulas in text columns turned into `=formula` text for the core to flag. */
function tableOf(sheet: SheetCells, def: SheetDef, date1904: boolean, locale: Locale): ReadSheet {
  const split = splitTemplateSheet(sheet.cells);
  const headerRow = (split.firstRow ?? 3) - 2; // 0-based index of the header row in sheet.cells
  if (sheet.formulas.size > 0) {
    const { columns } = matchHeaders(def, split, locale);
    const textColumns = new Set<number>();
    for (const col of def.columns) {
      const at = columns.get(col.key);
      if (at !== undefined && TEXT_TYPES.has(col.type)) textColumns.add(at);
    }
    const rows = split.rows.map((r) => [...r]) as CellValue[][];
    const formulaColumns = new Map(
      def.columns.filter((c) => c.sumOf && columns.has(c.key)).map((c) => [columns.get(c.key)!, c] as const),
    );
    for (const [key, formula] of sheet.formulas) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      const dataRow = r - headerRow - 1;
      const row = rows[dataRow];
      if (dataRow < 0 || !row) continue;
      if (textColumns.has(c)) row[c] = `=${formula}`;
      // The template's own formula saved without its result (by a tool that does not calculate):
      // computed here by the core from the row's cells, rather than read as the formula's text.
      const col = formulaColumns.get(c);
      if (col && typeof row[c] === 'string' && row[c] === `=${formula}`) {
        const own = columnFormula(def, col.key, { row: r + 1, columns });
        if (own !== undefined && normalizeFormula(own) === normalizeFormula(`=${formula}`)) {
          const values = Object.fromEntries([...columns].map(([k, at]) => [k, row[at]] as const));
          row[c] = computedValue(col, values);
        }
      }
    }
    return { ...split, rows, sheetName: sheet.name, date1904 };
  }
  return { ...split, sheetName: sheet.name, date1904 };
}

/**
 * Reads the sheets of a template kind from an opened upload and hands them to the core importer.
 * The marker row says which template and version the sheet came from; a marker of another kind is
 * refused (422), a sheet without a marker is read against the current template.
 */
export function importWorkbook(workbook: UploadedWorkbook, options: ImportOptions): ImportResult {
  const { kind, locale } = options;
  const template = getTemplate(kind, templateYear(options.period));
  const tables: (ReadSheet | undefined)[] = template.sheets.map((def, i) => {
    const name = findSheet(workbook, def, i === 0);
    if (!name) {
      if (i === 0) throw new UploadRefused(422, 'xlsx.no-sheet', { sheet: def.name[locale], kind });
      return undefined;
    }
    const table = tableOf(workbook.readSheet(name), def, workbook.date1904, locale);
    if (table.marker && table.marker.kind !== kind)
      throw new UploadRefused(422, 'xlsx.wrong-kind', { sheet: name, found: table.marker.kind, kind });
    return table;
  });
  const main = tables[0]!;
  const templateVersion = main.marker?.version ?? TEMPLATE_VERSION;
  const base = {
    kind,
    templateVersion,
    date1904: workbook.date1904,
    sheets: tables.filter((t) => t !== undefined).map((t) => t.sheetName ?? ''),
  };
  const unitId = options.unitId ?? '';
  const period = options.period ?? '';
  switch (kind) {
    case 'targets': {
      const { plan, findings } = targetRowsToPlan({ ...main, unitId, period, templateVersion }, locale);
      return { ...base, plan, findings };
    }
    case 'goals': {
      const { goals, findings } = goalRowsToGoals(main, locale);
      findings.push(...templateVersionFinding(templateVersion, locale));
      return { ...base, plan: { unitId, period, templateVersion, targets: [], goals }, goals, findings };
    }
    case 'activities': {
      const { entries, activities, findings } = activityRowsToActivities(main, locale);
      findings.push(...templateVersionFinding(templateVersion, locale));
      return { ...base, entries, activities, findings };
    }
    case 'scorecard': {
      const { scorecard, findings } = scorecardRowsToScorecard(main, locale);
      findings.push(...templateVersionFinding(templateVersion, locale));
      return { ...base, scorecard, findings };
    }
    case 'ratings': {
      const { ratings, findings } = ratingRowsToRatings(main, locale);
      findings.push(...templateVersionFinding(templateVersion, locale));
      return { ...base, ratings, findings };
    }
    case 'compplan': {
      const meta = options.compPlan ?? { id: 'imported', name: 'Imported plan', currency: 'CNY' };
      const { plan, findings } = compPlanRowsToCompPlan(
        { components: main, ...(tables[1] ? { tiers: tables[1] } : {}), ...meta },
        locale,
      );
      findings.push(...templateVersionFinding(templateVersion, locale));
      return { ...base, compPlan: plan, findings };
    }
  }
}

/** The plan year of a period id (`2026-Q2` → 2026), for the targets template's month columns. */
export function templateYear(period: string | undefined): { year?: number } {
  const year = Number(period?.slice(0, 4));
  return Number.isInteger(year) && year >= 1900 && year <= 9999 ? { year } : {};
}
