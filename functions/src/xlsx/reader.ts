// Reading an uploaded .xlsx after the ZIP guards: workbook settings (sheets, date1904), the
// shared-strings table and the sheets asked for, parsed as they inflate with every limit checked
// on the way. Cells come out as values: numbers from numeric cells, text from string cells, never
// a number parsed from formatted text; a formula without a stored result comes out as `=formula`
// text so the core importer reports it instead of anything guessing its value.
import type { CellValue } from '@teamsheet/shared';
import { overLimit, UPLOAD_LIMITS, UploadRefused, type UploadLimits } from './limits';
import { attr, decodeOoxmlEscapes, decodeXml, XmlStream, type XmlHandlers } from './xml';
import { inflateEntry, inspectZip, type InflateBudget, type ZipEntry } from './zip';

export type SheetInfo = { name: string; path: string; hidden: boolean };

export type SheetCells = {
  name: string;
  /** Row-major cells from A1; rows and columns past the last filled cell are absent. */
  cells: CellValue[][];
  /** `row,column` (0-based) → formula text, for every cell that holds a formula. */
  formulas: Map<string, string>;
};

export type UploadedWorkbook = {
  date1904: boolean;
  sheets: SheetInfo[];
  /** Reads one sheet (by its name) with the limits applied; throws UploadRefused. */
  readSheet(name: string): SheetCells;
  /** Bytes inflated so far. */
  inflatedBytes(): number;
};

const missing = (part: string): UploadRefused => new UploadRefused(422, 'xlsx.missing-part', { part });

/**
 * Opens an uploaded workbook: the ZIP guards, then the small parts (relationships, workbook). The
 * shared strings and sheets are read when a sheet is asked for.
 */
export function openWorkbook(bytes: Uint8Array, limits: UploadLimits = UPLOAD_LIMITS): UploadedWorkbook {
  const entries = inspectZip(bytes, limits);
  const budget: InflateBudget = { inflated: 0, max: limits.maxTotalBytes };
  const parse = (entry: ZipEntry, handlers: XmlHandlers): void => {
    const xml = new XmlStream(handlers, entry.name, limits);
    inflateEntry(bytes, entry, budget, (chunk) => xml.push(chunk));
    xml.end();
  };
  const entry = (name: string): ZipEntry | undefined => entries.get(name);

  // ---- the workbook part and its relationships
  const rootRels = entry('_rels/.rels');
  let workbookPath = 'xl/workbook.xml';
  if (rootRels) {
    const rels = readRelationships(rootRels, parse, '');
    const office = rels.find((r) => r.type.endsWith('/officeDocument'));
    if (office) workbookPath = office.target;
  }
  const workbookEntry = entry(workbookPath);
  if (!workbookEntry) throw missing(workbookPath);
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const relsEntry = entry(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`);
  if (!relsEntry) throw missing(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`);
  const rels = readRelationships(relsEntry, parse, dir);

  let date1904 = false;
  const declared: { name: string; rid: string; hidden: boolean }[] = [];
  parse(workbookEntry, {
    open(name, attrs) {
      if (name === 'workbookPr') {
        const v = attr(attrs, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        if (declared.length >= limits.maxSheets)
          throw overLimit('maxSheets', declared.length + 1, limits.maxSheets, workbookPath, budget.inflated);
        const rid = ridOf(attrs);
        const state = attr(attrs, 'state');
        declared.push({
          name: attr(attrs, 'name') ?? '',
          rid: rid ?? '',
          hidden: state !== undefined && state !== 'visible',
        });
      }
    },
    close() {},
    text() {},
  });
  const sheets: SheetInfo[] = [];
  for (const d of declared) {
    const rel = rels.find((r) => r.id === d.rid);
    if (rel && entries.has(rel.target)) sheets.push({ name: d.name, path: rel.target, hidden: d.hidden });
  }
  const sharedPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;

  let shared: string[] | undefined;
  let cellCount = 0;
  const readShared = (): string[] => {
    if (shared) return shared;
    const sst = sharedPath ? entry(sharedPath) : undefined;
    shared = sst ? readSharedStrings(sst, parse, limits, budget) : [];
    return shared;
  };

  return {
    date1904,
    sheets,
    inflatedBytes: () => budget.inflated,
    readSheet(name) {
      const info = sheets.find((s) => s.name === name);
      if (!info) throw missing(name);
      const strings = readShared();
      const result = readWorksheet(info, entries.get(info.path)!, parse, strings, limits, budget, cellCount);
      cellCount = result.cellCount;
      return result.sheet;
    },
  };
}

type Parse = (entry: ZipEntry, handlers: XmlHandlers) => void;
type Relationship = { id: string; type: string; target: string };

function ridOf(attrs: string): string | undefined {
  const m = /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(attrs);
  return m ? decodeXml(m[1] ?? '') : undefined;
}

function readRelationships(entry: ZipEntry, parse: Parse, baseDir: string): Relationship[] {
  const out: Relationship[] = [];
  parse(entry, {
    open(name, attrs) {
      if (name !== 'Relationship' || attr(attrs, 'TargetMode') === 'External') return;
      const target = attr(attrs, 'Target') ?? '';
      out.push({
        id: attr(attrs, 'Id') ?? '',
        type: attr(attrs, 'Type') ?? '',
        target: resolvePath(baseDir, target),
      });
    },
    close() {},
    text() {},
  });
  return out;
}

function resolvePath(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function readSharedStrings(
  entry: ZipEntry,
  parse: Parse,
  limits: UploadLimits,
  budget: InflateBudget,
): string[] {
  const strings: string[] = [];
  let chars = 0;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let current = '';
  parse(entry, {
    open(name, attrs) {
      if (name === 'sst') {
        // The declared count is checked first (fast); the real count is checked as entries arrive.
        const declared = Number(attr(attrs, 'uniqueCount') ?? 0);
        if (declared > limits.maxSharedStrings)
          throw overLimit('maxSharedStrings', declared, limits.maxSharedStrings, entry.name, budget.inflated);
      } else if (name === 'si') {
        inSi = true;
        current = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inSi && phonetic === 0) inT = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        inSi = false;
        if (strings.length >= limits.maxSharedStrings)
          throw overLimit(
            'maxSharedStrings',
            strings.length + 1,
            limits.maxSharedStrings,
            entry.name,
            budget.inflated,
          );
        const text = decodeOoxmlEscapes(current);
        chars += text.length;
        if (chars > limits.maxSharedStringChars)
          throw overLimit(
            'maxSharedStringChars',
            chars,
            limits.maxSharedStringChars,
            entry.name,
            budget.inflated,
          );
        strings.push(text);
      }
    },
    text(raw) {
      if (!inT) return;
      current += decodeXml(raw);
      if (current.length > limits.maxStringLength)
        throw overLimit(
          'maxStringLength',
          current.length,
          limits.maxStringLength,
          entry.name,
          budget.inflated,
        );
    },
  });
  return strings;
}

/** Column number (1-based) of a cell reference's letters: `C7` → 3. 0 when there are none. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > 1_000_000) break;
  }
  return n;
}

function readWorksheet(
  info: SheetInfo,
  entry: ZipEntry,
  parse: Parse,
  strings: readonly string[],
  limits: UploadLimits,
  budget: InflateBudget,
  cellsBefore: number,
): { sheet: SheetCells; cellCount: number } {
  const cells: CellValue[][] = [];
  const formulas = new Map<string, string>();
  // Two rows above the data: the marker and the header.
  const maxRowNumber = limits.maxRows + 2;
  let cellCount = cellsBefore;
  let rowCount = 0;
  let row = 0; // 1-based number of the current row
  let col = 0; // 1-based number of the current cell's column
  let type = '';
  let inCell = false;
  let capture: 'v' | 'f' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  let v = '';
  let f: string | null = null;
  let inlineText = '';
  const tooLong = (length: number): UploadRefused =>
    overLimit('maxStringLength', length, limits.maxStringLength, info.name, budget.inflated);

  parse(entry, {
    open(name, attrs, selfClosing) {
      switch (name) {
        case 'row': {
          rowCount++;
          const r = Number(attr(attrs, 'r') ?? row + 1);
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          if (row > maxRowNumber || rowCount > maxRowNumber)
            throw overLimit('maxRows', Math.max(row, rowCount), limits.maxRows, info.name, budget.inflated);
          col = 0;
          return;
        }
        case 'c': {
          const ref = attr(attrs, 'r');
          col = ref ? columnOf(ref) || col + 1 : col + 1;
          if (col > limits.maxColumns)
            throw overLimit('maxColumns', col, limits.maxColumns, info.name, budget.inflated);
          type = attr(attrs, 't') ?? 'n';
          inCell = !selfClosing;
          v = '';
          f = null;
          inlineText = '';
          inInline = false;
          return;
        }
        case 'v':
          if (inCell) capture = 'v';
          return;
        case 'f':
          if (inCell) {
            f = '';
            capture = selfClosing ? null : 'f';
          }
          return;
        case 'is':
          inInline = inCell;
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (inInline && phonetic === 0) capture = 't';
          return;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 'f':
        case 't':
          capture = null;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'c': {
          if (!inCell) return;
          inCell = false;
          const value = cellValue(type, decodeXml(v), inlineText, f === null ? null : decodeXml(f), strings);
          if (value === null) return;
          if (typeof value === 'string' && value.length > limits.maxStringLength) throw tooLong(value.length);
          if (++cellCount > limits.maxCells)
            throw overLimit('maxCells', cellCount, limits.maxCells, info.name, budget.inflated);
          let line = cells[row - 1];
          if (!line) {
            for (let r = cells.length; r < row; r++) cells[r] ??= [];
            line = cells[row - 1]!;
          }
          for (let c = line.length; c < col - 1; c++) line[c] = null;
          line[col - 1] = value;
          if (f !== null) formulas.set(`${row - 1},${col - 1}`, decodeXml(f));
          return;
        }
      }
    },
    text(raw) {
      if (capture === 'v') v += raw;
      else if (capture === 'f') f = (f ?? '') + raw;
      else if (capture === 't') inlineText += decodeXml(raw);
      else return;
      if (v.length + (f?.length ?? 0) + inlineText.length > limits.maxStringLength * 6)
        throw tooLong(v.length + (f?.length ?? 0) + inlineText.length);
    },
  });
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  return { sheet: { name: info.name, cells, formulas }, cellCount };
}

/** A cell's value by its type; a formula cell without a stored result is its formula as text. */
function cellValue(
  type: string,
  v: string,
  inline: string,
  formula: string | null,
  strings: readonly string[],
): CellValue {
  const hasValue = v !== '' || (type === 'inlineStr' && inline !== '');
  if (!hasValue) return formula ? `=${formula}` : null;
  switch (type) {
    case 's': {
      const i = Number(v);
      const s = Number.isInteger(i) ? strings[i] : undefined;
      if (s === undefined)
        throw new UploadRefused(422, 'xlsx.corrupt', { part: 'sharedStrings', reason: `no string ${v}` });
      return s;
    }
    case 'inlineStr':
      return decodeOoxmlEscapes(inline);
    case 'str':
    case 'e':
    case 'd':
      return decodeOoxmlEscapes(v);
    case 'b':
      return v === '1' || v === 'true';
    default: {
      const n = Number(v.trim());
      return Number.isFinite(n) ? n : v;
    }
  }
}
