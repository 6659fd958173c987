import { describe, expect, it } from 'vitest';
import { validatePlan } from '@teamsheet/shared';
import { demoActuals, demoOrg, demoTargets } from '@teamsheet/shared/demo';
import { loadDemoActuals } from '../src/demoData';
import { readActuals } from '../src/repositories/actuals';
import { readActivities } from '../src/repositories/activities';
import { currentTenant } from '../src/repositories';
import { listLatestPlans } from '../src/repositories/plans';
import { listCompPlanVersions } from '../src/repositories/compPlans';
import { approvedRun } from '../src/repositories/payoutRuns';
import { seedOrg, useFreshStore } from './helpers';

const org = demoOrg();
const year = demoActuals(org, 2026);

describe('the demo year stored for npm start', () => {
  useFreshStore();

  it('stores every 2026 transaction and activity and the 2025 revenue history, month by month', async () => {
    await seedOrg(org); // as the host stores the demo organisation first
    const loaded = await loadDemoActuals(currentTenant(), org);
    expect(loaded.transactions).toBe(year.transactions.length);
    const march = await readActuals(currentTenant(), '2026-03');
    const expected = year.transactions
      .filter((t) => t.date.startsWith('2026-03'))
      .map((t) => t.id)
      .sort();
    expect(march.transactions.map((t) => t.id)).toEqual(expected);
    const marchActivities = await readActivities(currentTenant(), '2026-03');
    expect(marchActivities.activities.length).toBe(
      year.activities.filter((a) => a.period === '2026-03').length,
    );
    const history = await readActuals(currentTenant(), '2025-03');
    const expectedHistory = demoTargets(org, 2026).history.filter((h) => h.period === '2025-03');
    expect(history.metricActuals).toHaveLength(expectedHistory.length);
    expect(history.metricActuals.length).toBeGreaterThan(0);
  });

  it('stores the 2026 revenue plans of nine teams, without errors, leaving one team per region unsubmitted', async () => {
    const plans = await listLatestPlans(currentTenant(), '2026');
    expect(plans).toHaveLength(9);
    expect(plans.every((p) => p.version === 1 && p.status === 'submitted')).toBe(true);
    const shanghai = plans.find((p) => p.plan.unitId === 'east-shanghai')!;
    const teamYear = shanghai.plan.targets.find((t) => t.owner === 'east-shanghai' && t.period === '2026')!;
    const teamMonths = shanghai.plan.targets.filter(
      (t) => t.owner === 'east-shanghai' && t.period !== '2026',
    );
    expect(teamMonths).toHaveLength(12);
    expect(teamYear.value).toBe(teamMonths.reduce((sum, t) => sum + t.value, 0));
    expect(validatePlan(shanghai.plan, { org }).summary.errors).toBe(0);
  });

  it("stores finance's first view: the comp plan, and March's run under it created by finance-1, approved by finance-2", async () => {
    const versions = await listCompPlanVersions(currentTenant(), 'acme-sales');
    expect(versions.map((v) => [v.version, v.effectiveFrom, v.plan.components.map((c) => c.type)])).toEqual([
      [1, '2026-01', ['commission', 'spiff', 'override']],
    ]);
    const run = await approvedRun(currentTenant(), '2026-03');
    expect(run?.status).toBe('approved');
    expect(run?.head.createdBy).toBe('finance-1');
    expect(run?.approval?.approvedBy).toBe('finance-2');
    expect(run?.head.compPlanVersions?.map((v) => v.version)).toEqual([1]);
    expect(run!.head.totals.amountMinor).toBeGreaterThan(0);
    expect(run!.lines.some((l) => l.component === 'revenue-commission' && l.amountMinor > 0)).toBe(true);
  });

  it('stores nothing new when loaded again', async () => {
    const again = await loadDemoActuals(currentTenant(), org);
    expect(again).toMatchObject({ compPlans: 0, payoutRuns: 0 });
    const year2026 = await readActuals(currentTenant(), '2026');
    expect(year2026.transactions).toHaveLength(year.transactions.length);
  });
});
