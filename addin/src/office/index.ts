// The workbook layer: the only door from the task pane to Excel (or to the in-memory preview).
export * from './workbook';
export * from './address';
export * from './report';
export { createPreviewWorkbook, displayValue, usedSize } from './previewWorkbook';
export type { PreviewWorkbook, PreviewSheet, PreviewCell, PreviewTable } from './previewWorkbook';
export { createExcelWorkbook, MARK_PREFIX } from './excelWorkbook';
export { startHost, openedFromOffice, nestedAppAuthSupported, REQUIRED_EXCEL_API } from './host';
export type { HostStart } from './host';
export {
  messageFromDialog,
  sendToTaskPane,
  officeDialogAvailable,
  OfficeDialogError,
  DIALOG_ERRORS,
} from './dialog';
