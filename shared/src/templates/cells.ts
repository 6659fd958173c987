// Reading template tables from 2-D arrays of cell values (what Office.js and ExcelJS both give):
// header matching in either language, typed cell parsing, and findings that name the cell.
import { getMetric, metricCatalog } from '../metrics';
import { makeFinding, type Locale, type MessageParams } from '../messages/index';
import { isIsoDate } from '../period';
import type { Finding, Severity } from '../schemas';
import type { ColumnDef, EnumValue, SheetDef } from './definitions';
import { excelSerialToIso, isoWeekOf, isoWeekStart } from './excelDates';
import { TEMPLATE_LAYOUT, parseTemplateMarker } from './version';
import type { TemplateKind } from './definitions';

/** A cell as the hosts hand it over: Office.js gives numbers for dates, ExcelJS gives Date objects. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A table read from a sheet: its header row and its data rows. */
export type SheetTable = { headers: readonly CellValue[]; rows: readonly (readonly CellValue[])[] };

export type TableReadOptions = {
  /** The sheet's name for cell references in findings (default: the template sheet's English name). */
  sheetName?: string;
  /** Sheet row number (1-based) of `rows[0]` (default 3: marker row, header row, data). */
  firstRow?: number;
  /** Sheet column number (1-based) of `headers[0]` (default 1, column A). */
  firstColumn?: number;
  /** The workbook uses the 1904 date system (Excel for Mac of old); serial numbers count from 1904-01-01. */
  date1904?: boolean;
  /**
   * Owners by the names a sheet shows for them (a person's or unit's name → its id): an owner cell
   * holding a name reads as the id; an id reads as itself. Metrics are read by their labels always.
   */
  owners?: ReadonlyMap<string, string>;
};

export type ImportTable = SheetTable & TableReadOptions;

/** A parsed cell: text, number, boolean; dates as ISO `YYYY-MM-DD`, weeks as ISO week ids `2026-W09`. */
export type ParsedCell = string | number | boolean;
export type TableRecord = { index: number; values: Record<string, ParsedCell | undefined> };

/** The column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** An A1 reference with its sheet, quoted where Excel needs quotes: `Targets!C5`, `'My plan'!B3`. */
export function cellRef(sheetName: string, row: number, column: number): string {
  const quoted = /^[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*$/.test(sheetName)
    ? sheetName
    : `'${sheetName.replace(/'/g, "''")}'`;
  return `${quoted}!${columnLetter(column)}${row}`;
}

/** Headers compare trimmed, case-insensitive, full-width folded, with runs of space, _ and - as one space. */
export function normalizeHeader(text: unknown): string {
  if (typeof text !== 'string' && typeof text !== 'number') return '';
  return String(text)
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

function headerNames(col: ColumnDef): string[] {
  return [col.key, col.header.en, col.header['zh-CN'], ...(col.aliases ?? [])].map(normalizeHeader);
}

/**
 * The position of every known column in a header row, matched in either language. Unknown headers
 * are reported (and ignored), a missing required column and a header used twice are errors.
 */
export function matchHeaders(
  sheet: SheetDef,
  table: ImportTable,
  locale: Locale = 'en',
): { columns: Map<string, number>; findings: Finding[] } {
  const ctx = context(sheet, table, locale);
  const lookup = new Map<string, ColumnDef>();
  for (const col of sheet.columns)
    for (const name of headerNames(col)) if (!lookup.has(name)) lookup.set(name, col);
  const columns = new Map<string, number>();
  const findings: Finding[] = [];
  const headerRow = ctx.firstRow - 1;
  table.headers.forEach((raw, i) => {
    const name = normalizeHeader(raw);
    if (name === '') return;
    const col = lookup.get(name);
    const params = { cell: cellRef(ctx.sheetName, headerRow, ctx.firstColumn + i), header: String(raw) };
    if (!col) {
      findings.push(
        makeFinding('import.unknown-column', 'warning', `${sheet.key}.headers[${i}]`, params, locale),
      );
    } else if (columns.has(col.key)) {
      findings.push(
        makeFinding('import.duplicate-column', 'error', `${sheet.key}.headers[${i}]`, params, locale),
      );
    } else {
      columns.set(col.key, i);
    }
  });
  for (const col of sheet.columns) {
    if (col.required && !columns.has(col.key)) {
      findings.push(
        makeFinding(
          'import.missing-column',
          'error',
          `${sheet.key}.headers`,
          {
            sheet: ctx.sheetName,
            column: col.header[locale],
          },
          locale,
        ),
      );
    }
  }
  return { columns, findings };
}

type ReadContext = {
  sheet: SheetDef;
  sheetName: string;
  firstRow: number;
  firstColumn: number;
  date1904: boolean;
  locale: Locale;
  owners: ReadonlyMap<string, string> | undefined;
};

function context(sheet: SheetDef, table: TableReadOptions, locale: Locale): ReadContext {
  return {
    sheet,
    sheetName: table.sheetName ?? sheet.name.en,
    firstRow: table.firstRow ?? TEMPLATE_LAYOUT.firstDataRow,
    firstColumn: table.firstColumn ?? 1,
    date1904: table.date1904 === true,
    locale,
    owners: table.owners,
  };
}

/** Makes findings about one cell of a table: path `<table>[row].<column>`, params with `cell` (A1) and `row`. */
export type CellFindings = (
  rule: string,
  severity: Severity,
  rowIndex: number,
  key: string,
  params?: MessageParams,
) => Finding;

function cellFindingsOf(ctx: ReadContext, columns: Map<string, number>): CellFindings {
  return (rule, severity, rowIndex, key, params = {}) => {
    const colIndex = columns.get(key);
    const sheetRow = ctx.firstRow + rowIndex;
    const cell =
      colIndex === undefined
        ? `${ctx.sheetName}!${sheetRow}:${sheetRow}`
        : cellRef(ctx.sheetName, sheetRow, ctx.firstColumn + colIndex);
    const header = ctx.sheet.columns.find((c) => c.key === key)?.header[ctx.locale] ?? key;
    return makeFinding(
      rule,
      severity,
      `${ctx.sheet.key}[${rowIndex}].${key}`,
      { cell, row: sheetRow, column: header, ...params },
      ctx.locale,
    );
  };
}

const isBlank = (v: CellValue): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const shown = (v: CellValue): string => (v instanceof Date ? v.toISOString() : String(v));

/** The value of an enum matched by value, label (either language) or alias; undefined when none matches. */
export function matchEnum(values: readonly EnumValue[], raw: string): string | undefined {
  const name = normalizeHeader(raw);
  for (const v of values) {
    const names = [v.value, v.label.en, v.label['zh-CN'], ...(v.aliases ?? [])].map(normalizeHeader);
    if (names.includes(name)) return v.value;
  }
  return undefined;
}

let metricLabels: Map<string, string> | undefined;
/** A metric id from an id or from its label in either language (drop-downs may show labels). */
export function resolveMetric(text: string): string {
  if (getMetric(text)) return text;
  if (!metricLabels) {
    metricLabels = new Map();
    for (const def of Object.values(metricCatalog)) {
      metricLabels.set(normalizeHeader(def.label.en), def.id);
      metricLabels.set(normalizeHeader(def.label['zh-CN']), def.id);
    }
  }
  return metricLabels.get(normalizeHeader(text)) ?? text;
}

/** ISO date of a Date cell by its UTC calendar day (ExcelJS gives date cells as UTC midnight). */
function isoOfDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString().slice(0, 10);
  return isIsoDate(iso) ? iso : null;
}

type CellResult = {
  value?: ParsedCell;
  finding?: { rule: string; severity: Severity; params?: MessageParams };
};

function parseDate(raw: CellValue, ctx: ReadContext): CellResult {
  if (raw instanceof Date) {
    const iso = isoOfDate(raw);
    return iso
      ? { value: iso }
      : { finding: { rule: 'import.not-a-date', severity: 'error', params: { value: shown(raw) } } };
  }
  if (typeof raw === 'number') {
    const iso = excelSerialToIso(raw, { date1904: ctx.date1904 });
    if (iso) return { value: iso };
    const rule = !ctx.date1904 && Math.floor(raw) === 60 ? 'import.fictitious-date' : 'import.not-a-date';
    return { finding: { rule, severity: 'error', params: { value: raw } } };
  }
  const text = String(raw).trim();
  const iso = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(text) ? text.slice(0, 10) : '';
  if (isIsoDate(iso)) return { value: iso };
  return { finding: { rule: 'import.not-a-date', severity: 'error', params: { value: text } } };
}

function parseCell(col: ColumnDef, raw: CellValue, ctx: ReadContext): CellResult {
  switch (col.type) {
    case 'number':
    case 'percent':
      // Never parse text: "1,234" is 1234 in one locale and 1.234 in another, so text is an error.
      if (typeof raw === 'number' && Number.isFinite(raw)) return { value: raw };
      return { finding: { rule: 'import.not-a-number', severity: 'error', params: { value: shown(raw) } } };
    case 'date':
      return parseDate(raw, ctx);
    case 'week': {
      if (typeof raw === 'string' && /w/i.test(raw)) {
        const start = isoWeekStart(raw);
        if (start) return { value: isoWeekOf(start) };
        return { finding: { rule: 'import.not-a-week', severity: 'error', params: { value: raw.trim() } } };
      }
      const date = parseDate(raw, ctx);
      if (date.finding)
        return {
          finding: {
            ...date.finding,
            rule: date.finding.rule === 'import.fictitious-date' ? date.finding.rule : 'import.not-a-week',
          },
        };
      return { value: isoWeekOf(String(date.value)) };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const matched =
        typeof raw === 'string' || typeof raw === 'number'
          ? matchEnum(col.values ?? [], String(raw))
          : undefined;
      if (matched !== undefined) return { value: matched === 'true' };
      return {
        finding: {
          rule: 'import.not-in-list',
          severity: 'error',
          params: { value: shown(raw), allowed: listText(col, ctx.locale) },
        },
      };
    }
    case 'enum': {
      const matched = typeof raw === 'string' ? matchEnum(col.values ?? [], raw) : undefined;
      if (matched !== undefined) return { value: matched };
      return {
        finding: {
          rule: 'import.not-in-list',
          severity: 'error',
          params: { value: shown(raw), allowed: listText(col, ctx.locale) },
        },
      };
    }
    default: {
      // text, owner, metric: ids typed as numbers (1001) are ids all the same
      const text =
        typeof raw === 'number'
          ? String(raw)
          : raw instanceof Date
            ? (isoOfDate(raw) ?? shown(raw))
            : String(raw).trim();
      const value =
        col.type === 'metric'
          ? resolveMetric(text)
          : col.type === 'owner'
            ? (ctx.owners?.get(text) ?? text)
            : text;
      if (typeof raw === 'string' && raw.trimStart().startsWith('=')) {
        // A formula typed into a text field is kept as text, never evaluated, and reported.
        return {
          value,
          finding: { rule: 'import.formula-in-text', severity: 'warning', params: { value: text } },
        };
      }
      return { value };
    }
  }
}

function listText(col: ColumnDef, locale: Locale): string {
  return (col.values ?? []).map((v) => v.label[locale]).join(', ');
}

/**
 * Reads the data rows of a template table: each non-blank row becomes a record of parsed values keyed
 * by column key; cells that cannot be read are left out of the record and reported with their cell.
 */
export function readTable(
  sheet: SheetDef,
  table: ImportTable,
  locale: Locale = 'en',
): { records: TableRecord[]; findings: Finding[]; columns: Map<string, number>; cellFinding: CellFindings } {
  const ctx = context(sheet, table, locale);
  const { columns, findings } = matchHeaders(sheet, table, locale);
  const cellFinding = cellFindingsOf(ctx, columns);
  const present = sheet.columns
    .filter((c) => columns.has(c.key))
    .map((c) => ({ col: c, at: columns.get(c.key) ?? 0 }));
  const records: TableRecord[] = [];
  table.rows.forEach((row, index) => {
    if (present.every(({ at }) => isBlank(row[at]))) return; // blank lines between blocks are fine
    const values: Record<string, ParsedCell | undefined> = {};
    for (const { col, at } of present) {
      const raw = row[at];
      if (isBlank(raw)) continue;
      const result = parseCell(col, raw, ctx);
      if (result.finding)
        findings.push(
          cellFinding(result.finding.rule, result.finding.severity, index, col.key, result.finding.params),
        );
      if (result.value !== undefined) values[col.key] = result.value;
    }
    for (const col of sheet.columns) {
      if (
        col.required &&
        columns.has(col.key) &&
        values[col.key] === undefined &&
        isBlank(row[columns.get(col.key) ?? 0])
      ) {
        findings.push(cellFinding('import.required', 'error', index, col.key));
      }
    }
    records.push({ index, values });
  });
  return { records, findings, columns, cellFinding };
}

/**
 * Splits a template sheet's used range into its marker, header row and data rows. A sheet without the
 * marker row (a table pasted by hand) is read from its first row as headers.
 */
export function splitTemplateSheet(cells: readonly (readonly CellValue[])[]): ImportTable & {
  marker: { kind: TemplateKind; version: string } | null;
} {
  const marker = parseTemplateMarker(cells[0]?.[0]);
  const headerIndex = marker ? TEMPLATE_LAYOUT.headerRow - 1 : 0;
  return {
    marker,
    headers: cells[headerIndex] ?? [],
    rows: cells.slice(headerIndex + 1),
    firstRow: headerIndex + 2,
  };
}

/** The cells of a template sheet to write: marker row, header row, data rows (rows padded to the header width). */
export function templateSheetCells(
  marker: string,
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
): CellValue[][] {
  const width = headers.length;
  const markerRow: CellValue[] = [marker, ...Array<CellValue>(Math.max(0, width - 1)).fill(null)];
  return [
    markerRow,
    [...headers],
    ...rows.map((r) => [...r, ...Array<CellValue>(Math.max(0, width - r.length)).fill(null)]),
  ];
}
