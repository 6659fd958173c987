import { describe, expect, it } from 'vitest';
import { validatePlan } from '@teamsheet/shared';
import { demoActuals, demoOrg, demoTargets } from '@teamsheet/shared/demo';
import { loadDemoActuals } from '../src/demoData';
import { readActuals } from '../src/repositories/actuals';
import { readActivities } from '../src/repositories/activities';
import { currentTenant } from '../src/repositories';
import { listLatestPlans } from '../src/repositories/plans';
import { useFreshStore } from './helpers';

const org = demoOrg();
const year = demoActuals(org, 2026);

describe('the demo year stored for npm start', () => {
  useFreshStore();

  it('stores every 2026 transaction and activity and the 2025 revenue history, month by month', async () => {
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

  it('stores nothing new when loaded again', async () => {
    await loadDemoActuals(currentTenant(), org);
    const year2026 = await readActuals(currentTenant(), '2026');
    expect(year2026.transactions).toHaveLength(year.transactions.length);
  });
});
