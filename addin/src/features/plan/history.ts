// A plan's history: the stored versions of a unit and period (who, when, status, findings), and a diff
// sheet between two of them written from the server's cell-by-cell changes — in the user's words:
// people and units by name, metrics by their labels, the plan's sheets and goal fields by their names
// in the language on show, the sheet itself named in it (Diff v1→v2 / 差异 v1→v2).
import { getMetric, getTemplate, type Locale, type OrgData, type ValidationSummary } from '@teamsheet/shared';
import type { Api } from '../../api';
import type { CellValue, Workbook } from '../../office';
import { placeSheet } from '../common/localSheets';
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

/** The diff sheet of `from` → `to` by language; the two versions are its key. */
export const diffSheetNames = (from: number, to: number) => ({
  en: `Diff v${from}→v${to}`,
  'zh-CN': `差异 v${from}→v${to}`,
});

/** Names for what a diff row holds: an owner (person or unit), a metric, a sheet, a goal field. */
export function diffLabels(org: Pick<OrgData, 'units' | 'people'> | null, locale: Locale) {
  const names = new Map<string, string>([
    ...(org?.units ?? []).map((u) => [u.id, u.name] as const),
    ...(org?.people ?? []).map((p) => [p.id, p.name ?? p.id] as const),
  ]);
  const goals = getTemplate('goals').sheets[0]!;
  return {
    owner: (id: string) => names.get(id) ?? id,
    metric: (id: string) => getMetric(id)?.label[locale] ?? id,
    sheet: (sheet: PlanChange['sheet']) =>
      getTemplate(sheet === 'Goals' ? 'goals' : 'targets').sheets[0]!.name[locale],
    field: (field: string) => goals.columns.find((c) => c.key === field)?.header[locale] ?? field,
  };
}

/** One row of the diff sheet: sheet, owner or goal, metric or field, month, before, after, change. */
export function diffRows(
  changes: readonly PlanChange[],
  labels: ReturnType<typeof diffLabels>,
  kindLabel: (kind: PlanChange['kind']) => string,
): CellValue[][] {
  return changes.map((c) => {
    const goal = c.sheet === 'Goals';
    const value = (v: CellValue) =>
      goal && c.field === 'metric' && typeof v === 'string'
        ? labels.metric(v)
        : goal && c.field === 'owner' && typeof v === 'string'
          ? labels.owner(v)
          : v;
    return [
      labels.sheet(c.sheet),
      c.key.owner ? labels.owner(c.key.owner) : (c.key.id ?? null),
      c.key.metric ? labels.metric(c.key.metric) : goal ? labels.field(c.field) : null,
      c.key.period ?? null,
      value(c.before),
      value(c.after),
      kindLabel(c.kind),
    ];
  });
}

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
    org: Pick<OrgData, 'units' | 'people'> | null;
    locale: Locale;
  },
): Promise<{ sheet: string; changes: number }> {
  const { from, to, headers, locale } = opts;
  const changes = await fetchPlanDiff(api, opts.unitId, opts.period, from, to);
  const sheet = await writeDiffSheet(workbook, changes, from, to, headers, opts.kindLabel, {
    sheet: await placeSheet(workbook, diffSheetNames(from, to), locale),
    rows: diffRows(changes, diffLabels(opts.org, locale), opts.kindLabel),
    numberFormats: { [headers[4]!]: '#,##0.##', [headers[5]!]: '#,##0.##' },
  });
  await workbook.selectCell(sheet, 'A1');
  return { sheet, changes: changes.length };
}
