// Blank template workbooks, written with ExcelJS from the core's template definitions: a hidden
// marker row, the header row frozen, number formats per column, and drop-down lists fed from a
// hidden Lists sheet through named ranges (so a list of a thousand owners works). The formula columns
// (the targets' Total and quarters) get the core's formula in every data row with no cached result:
// a blank row's result is blank, and the spreadsheet computes the rest on load (fullCalcOnLoad), so
// no cached value can disagree with what it would recalculate.
import {
  columnFormula,
  getTemplate,
  metricCatalog,
  NUMBER_FORMATS,
  numberFormatFor,
  fixedLists,
  templateMarker,
  TEMPLATE_LAYOUT,
  type ColumnDef,
  type ListSource,
  type Locale,
  type Person,
  type TemplateKind,
  type Unit,
} from '@teamsheet/shared';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows below the header that carry the formats and drop-downs of a blank template. */
export const TEMPLATE_DATA_ROWS = 5000;

export type TemplateScope = {
  /** Units and people the caller may plan for (their scope in the org). */
  units: readonly Unit[];
  people: readonly Person[];
};

export type TemplateOptions = { kind: TemplateKind; locale: Locale; year?: number; scope: TemplateScope };

const LISTS_SHEET = 'Lists';

/** A formula with no `result`: ExcelJS then writes no cached value (its type wants one). */
type CellFormula = import('exceljs').CellFormulaValue;

type RangeValidations = { add(range: string, validation: import('exceljs').DataValidation): void };

type ListColumn = { source: ListSource; values: string[]; labels?: string[] };

function listsOf(scope: TemplateScope, locale: Locale): ListColumn[] {
  const units = scope.units.map((u) => u.id);
  const people = scope.people.map((p) => p.id);
  const metrics = Object.values(metricCatalog);
  const fixed = (source: keyof typeof fixedLists): ListColumn => ({
    source,
    values: fixedLists[source].map((v) => v.label[locale]),
  });
  return [
    {
      source: 'owners',
      values: [...units, ...people],
      labels: [...scope.units.map((u) => u.name), ...scope.people.map((p) => p.name ?? p.id)],
    },
    { source: 'people', values: people, labels: scope.people.map((p) => p.name ?? p.id) },
    { source: 'units', values: units, labels: scope.units.map((u) => u.name) },
    { source: 'metrics', values: metrics.map((m) => m.id), labels: metrics.map((m) => m.label[locale]) },
    fixed('directions'),
    fixed('curves'),
    fixed('raterGroups'),
    fixed('componentTypes'),
    fixed('commissionModes'),
    fixed('booleans'),
  ];
}

const listName = (source: ListSource): string => `Teamsheet_${source}`;

function columnFormat(kind: TemplateKind, col: ColumnDef): string | undefined {
  if (col.numberFormat) return col.numberFormat;
  // Targets: the format follows each row's metric; a blank sheet has no rows, so its number columns
  // take the currency format (the most common target), which shows counts without harm.
  if (kind === 'targets' && col.type === 'number') return numberFormatFor('revenue');
  if (col.type === 'date' || col.type === 'week') return NUMBER_FORMATS.date;
  if (col.type === 'percent') return NUMBER_FORMATS.percent;
  return undefined;
}

/** The .xlsx bytes of a blank template of `kind` for the caller's scope. */
export async function writeTemplateWorkbook(options: TemplateOptions): Promise<Uint8Array> {
  const { kind, locale } = options;
  // ExcelJS is loaded on first use: it is heavy, and the Functions' cold start has a budget.
  const { default: ExcelJS } = await import('exceljs');
  const template = getTemplate(kind, options.year === undefined ? {} : { year: options.year });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Teamsheet';
  workbook.calcProperties.fullCalcOnLoad = true;
  workbook.title = template.title[locale];

  const lists = listsOf(options.scope, locale);
  const used = new Set(template.sheets.flatMap((s) => s.columns.map((c) => c.list).filter(Boolean)));
  const firstData = TEMPLATE_LAYOUT.firstDataRow;
  const lastData = firstData + TEMPLATE_DATA_ROWS - 1;

  for (const sheet of template.sheets) {
    const ws = workbook.addWorksheet(sheet.name[locale], {
      views: [{ state: 'frozen', xSplit: 0, ySplit: TEMPLATE_LAYOUT.headerRow }],
    });
    // Range-wide validations exist in ExcelJS 4 (one <dataValidation sqref="A3:A5002">) but not in its types.
    const validations = (ws as unknown as { dataValidations: RangeValidations }).dataValidations;
    ws.getCell(TEMPLATE_LAYOUT.markerRow, 1).value = templateMarker(kind);
    ws.getRow(TEMPLATE_LAYOUT.markerRow).hidden = true;
    const header = ws.getRow(TEMPLATE_LAYOUT.headerRow);
    sheet.columns.forEach((col, i) => {
      const cell = header.getCell(i + 1);
      cell.value = col.header[locale];
      cell.font = { bold: true };
      cell.fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: col.required ? 'FFD9E1F2' : 'FFF2F2F2' },
      };
      const column = ws.getColumn(i + 1);
      column.width = Math.max(12, col.header[locale].length + 4, col.list === 'owners' ? 20 : 0);
      const format = columnFormat(kind, col);
      const letter = column.letter;
      if (format) {
        // A column style: Excel and LibreOffice give it to every cell typed into the column.
        column.numFmt = format;
      }
      if (col.sumOf)
        for (let row = firstData; row <= lastData; row++) {
          const formula = columnFormula(sheet, col.key, { row });
          if (formula) ws.getCell(row, i + 1).value = { formula: formula.slice(1) } as CellFormula;
        }
      if (col.list) {
        const list = lists.find((l) => l.source === col.list);
        if (list && list.values.length > 0) {
          validations.add(`${letter}${firstData}:${letter}${lastData}`, {
            type: 'list',
            allowBlank: !col.required,
            formulae: [listName(col.list)],
            showErrorMessage: col.list !== 'metrics',
          });
        }
      } else if (col.type === 'number' || col.type === 'percent') {
        validations.add(`${letter}${firstData}:${letter}${lastData}`, {
          type: 'decimal',
          operator: 'between',
          allowBlank: true,
          formulae: [-1e15, 1e15],
          showErrorMessage: true,
        });
      }
    });
  }

  // The hidden Lists sheet: one id column per list (with a label column beside it to read by).
  const listSheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  let column = 1;
  for (const list of lists) {
    if (!used.has(list.source) && !(list.source === 'owners' && used.has('people'))) continue;
    listSheet.getCell(1, column).value = list.source;
    listSheet.getCell(1, column).font = { bold: true };
    list.values.forEach((v, r) => (listSheet.getCell(r + 2, column).value = v));
    if (list.labels) {
      listSheet.getCell(1, column + 1).value = `${list.source} (${locale})`;
      list.labels.forEach((v, r) => (listSheet.getCell(r + 2, column + 1).value = v));
    }
    const letter = listSheet.getColumn(column).letter;
    if (list.values.length > 0)
      workbook.definedNames.add(
        `${LISTS_SHEET}!$${letter}$2:$${letter}$${list.values.length + 1}`,
        listName(list.source),
      );
    column += list.labels ? 2 : 1;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
