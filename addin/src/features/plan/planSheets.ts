// The planning templates in a workbook: writing the Targets and Goals tables from the core's template
// definitions, reading them back into a Plan, and mapping findings to the cells they are about.
// Everything here goes through the Workbook interface, so Excel and the preview behave the same.
import {
  TEMPLATE_LAYOUT,
  TEMPLATE_VERSION,
  blankRowFormulas,
  columnFormula,
  getMetric,
  getTemplate,
  goalRowsToGoals,
  goalsToRows,
  metricCatalog,
  monthKey,
  monthsOf,
  numberFormatFor,
  parseTemplateMarker,
  planToTargetRows,
  readTable,
  targetRowsToPlan,
  targetsSheet,
  templateMarker,
  type Finding,
  type Goal,
  type Locale,
  type Plan,
  type SheetDef,
} from '@teamsheet/shared';
import {
  cellAddress,
  parseRange,
  rangeAddress,
  type CellMark,
  type CellValue,
  type TableData,
  type Workbook,
} from '../../office';
import { hideMarkerRow } from '../common/markerRow';
import { LISTS_SHEET, NAME_LISTS, readNameIds, writeNameLists } from '../common/nameLists';

export const TARGETS_TABLE = 'TeamsheetTargets';
export const GOALS_TABLE = 'TeamsheetGoals';
export const LISTS_TABLE = NAME_LISTS.plan.table;
export { LISTS_SHEET };
/** The plan's stamp in row 1 of the Targets sheet: marker, unit, period, the version the sheet is based on. */
export const STAMP_ADDRESS = 'A1:D1';
const TABLE_AT = `A${TEMPLATE_LAYOUT.headerRow}`;
const locales: readonly Locale[] = ['en', 'zh-CN'];

/** Colours of the finding marks: red error, amber warning, blue info. */
export const SEVERITY_FILL: Record<Finding['severity'], string> = {
  error: '#FDE7E9',
  warning: '#FFF4CE',
  info: '#DEECF9',
};
const severityRank: Record<Finding['severity'], number> = { error: 3, warning: 2, info: 1 };

export const targetsSheetName = (locale: Locale) => getTemplate('targets').sheets[0]!.name[locale];
export const goalsSheetName = (locale: Locale) => getTemplate('goals').sheets[0]!.name[locale];
const goalsDef = (): SheetDef => getTemplate('goals').sheets[0]!;

export interface PlanStamp {
  unitId: string;
  period: string;
  templateVersion: string;
  /** The stored version the sheet was based on; 0 before the first submission. */
  baseVersion: number;
}

export interface TemplateInput {
  unitId: string;
  year: number;
  /** Units and people a target may belong to, the unit first. */
  owners: string[];
  metrics: string[];
  locale: Locale;
  /** A stored plan to write instead of empty rows (reload). */
  plan?: Pick<Plan, 'targets' | 'goals'>;
  baseVersion?: number;
  /** The names the sheets show for owners (id → a person's or unit's name); ids without one show as ids. */
  ownerNames?: ReadonlyMap<string, string>;
}

/**
 * How the sheets show owners and metrics: by name and by the metric's label in the language. The
 * hidden Lists sheet keeps each name beside its id, so reading the sheets back maps names to ids
 * (readOwnerIds) without the organisation at hand; a typed id still reads as itself.
 */
function shownAs(input: Pick<TemplateInput, 'ownerNames' | 'locale'>) {
  return {
    owner: (id: CellValue) => (typeof id === 'string' ? (input.ownerNames?.get(id) ?? id) : id),
    metric: (id: CellValue) => (typeof id === 'string' ? (getMetric(id)?.label[input.locale] ?? id) : id),
  };
}

/** Owner names → ids, as the Lists sheet holds them (empty before a template is inserted). */
const readOwnerIds = (workbook: Workbook) => readNameIds(workbook, 'plan');

/** A starter OGSM goal for the unit, so the Goals table has a row to edit and a shape to copy. */
function starterGoals(unitId: string, year: number, locale: Locale): Goal[] {
  return [
    {
      id: 'G1',
      owner: unitId,
      objective:
        locale === 'zh-CN'
          ? `${year}年销售额从 0 提升到目标值，12月31日前完成`
          : `Raise revenue from 0 to the target by 31 December ${year}`,
      metric: 'revenue',
      baseline: 0,
      target: 0,
      unit: 'CNY',
      deadline: `${year}-12-31`,
      strategy: locale === 'zh-CN' ? '按月分解，周检讨' : 'Monthly split, weekly review',
      measure: locale === 'zh-CN' ? '月度完成率' : 'Monthly completion rate',
    },
  ];
}

/**
 * Writes the Lists, Targets and Goals sheets: Targets has one row per owner × metric (or the rows of
 * `plan`), a Total, 12 months and the quarters — Total and the quarters as the core's formulas, so
 * Excel fills them in after every month typed or allocated — number formats by each row's metric,
 * drop-downs of owners and metrics, a frozen header and the stamp row. Returns the sheet names written.
 */
export async function insertTemplates(
  workbook: Workbook,
  input: TemplateInput,
): Promise<{ targets: string; goals: string; rows: number }> {
  const { locale, year } = input;
  const period = String(year);
  const catalog = Object.keys(metricCatalog);
  const show = shownAs(input);
  const [ownerCol, metricCol] = getTemplate('targets').sheets[0]!.columns as [
    SheetDef['columns'][number],
    SheetDef['columns'][number],
  ];
  const [ownersRange = '', metricsRange = ''] = await writeNameLists(workbook, 'plan', [
    {
      key: ownerCol.key,
      header: ownerCol.header[locale],
      entries: input.owners.map((id) => ({ id, name: show.owner(id) })),
    },
    {
      key: metricCol.key,
      header: metricCol.header[locale],
      entries: catalog.map((id) => ({ id, name: show.metric(id) })),
    },
  ]);

  const sheetDef = targetsSheet(year);
  const firstRow = TEMPLATE_LAYOUT.firstDataRow; // the table's header sits in row 2 (TABLE_AT)
  let rows: CellValue[][];
  let formats: string[];
  if (input.plan && input.plan.targets.length > 0) {
    const written = planToTargetRows(input.plan, year, { locale, formulas: { row: firstRow } });
    rows = (written.rows as CellValue[][]).map(([owner, metric, ...values]) => [
      show.owner(owner ?? null),
      show.metric(metric ?? null),
      ...values,
    ]);
    formats = written.numberFormats;
  } else {
    rows = [];
    formats = [];
    for (const owner of input.owners)
      for (const metric of input.metrics) {
        rows.push([
          show.owner(owner),
          show.metric(metric),
          ...blankRowFormulas(sheetDef, { row: firstRow + rows.length }).slice(2),
        ]);
        formats.push(numberFormatFor(metric));
      }
  }
  const headers = sheetDef.columns.map((c) => c.header[locale]);
  const [ownerHeader, metricHeader, ...numberHeaders] = headers as [string, string, ...string[]];
  const targetsName = targetsSheetName(locale);
  await workbook.writeRange(targetsName, STAMP_ADDRESS, [
    [templateMarker('targets'), input.unitId, period, input.baseVersion ?? 0],
  ]);
  await workbook.writeTable(targetsName, {
    name: TARGETS_TABLE,
    headers,
    rows,
    at: TABLE_AT,
    listRanges: { [ownerHeader]: ownersRange, [metricHeader]: metricsRange },
    rowFormats: { headers: numberHeaders, formats },
    freezeHeader: true,
  });

  const goals = input.plan ? (input.plan.goals ?? []) : starterGoals(input.unitId, year, locale);
  const goalRows = goalsToRows(goals, { locale });
  const def = goalsDef();
  const header = (key: string) => def.columns.find((c) => c.key === key)!.header[locale];
  const goalOwnerAt = goalRows.headers.indexOf(header('owner'));
  const goalMetricAt = goalRows.headers.indexOf(header('metric'));
  const shownGoalRows = (goalRows.rows as CellValue[][]).map((row) =>
    row.map((v, i) => (i === goalOwnerAt ? show.owner(v) : i === goalMetricAt ? show.metric(v) : v)),
  );
  const numberFormats: Record<string, string> = {};
  for (const c of def.columns) if (c.numberFormat) numberFormats[c.header[locale]] = c.numberFormat;
  const goalsName = goalsSheetName(locale);
  await workbook.writeRange(goalsName, 'A1', [[templateMarker('goals')]]);
  await workbook.writeTable(goalsName, {
    name: GOALS_TABLE,
    headers: goalRows.headers,
    rows: shownGoalRows,
    at: TABLE_AT,
    numberFormats,
    listRanges: { [header('owner')]: ownersRange, [header('metric')]: metricsRange },
    freezeHeader: true,
  });
  // Row 1 holds the marker (and on Targets the stamp): hidden, its first cell named as the core's layout says.
  await hideMarkerRow(workbook, targetsName);
  await hideMarkerRow(workbook, goalsName);
  return { targets: targetsName, goals: goalsName, rows: rows.length };
}

async function findTable(
  workbook: Workbook,
  names: string[],
  table: string,
): Promise<{ sheet: string; data: TableData } | null> {
  for (const sheet of names) {
    const data = await workbook.readTable(sheet, table);
    if (data) return { sheet, data };
  }
  return null;
}

const sheetNamesFor = (of: (l: Locale) => string, first: Locale) => [
  ...new Set([of(first), ...locales.map(of)]),
];

/** Where a finding points: a sheet and one or more cells. */
export interface FindingPlace {
  sheet: string;
  addresses: string[];
}

export interface PlanRead {
  plan: Plan;
  stamp: PlanStamp;
  /** Findings of the importers (unreadable cells, duplicate rows), located by their cell. */
  importFindings: Finding[];
  targetsSheet: string;
  goalsSheet: string | null;
  /** The owners' names the sheets show, by id (from the Lists sheet), and the language they read in. */
  ownerNames: ReadonlyMap<string, string>;
  locale: Locale;
  /** The cells a finding is about, or null when it names no cell (the plan as a whole). */
  locate(finding: Finding, origin: 'import' | 'plan'): FindingPlace | null;
}

export class TemplateMissingError extends Error {
  constructor() {
    super('The workbook has no Teamsheet Targets table; insert the template first.');
    this.name = 'TemplateMissingError';
  }
}

/** Reads the stamp row of the Targets sheet. */
export async function readStamp(workbook: Workbook, locale: Locale): Promise<PlanStamp | null> {
  for (const sheet of sheetNamesFor(targetsSheetName, locale)) {
    if (!(await workbook.listSheets()).includes(sheet)) continue;
    const [row = []] = await workbook.readRange(sheet, STAMP_ADDRESS);
    const marker = parseTemplateMarker(row[0]);
    if (!marker || marker.kind !== 'targets') continue;
    return {
      templateVersion: marker.version,
      unitId: String(row[1] ?? ''),
      period: String(row[2] ?? ''),
      baseVersion: typeof row[3] === 'number' ? row[3] : Number(row[3]) || 0,
    };
  }
  return null;
}

export async function writeBaseVersion(workbook: Workbook, sheet: string, version: number): Promise<void> {
  await workbook.writeRange(sheet, 'D1', [[version]]);
}

const PATH = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.(\w+))?$/;

/** Reads Targets and Goals back into a Plan, with the importers' findings and a locator for findings. */
export async function readPlan(workbook: Workbook, locale: Locale): Promise<PlanRead> {
  const stamp = await readStamp(workbook, locale);
  const targets = await findTable(workbook, sheetNamesFor(targetsSheetName, locale), TARGETS_TABLE);
  if (!stamp || !targets) throw new TemplateMissingError();
  const year = Number(stamp.period.slice(0, 4));
  const tableAt = (data: TableData) => {
    const start = parseRange(data.address).start;
    return { headerRow: start.row, col: start.col }; // 0-based
  };
  const tAt = tableAt(targets.data);
  const owners = await readOwnerIds(workbook);
  const tInput = {
    headers: targets.data.headers,
    rows: targets.data.rows,
    sheetName: targets.sheet,
    firstRow: tAt.headerRow + 2,
    firstColumn: tAt.col + 1,
    owners,
  };
  const { plan, findings } = targetRowsToPlan(
    { ...tInput, unitId: stamp.unitId, period: stamp.period, templateVersion: stamp.templateVersion },
    locale,
  );
  // Which sheet row holds each owner × metric, and which column each period: findings name targets by index.
  const tRead = readTable(targetsSheet(year), tInput, locale);
  const rowOf = new Map<string, number>();
  for (const r of tRead.records) {
    const key = `${String(r.values.owner)}\u0000${String(r.values.metric)}`;
    if (!rowOf.has(key)) rowOf.set(key, r.index);
  }
  const months = monthsOf(String(year));
  const colOfPeriod = new Map<string, number | undefined>([
    [String(year), tRead.columns.get('total')],
    ...months.map((m, i) => [m, tRead.columns.get(monthKey(i + 1))] as const),
  ]);
  const targetCell = (bodyRow: number, col: number) =>
    cellAddress(tAt.headerRow + 1 + bodyRow, tAt.col + col);

  const goals = await findTable(workbook, sheetNamesFor(goalsSheetName, locale), GOALS_TABLE);
  let goalRowOf = new Map<string, number>();
  let gColumns = new Map<string, number>();
  let gAt = { headerRow: 1, col: 0 };
  if (goals) {
    gAt = tableAt(goals.data);
    const gInput = {
      headers: goals.data.headers,
      rows: goals.data.rows,
      sheetName: goals.sheet,
      firstRow: gAt.headerRow + 2,
      firstColumn: gAt.col + 1,
      owners,
    };
    const read = goalRowsToGoals(gInput, locale);
    plan.goals = read.goals;
    findings.push(...read.findings);
    const gRead = readTable(goalsDef(), gInput, locale);
    gColumns = gRead.columns;
    goalRowOf = new Map();
    for (const r of gRead.records) {
      const id = String(r.values.id);
      if (!goalRowOf.has(id)) goalRowOf.set(id, r.index);
    }
  }

  const locate = (finding: Finding, origin: 'import' | 'plan'): FindingPlace | null => {
    const m = PATH.exec(finding.path);
    const [, collection, indexText, field] = m ?? [];
    const index = indexText === undefined ? -1 : Number(indexText);
    if (origin === 'import') {
      const cell = typeof finding.params?.cell === 'string' ? finding.params.cell : '';
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
    if (collection === 'unitId' || collection === 'period')
      return { sheet: targets.sheet, addresses: [collection === 'unitId' ? 'B1' : 'C1'] };
    if (collection === 'targets' && index >= 0) {
      const t = plan.targets[index];
      if (!t) return null;
      const row = rowOf.get(`${t.owner}\u0000${t.metric}`);
      if (row === undefined) return null;
      if (finding.rule === 'timebound.months-missing') {
        const missing = String(finding.params?.missing ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const cols = missing.map((p) => colOfPeriod.get(p)).filter((c): c is number => c !== undefined);
        if (cols.length > 0) return { sheet: targets.sheet, addresses: cols.map((c) => targetCell(row, c)) };
      }
      const col =
        field === 'owner'
          ? tRead.columns.get('owner')
          : field === 'metric'
            ? tRead.columns.get('metric')
            : colOfPeriod.get(t.period);
      return col === undefined ? null : { sheet: targets.sheet, addresses: [targetCell(row, col)] };
    }
    if (collection === 'goals' && index >= 0 && goals) {
      const g = plan.goals?.[index];
      const row = g ? goalRowOf.get(g.id) : undefined;
      const col = gColumns.get(field ?? 'id') ?? gColumns.get('id');
      if (row === undefined || col === undefined) return null;
      return { sheet: goals.sheet, addresses: [cellAddress(gAt.headerRow + 1 + row, gAt.col + col)] };
    }
    return null;
  };

  return {
    plan,
    stamp,
    importFindings: findings,
    targetsSheet: targets.sheet,
    goalsSheet: goals?.sheet ?? null,
    ownerNames: new Map([...owners].map(([name, id]) => [id, name])),
    locale,
    locate,
  };
}

export interface LocatedFinding {
  finding: Finding;
  place: FindingPlace | null;
}

/** Findings with their cells: importer findings by their cell, the others by their path. */
export function locateAll(
  read: Pick<PlanRead, 'locate'>,
  importFindings: readonly Finding[],
  planFindings: readonly Finding[],
): LocatedFinding[] {
  return [
    ...importFindings.map((finding) => ({ finding, place: read.locate(finding, 'import') })),
    ...planFindings.map((finding) => ({ finding, place: read.locate(finding, 'plan') })),
  ];
}

/**
 * Clears this add-in's marks on the plan sheets, then paints each located finding: the fill of the
 * worst severity on a cell and the messages of all its findings as the note. One markCells per sheet.
 */
export async function paintFindings(
  workbook: Workbook,
  sheets: readonly string[],
  located: readonly LocatedFinding[],
): Promise<number> {
  const bySheet = new Map<string, Map<string, { rank: number; fill: string; notes: string[] }>>();
  for (const sheet of sheets) bySheet.set(sheet, new Map());
  for (const { finding, place } of located) {
    if (!place) continue;
    let cells = bySheet.get(place.sheet);
    if (!cells) bySheet.set(place.sheet, (cells = new Map()));
    for (const address of place.addresses) {
      const rank = severityRank[finding.severity];
      const cell = cells.get(address) ?? { rank: 0, fill: '', notes: [] };
      if (rank > cell.rank) Object.assign(cell, { rank, fill: SEVERITY_FILL[finding.severity] });
      if (!cell.notes.includes(finding.message)) cell.notes.push(finding.message);
      cells.set(address, cell);
    }
  }
  let painted = 0;
  for (const [sheet, cells] of bySheet) {
    await workbook.clearMarks(sheet);
    const marks: CellMark[] = [...cells].map(([address, c]) => ({
      address,
      fill: c.fill,
      note: c.notes.join('\n'),
    }));
    if (marks.length > 0) await workbook.markCells(sheet, marks);
    painted += marks.length;
  }
  return painted;
}

/** The cells of a Targets row: where its Total and months are, for allocation. */
export interface TargetRowRef {
  owner: string;
  metric: string;
  /** How the sheet shows them: the owner's name, the metric's label. */
  ownerName: string;
  metricName: string;
  /** 0-based sheet row. */
  row: number;
  total: number | null;
  months: (number | null)[];
}

export interface TargetsGrid {
  sheet: string;
  year: number;
  unitId: string;
  /** 0-based sheet column of Total. */
  totalCol: number;
  /** 0-based sheet column of the year's first month; the 12 months follow it. */
  monthCol: number;
  firstBodyRow: number;
  rows: TargetRowRef[];
  /** The Total formula of a 0-based sheet row (its months' sum), as the core writes it for this sheet. */
  totalFormula(row: number): string | undefined;
}

/** The Targets table as rows of owner, metric, total and months, for the allocation panel. */
export async function readTargetsGrid(workbook: Workbook, locale: Locale): Promise<TargetsGrid> {
  const stamp = await readStamp(workbook, locale);
  const found = await findTable(workbook, sheetNamesFor(targetsSheetName, locale), TARGETS_TABLE);
  if (!stamp || !found) throw new TemplateMissingError();
  const start = parseRange(found.data.address).start;
  const year = Number(stamp.period.slice(0, 4));
  const owners = await readOwnerIds(workbook);
  const { records, columns } = readTable(targetsSheet(year), {
    headers: found.data.headers,
    rows: found.data.rows,
    sheetName: found.sheet,
    owners,
  });
  const nameOf = new Map([...owners].map(([name, id]) => [id, name]));
  const totalAt = columns.get('total') ?? 2;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const sheetDef = targetsSheet(year);
  return {
    sheet: found.sheet,
    year,
    unitId: stamp.unitId,
    totalCol: start.col + totalAt,
    monthCol: start.col + (columns.get(monthKey(1)) ?? totalAt + 1),
    totalFormula: (row) =>
      columns.has('total')
        ? columnFormula(sheetDef, 'total', { row: row + 1, firstColumn: start.col + 1, columns })
        : undefined,
    firstBodyRow: start.row + 1,
    rows: records.map((r) => ({
      owner: String(r.values.owner ?? ''),
      metric: String(r.values.metric ?? ''),
      ownerName: nameOf.get(String(r.values.owner ?? '')) ?? String(r.values.owner ?? ''),
      metricName: getMetric(String(r.values.metric ?? ''))?.label[locale] ?? String(r.values.metric ?? ''),
      row: start.row + 1 + r.index,
      total: num(r.values.total),
      months: Array.from({ length: 12 }, (_, i) => num(r.values[monthKey(i + 1)])),
    })),
  };
}

/** Writes 12 month values into a Targets row (one range write). */
export async function writeMonths(
  workbook: Workbook,
  grid: TargetsGrid,
  row: number,
  values: readonly number[],
): Promise<void> {
  await workbook.writeRange(grid.sheet, rangeAddress(row, grid.monthCol, 1, values.length), [[...values]]);
}

/**
 * Writes Total cells (a number, or the Total formula) of some Targets rows: one write per run of
 * consecutive rows. Only those cells: rewriting the whole column would turn the other rows' Total
 * formulas into the numbers they show, and they would stop following their months.
 */
export async function writeTotals(
  workbook: Workbook,
  grid: TargetsGrid,
  values: ReadonlyMap<number, CellValue>,
): Promise<void> {
  const rows = [...values.keys()].sort((a, b) => a - b);
  for (let i = 0; i < rows.length;) {
    let j = i + 1;
    while (j < rows.length && rows[j] === rows[j - 1]! + 1) j++;
    const run = rows.slice(i, j);
    await workbook.writeRange(
      grid.sheet,
      rangeAddress(run[0]!, grid.totalCol, run.length, 1),
      run.map((row) => [values.get(row) ?? null]),
    );
    i = j;
  }
}

/** A change between two plan versions, as GET …/diff answers it. */
export interface PlanChange {
  sheet: string;
  key: { owner?: string; metric?: string; period?: string; id?: string };
  field: string;
  before: string | number | null;
  after: string | number | null;
  kind: 'added' | 'removed' | 'changed';
}

export const CHANGE_FILL: Record<PlanChange['kind'], string> = {
  added: '#DFF6DD',
  removed: '#FDE7E9',
  changed: '#FFF4CE',
};

const diffSheetName = (from: number, to: number) => `Diff v${from}→v${to}`;

/**
 * Writes the diff sheet: one row per changed cell, filled by kind (green added, red removed, amber
 * changed). `shown` names the sheet and gives the rows in the user's words (History, issue 11).
 */
export async function writeDiffSheet(
  workbook: Workbook,
  changes: readonly PlanChange[],
  from: number,
  to: number,
  headers: string[],
  kindLabel: (kind: PlanChange['kind']) => string,
  shown?: { sheet: string; rows: CellValue[][]; numberFormats?: Record<string, string> },
): Promise<string> {
  const sheet = shown?.sheet ?? diffSheetName(from, to);
  const rows: CellValue[][] = changes.map((c) => [
    c.sheet,
    c.key.owner ?? c.key.id ?? null,
    c.key.metric ?? (c.sheet === 'Goals' ? c.field : null),
    c.key.period ?? null,
    c.before,
    c.after,
    kindLabel(c.kind),
  ]);
  await workbook.writeTable(sheet, {
    name: `TeamsheetDiff_${from}_${to}`,
    headers,
    rows: shown?.rows ?? rows,
    ...(shown?.numberFormats ? { numberFormats: shown.numberFormats } : {}),
    freezeHeader: true,
  });
  await workbook.clearMarks(sheet);
  if (changes.length > 0)
    await workbook.markCells(
      sheet,
      changes.map((c, i) => ({
        address: rangeAddress(i + 1, 0, 1, headers.length),
        fill: CHANGE_FILL[c.kind],
      })),
    );
  return sheet;
}

export { TEMPLATE_VERSION };

/** The 0-based sheet row of an address such as `C7` or `C7:D9` (its first cell). */
export function parseSheetRow(address: string): number {
  return parseRange(address).start.row;
}
