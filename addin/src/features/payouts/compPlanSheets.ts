// The comp-plan template in a workbook: the Components and Tiers tables and the plan's settings in
// words, written from the core's template definition (compPlanToRows), read back into a CompPlan
// (compPlanRowsToCompPlan) with the importer's findings located on their cells. Components are shown
// by name; the hidden Lists sheet keeps each name beside its id and the hidden marker row the plan's
// id, so the plan reads back exactly. Everything goes through the Workbook interface.
import {
  TEMPLATE_LAYOUT,
  compPlanRowsToCompPlan,
  compPlanSettingsTable,
  compPlanToRows,
  getTemplate,
  templateMarker,
  type CompPlan,
  type Finding,
  type Locale,
  type SheetDef,
} from '@teamsheet/shared';
import { parseRange, type CellValue, type TableData, type Workbook } from '../../office';
import { hideMarkerRow } from '../common/markerRow';
import { readNameIds, writeNameLists } from '../common/nameLists';
import type { LocatedFinding } from '../plan/planSheets';

export const COMPONENTS_TABLE = 'TeamsheetCompComponents';
export const TIERS_TABLE = 'TeamsheetCompTiers';
export const SETTINGS_TABLE = 'TeamsheetCompSettings';
/** Row 1 of the Components sheet, hidden: the marker and the plan's id. */
export const PLAN_STAMP = 'A1:B1';
/** Where sheets before the settings table kept name, currency and rounding (still read when it is missing). */
const OLD_STAMP = 'A1:E1';
const TABLE_AT = `A${TEMPLATE_LAYOUT.headerRow}`;
const locales: readonly Locale[] = ['en', 'zh-CN'];

const componentsDef = (): SheetDef => getTemplate('compplan').sheets[0]!;
const tiersDef = (): SheetDef => getTemplate('compplan').sheets[1]!;
export const componentsSheetName = (locale: Locale) => componentsDef().name[locale];
export const tiersSheetName = (locale: Locale) => tiersDef().name[locale];
export const settingsSheetName = (locale: Locale) => compPlanSettingsTable.name[locale];

/**
 * The plan a new template starts from, so a manager edits numbers rather than a blank grid: commission
 * on revenue in marginal tiers (3 % to quota, 5 % from 100 % to 150 %, 8 % above), nothing below 50 %,
 * 500 per new customer, and 1 % management override on the team's credited revenue.
 */
export function starterCompPlan(locale: Locale): CompPlan {
  return {
    id: 'sales-2026',
    name: locale === 'zh-CN' ? '销售提成方案 2026' : 'Sales incentive plan 2026',
    currency: 'CNY',
    rounding: 'half-up',
    components: [
      {
        type: 'commission',
        id: 'commission',
        metric: 'revenue',
        mode: 'marginal',
        tiers: [
          { from: 0, to: 1, rate: 0.03 },
          { from: 1, to: 1.5, rate: 0.05 },
          { from: 1.5, rate: 0.08 },
        ],
        threshold: 0.5,
      },
      { type: 'spiff', id: 'new-customers', amount: 500 },
      { type: 'override', id: 'override', rate: 0.01, metric: 'revenue' },
    ],
  };
}

/** Number formats and drop-downs of a template sheet, keyed by the headers in the locale. */
function sheetFormats(def: SheetDef, locale: Locale) {
  const numberFormats: Record<string, string> = {};
  const validation: Record<string, string[]> = {};
  for (const c of def.columns) {
    if (c.numberFormat) numberFormats[c.header[locale]] = c.numberFormat;
    if (c.values) validation[c.header[locale]] = c.values.map((v) => v.label[locale]);
  }
  return { numberFormats, validation };
}

/**
 * Writes the Components and Tiers sheets of `plan`: each a hidden marker row (on Components with the
 * plan's id), then its table from row 2; the Plan sheet of its name, currency and rounding in words;
 * the components' names beside their ids on the hidden Lists sheet, which the Tiers sheet's
 * drop-down offers.
 */
export async function insertCompPlanTemplate(
  workbook: Workbook,
  plan: CompPlan,
  locale: Locale,
): Promise<{ components: string; tiers: string; rows: number }> {
  const { components, tiers, settings, names } = compPlanToRows(plan, { locale });
  const componentsSheet = componentsSheetName(locale);
  const tiersSheet = tiersSheetName(locale);
  const [namesRange = ''] = await writeNameLists(workbook, 'components', [
    {
      key: 'component',
      header: components.headers[0]!,
      entries: plan.components.map((c) => ({ id: c.id, name: names.get(c.id) ?? c.id })),
    },
  ]);
  // The settings on a sheet of their own, written first: what a finance person reads of the plan first.
  await workbook.writeTable(settingsSheetName(locale), {
    name: SETTINGS_TABLE,
    headers: settings.headers,
    rows: settings.rows as CellValue[][],
  });
  await workbook.writeRange(componentsSheet, OLD_STAMP, [
    [templateMarker('compplan'), plan.id, null, null, null],
  ]);
  await workbook.writeTable(componentsSheet, {
    name: COMPONENTS_TABLE,
    headers: components.headers,
    rows: components.rows as CellValue[][],
    at: TABLE_AT,
    ...sheetFormats(componentsDef(), locale),
    freezeHeader: true,
  });
  await workbook.writeRange(tiersSheet, 'A1', [[templateMarker('compplan')]]);
  await workbook.writeTable(tiersSheet, {
    name: TIERS_TABLE,
    headers: tiers.headers,
    rows: tiers.rows as CellValue[][],
    at: TABLE_AT,
    ...sheetFormats(tiersDef(), locale),
    listRanges: { [tiers.headers[0]!]: namesRange },
    freezeHeader: true,
  });
  await hideMarkerRow(workbook, componentsSheet);
  await hideMarkerRow(workbook, tiersSheet);
  return { components: componentsSheet, tiers: tiersSheet, rows: components.rows.length + tiers.rows.length };
}

async function findTable(
  workbook: Workbook,
  sheetName: (l: Locale) => string,
  first: Locale,
  table: string,
): Promise<{ sheet: string; data: TableData } | null> {
  for (const sheet of new Set([sheetName(first), ...locales.map(sheetName)])) {
    const data = await workbook.readTable(sheet, table);
    if (data) return { sheet, data };
  }
  return null;
}

export class CompPlanMissingError extends Error {
  constructor() {
    super('The workbook has no Teamsheet comp-plan Components table; insert the comp-plan template first.');
    this.name = 'CompPlanMissingError';
  }
}

export interface CompPlanRead {
  plan: CompPlan;
  findings: Finding[];
  /** The findings with the cells they are about (null: the plan as a whole). */
  located: LocatedFinding[];
  sheets: string[];
  /** True when some finding is an error: the plan must not be used as it stands. */
  hasErrors: boolean;
}

/** `Components!C5` or `'My sheet'!3:3` → the sheet and one cell (a whole row is marked at its column A). */
function placeOfCell(cell: unknown): { sheet: string; addresses: string[] } | null {
  if (typeof cell !== 'string') return null;
  const bang = cell.lastIndexOf('!');
  if (bang < 0) return null;
  const sheet = cell
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  const local = cell.slice(bang + 1);
  const wholeRow = /^(\d+):\d+$/.exec(local);
  return { sheet, addresses: [wholeRow ? `A${wholeRow[1]}` : local] };
}

/** Reads the comp plan back from its tables (components' names back to their ids); a malformed plan comes back with its findings. */
export async function readCompPlan(workbook: Workbook, locale: Locale): Promise<CompPlanRead> {
  const components = await findTable(workbook, componentsSheetName, locale, COMPONENTS_TABLE);
  if (!components) throw new CompPlanMissingError();
  const tiers = await findTable(workbook, tiersSheetName, locale, TIERS_TABLE);
  const settings = await findTable(workbook, settingsSheetName, locale, SETTINGS_TABLE);
  const [stamp = []] = await workbook.readRange(components.sheet, OLD_STAMP);
  const text = (v: CellValue | undefined, fallback: string) =>
    typeof v === 'string' && v.trim() !== '' ? v.trim() : fallback;
  const input = (found: { sheet: string; data: TableData }) => {
    const start = parseRange(found.data.address).start;
    return {
      headers: found.data.headers,
      rows: found.data.rows,
      sheetName: found.sheet,
      firstRow: start.row + 2,
      firstColumn: start.col + 1,
    };
  };
  // A sheet written before the settings table kept them in its stamp row: read there when it is missing.
  const oldStamp = settings
    ? {}
    : {
        name: text(stamp[2], 'Comp plan'),
        currency: text(stamp[3], 'CNY').toUpperCase(),
        ...(stamp[4] === '四舍六入五成双' || stamp[4] === 'half-even'
          ? { rounding: 'half-even' as const }
          : {}),
      };
  const { plan, findings } = compPlanRowsToCompPlan(
    {
      components: input(components),
      ...(tiers ? { tiers: input(tiers) } : {}),
      ...(settings ? { settings: input(settings) } : {}),
      componentIds: await readNameIds(workbook, 'components'),
      id: text(stamp[1], 'plan'),
      name: 'Comp plan',
      currency: 'CNY',
      rounding: 'half-up',
      ...oldStamp,
    },
    locale,
  );
  const located = findings.map((finding) => ({ finding, place: placeOfCell(finding.params?.cell) }));
  return {
    plan,
    findings,
    located,
    sheets: [components, tiers, settings].flatMap((found) => (found ? [found.sheet] : [])),
    hasErrors: findings.some((f) => f.severity === 'error') || plan.components.length === 0,
  };
}
