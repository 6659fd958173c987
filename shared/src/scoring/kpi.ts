// The field-force KPIs (docs/rules.md, Metrics) for one unit and period, computed from the roster and the
// transactions: headcount, producing reps, activity rate, productivity, recruitment, attrition,
// persistency 13/25, completion, year-on-year and period-on-period. A zero denominator leaves a KPI empty.
import { makeFinding, type Locale } from '../messages/index';
import { getMetric } from '../metrics';
import { OrgIndex, type OrgData } from '../org';
import {
  daysBetweenInclusive,
  monthsOf,
  periodEnd,
  periodStart,
  previousPeriod,
  samePeriodLastYear,
  type PeriodOptions,
} from '../period';
import type { Activity, Finding, Person, Role, Target, Transaction } from '../schemas';
import { addMonthsToDate } from './checkpoints';
import { collectPeriodValues, periodLevels } from './rows';

/** Days after writing within which a cancellation is a cooling-off refund (犹豫期退保), not a lapse. */
export const DEFAULT_COOLING_OFF_DAYS = 15;
export const DEFAULT_HEADCOUNT_ROLES: readonly Role[] = ['rep'];

export type KpiInput = {
  unitId: string;
  period: string;
  org: OrgData | OrgIndex;
  /** Every transaction at hand; those of the period, the previous period, a year before and the persistency cohorts are picked out by date. */
  transactions: readonly Transaction[];
  activities?: readonly Activity[];
  /** Unit targets; the one of `unitId`, the production metric and the period gives the completion rate. */
  targets?: readonly Target[];
  /** Headcount at the period's start and end, when the roster's dates are not to be trusted. */
  headcount?: { start: number; end: number };
};

export type KpiOptions = PeriodOptions & {
  locale?: Locale;
  /** Who counts as field force for headcount, producing reps, hires and leavers. Default: reps. */
  headcountRoles?: readonly Role[];
  /** The production measure; default first_year_premium when any transaction carries it, else revenue. */
  productionMetric?: string;
  coolingOffDays?: number;
};

export type KpiFraction = { numerator: number; denominator: number };

export type KpiResult = {
  unitId: string;
  period: string;
  productionMetric: string;
  /**
   * Base measures and KPIs by catalog id (full precision; show them at the catalog's precision):
   * headcount_start, headcount_end, avg_headcount, producing_reps, confirmed_hires, leavers,
   * the production metric, transactions, premium_written/in_force_13/25, every activity metric, and
   * activity_rate, productivity, effective_recruitment_rate, attrition_rate, persistency_13/25,
   * average_ticket, yoy, mom and (with targets) completion_rate. Null = empty (zero denominator).
   */
  values: Record<string, number | null>;
  /** The numerator and denominator behind each ratio KPI. */
  parts: Record<string, KpiFraction>;
  findings: Finding[];
};

/** On the roster when the day begins (hired by then, not yet gone). */
function presentAtStart(p: Person, day: string): boolean {
  return (!p.hireDate || p.hireDate <= day) && (!p.exitDate || p.exitDate >= day);
}

/** Still on the roster when the day ends: someone whose exit date is that day has left. */
function presentAtEnd(p: Person, day: string): boolean {
  return (!p.hireDate || p.hireDate <= day) && (!p.exitDate || p.exitDate > day);
}

const within = (day: string | null | undefined, from: string, to: string): boolean =>
  day != null && from <= day && day <= to;

/**
 * Headcount from the roster: a month's average is (start + end) / 2, a quarter's or year's the mean of
 * its months' averages. People are counted in the unit they belong to now (no transfer history).
 */
export function rosterHeadcount(
  people: readonly Person[],
  period: string,
  opts?: PeriodOptions,
): { start: number; end: number; average: number } {
  const months = monthsOf(period, opts);
  let sumOfAverages = 0;
  let first = 0;
  let last = 0;
  months.forEach((month, i) => {
    const from = periodStart(month);
    const to = periodEnd(month);
    let start = 0;
    let end = 0;
    for (const p of people) {
      if (presentAtStart(p, from)) start++;
      if (presentAtEnd(p, to)) end++;
    }
    if (i === 0) first = start;
    last = end;
    sumOfAverages += (start + end) / 2;
  });
  return { start: first, end: last, average: sumOfAverages / months.length };
}

/** Evaluates the catalog KPIs of one unit (its whole subtree) for one period. */
export function evaluateKpis(input: KpiInput, options: KpiOptions = {}): KpiResult {
  const { unitId, period } = input;
  const locale = options.locale ?? 'en';
  const index = input.org instanceof OrgIndex ? input.org : new OrgIndex(input.org);
  const members = index.peopleIn(unitId, { deep: true });
  const roles = new Set(options.headcountRoles ?? DEFAULT_HEADCOUNT_ROLES);
  const force = members.filter((p) => roles.has(p.role));
  const inUnit = new Set(members.map((p) => p.id));
  const inForce = new Set(force.map((p) => p.id));
  const production =
    options.productionMetric ??
    (input.transactions.some((t) => t.metric === 'first_year_premium') ? 'first_year_premium' : 'revenue');
  const coolingOff = options.coolingOffDays ?? DEFAULT_COOLING_OFF_DAYS;

  const from = periodStart(period, options);
  const to = periodEnd(period, options);
  const previous = previousPeriod(period);
  const lastYear = samePeriodLastYear(period);
  const prevFrom = periodStart(previous, options);
  const prevTo = periodEnd(previous, options);
  const lyFrom = periodStart(lastYear, options);
  const lyTo = periodEnd(lastYear, options);
  const cohorts = [13, 25].map((months) => ({
    months,
    from: addMonthsToDate(from, -months),
    to: addMonthsToDate(to, -months),
    written: 0,
    inForce: 0,
  }));

  let produced = 0;
  let producedPrevious = 0;
  let producedLastYear = 0;
  let revenue = 0;
  let tickets = 0;
  const credited = new Map<string, number>();
  for (const t of input.transactions) {
    let unitShare = 0;
    for (const c of t.credits) if (inUnit.has(c.personId)) unitShare += c.share;
    if (unitShare === 0) continue;
    const metric = t.metric ?? 'revenue';
    const amount = t.amount * unitShare;
    if (metric === production) {
      if (within(t.date, from, to)) {
        produced += amount;
        for (const c of t.credits) {
          if (inForce.has(c.personId))
            credited.set(c.personId, (credited.get(c.personId) ?? 0) + t.amount * c.share);
        }
      } else if (within(t.date, prevFrom, prevTo)) producedPrevious += amount;
      if (within(t.date, lyFrom, lyTo)) producedLastYear += amount;
    }
    if (metric === 'revenue' && within(t.date, from, to) && t.amount > 0) {
      revenue += amount;
      tickets += 1;
    }
    const written = t.writtenDate;
    const cancelledInCoolingOff =
      written !== undefined &&
      t.lapseDate !== undefined &&
      daysBetweenInclusive(written, t.lapseDate) - 1 <= coolingOff;
    if (written !== undefined && t.amount > 0 && !cancelledInCoolingOff) {
      for (const cohort of cohorts) {
        if (!within(written, cohort.from, cohort.to)) continue;
        cohort.written += amount;
        if (!t.lapseDate || t.lapseDate > addMonthsToDate(written, cohort.months)) cohort.inForce += amount;
      }
    }
  }
  let producingReps = 0;
  for (const net of credited.values()) if (net > 0) producingReps++;

  const headcount = input.headcount
    ? { ...input.headcount, average: (input.headcount.start + input.headcount.end) / 2 }
    : rosterHeadcount(force, period, options);
  const confirmedHires = force.filter((p) => within(p.probationEnd, from, to)).length;
  const leavers = force.filter((p) => within(p.exitDate, from, to)).length;

  const values: Record<string, number | null> = {
    headcount_start: headcount.start,
    headcount_end: headcount.end,
    avg_headcount: headcount.average,
    producing_reps: producingReps,
    confirmed_hires: confirmedHires,
    leavers,
    [production]: produced,
    transactions: tickets,
  };
  for (const c of cohorts) {
    values[`premium_written_${c.months}`] = c.written;
    values[`premium_in_force_${c.months}`] = c.inForce;
  }
  if (input.activities) {
    // Each person's activity for the period (from the period's rows, or else its months or quarters), summed over the unit.
    const slots = new Map<string, number>();
    const slotMetrics: string[] = [];
    const rows = input.activities
      .filter((a) => inUnit.has(a.personId))
      .map((a) => {
        const key = `${a.personId}\u0000${a.metric}`;
        if (!slots.has(key)) {
          slots.set(key, slotMetrics.length);
          slotMetrics.push(a.metric);
        }
        return { owner: a.personId, metric: a.metric, period: a.period, value: a.value };
      });
    const collected = collectPeriodValues(
      rows,
      periodLevels(period, options),
      slotMetrics.length,
      (owner, metric) => slots.get(`${owner}\u0000${metric}`) ?? -1,
    );
    slotMetrics.forEach((metric, slot) => {
      const value = collected.value(slot, metric);
      if (value !== null) values[metric] = (values[metric] ?? 0) + value;
    });
  }

  const parts: Record<string, KpiFraction> = {};
  const findings: Finding[] = [];
  const ratio = (
    metric: string,
    numerator: number,
    denominator: number,
    denominatorName: string,
    less = 0,
  ) => {
    parts[metric] = { numerator, denominator };
    if (denominator === 0) {
      values[metric] = null;
      const label = getMetric(metric)?.label[locale] ?? metric;
      findings.push(
        makeFinding(
          'kpi.zero-denominator',
          'info',
          `kpis.${metric}`,
          { metric, label, unitId, period, numerator, denominator, denominatorName },
          locale,
        ),
      );
    } else values[metric] = numerator / denominator - less;
  };
  ratio('activity_rate', producingReps, headcount.average, 'avg_headcount');
  ratio('productivity', produced, producingReps, 'producing_reps');
  ratio('effective_recruitment_rate', confirmedHires, headcount.average, 'avg_headcount');
  ratio('attrition_rate', leavers, headcount.average, 'avg_headcount');
  for (const c of cohorts) {
    ratio(`persistency_${c.months}`, c.inForce, c.written, `premium_written_${c.months}`);
  }
  ratio('average_ticket', revenue, tickets, 'transactions');
  ratio('yoy', produced, producedLastYear, `${production} ${lastYear}`, 1);
  ratio('mom', produced, producedPrevious, `${production} ${previous}`, 1);
  if (input.targets) {
    let target: number | null = null;
    for (const t of input.targets) {
      if (t.owner === unitId && t.metric === production && t.period === period)
        target = (target ?? 0) + t.value;
    }
    if (target === null) {
      values.completion_rate = null;
      findings.push(
        makeFinding('kpi.no-target', 'info', 'targets', { unitId, metric: production, period }, locale),
      );
    } else ratio('completion_rate', produced, target, `target ${production}`);
  }
  return { unitId, period, productionMetric: production, values, parts, findings };
}
