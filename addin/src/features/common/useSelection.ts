// Follows the cell the user selects in the workbook while a section is on screen (Excel's
// selection-changed event, or the preview grid's), and stops following when it leaves.
import { useEffect } from 'react';
import type { Selection, Workbook } from '../../office';

export function useSelection(
  workbook: Workbook,
  onSelect: ((selection: Selection) => void) | null,
  onError?: (error: unknown, source: 'workbook') => void,
): void {
  useEffect(() => {
    if (!onSelect) return;
    let unsubscribe: (() => void) | undefined;
    let live = true;
    workbook.onSelectionChanged(onSelect).then(
      (off) => (live ? (unsubscribe = off) : off()),
      (error: unknown) => onError?.(error, 'workbook'),
    );
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [workbook, onSelect, onError]);
}
