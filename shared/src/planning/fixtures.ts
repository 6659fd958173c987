// A deterministic large plan (and its org and history) for the validation benchmark and tests:
// a region of teams of eight reps, each rep with a year total and twelve months of two metrics.
import type { Plan, Person, Target, Unit, ValidationContext } from '../schemas';

const YEAR = '2026';
const MONTHS = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);
const REPS_PER_TEAM = 8;
const ROWS_PER_REP = 26; // 2 metrics × (year + 12 months)

function repMonths(rep: number): { revenue: number[]; visits: number[] } {
  // Integers only, so every sum is exact and the generated plan is consistent by construction.
  const revenue = MONTHS.map((_, m) => 10_000 + ((rep * 37) % 50) * 100 + m * 500);
  const visits = MONTHS.map((_, m) => 100 + (rep % 20) + m);
  return { revenue, visits };
}
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

const ROWS_PER_TEAM = 1 + REPS_PER_TEAM * ROWS_PER_REP;

/** Enough whole teams for `n` rows (the region's row, then each team's row and its reps' rows). */
function shape(n: number): { reps: number; teams: number } {
  const teams = Math.max(1, Math.ceil((n - 1) / ROWS_PER_TEAM));
  return { reps: teams * REPS_PER_TEAM, teams };
}
const teamId = (t: number): string => `team-${t + 1}`;
const repId = (r: number): string => `rep-${r + 1}`;

/**
 * A plan of exactly `n` target rows for unit `region-1` and year 2026: the region's and each team's
 * year totals, then each rep's year and months. With n = 1 + 209 × teams the plan is consistent
 * (months sum to years, reps to teams, teams to the region) and validates without findings; any
 * other n cuts the last team short, which leaves a few findings (a missing rep, missing months).
 */
export function makeLargePlan(n: number): Plan {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`makeLargePlan needs a row count, got ${n}`);
  const { reps, teams } = shape(n);
  const teamTotals = Array.from({ length: teams }, () => ({ revenue: 0, visits: 0 }));
  const repRows: Target[] = [];
  for (let r = 0; r < reps; r++) {
    const owner = repId(r);
    const { revenue, visits } = repMonths(r);
    const team = teamTotals[Math.floor(r / REPS_PER_TEAM)] as { revenue: number; visits: number };
    team.revenue += sum(revenue);
    team.visits += sum(visits);
    repRows.push({ owner, metric: 'revenue', period: YEAR, value: sum(revenue) });
    MONTHS.forEach((period, m) =>
      repRows.push({ owner, metric: 'revenue', period, value: revenue[m] as number }),
    );
    repRows.push({ owner, metric: 'visits', period: YEAR, value: sum(visits) });
    MONTHS.forEach((period, m) =>
      repRows.push({ owner, metric: 'visits', period, value: visits[m] as number }),
    );
  }
  const unitRows: Target[] = [
    { owner: 'region-1', metric: 'revenue', period: YEAR, value: sum(teamTotals.map((t) => t.revenue)) },
    ...teamTotals.map((t, i) => ({ owner: teamId(i), metric: 'revenue', period: YEAR, value: t.revenue })),
  ];
  return {
    unitId: 'region-1',
    period: YEAR,
    templateVersion: '1',
    targets: [...unitRows, ...repRows].slice(0, n),
  };
}

/** The org of `makeLargePlan(n)` and last year's actuals (10 % below this year's plan, by month). */
export function makeLargeContext(n: number): ValidationContext {
  const { reps, teams } = shape(n);
  const units: Unit[] = [
    { id: 'region-1', name: 'Region 1', kind: 'region', parentId: null },
    ...Array.from({ length: teams }, (_, t) => ({
      id: teamId(t),
      name: `Team ${t + 1}`,
      kind: 'team',
      parentId: 'region-1',
    })),
  ];
  const people: Person[] = Array.from({ length: reps }, (_, r) => ({
    id: repId(r),
    unitId: teamId(Math.floor(r / REPS_PER_TEAM)),
    role: 'rep' as const,
  }));
  const history: Target[] = [];
  for (let r = 0; r < reps; r++) {
    repMonths(r).revenue.forEach((v, m) =>
      history.push({
        owner: repId(r),
        metric: 'revenue',
        period: `2025-${MONTHS[m]?.slice(5)}`,
        value: Math.round(v * 0.9),
      }),
    );
  }
  return { org: { units, people }, history };
}
