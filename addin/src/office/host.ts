// Start-up inside Office: wait for Office.js, check the host and the Excel API sets this add-in needs,
// read Office's display language, and say whether the host can sign in through nested app
// authentication. Office.js is read here and in excelWorkbook.ts only; the rest of the pane asks these.
import type { ExcelRun } from './excelTypes';
import { createExcelWorkbook } from './excelWorkbook';
import type { Workbook } from './workbook';

/**
 * ExcelApi 1.10: tables and getItemOrNullObject (1.4), getRangeByIndexes and freeze panes (1.7),
 * data-validation lists (1.8), worksheet selection events (1.9), comments used as cell notes (1.10).
 * Keep in step with <Requirements> in manifest.xml.
 */
export const REQUIRED_EXCEL_API = '1.10';

interface OfficeGlobal {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context: {
    displayLanguage?: string;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

interface ExcelGlobal {
  run: ExcelRun;
}

export type HostStart =
  | { mode: 'preview'; reason: 'no-office-flag' | 'office-js-missing' }
  | { mode: 'excel'; workbook: Workbook; displayLanguage: string }
  | { mode: 'unsupported'; reason: 'not-excel'; host: string }
  | { mode: 'unsupported'; reason: 'api-missing'; requirement: string };

/** True when the page was opened from the manifest's SourceLocation (which adds `office=1`). */
export function openedFromOffice(search: string): boolean {
  return new URLSearchParams(search).get('office') === '1';
}

export async function startHost(
  search: string,
  globals: Record<string, unknown> = globalThis as never,
): Promise<HostStart> {
  if (!openedFromOffice(search)) return { mode: 'preview', reason: 'no-office-flag' };
  const office = globals.Office as OfficeGlobal | undefined;
  if (!office || typeof office.onReady !== 'function')
    return { mode: 'preview', reason: 'office-js-missing' };
  const info = await office.onReady();
  if (info.host !== 'Excel')
    return { mode: 'unsupported', reason: 'not-excel', host: String(info.host ?? 'unknown') };
  if (!office.context.requirements.isSetSupported('ExcelApi', REQUIRED_EXCEL_API))
    return { mode: 'unsupported', reason: 'api-missing', requirement: `ExcelApi ${REQUIRED_EXCEL_API}` };
  const excel = globals.Excel as ExcelGlobal;
  const run: ExcelRun = (batch) => excel.run(batch);
  return {
    mode: 'excel',
    workbook: createExcelWorkbook({ run }),
    displayLanguage: office.context.displayLanguage ?? 'en',
  };
}

/** True when the Office host supports nested app authentication (requirement set NestedAppAuth 1.1). */
export function nestedAppAuthSupported(globals: Record<string, unknown> = globalThis as never): boolean {
  const office = globals.Office as Partial<OfficeGlobal> | undefined;
  return office?.context?.requirements?.isSetSupported('NestedAppAuth', '1.1') === true;
}
