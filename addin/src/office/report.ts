// Report sheets through the workbook layer: blocks of cells with formats, bold rows and indents,
// colour scales, and the pure helpers both workbooks share (colour interpolation, chart data).
import { parseCell, parseRange } from './address';
import { estimateBytes, type CellValue } from './workbook';

/** A rectangle of values written at `at`, with a number format per column of the block. */
export interface CellBlock {
  /** Top-left cell, e.g. `A4`. */
  at: string;
  values: CellValue[][];
  /** Excel number format per column of the block; null or absent keeps General. */
  columnFormats?: (string | null)[];
  /** Draws the whole block bold (titles, header rows). */
  bold?: boolean;
  /** Indent level of the block's first column, per row (drill-down levels). */
  indents?: number[];
}

export interface WriteCellsOptions {
  /** Empties the sheet first: values, formats and colour scales (charts stay; addChart replaces by name). */
  clear?: boolean;
}

/** One point of a colour scale: a fixed number, or the lowest / highest value of the range. */
export interface ColourPoint {
  type: 'number' | 'lowestValue' | 'highestValue';
  value?: number;
  color: string;
}

/** Excel's 2- or 3-colour scale; values below the minimum take its colour, above the maximum its colour. */
export interface ColourScale {
  minimum: ColourPoint;
  midpoint?: ColourPoint;
  maximum: ColourPoint;
}

export interface ColourScaleRule {
  address: string;
  scale: ColourScale;
}

/** Estimated request bytes of one block row: values, its number formats, and a little per indent. */
function blockRowBytes(row: readonly CellValue[], formats: readonly (string | null)[] = []): number {
  let n = 4;
  for (const v of row) n += estimateBytes(v) + 1;
  for (const f of formats) if (f) n += f.length * 2 + 4;
  return n;
}

/** A slice of consecutive rows of a block, placed by 0-based row and column. */
export interface BlockPiece extends Omit<CellBlock, 'at'> {
  row: number;
  col: number;
}

/** Splits blocks into pieces of consecutive rows, grouped into chunks under `budget` estimated bytes. */
export function chunkBlocks(blocks: readonly CellBlock[], budget: number): BlockPiece[][] {
  const chunks: BlockPiece[][] = [];
  let current: BlockPiece[] = [];
  let size = 0;
  for (const block of blocks) {
    const at = parseCell(block.at);
    const piece = (from: number, to: number): BlockPiece => ({
      ...block,
      row: at.row + from,
      col: at.col,
      values: block.values.slice(from, to),
      ...(block.indents ? { indents: block.indents.slice(from, to) } : {}),
    });
    let start = 0;
    block.values.forEach((row, i) => {
      const bytes = blockRowBytes(row, block.columnFormats ?? []);
      if (size > 0 && size + bytes > budget) {
        if (i > start) current.push(piece(start, i));
        start = i;
        chunks.push(current);
        current = [];
        size = 0;
      }
      size += bytes;
    });
    if (block.values.length > start) current.push(piece(start, block.values.length));
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const hex = (c: string): [number, number, number] => {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [255, 255, 255];
};
const toHex = (rgb: number[]) =>
  '#' + rgb.map((v) => Math.round(v).toString(16).padStart(2, '0').toUpperCase()).join('');

function mix(a: string, b: string, t: number): string {
  const x = hex(a);
  const y = hex(b);
  return toHex(x.map((v, i) => v + (y[i]! - v) * Math.min(1, Math.max(0, t))));
}

/**
 * The fill Excel's colour scale gives `value`, with `lowest`/`highest` the range's extreme numbers
 * (for lowestValue/highestValue points). Linear between points, as Excel draws it.
 */
export function colourScaleFill(value: number, scale: ColourScale, lowest: number, highest: number): string {
  const at = (p: ColourPoint) =>
    p.type === 'lowestValue' ? lowest : p.type === 'highestValue' ? highest : (p.value ?? 0);
  const points = [scale.minimum, ...(scale.midpoint ? [scale.midpoint] : []), scale.maximum].map((p) => ({
    x: at(p),
    color: p.color,
  }));
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (value <= first.x) return first.color.toUpperCase();
  if (value >= last.x) return last.color.toUpperCase();
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (value <= b.x)
      return b.x === a.x ? b.color.toUpperCase() : mix(a.color, b.color, (value - a.x) / (b.x - a.x));
  }
  return last.color.toUpperCase();
}

/** The fills a list of colour-scale rules give the numeric cells of a sheet, keyed `row,col`. */
export function colourScaleFills(
  rules: readonly ColourScaleRule[],
  valueAt: (row: number, col: number) => CellValue,
): Map<string, string> {
  const fills = new Map<string, string>();
  for (const { address, scale } of rules) {
    const r = parseRange(address);
    const numbers: { key: string; v: number }[] = [];
    for (let row = r.start.row; row <= r.end.row; row++)
      for (let col = r.start.col; col <= r.end.col; col++) {
        const v = valueAt(row, col);
        if (typeof v === 'number' && Number.isFinite(v)) numbers.push({ key: `${row},${col}`, v });
      }
    if (numbers.length === 0) continue;
    const lowest = Math.min(...numbers.map((n) => n.v));
    const highest = Math.max(...numbers.map((n) => n.v));
    for (const n of numbers) fills.set(n.key, colourScaleFill(n.v, scale, lowest, highest));
  }
  return fills;
}

export interface ChartData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/** A chart's source range read as Excel reads it: header row, categories in the first column, series by column. */
export function chartData(values: readonly CellValue[][]): ChartData {
  const [header = [], ...body] = values;
  const series = header.slice(1).map((name, j) => ({
    name: String(name ?? ''),
    values: body.map((row) => {
      const v = row[j + 1];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }),
  }));
  return { categories: body.map((row) => String(row[0] ?? '')), series };
}
