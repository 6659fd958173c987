// What @types/office-js does not name itself: `Excel.run` as a value the workbook layer is given (the
// real one in Office, a function handing over an office-addin-mock context in tests). Everything else
// is typed with Office.js's own types (`Excel.RequestContext`, `Excel.Worksheet`, …).

/** `Excel.run` in Office; tests pass a function that hands over a mock context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
