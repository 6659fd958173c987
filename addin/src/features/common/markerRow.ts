// Row 1 of a template sheet holds its marker and, where a sheet needs one, its stamp (the ids the
// code reads back): hidden from the user and its first cell named as the core's layout says, in
// Excel and in the preview workbook alike.
import { TEMPLATE_LAYOUT } from '@teamsheet/shared';
import type { Workbook } from '../../office';

/** Hides the marker row of `sheet` and names its first cell `Teamsheet.TemplateVersion`. */
export async function hideMarkerRow(workbook: Workbook, sheet: string): Promise<void> {
  await workbook.arrangeSheet(sheet, {
    hiddenRows: [TEMPLATE_LAYOUT.markerRow],
    names: [{ name: TEMPLATE_LAYOUT.markerName, address: `A${TEMPLATE_LAYOUT.markerRow}` }],
  });
}
