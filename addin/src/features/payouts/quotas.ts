// Quotas of a payout preview: the team's targets for the plan's metrics, from the Targets sheet of the
// workbook when it holds one, else from the unit's stored plan (GET /api/plans/{unitId}/{year}).
// The engine picks the period's own quota or sums the months inside it, so targets pass as they are.
import {
  quotaMetrics,
  quotasFromTargets,
  type CompPlan,
  type Locale,
  type Plan,
  type Quota,
} from '@teamsheet/shared';
import { ApiError, type Api } from '../../api';
import type { Workbook } from '../../office';
import { readPlan, TemplateMissingError } from '../plan/planSheets';

export type QuotaSource = 'sheet' | 'server' | 'none';

export { quotaMetrics, quotasFromTargets };

/** Where the targets come from and the quotas they give. */
export async function loadQuotas(
  workbook: Workbook,
  api: Api,
  opts: { unitId: string; period: string; plan: CompPlan; people: ReadonlySet<string>; locale: Locale },
): Promise<{ quotas: Quota[]; source: QuotaSource }> {
  const { unitId, period, plan, people, locale } = opts;
  try {
    const read = await readPlan(workbook, locale);
    const quotas = quotasFromTargets(read.plan.targets, people, plan, period);
    if (quotas.length > 0) return { quotas, source: 'sheet' };
  } catch (error) {
    if (!(error instanceof TemplateMissingError)) throw error;
  }
  try {
    const stored = await api.get<{ plan: Plan }>(
      `/api/plans/${encodeURIComponent(unitId)}/${encodeURIComponent(period.slice(0, 4))}`,
    );
    return { quotas: quotasFromTargets(stored.plan.targets, people, plan, period), source: 'server' };
  } catch (error) {
    // No stored plan (or no plans route on this server): the preview still runs and says who lacks a quota.
    if (error instanceof ApiError && error.status === 404) return { quotas: [], source: 'none' };
    throw error;
  }
}
