// A plan's history: the stored versions of a unit and period (who, when, status, findings), and a diff
// sheet between two of them written from the server's cell-by-cell changes.
import type { ValidationSummary } from '@teamsheet/shared';
import type { Api } from '../../api';
import type { Workbook } from '../../office';
import { writeDiffSheet, type PlanChange } from './planSheets';
import { fetchPlanDiff, planPath } from './planWorkflow';

export interface VersionInfo {
  version: number;
  author: string;
  createdAt: string;
  status: string;
  summary: ValidationSummary;
}

export const listVersions = (api: Api, unitId: string, period: string) =>
  api.get<VersionInfo[]>(`${planPath(unitId, period)}/versions`);

/** Writes the diff sheet of `from` → `to`, selects it, and says which sheet and how many changes. */
export async function writeVersionDiff(
  workbook: Workbook,
  api: Api,
  opts: {
    unitId: string;
    period: string;
    from: number;
    to: number;
    headers: string[];
    kindLabel: (kind: PlanChange['kind']) => string;
  },
): Promise<{ sheet: string; changes: number }> {
  const changes = await fetchPlanDiff(api, opts.unitId, opts.period, opts.from, opts.to);
  const sheet = await writeDiffSheet(workbook, changes, opts.from, opts.to, opts.headers, opts.kindLabel);
  await workbook.selectCell(sheet, 'A1');
  return { sheet, changes: changes.length };
}
