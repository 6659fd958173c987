// The sales analysis of one unit and period (docs/rules.md, Metrics; Analysis and sizing): plan versus actual
// by month of the period's year with YoY and MoM, median, trend and forecast; ABC classes of the unit's reps
// by credited amount in the period; the field-force KPIs (a zero denominator is empty, with a finding).
import type { Locale } from '../messages/index';
import { monthsOf } from '../period';
import type { OrgIndex } from '../org';
import type { Activity, Finding, Target, Transaction } from '../schemas';
import { evaluateKpis } from '../scoring/kpi';
import { abcClassify } from './abc';
import { creditedByMonth } from './credited';
import { planVsActual } from './planVsActual';

export type UnitAnalysisInput = {
  unitId: string;
  period: string;
  org: OrgIndex;
  /** Stored targets of the period's year (the unit's own, its people's and its sub-units'). */
  targets: readonly Target[];
  /** Transactions of the period's year, the year before, and the one before that (persistency cohorts). */
  transactions: readonly Transaction[];
  lastYearTransactions: readonly Transaction[];
  earlierTransactions?: readonly Transaction[];
  activities?: readonly Activity[];
};

/** Sum of rows per month over the owners given; null where no row exists. */
function byMonth(rows: readonly Target[], owners: ReadonlySet<string>, metric: string, months: string[]) {
  const sums = new Map<string, number>();
  for (const r of rows)
    if (r.metric === metric && owners.has(r.owner)) sums.set(r.period, (sums.get(r.period) ?? 0) + r.value);
  return months.map((m) => {
    const v = sums.get(m);
    return v === undefined ? null : Math.round(v * 100) / 100;
  });
}

export function analyseUnit(input: UnitAnalysisInput, options: { locale?: Locale } = {}) {
  const { unitId, period, org } = input;
  const year = Number(period.slice(0, 4));
  const members = org.peopleIn(unitId, { deep: true });
  const units = org.subtree(unitId);
  const kpis = evaluateKpis(
    {
      unitId,
      period,
      org,
      transactions: [
        ...(input.earlierTransactions ?? []),
        ...input.lastYearTransactions,
        ...input.transactions,
      ],
      activities: input.activities ?? [],
      targets: [...input.targets],
    },
    options,
  );
  const metric = kpis.productionMetric;

  // Plan: the unit's own targets by month; failing those, the sum over its people and sub-units.
  const months = monthsOf(String(year));
  const own = byMonth(input.targets, new Set([unitId]), metric, months);
  const owners = new Set([...units.filter((u) => u !== unitId), ...members.map((p) => p.id)]);
  const plan = own.some((v) => v !== null) ? own : byMonth(input.targets, owners, metric, months);
  const people = new Set(members.map((p) => p.id));
  const actualRows = creditedByMonth({ people: members }, input.transactions, metric);
  const lastYearRows = creditedByMonth({ people: members }, input.lastYearTransactions, metric).map((r) => ({
    ...r,
    period: `${year}${r.period.slice(4)}`,
  }));
  const monthly = planVsActual(
    months,
    plan,
    byMonth(actualRows, people, metric, months),
    byMonth(lastYearRows, people, metric, months),
  );

  const inPeriod = new Set(monthsOf(period));
  const perRep = new Map(members.filter((p) => p.role === 'rep').map((p) => [p.id, 0]));
  for (const r of actualRows)
    if (inPeriod.has(r.period) && perRep.has(r.owner)) perRep.set(r.owner, perRep.get(r.owner)! + r.value);
  const abc = abcClassify(
    [...perRep].map(([id, value]) => ({ id, value: Math.round(value * 100) / 100 })),
  ).map((row) => ({ ...row, name: org.person(row.id)?.name ?? row.id }));

  const findings: Finding[] = kpis.findings;
  return { unitId, period, metric, monthly, abc, kpis: { values: kpis.values, parts: kpis.parts }, findings };
}
