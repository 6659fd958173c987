// The slice of the Excel JavaScript API (Office.js) this add-in uses, typed structurally: the
// installed @types/office-js predates several of these calls, and tests feed office-addin-mock
// objects of the same shape.

export interface XlLoadable<Self> {
  load(properties: string | string[]): Self;
}

export interface XlRange extends XlLoadable<XlRange> {
  values: unknown[][];
  numberFormat: unknown[][];
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  format: { fill: { color: string; clear(): void }; font: { bold: boolean }; indentLevel: number };
  conditionalFormats: XlConditionalFormatCollection;
  dataValidation: { clear(): void; rule: unknown };
  /** ExcelApi 1.2: hides (true) or shows the rows of the range. */
  rowHidden: boolean;
  clear(applyTo?: string): void;
  select(): void;
}

export interface XlTable extends XlLoadable<XlTable> {
  name: string;
  isNullObject: boolean;
  worksheet: XlWorksheet;
  getRange(): XlRange;
  delete(): void;
}

export interface XlComment extends XlLoadable<XlComment> {
  content: string;
  delete(): void;
  getLocation(): XlRange;
}

export interface XlCommentCollection extends XlLoadable<XlCommentCollection> {
  items: XlComment[];
  add(cellAddress: string, content: string): XlComment;
}

export interface XlChart extends XlLoadable<XlChart> {
  name: string;
  isNullObject: boolean;
  title: { text: string };
  delete(): void;
}

export interface XlConditionalFormat {
  colorScale: { criteria: unknown };
}

export interface XlConditionalFormatCollection {
  add(type: string): XlConditionalFormat;
  clearAll(): void;
}

/** A defined name (ExcelApi 1.4 for the collection of a worksheet, its add and getItemOrNullObject). */
export interface XlNamedItem extends XlLoadable<XlNamedItem> {
  isNullObject: boolean;
  delete(): void;
}

export interface XlNamedItemCollection {
  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
  getItemOrNullObject(name: string): XlNamedItem;
}

export interface XlWorksheet extends XlLoadable<XlWorksheet> {
  name: string;
  isNullObject: boolean;
  /** ExcelApi 1.1: `Visible`, `Hidden` or `VeryHidden`. */
  visibility: string;
  /** Names scoped to this sheet (ExcelApi 1.4). */
  names: XlNamedItemCollection;
  getRange(address?: string): XlRange;
  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): XlRange;
  tables: { add(address: string, hasHeaders: boolean): XlTable };
  freezePanes: { freezeRows(count: number): void };
  charts: {
    add(type: string, source: XlRange, seriesBy?: string): XlChart;
    getItemOrNullObject(name: string): XlChart;
  };
  comments: XlCommentCollection;
  activate(): void;
}

export interface XlSelectionChangedArgs {
  address: string;
  worksheetId: string;
}

export interface XlEventResult {
  remove(): void;
  context: XlContext;
}

export interface XlWorksheetCollection extends XlLoadable<XlWorksheetCollection> {
  items: XlWorksheet[];
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  add(name: string): XlWorksheet;
  onSelectionChanged: { add(handler: (args: XlSelectionChangedArgs) => Promise<void>): XlEventResult };
}

export interface XlContext {
  workbook: {
    worksheets: XlWorksheetCollection;
    tables: { getItemOrNullObject(name: string): XlTable };
    comments: XlCommentCollection;
  };
  sync(): Promise<void>;
}

/** `Excel.run` in Office; tests pass a function that hands over a mock context. */
export type ExcelRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;
