// Report sheets on real Excel (Office.js): blocks of cells with formats written one sync per chunk,
// colour scales as conditional formats (ExcelApi 1.6), and charts replaced by name.
/* eslint-disable office-addins/no-context-sync-in-loop -- one sync per <4 MB chunk, by design */
/* eslint-disable office-addins/no-navigational-load -- isNullObject is a scalar; the rule mistakes it for a navigation property */
import {
  chunkBlocks,
  type CellBlock,
  type ColourPoint,
  type ColourScaleRule,
  type WriteCellsOptions,
} from './report';
import { CHUNK_BYTES, type ChartSpec } from './workbook';

const criterionTypes: Record<ColourPoint['type'], 'Number' | 'LowestValue' | 'HighestValue'> = {
  number: 'Number',
  lowestValue: 'LowestValue',
  highestValue: 'HighestValue',
};

async function sheetFor(context: Excel.RequestContext, name: string): Promise<Excel.Worksheet> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  sheet.load('isNullObject');
  await context.sync();
  return sheet.isNullObject ? context.workbook.worksheets.add(name) : sheet;
}

/**
 * Writes blocks of cells: values, a number format per column, bold and indents, chunk by chunk with
 * one sync each (plus one to find the sheet). With `clear`, the sheet is emptied in the first chunk.
 */
export async function writeCellsIn(
  context: Excel.RequestContext,
  sheetName: string,
  blocks: readonly CellBlock[],
  options: WriteCellsOptions = {},
): Promise<{ syncs: number }> {
  const sheet = await sheetFor(context, sheetName);
  let syncs = 1;
  if (options.clear) {
    const all = sheet.getRange();
    all.conditionalFormats.clearAll();
    all.clear('All');
  }
  const chunks = chunkBlocks(blocks, CHUNK_BYTES);
  if (chunks.length === 0 && options.clear) {
    await context.sync();
    return { syncs: syncs + 1 };
  }
  for (const chunk of chunks) {
    for (const piece of chunk) {
      const rows = piece.values.length;
      const width = Math.max(0, ...piece.values.map((r) => r.length));
      if (rows === 0 || width === 0) continue;
      const range = sheet.getRangeByIndexes(piece.row, piece.col, rows, width);
      range.values = piece.values.map((r) =>
        Array.from({ length: width }, (_, j) => (r[j] === null || r[j] === undefined ? '' : r[j])),
      );
      (piece.columnFormats ?? []).forEach((format, j) => {
        if (format && j < width)
          sheet.getRangeByIndexes(piece.row, piece.col + j, rows, 1).numberFormat = Array.from(
            { length: rows },
            () => [format],
          );
      });
      if (piece.bold) range.format.font.bold = true;
      // consecutive rows of the same indent share one range
      const indents = piece.indents ?? [];
      for (let i = 0; i < indents.length;) {
        let j = i + 1;
        while (j < indents.length && indents[j] === indents[i]) j++;
        if ((indents[i] ?? 0) > 0)
          sheet.getRangeByIndexes(piece.row + i, piece.col, j - i, 1).format.indentLevel = indents[i]!;
        i = j;
      }
    }
    await context.sync();
    syncs += 1;
  }
  return { syncs };
}

/** Adds colour-scale conditional formats, all in one sync. */
export async function addColourScalesIn(
  context: Excel.RequestContext,
  sheetName: string,
  rules: readonly ColourScaleRule[],
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  for (const { address, scale } of rules) {
    const format = sheet.getRange(address).conditionalFormats.add('ColorScale');
    const point = (p: ColourPoint) => ({
      type: criterionTypes[p.type],
      color: p.color,
      ...(p.type === 'number' ? { formula: String(p.value ?? 0) } : {}),
    });
    format.colorScale.criteria = {
      minimum: point(scale.minimum),
      ...(scale.midpoint ? { midpoint: point(scale.midpoint) } : {}),
      maximum: point(scale.maximum),
    };
  }
  await context.sync();
}

export const excelChartTypes: Record<ChartSpec['type'], 'ColumnClustered' | 'BarClustered' | 'Line' | 'Pie'> =
  {
    column: 'ColumnClustered',
    bar: 'BarClustered',
    line: 'Line',
    pie: 'Pie',
  };

/** Adds a chart, replacing one of the same name on the sheet (2 syncs). */
export async function addChartIn(
  context: Excel.RequestContext,
  sheetName: string,
  spec: ChartSpec,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheetName);
  const old = ws.charts.getItemOrNullObject(spec.name);
  old.load('isNullObject');
  await context.sync();
  if (!old.isNullObject) old.delete();
  const chart = ws.charts.add(excelChartTypes[spec.type], ws.getRange(spec.source), 'Auto');
  chart.name = spec.name;
  if (spec.title) chart.title.text = spec.title;
  await context.sync();
}
