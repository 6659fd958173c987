// A deterministic, realistic consolidation input of any size (a region of areas and teams with
// monthly plans), for benchmarks and tests; the same options always give the same data.
import { seededRandom } from '../demo/random';
import { metricCatalog } from '../metrics';
import { monthsOf } from '../period';
import type { Person, Plan, Target, Unit } from '../schemas';
import { TEMPLATE_VERSION } from '../templates/version';
import type { ConsolidateInput, SubmittedPlan } from './consolidate';

export type ConsolidationFixtureOptions = {
  teams?: number;
  seed?: number;
  /** How many additive catalog metrics each plan carries (at most the catalog's sum metrics). */
  metrics?: number;
  /** Areas between the region and its teams; 0 puts the teams directly under the region. */
  areas?: number;
  /** Reps per team, each with their own rows in the team plan. */
  repsPerTeam?: number;
  period?: string;
  /** Share of teams that have not submitted, and of submitted teams on the previous template. */
  missingShare?: number;
  staleShare?: number;
};

/**
 * Region `R` → areas `A01…` → teams `T0001…` (each with a manager and reps), every submitting team's
 * plan carrying the team's own row and its reps' rows for each metric and month; areas submit the
 * sums of their teams; the region's target is handed down as 105 % of the teams' total.
 */
export function makeConsolidationFixture(options: ConsolidationFixtureOptions = {}): ConsolidateInput {
  const teams = options.teams ?? 500;
  const areas = Math.min(options.areas ?? 10, teams);
  const repsPerTeam = options.repsPerTeam ?? 0;
  const period = options.period ?? '2026';
  const random = seededRandom(options.seed ?? 1).next;
  const sumMetrics = Object.values(metricCatalog)
    .filter((m) => m.aggregation === 'sum')
    .map((m) => m.id);
  const metrics = sumMetrics.slice(0, Math.max(1, Math.min(options.metrics ?? 10, sumMetrics.length)));
  const months = monthsOf(period);
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');

  const units: Unit[] = [{ id: 'R', name: 'Region', kind: 'region', parentId: null, managerId: 'P-R' }];
  const people: Person[] = [{ id: 'P-R', name: 'Regional head', unitId: 'R', role: 'regional_head' }];
  const areaIds: string[] = [];
  for (let a = 1; a <= areas; a++) {
    const id = `A${pad(a, 2)}`;
    areaIds.push(id);
    units.push({ id, name: `Area ${a}`, kind: 'area', parentId: 'R', managerId: `P-${id}` });
    people.push({ id: `P-${id}`, name: `Area manager ${a}`, unitId: id, role: 'manager' });
  }

  const plans: SubmittedPlan[] = [];
  const areaSums = new Map<string, number>();
  const regionSums = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, value: number): void => {
    map.set(key, (map.get(key) ?? 0) + value);
  };
  for (let t = 1; t <= teams; t++) {
    const id = `T${pad(t, 4)}`;
    const parentId = areas > 0 ? (areaIds[(t - 1) % areas] as string) : 'R';
    units.push({ id, name: `Team ${t}`, kind: 'team', parentId, managerId: `P-${id}` });
    people.push({ id: `P-${id}`, name: `Team manager ${t}`, unitId: id, role: 'manager' });
    const reps = Array.from({ length: repsPerTeam }, (_, r) => `P-${id}-${r + 1}`);
    for (const rep of reps)
      people.push({ id: rep, name: rep, unitId: id, role: 'rep', managerId: `P-${id}` });
    if (random() < (options.missingShare ?? 0.02)) continue;

    const targets: Target[] = [];
    for (const metric of metrics) {
      const currency = metricCatalog[metric]?.unit === 'currency';
      for (const month of months) {
        const value = currency ? Math.round(random() * 10_000_000) / 100 : Math.floor(random() * 200);
        targets.push({ owner: id, metric, period: month, value });
        for (const rep of reps)
          targets.push({
            owner: rep,
            metric,
            period: month,
            value: currency
              ? Math.round((value * 100) / Math.max(1, reps.length)) / 100
              : Math.floor(value / reps.length),
          });
        add(areaSums, `${parentId}\u0000${metric}\u0000${month}`, Math.round(value * 100));
        add(regionSums, `${metric}\u0000${month}`, Math.round(value * 100));
      }
    }
    const stale = random() < (options.staleShare ?? 0.03);
    const plan: Plan = { unitId: id, period, templateVersion: stale ? '2025.1' : TEMPLATE_VERSION, targets };
    plans.push({
      plan,
      version: 1 + Math.floor(random() * 3),
      status: random() < 0.5 ? 'approved' : 'submitted',
      submittedBy: `P-${id}`,
    });
  }
  for (const areaId of areaIds) {
    const targets: Target[] = [];
    for (const metric of metrics) {
      for (const month of months) {
        const cents = areaSums.get(`${areaId}\u0000${metric}\u0000${month}`);
        if (cents !== undefined) targets.push({ owner: areaId, metric, period: month, value: cents / 100 });
      }
    }
    plans.push({
      plan: { unitId: areaId, period, templateVersion: TEMPLATE_VERSION, targets },
      version: 1,
      status: 'submitted',
    });
  }
  const unitTargets: Target[] = [];
  for (const metric of metrics) {
    for (const month of months) {
      const cents = regionSums.get(`${metric}\u0000${month}`) ?? 0;
      unitTargets.push({ owner: 'R', metric, period: month, value: Math.round(cents * 1.05) / 100 });
    }
  }
  return {
    unitId: 'R',
    period,
    org: { units, people },
    plans,
    unitTargets,
    currentTemplateVersion: TEMPLATE_VERSION,
  };
}
