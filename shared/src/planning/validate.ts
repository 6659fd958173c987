// SMART validation of a plan (docs/rules.md): every rule of the table as findings with a rule id,
// severity, field path and the numbers involved. Rows are indexed by owner and metric once, so a
// 10,000-row plan costs a few passes, and nothing depends on the order of the rows.
import type { Finding, Goal, Plan, Severity, Target, ValidationContext } from '../schemas';
import { getMetric, type MetricDef } from '../metrics';
import { OrgIndex } from '../org';
import {
  childPeriods,
  daysBetweenInclusive,
  isIsoDate,
  monthsOf,
  parsePeriod,
  periodEnd,
  periodStart,
  samePeriodLastYear,
  weekdayOf,
  workingDays,
} from '../period';
import { translate, type Locale, type MessageParams } from '../messages/index';
import { isCurrencyUnit, readObjective } from './objective';
import { resolveRuleSettings, type RuleSettings } from './settings';
import { TargetIndex, type TargetGroup } from './targetIndex';

/** The contract's context, plus what the ratchet guard compares with and rule settings of this module. */
export type PlanValidationContext = Omit<ValidationContext, 'rules'> & {
  /** Earlier targets (the same owner, metric and period a year before), for the ratchet guard. */
  previousTargets?: Target[];
  rules?: Partial<RuleSettings>;
};

export interface ValidationOptions {
  locale?: Locale;
  /** The day relative deadlines (月底前, this week) and goal lead times are counted from; default: the plan's first day. */
  today?: string;
}

export interface ValidationSummary {
  errors: number;
  warnings: number;
  infos: number;
}

export interface PlanValidation {
  findings: Finding[];
  summary: ValidationSummary;
}

interface PeriodInfo {
  kind: 'year' | 'quarter' | 'month';
  start: string;
  end: string;
  /** The same period a year before (同期). */
  lastYear: string;
  workingDays: number;
}

const pct = (ratio: number): number => Math.round(ratio * 1000) / 10;
// Growth rates are quotients of doubles (130 / 100 − 1 = 0.30000000000000004): a rate only counts
// as beyond a limit when it is beyond it by more than float noise.
const NOISE = 1e-9;
const above = (rate: number, limit: number): boolean => rate - limit > NOISE;

/** Mon–Fri days from one date to another, both included; 0 when `to` is before `from`. */
function workingDaysBetween(from: string, to: string): number {
  const total = daysBetweenInclusive(from, to);
  let count = Math.floor(total / 7) * 5;
  const first = weekdayOf(from);
  for (let i = 0; i < total % 7; i++) if (((first - 1 + i) % 7) + 1 <= 5) count++;
  return count;
}

/** The per-day capacity of an activity metric, if it has one (own keys only: "constructor" is no metric). */
function perDayOf(settings: RuleSettings, metric: string): number | undefined {
  return Object.hasOwn(settings.capacityPerDay, metric) ? settings.capacityPerDay[metric] : undefined;
}

/** Sums may miss a total by the relative tolerance; for counts, by at most one unit. */
function tolerance(def: MetricDef | undefined, total: number, settings: RuleSettings): number {
  const relative = settings.tolerance * Math.abs(total);
  const allowed = def?.unit === 'count' ? Math.min(relative, 1) : relative;
  return allowed + 1e-9 * Math.max(1, Math.abs(total)); // float noise of the additions
}

export function validatePlan(
  plan: Plan,
  context: PlanValidationContext = {},
  options: ValidationOptions = {},
): PlanValidation {
  const locale = options.locale ?? 'en';
  const settings = resolveRuleSettings(context.rules);
  const findings: Finding[] = [];
  const add = (
    rule: string,
    severity: Severity,
    path: string,
    params: MessageParams,
    messageKey = rule,
  ): void => {
    const message = translate(locale, messageKey, params);
    findings.push({ rule, severity, path, message, params, ...(messageKey !== rule ? { messageKey } : {}) });
  };

  const periods = new Map<string, PeriodInfo>();
  const info = (id: string): PeriodInfo => {
    let p = periods.get(id);
    if (!p) {
      const parsed = parsePeriod(id);
      if (!parsed) throw new RangeError(`not a period id: "${id}"`);
      p = {
        kind: parsed.kind,
        start: periodStart(id),
        end: periodEnd(id),
        lastYear: samePeriodLastYear(id),
        workingDays: workingDays(id),
      };
      periods.set(id, p);
    }
    return p;
  };
  const horizon = info(plan.period);
  if (options.today !== undefined && !isIsoDate(options.today)) {
    throw new RangeError(`today must be a date as YYYY-MM-DD, got "${options.today}"`);
  }
  const ref = options.today ?? horizon.start;

  // ---- the organisation: who is a unit, who a person, who belongs to this plan
  const org = context.org ? new OrgIndex(context.org) : undefined;
  const planUnits = new Set(org ? org.subtree(plan.unitId) : [plan.unitId]);
  if (org && !org.unit(plan.unitId)) {
    add('specific.owner-unknown', 'error', 'unitId', { owner: plan.unitId, unitId: plan.unitId });
  }
  const ownerKnown = (owner: string): boolean => {
    if (!org) return true; // without an org there is nothing to check owners against
    if (planUnits.has(owner)) return true;
    const person = org.person(owner);
    return person !== undefined && planUnits.has(person.unitId);
  };
  const isUnit = (owner: string): boolean => (org ? org.unit(owner) !== undefined : owner === plan.unitId);
  const isPerson = (owner: string): boolean => org?.person(owner) !== undefined;
  const headcounts = new Map<string, number>();
  /** People who do the field work an activity target counts: 1 for a person, the reps and managers under a unit. */
  const headcount = (owner: string): number => {
    if (isPerson(owner)) return 1;
    if (!org || !org.unit(owner)) return 0;
    let n = headcounts.get(owner);
    if (n === undefined) {
      n = org.peopleIn(owner, { deep: true }).filter((p) => p.role === 'rep' || p.role === 'manager').length;
      headcounts.set(owner, n);
    }
    return n;
  };
  const marketGrowth = (personId: string): number | undefined => {
    const index = context.marketIndex;
    if (!index) return undefined;
    const unitId = org?.person(personId)?.unitId;
    const chain = [personId, ...(unitId ? [unitId, ...(org?.ancestors(unitId) ?? [])] : [])];
    const found = chain.find((id) => Object.hasOwn(index, id));
    return found === undefined ? undefined : (index[found] as number) - 1;
  };

  // ---- targets, row by row
  const targets = plan.targets;
  const rowPeriods = targets.map((t) => info(t.period));
  const inHorizon = rowPeriods.map((p) => p.start >= horizon.start && p.end <= horizon.end);
  const index = new TargetIndex(targets, (_, i) => inHorizon[i] === true);
  const history = new TargetIndex(context.history ?? []);
  const previous = new TargetIndex(context.previousTargets ?? []);

  for (let i = 0; i < targets.length; i++) {
    const t = targets[i] as Target;
    const period = rowPeriods[i] as PeriodInfo;
    const def = getMetric(t.metric);
    const row = (): MessageParams => ({ owner: t.owner, metric: t.metric, period: t.period });
    if (!def) add('specific.metric-unknown', 'error', `targets[${i}].metric`, row());
    // Below zero: nobody makes −5 visits (an error for a count); a negative sum of money plans a loss
    // or returns and is worth a second look (a warning). Rates and ratios may be negative.
    if (def && t.value < 0 && (def.unit === 'count' || def.unit === 'currency'))
      add('measurable.negative-target', def.unit === 'count' ? 'error' : 'warning', `targets[${i}].value`, {
        ...row(),
        value: t.value,
      });
    if (!ownerKnown(t.owner))
      add('specific.owner-unknown', 'error', `targets[${i}].owner`, { owner: t.owner, unitId: plan.unitId });
    if (!inHorizon[i]) {
      add('timebound.outside-period', 'error', `targets[${i}].period`, {
        ...row(),
        horizon: plan.period,
        start: horizon.start,
        end: horizon.end,
      });
      continue;
    }
    if (def?.direction === 'higher') {
      const lastYear = history.value(t.owner, t.metric, period.lastYear);
      if (lastYear !== undefined && lastYear > 0) {
        const growth = t.value / lastYear - 1;
        const params = (): MessageParams => ({
          ...row(),
          value: t.value,
          lastYear,
          growth: pct(growth),
          band: pct(settings.growthBand),
        });
        if (above(growth, 2 * settings.growthBand))
          add('attainable.growth-above-band', 'error', `targets[${i}].value`, params());
        else if (above(growth, settings.growthBand))
          add('attainable.growth-above-band', 'warning', `targets[${i}].value`, params());
        else if (above(settings.sandbaggingFloor, growth)) {
          add('attainable.below-history', 'warning', `targets[${i}].value`, {
            ...params(),
            floor: pct(settings.sandbaggingFloor),
          });
        }
      }
      const before = isPerson(t.owner) ? previous.value(t.owner, t.metric, period.lastYear) : undefined;
      if (before !== undefined && before > 0) {
        const growth = t.value / before - 1;
        const market = above(growth, settings.ratchetRate) ? marketGrowth(t.owner) : undefined;
        if (above(growth, settings.ratchetRate) && (market === undefined || above(growth, market))) {
          const params = {
            ...row(),
            value: t.value,
            previous: before,
            growth: pct(growth),
            rate: pct(settings.ratchetRate),
          };
          if (market === undefined)
            add(
              'attainable.ratchet',
              'warning',
              `targets[${i}].value`,
              params,
              'attainable.ratchet.no-market',
            );
          else
            add('attainable.ratchet', 'warning', `targets[${i}].value`, {
              ...params,
              marketGrowth: pct(market),
            });
        }
      }
    }
    const perDay = perDayOf(settings, t.metric);
    if (perDay !== undefined && perDay > 0) {
      const people = headcount(t.owner);
      if (people > 0) {
        const days = period.workingDays;
        const capacity = days * perDay * people;
        if (t.value > capacity) {
          add('attainable.capacity-exceeded', 'error', `targets[${i}].value`, {
            ...row(),
            value: t.value,
            capacity,
            workingDays: days,
            perDay,
            people,
          });
        }
      }
    }
  }

  // ---- each owner's rows of one metric: repeats, gaps in the months, months against totals
  const horizonMonths = horizon.kind === 'month' ? [] : monthsOf(plan.period);
  const firstRow = (group: TargetGroup, period: string): number | undefined =>
    group.byPeriod.get(period)?.[0];
  for (const group of index.groups) {
    const base = { owner: group.owner, metric: group.metric };
    for (const [period, rows] of group.byPeriod) {
      if (rows.length > 1) {
        for (const i of rows)
          add('timebound.months-overlap', 'error', `targets[${i}].period`, {
            ...base,
            period,
            count: rows.length,
          });
      }
    }
    if (horizonMonths.length > 0) {
      const missing = horizonMonths.filter((m) => !group.byPeriod.has(m));
      if (missing.length > 0 && missing.length < horizonMonths.length) {
        const anchor =
          firstRow(group, plan.period) ??
          firstRow(group, horizonMonths.find((m) => group.byPeriod.has(m)) as string);
        add('timebound.months-missing', 'error', `targets[${anchor}].period`, {
          ...base,
          horizon: plan.period,
          missing: missing.join(', '),
          count: missing.length,
          months: horizonMonths.length,
        });
      }
    }
    if (group.def?.aggregation !== 'sum') continue;
    for (const [period, rows] of group.byPeriod) {
      const kind = info(period).kind;
      if (kind === 'month') continue;
      let parts = index.sumOf(group, monthsOf(period));
      let messageKey = 'relevant.children-do-not-sum.months';
      if (parts.count === 0 && kind === 'year') {
        parts = index.sumOf(group, childPeriods(period));
        messageKey = 'relevant.children-do-not-sum.quarters';
      }
      if (parts.count === 0) continue;
      for (const i of rows) {
        const total = targets[i]?.value ?? 0;
        const gap = total - parts.sum;
        if (Math.abs(gap) > tolerance(group.def, total, settings)) {
          add(
            'relevant.children-do-not-sum',
            'error',
            `targets[${i}].value`,
            { ...base, period, total, sum: parts.sum, gap, count: parts.count },
            messageKey,
          );
        }
      }
    }
  }

  // ---- units against their people and sub-units, and against what their parent handed down
  const otherOwners = [...new Set(targets.map((t) => t.owner))].filter((o) => o !== plan.unitId).sort();
  const childrenCache = new Map<string, string[]>();
  const childrenOf = (unitId: string): string[] => {
    let list = childrenCache.get(unitId);
    if (!list) {
      // Without an org, every other owner of the plan is read as a direct child of the plan's unit.
      list = org
        ? [...org.children(unitId), ...org.peopleIn(unitId).map((p) => p.id)].sort()
        : unitId === plan.unitId
          ? otherOwners
          : [];
      childrenCache.set(unitId, list);
    }
    return list;
  };
  const compare = (
    path: string,
    params: MessageParams,
    def: MetricDef | undefined,
    target: number,
    sum: number,
    variant: string,
  ): void => {
    const gap = target - sum;
    const tol = tolerance(def, target, settings);
    if (gap > tol) {
      add(
        'relevant.children-do-not-sum',
        'error',
        path,
        { ...params, target, sum, gap, coverage: target > 0 ? pct(sum / target) : null },
        `relevant.children-do-not-sum.${variant}`,
      );
    } else if (-gap > tol && target > 0) {
      add(
        'relevant.over-assigned',
        'info',
        path,
        { ...params, target, sum, over: pct(sum / target - 1) },
        `relevant.over-assigned.${variant}`,
      );
    }
  };
  /** Σ of a unit's children's values for a period (children in id order, so the sum is order-free). */
  const childrenSum = (unitId: string, metric: string, period: string): { sum: number; count: number } => {
    let sum = 0;
    let count = 0;
    for (const child of childrenOf(unitId)) {
      const v = index.value(child, metric, period);
      if (v !== undefined) {
        sum += v;
        count++;
      }
    }
    return { sum, count };
  };
  for (const group of index.groups) {
    if (group.def?.aggregation !== 'sum' || !isUnit(group.owner)) continue;
    for (const [period, rows] of group.byPeriod) {
      const { sum, count } = childrenSum(group.owner, group.metric, period);
      if (count === 0) continue;
      for (const i of rows) {
        compare(
          `targets[${i}].value`,
          { owner: group.owner, metric: group.metric, period, count },
          group.def,
          targets[i]?.value ?? 0,
          sum,
          'children',
        );
      }
    }
  }
  const handedDown = new TargetIndex(context.parentTargets ?? [], (t) => t.owner === plan.unitId);
  for (const group of handedDown.groups) {
    if (group.def?.aggregation !== 'sum') continue;
    for (const period of group.byPeriod.keys()) {
      const p = info(period);
      if (p.start < horizon.start || p.end > horizon.end) continue;
      const target = handedDown.direct(group, period) ?? 0;
      // A plan that gives the unit no row of its own holds what its people and sub-units add up to.
      const children = childrenSum(plan.unitId, group.metric, period);
      const planned =
        index.value(plan.unitId, group.metric, period) ?? (children.count > 0 ? children.sum : 0);
      const own = index.group(plan.unitId, group.metric);
      const row = own ? firstRow(own, period) : undefined;
      compare(
        row === undefined ? 'targets' : `targets[${row}].value`,
        { owner: plan.unitId, metric: group.metric, period },
        group.def,
        target,
        planned,
        'handed-down',
      );
    }
  }

  // ---- goals
  validateGoals(plan, settings, ref, horizon, { add, ownerKnown, headcount });

  return { findings: sortPlanFindings(findings), summary: summariseFindings(findings) };
}

interface GoalChecks {
  add: (rule: string, severity: Severity, path: string, params: MessageParams, messageKey?: string) => void;
  ownerKnown: (owner: string) => boolean;
  headcount: (owner: string) => number;
}

function validateGoals(
  plan: Plan,
  settings: RuleSettings,
  ref: string,
  horizon: PeriodInfo,
  checks: GoalChecks,
): void {
  const goals = plan.goals ?? [];
  const { add } = checks;
  const byId = new Map<string, Goal[]>();
  for (const g of goals) {
    const list = byId.get(g.id);
    if (list) list.push(g);
    else byId.set(g.id, [g]);
  }
  goals.forEach((g, i) => {
    const at = (field: string): string => `goals[${i}].${field}`;
    const base = { goal: g.id, owner: g.owner };
    const def = g.metric === undefined ? undefined : getMetric(g.metric);
    if (!checks.ownerKnown(g.owner))
      add('specific.owner-unknown', 'error', at('owner'), { owner: g.owner, unitId: plan.unitId });
    if (g.metric !== undefined && !def)
      add('specific.metric-unknown', 'error', at('metric'), { ...base, metric: g.metric });

    const text = readObjective(g.objective, ref, settings.vagueWords);
    const target = g.target ?? text.target;
    const baseline = g.baseline ?? text.baseline;
    const unit = g.unit ?? text.unit ?? def?.unit;
    if (text.vagueWords.length > 0 && g.target === undefined && text.results.length === 0) {
      add('specific.vague-wording', 'warning', at('objective'), {
        ...base,
        words: text.vagueWords.join(', '),
      });
    }
    if (target === undefined) add('measurable.no-target', 'error', at('target'), { ...base });
    else if (unit === undefined) add('measurable.no-unit', 'warning', at('unit'), { ...base, target });
    if (text.isChange && baseline === undefined)
      add('measurable.no-baseline', 'warning', at('baseline'), { ...base });

    const deadline = g.deadline ?? text.deadline;
    if (g.deadline === undefined && !text.hasDeadline)
      add('timebound.no-deadline', 'warning', at('deadline'), { ...base });
    const validDeadline = deadline !== undefined && isIsoDate(deadline) ? deadline : undefined;
    if (
      deadline !== undefined &&
      (validDeadline === undefined || deadline < horizon.start || deadline > horizon.end)
    ) {
      add(
        'timebound.outside-period',
        'error',
        at('deadline'),
        { ...base, deadline, horizon: plan.period, start: horizon.start, end: horizon.end },
        'timebound.outside-period.deadline',
      );
    }

    if (validDeadline !== undefined && target !== undefined) {
      const days = daysBetweenInclusive(ref, validDeadline);
      const money = def ? def.unit === 'currency' : isCurrencyUnit(unit);
      if (baseline === 0 && target > 0 && money && days < settings.rampDays) {
        add(
          'attainable.growth-above-band',
          'error',
          at('target'),
          { ...base, baseline: 0, target, days, rampDays: settings.rampDays },
          'attainable.growth-above-band.from-zero',
        );
      }
      const perDay = g.metric === undefined ? undefined : perDayOf(settings, g.metric);
      const people = checks.headcount(g.owner);
      if (perDay !== undefined && perDay > 0 && people > 0) {
        const workdays = workingDaysBetween(ref, validDeadline);
        const capacity = workdays * perDay * people;
        if (target > capacity) {
          add(
            'attainable.capacity-exceeded',
            'error',
            at('target'),
            {
              ...base,
              metric: g.metric ?? '',
              value: target,
              capacity,
              workingDays: workdays,
              perDay,
              people,
              deadline: validDeadline,
            },
            'attainable.capacity-exceeded.goal',
          );
        }
      }
    }

    // A goal naming itself as parent serves nothing; the plan unit's own goals are the top.
    const parents = g.parentId === undefined || g.parentId === g.id ? [] : (byId.get(g.parentId) ?? []);
    if (g.owner !== plan.unitId && parents.length === 0) {
      add('relevant.no-parent', 'warning', at('parentId'), { ...base, parentId: g.parentId ?? null });
    }
    if (g.metric !== undefined && parents.length > 0) {
      const fits = parents.some((p) => {
        if (p.metric === undefined || p.metric === g.metric) return true;
        const parentDef = getMetric(p.metric);
        // A ratio KPI is served by goals on its own parts: productivity by premium and producing reps.
        return parentDef?.numerator === g.metric || parentDef?.denominator === g.metric;
      });
      if (!fits) {
        const parentMetric = [...new Set(parents.map((p) => p.metric ?? ''))].sort().join(', ');
        add('relevant.metric-mismatch', 'warning', at('metric'), {
          ...base,
          metric: g.metric,
          parentId: g.parentId ?? '',
          parentMetric,
        });
      }
    }
  });
}

const COLLECTIONS = ['unitId', 'period', 'targets', 'goals'];
const PATH = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.(.*))?$/;

/** Findings in the order of the plan: its header, then targets and goals by row, then by rule. */
function sortPlanFindings(findings: readonly Finding[]): Finding[] {
  const keyed = findings.map((f) => {
    const m = PATH.exec(f.path);
    const rank = COLLECTIONS.indexOf(m?.[1] ?? '');
    return {
      f,
      rank: rank < 0 ? COLLECTIONS.length : rank,
      index: m?.[2] === undefined ? -1 : Number(m[2]),
      rest: `${m?.[3] ?? ''}\u0000${f.rule}\u0000${JSON.stringify(f.params ?? {})}`,
    };
  });
  keyed.sort(
    (a, b) => a.rank - b.rank || a.index - b.index || (a.rest < b.rest ? -1 : a.rest > b.rest ? 1 : 0),
  );
  return keyed.map((k) => k.f);
}

export function summariseFindings(findings: readonly Finding[]): ValidationSummary {
  const summary: ValidationSummary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}
