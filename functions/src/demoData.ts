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
  OrgIndex,
  type CompPlan,
  type Org,
  type Plan,
  type Target,
} from '@teamsheet/shared';
import { saveActivityBatch } from './repositories/activities';
import { saveMetricActuals, saveTransactions } from './repositories/actuals';
import { savePlanVersion } from './repositories/plans';
import { listCompPlanVersions, saveCompPlanVersion } from './repositories/compPlans';
import { readApproval } from './repositories/payoutRuns';
import { readLatestOrg } from './repositories/org';
import { approveRun, createRun } from './workflows/payoutRuns';
import type { Caller } from './auth';

export { demoOrg };

export type DemoLoadSummary = {
  transactions: number;
  activities: number;
  history: number;
  plans: number;
  /** The demo comp plan's versions and approved runs stored by this load (0 when there already). */
  compPlans?: number;
  payoutRuns?: number;
};

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
  const payouts = year === 2026 ? await loadDemoPayouts(tenantId) : { compPlans: 0, payoutRuns: 0 };
  return {
    transactions: transactions.length,
    activities: activities.length,
    history: history.length,
    plans,
    ...payouts,
  };
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

/** The demo company's comp plan: commission on revenue in tiers, a new-customer bonus and the managers' override. */
export const DEMO_COMP_PLAN_ID = 'acme-sales';
export function demoCompPlan(): CompPlan {
  return {
    id: DEMO_COMP_PLAN_ID,
    name: 'ACME 销售提成方案 2026',
    currency: 'CNY',
    rounding: 'half-up',
    components: [
      {
        type: 'commission',
        id: 'revenue-commission',
        metric: 'revenue',
        mode: 'marginal',
        tiers: [
          { from: 0, to: 0.8, rate: 0.02 },
          { from: 0.8, to: 1, rate: 0.04 },
          { from: 1, rate: 0.06 },
        ],
        capAttainment: 2,
      },
      { type: 'spiff', id: 'new-customer-bonus', amount: 500 },
      {
        type: 'override',
        id: 'manager-override',
        rate: 0.01,
        metric: 'revenue',
        gate: { metric: 'visits', min: 3 },
      },
    ],
  };
}

/** The demo's finance person for a workflow run outside a request. */
async function demoFinance(tenantId: string, personId: string): Promise<Caller | undefined> {
  const latest = await readLatestOrg(tenantId);
  if (!latest) return undefined;
  return {
    principal: { personId, roles: ['finance'] },
    tenantId,
    locale: 'zh-CN',
    org: new OrgIndex(latest.version.org),
    orgVersion: latest.version,
  };
}

/**
 * Finance's first view: the demo comp plan stored (version 1, everyone from January), and an approved
 * payout run of March under it — created by finance-1 and approved by finance-2, through the same
 * workflows the routes run. Loading again stores nothing new.
 */
export async function loadDemoPayouts(tenantId: string): Promise<{ compPlans: number; payoutRuns: number }> {
  let compPlans = 0;
  let payoutRuns = 0;
  if ((await listCompPlanVersions(tenantId, DEMO_COMP_PLAN_ID)).length === 0) {
    const { id: _id, ...plan } = demoCompPlan();
    const saved = await saveCompPlanVersion({
      tenantId,
      compPlanId: DEMO_COMP_PLAN_ID,
      content: { plan: { ...plan, id: DEMO_COMP_PLAN_ID }, effectiveFrom: '2026-01', appliesTo: {} },
      author: 'finance-1',
      baseVersion: null,
      baseHash: null,
      requestKey: null,
    });
    if (saved.status === 'created') compPlans += 1;
  }
  const period = '2026-03';
  const [creator, approver] = await Promise.all([
    demoFinance(tenantId, 'finance-1'),
    demoFinance(tenantId, 'finance-2'),
  ]);
  if (creator && approver && !(await readApproval(tenantId, period))) {
    const run = await createRun(creator, { period, compPlanId: DEMO_COMP_PLAN_ID });
    const runId = (run.body as { runId: string }).runId;
    await approveRun(approver, { period, runId });
    payoutRuns += 1;
  }
  return { compPlans, payoutRuns };
}
