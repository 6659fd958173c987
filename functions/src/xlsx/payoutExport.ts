// The payroll export as an .xlsx workbook (ExcelJS): one sheet of the export rows, amounts as numeric
// cells with a two-decimal format, text cells neutralised like the CSV. Values only — no formula is
// written, so there is no cached result that could disagree with what a spreadsheet recalculates.
import { exportCells, PAYOUT_EXPORT_COLUMNS, type PayoutExportRow } from '@teamsheet/shared';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function payoutWorkbook(
  rows: readonly PayoutExportRow[],
  meta: { period: string; runId: string },
): Promise<Uint8Array> {
  // Loaded on first use: ExcelJS is heavy and most requests never write a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Teamsheet';
  // Fixed dates so the same run exports the same bytes' content whenever it is asked for.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet('Payouts', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PAYOUT_EXPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.field === 'hash' ? 66 : c.numeric ? 14 : 18,
    ...(c.numeric ? { style: { numFmt: '0.00' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const cells = exportCells(row);
    sheet.addRow(PAYOUT_EXPORT_COLUMNS.map((c, i) => (c.numeric ? Number(row[c.field]) : cells[i])));
  }
  const amount = PAYOUT_EXPORT_COLUMNS.findIndex((c) => c.numeric) + 1;
  sheet.getColumn(amount).numFmt = '0.00';
  workbook.title = `Payouts ${meta.period} ${meta.runId}`;
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
