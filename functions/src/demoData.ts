// The demo data of the core, stored for the local host: the organisation, a year of transactions and
// monthly activities (2026), last year's monthly revenue as metric actuals (2025), and the 2026 revenue
// plans of most teams (one team per region has not submitted), so that validation has history, and
// payout runs, scores, analysis and consolidation have something to read from the first start.
import {
  TEMPLATE_VERSION,
  demoActuals,
  demoOrg,
  demoTargets,
  monthsOf,
  validatePlan,
  type Org,
  type Plan,
  type Target,
} from '@teamsheet/shared';
import { saveActivityBatch } from './repositories/activities';
import { saveMetricActuals, saveTransactions } from './repositories/actuals';
import { savePlanVersion } from './repositories/plans';

export { demoOrg };

export type DemoLoadSummary = { transactions: number; activities: number; history: number; plans: number };

const groupByMonth = <T>(rows: readonly T[], monthOf: (row: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const month = monthOf(row);
    const list = out.get(month);
    if (list) list.push(row);
    else out.set(month, [row]);
  }
  return out;
};

/**
 * Stores the demo actuals month by month through the same store functions the routes use. Loading
 * twice stores nothing new: transactions are keyed by id and batches by their content.
 */
export async function loadDemoActuals(tenantId: string, org: Org, year = 2026): Promise<DemoLoadSummary> {
  const who = 'system:demo-loader';
  const { transactions, activities } = demoActuals(org, year);
  const { history } = demoTargets(org, year);
  const txByMonth = groupByMonth(transactions, (t) => t.date.slice(0, 7));
  const activitiesByMonth = groupByMonth(activities, (a) => a.period);
  const historyByMonth = groupByMonth(history, (h) => h.period);
  for (const month of monthsOf(String(year))) {
    await saveTransactions({ tenantId, period: month, transactions: txByMonth.get(month) ?? [], who });
    const monthActivities = activitiesByMonth.get(month) ?? [];
    if (monthActivities.length > 0)
      await saveActivityBatch({ tenantId, period: month, activities: monthActivities, who });
  }
  for (const month of monthsOf(String(year - 1))) {
    const rows = historyByMonth.get(month) ?? [];
    if (rows.length > 0) await saveMetricActuals({ tenantId, period: month, rows, who });
  }
  const plans = await loadDemoPlans(tenantId, org, year);
  return { transactions: transactions.length, activities: activities.length, history: history.length, plans };
}

/**
 * Version 1 of the revenue plan of every team but the last of each region, submitted by the team's
 * manager: months per rep and team, and each owner's year total, checked by the core as a PUT would be.
 */
export async function loadDemoPlans(tenantId: string, org: Org, year = 2026): Promise<number> {
  const { targets } = demoTargets(org, year);
  const teams = org.units.filter((u) => u.kind === 'team');
  const lastOfRegion = new Set(
    org.units
      .filter((u) => u.kind === 'region')
      .map((region) => teams.filter((t) => t.parentId === region.id).at(-1)?.id),
  );
  let stored = 0;
  for (const team of teams) {
    if (lastOfRegion.has(team.id) || !team.managerId) continue;
    const owners = new Set([team.id, ...org.people.filter((p) => p.unitId === team.id).map((p) => p.id)]);
    const months = targets.filter((t) => owners.has(t.owner));
    const totals = new Map<string, number>();
    for (const t of months) totals.set(t.owner, (totals.get(t.owner) ?? 0) + t.value);
    const yearly: Target[] = [...totals].map(([owner, value]) => ({
      owner,
      metric: 'revenue',
      period: String(year),
      value,
    }));
    const plan: Plan = {
      unitId: team.id,
      period: String(year),
      templateVersion: TEMPLATE_VERSION,
      targets: [...yearly, ...months],
    };
    const { summary } = validatePlan(plan, { org });
    const saved = await savePlanVersion({
      tenantId,
      plan,
      author: team.managerId,
      baseVersion: null,
      summary,
      requestKey: null,
    });
    if (saved.status === 'created') stored += 1;
  }
  return stored;
}
