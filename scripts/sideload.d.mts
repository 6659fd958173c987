// Types of scripts/sideload.mjs for the tests that call it.
export const OFFICE_ADDIN_DEBUGGING: string;
export const DESKTOP_EXCEL_PLATFORMS: string[];
export function desktopExcelInstalled(platform?: string, env?: Record<string, string | undefined>): boolean;
export function sideloadCommand(
  argv: string[],
  options?: { platform?: string; manifest?: string; excelInstalled?: boolean },
): { command: string; args: string[] } | { refused: string };
