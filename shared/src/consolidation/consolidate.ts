// Consolidation (汇总, docs/rules.md): the latest submitted or approved plans of every unit below a
// unit, rolled up unit × metric × month, with the gap and coverage against that unit's own target.
import { getMetric, metricCatalog, type MetricAggregation } from '../metrics';
import { makeFinding, type Locale } from '../messages/index';
import { OrgIndex, type OrgData } from '../org';
import { monthsOf, periodEnd, periodStart, type PeriodOptions } from '../period';
import type { Finding, Plan, Target } from '../schemas';

export type PlanStatus = 'submitted' | 'approved';

/** A stored plan version as the store hands it to consolidation. */
export type SubmittedPlan = {
  plan: Plan;
  version: number;
  status: PlanStatus;
  submittedBy?: string;
  submittedAt?: string;
};

export type ConsolidateInput = {
  /** The unit whose subtree is consolidated (a region, usually). */
  unitId: string;
  period: string;
  org: OrgData;
  plans: readonly SubmittedPlan[];
  /** The consolidated unit's own targets (as handed down to it); when absent, its own plan's rows. */
  unitTargets?: readonly Target[];
  currentTemplateVersion: string;
  locale?: Locale;
} & PeriodOptions;

/** A total for the period and one value per month of the period; null where there is nothing. */
export type RollupValues = { total: number | null; months: (number | null)[] };

/**
 * One line of the drill-down: a unit or a person, one metric. `level` 0 is the consolidated unit,
 * its child units 1, and so on; people sit one level below their unit. `source` says where a unit's
 * numbers come from: `plan` (its own rows), `children` (no own rows: the sum of its sub-units), or
 * `rollup` (the consolidated unit: the sum of its children).
 */
export type RollupRow = RollupValues & {
  kind: 'unit' | 'person';
  level: number;
  id: string;
  unitId: string;
  personId: string | null;
  parentId: string | null;
  name: string;
  metric: string;
  source: 'plan' | 'children' | 'rollup' | null;
  /** The version of the plan the numbers come from (a person's: their unit's plan). */
  version: number | null;
};

export type RollupMetric = {
  metric: string;
  aggregation: MetricAggregation;
  /** False for average and ratio metrics: shown per unit only, with no total, gap or coverage. */
  additive: boolean;
  /** The consolidated unit's own target and where it came from. */
  target: RollupValues;
  targetSource: 'unitTargets' | 'plan' | null;
  /** Σ of the direct children's numbers. */
  children: RollupValues;
  /** target − Σ children (positive: not yet covered by the children's plans). */
  gap: RollupValues;
  /** Σ children / target; null when the target is 0 or missing. */
  coverage: RollupValues;
};

export type RollupSubmission = {
  unitId: string;
  unitName: string;
  status: PlanStatus;
  version: number;
  templateVersion: string;
  submittedBy: string | null;
  submittedAt: string | null;
};

export type MissingUnit = {
  unitId: string;
  unitName: string;
  parentId: string | null;
  managerId: string | null;
  managerName: string | null;
};
export type StaleTemplateUnit = {
  unitId: string;
  unitName: string;
  version: number;
  templateVersion: string;
};

export type Rollup = {
  unitId: string;
  unitName: string;
  period: string;
  months: string[];
  metrics: RollupMetric[];
  rows: RollupRow[];
  /** The plan counted for every unit below that has one, in org order. */
  submissions: RollupSubmission[];
  /** Units below without a submitted or approved plan for the period. */
  missing: MissingUnit[];
  /** Units whose counted plan is on another template version than the current one. */
  staleTemplates: StaleTemplateUnit[];
  summary: { expected: number; submitted: number; approved: number; missing: number; staleTemplates: number };
  findings: Finding[];
};

// Values are summed as integers of the metric's precision so that a total never depends on the
// order of addition (0.1 + 0.2 problems) and equals the sum of the parts exactly.
const scaleOf = (metric: string): number => 10 ** (getMetric(metric)?.precision ?? 6);
const ABSENT = Number.NaN;
const catalogOrder = new Map(Object.keys(metricCatalog).map((id, i) => [id, i] as const));

type Cells = Float64Array; // scaled values, months then the explicit period total; NaN = absent

/**
 * Consolidates the subtree of `unitId` for a period. Which numbers count:
 * - every unit below `unitId` is expected to submit; its latest plan counts (a plan for exactly the
 *   period before one for a longer horizon, then the highest version, approved before submitted);
 * - of a unit's plan only the rows owned by the unit itself give the unit's numbers, and rows owned
 *   by people of that unit give the person lines of the drill-down; rows about sub-units are ignored,
 *   since each sub-unit's own plan speaks for it;
 * - a unit with no rows for a metric (no plan, or a plan without that metric) shows the sum of its
 *   sub-units instead, so a missing area plan does not hide its teams;
 * - a unit's total is its target for the period itself when given, else its months combined by the
 *   metric's rule over time (sum; first or last month for stocks; mean for averages);
 * - across units sum, first and last metrics add up; average and ratio metrics do not: they are
 *   shown per unit only, with no rolled-up total, gap or coverage.
 */
export function consolidate(input: ConsolidateInput): Rollup {
  const locale = input.locale ?? 'en';
  const opts: PeriodOptions =
    input.fiscalYearStartMonth === undefined ? {} : { fiscalYearStartMonth: input.fiscalYearStartMonth };
  const months = monthsOf(input.period, opts);
  const M = months.length;
  const slotOf = new Map<string, number>(months.map((m, i) => [m, i] as const));
  slotOf.set(input.period, M);
  const idx = new OrgIndex(input.org);
  const root = idx.unit(input.unitId);
  const empty: Rollup = {
    unitId: input.unitId,
    unitName: root?.name ?? input.unitId,
    period: input.period,
    months,
    metrics: [],
    rows: [],
    submissions: [],
    missing: [],
    staleTemplates: [],
    summary: { expected: 0, submitted: 0, approved: 0, missing: 0, staleTemplates: 0 },
    findings: [],
  };
  if (!root) {
    empty.findings.push(
      makeFinding('consolidation.unknown-unit', 'error', 'unitId', { unitId: input.unitId }, locale),
    );
    return empty;
  }

  // ---- the org below, depth first, with each unit's level
  const units = idx.subtree(input.unitId);
  const level = new Map<string, number>([[input.unitId, 0]]);
  for (const id of units) {
    const parent = idx.unit(id)?.parentId;
    if (id !== input.unitId && parent != null) level.set(id, (level.get(parent) ?? 0) + 1);
  }

  // ---- the plan that counts for each unit
  const start = periodStart(input.period, opts);
  const end = periodEnd(input.period, opts);
  const covers = new Map<string, boolean>();
  const chosen = new Map<string, { entry: SubmittedPlan; at: number; exact: boolean }>();
  input.plans.forEach((entry, at) => {
    const unitId = entry.plan.unitId;
    if (!level.has(unitId)) return;
    const p = entry.plan.period;
    let ok = covers.get(p);
    if (ok === undefined) {
      ok =
        p === input.period || safe(() => periodStart(p, opts) <= start && end <= periodEnd(p, opts), false);
      covers.set(p, ok);
    }
    if (!ok) return;
    const exact = p === input.period;
    const best = chosen.get(unitId);
    if (!best || isLater({ entry, exact }, best)) chosen.set(unitId, { entry, at, exact });
  });

  // ---- index the counted rows once: owner → metric number → cells
  const metricNumber = new Map<string, number>();
  const metricIds: string[] = [];
  const scales: number[] = [];
  const numberOf = (metric: string): number => {
    let n = metricNumber.get(metric);
    if (n === undefined) {
      n = metricIds.length;
      metricNumber.set(metric, n);
      metricIds.push(metric);
      scales.push(scaleOf(metric));
    }
    return n;
  };
  const cells = new Map<string, Cells[]>();
  const targetCells = new Map<string, Cells[]>();
  const record = (
    map: Map<string, Cells[]>,
    owner: string,
    metric: string,
    slot: number,
    value: number,
  ): void => {
    const n = numberOf(metric);
    let byMetric = map.get(owner);
    if (!byMetric) map.set(owner, (byMetric = []));
    let c = byMetric[n];
    if (!c) byMetric[n] = c = new Float64Array(M + 1).fill(ABSENT);
    if (Number.isNaN(c[slot] as number)) c[slot] = Math.round(value * (scales[n] as number)); // a repeated cell keeps its first value
  };
  for (const [unitId, { entry }] of chosen) {
    // Rows come grouped by owner and metric, so the last look-ups are remembered.
    let lastOwner: string | null = null;
    let lastMetric: string | null = null;
    let counts = false;
    let byMetric: Cells[] = [];
    let c: Cells | undefined;
    let scale = 1;
    for (const t of entry.plan.targets) {
      const slot = slotOf.get(t.period);
      if (slot === undefined) continue;
      if (t.owner !== lastOwner) {
        lastOwner = t.owner;
        lastMetric = null;
        counts = t.owner === unitId || idx.person(t.owner)?.unitId === unitId;
        if (counts) {
          const known = cells.get(t.owner);
          if (known) byMetric = known;
          else cells.set(t.owner, (byMetric = []));
        }
      }
      if (!counts) continue;
      if (t.metric !== lastMetric) {
        lastMetric = t.metric;
        const n = numberOf(t.metric);
        scale = scales[n] as number;
        c = byMetric[n];
        if (!c) byMetric[n] = c = new Float64Array(M + 1).fill(ABSENT);
      }
      if (Number.isNaN(c![slot] as number)) c![slot] = Math.round(t.value * scale); // a repeated cell keeps its first value
    }
  }
  let targetSource: 'unitTargets' | 'plan' = 'plan';
  const handedDown = (input.unitTargets ?? []).filter(
    (t) => t.owner === input.unitId && slotOf.has(t.period),
  );
  if (handedDown.length > 0) {
    targetSource = 'unitTargets';
    for (const t of handedDown) record(targetCells, t.owner, t.metric, slotOf.get(t.period) ?? M, t.value);
  }
  // metric numbers in catalog order, then unknown metrics by id
  const metricOrder = metricIds
    .map((id, n) => ({ id, n }))
    .sort(
      (a, b) =>
        (catalogOrder.get(a.id) ?? Infinity) - (catalogOrder.get(b.id) ?? Infinity) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((m) => m.n);
  const K = metricIds.length;
  const aggregations: MetricAggregation[] = metricIds.map((id) => getMetric(id)?.aggregation ?? 'sum');
  const additive = aggregations.map((a) => a !== 'average' && a !== 'ratio');

  const findings: Finding[] = [];
  const unitIndex = new Map(input.org.units.map((u, i) => [u.id, i] as const));

  // ---- bottom-up values of every unit: months then total, scaled; with where they came from
  const SOURCE = [null, 'plan', 'children', 'rollup'] as const;
  const valuesOf = new Map<string, { values: (Cells | undefined)[]; source: Uint8Array }>();
  for (let i = units.length - 1; i >= 0; i--) {
    const id = units[i] as string;
    const isRoot = id === input.unitId;
    const own = isRoot ? undefined : cells.get(id);
    const kids = idx.children(id).map((k) => valuesOf.get(k)?.values);
    const values: (Cells | undefined)[] = Array(K);
    const source = new Uint8Array(K);
    for (let n = 0; n < K; n++) {
      const c = own?.[n];
      if (c) {
        const v = c.slice();
        v[M] = unitTotal(c, M, aggregations[n] as MetricAggregation);
        values[n] = v;
        source[n] = 1;
      } else if (additive[n]) {
        const sum = sumChildren(kids, n, M);
        if (sum) {
          values[n] = sum;
          source[n] = isRoot ? 3 : 2;
        }
      }
    }
    valuesOf.set(id, { values, source });
  }

  // ---- the consolidated unit: target, Σ children, gap, coverage per metric
  const rollupMetrics: RollupMetric[] = [];
  const rootValues = valuesOf.get(input.unitId)?.values ?? [];
  const nulls = (): RollupValues => ({ total: null, months: Array<number | null>(M).fill(null) });
  for (const n of metricOrder) {
    const metric = metricIds[n] as string;
    const aggregation = aggregations[n] as MetricAggregation;
    const scale = scales[n] as number;
    if (!getMetric(metric))
      findings.push(
        makeFinding('consolidation.unknown-metric', 'warning', `metrics.${metric}`, { metric }, locale),
      );
    const raw = (targetSource === 'unitTargets' ? targetCells : cells).get(input.unitId)?.[n];
    let target: Cells | undefined;
    if (raw) {
      target = raw.slice();
      target[M] = unitTotal(raw, M, aggregation);
    }
    const kids = additive[n] ? rootValues[n] : undefined;
    const combine = (fn: (t: number, c: number) => number | null): RollupValues => {
      if (!additive[n] || !target) return nulls();
      const out = (i: number): number | null => fn(target[i] as number, kids ? (kids[i] as number) : ABSENT);
      return { total: out(M), months: Array.from({ length: M }, (_, i) => out(i)) };
    };
    rollupMetrics.push({
      metric,
      aggregation,
      additive: additive[n] as boolean,
      target: target ? toValues(target, M, scale) : nulls(),
      targetSource: target ? targetSource : null,
      children: kids ? toValues(kids, M, scale) : nulls(),
      gap: combine((t, c) => (Number.isNaN(t) ? null : (t - (Number.isNaN(c) ? 0 : c)) / scale)),
      coverage: combine((t, c) => (Number.isNaN(t) || t === 0 ? null : (Number.isNaN(c) ? 0 : c) / t)),
    });
    if (!additive[n]) {
      findings.push(
        makeFinding(
          'consolidation.not-additive',
          'info',
          `metrics.${metric}`,
          { metric, aggregation },
          locale,
        ),
      );
    } else if (!target) {
      findings.push(
        makeFinding(
          'consolidation.no-target',
          'info',
          'unitTargets',
          { unitId: root.id, unitName: root.name, metric, period: input.period },
          locale,
        ),
      );
    }
  }

  // ---- drill-down rows: unit, its people, then its sub-units (depth first, org order)
  const rows: RollupRow[] = [];
  for (const id of units) {
    const unit = idx.unit(id);
    const lvl = level.get(id) ?? 0;
    const version = chosen.get(id)?.entry.version ?? null;
    const own = valuesOf.get(id);
    for (const n of metricOrder) {
      const v = own?.values[n];
      const source = SOURCE[own?.source[n] ?? 0] ?? null;
      if (!v || source === null) continue;
      rows.push({
        kind: 'unit',
        level: lvl,
        id,
        unitId: id,
        personId: null,
        parentId: id === input.unitId ? null : (unit?.parentId ?? null),
        name: unit?.name ?? id,
        metric: metricIds[n] as string,
        source,
        version: source === 'plan' ? version : null,
        ...toValues(v, M, scales[n] as number),
      });
    }
    if (!chosen.has(id)) continue;
    for (const person of idx.peopleIn(id)) {
      const byMetric = cells.get(person.id);
      if (!byMetric) continue;
      for (const n of metricOrder) {
        const c = byMetric[n];
        if (!c) continue;
        const v = c.slice();
        v[M] = unitTotal(c, M, aggregations[n] as MetricAggregation);
        rows.push({
          kind: 'person',
          level: lvl + 1,
          id: person.id,
          unitId: id,
          personId: person.id,
          parentId: id,
          name: person.name ?? person.id,
          metric: metricIds[n] as string,
          source: 'plan',
          version,
          ...toValues(v, M, scales[n] as number),
        });
      }
    }
  }

  // ---- who submitted, who did not, who is on an old template
  const submissions: RollupSubmission[] = [];
  const missing: MissingUnit[] = [];
  const staleTemplates: StaleTemplateUnit[] = [];
  for (const id of units) {
    if (id === input.unitId) continue;
    const unit = idx.unit(id);
    const unitName = unit?.name ?? id;
    const counted = chosen.get(id);
    if (!counted) {
      const manager = idx.managerOf(id);
      missing.push({
        unitId: id,
        unitName,
        parentId: unit?.parentId ?? null,
        managerId: manager?.id ?? null,
        managerName: manager?.name ?? null,
      });
      findings.push(
        makeFinding(
          'consolidation.not-submitted',
          'warning',
          `org.units[${unitIndex.get(id) ?? 0}]`,
          {
            unitId: id,
            unitName,
            period: input.period,
            managerId: manager?.id ?? '—',
            managerName: manager?.name ?? '—',
          },
          locale,
        ),
      );
      continue;
    }
    const { entry, at } = counted;
    submissions.push({
      unitId: id,
      unitName,
      status: entry.status,
      version: entry.version,
      templateVersion: entry.plan.templateVersion,
      submittedBy: entry.submittedBy ?? null,
      submittedAt: entry.submittedAt ?? null,
    });
    if (entry.plan.templateVersion !== input.currentTemplateVersion) {
      staleTemplates.push({
        unitId: id,
        unitName,
        version: entry.version,
        templateVersion: entry.plan.templateVersion,
      });
      findings.push(
        makeFinding(
          'consolidation.old-template',
          'warning',
          `plans[${at}].plan.templateVersion`,
          {
            unitId: id,
            unitName,
            version: entry.version,
            templateVersion: entry.plan.templateVersion,
            current: input.currentTemplateVersion,
          },
          locale,
        ),
      );
    }
  }

  return {
    ...empty,
    metrics: rollupMetrics,
    rows,
    submissions,
    missing,
    staleTemplates,
    summary: {
      expected: units.length - 1,
      submitted: submissions.filter((s) => s.status === 'submitted').length,
      approved: submissions.filter((s) => s.status === 'approved').length,
      missing: missing.length,
      staleTemplates: staleTemplates.length,
    },
    findings,
  };
}

/** Whether a candidate plan beats the one chosen so far: exact period, then version, then approved. */
function isLater(
  a: { entry: SubmittedPlan; exact: boolean },
  b: { entry: SubmittedPlan; exact: boolean },
): boolean {
  if (a.exact !== b.exact) return a.exact;
  if (a.entry.version !== b.entry.version) return a.entry.version > b.entry.version;
  if (a.entry.status !== b.entry.status) return a.entry.status === 'approved';
  return (a.entry.submittedAt ?? '') > (b.entry.submittedAt ?? '');
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** The period total of one owner: its explicit period target, else its months combined over time. */
function unitTotal(c: Cells, M: number, aggregation: MetricAggregation): number {
  const explicit = c[M] as number;
  if (!Number.isNaN(explicit)) return explicit;
  let sum = 0;
  let count = 0;
  let first = ABSENT;
  let last = ABSENT;
  for (let i = 0; i < M; i++) {
    const v = c[i] as number;
    if (Number.isNaN(v)) continue;
    if (count === 0) first = v;
    last = v;
    sum += v;
    count++;
  }
  if (count === 0 || aggregation === 'ratio') return ABSENT;
  if (aggregation === 'first') return first;
  if (aggregation === 'last') return last;
  return aggregation === 'average' ? sum / count : sum;
}

/** Σ of the children's months and totals of metric `n`; undefined when no child has a number. */
function sumChildren(
  kids: readonly ((Cells | undefined)[] | undefined)[],
  n: number,
  M: number,
): Cells | undefined {
  let sum: Cells | undefined;
  for (const kid of kids) {
    const v = kid?.[n];
    if (!v) continue;
    if (!sum) {
      sum = v.slice();
      continue;
    }
    for (let i = 0; i <= M; i++) {
      const x = v[i] as number;
      if (!Number.isNaN(x)) sum[i] = Number.isNaN(sum[i] as number) ? x : (sum[i] as number) + x;
    }
  }
  return sum;
}

/** Scaled cells as the values of the contract: numbers in the metric's units, null where absent. */
function toValues(c: Cells, M: number, scale: number): RollupValues {
  const months: (number | null)[] = new Array(M);
  for (let i = 0; i < M; i++) {
    const x = c[i] as number;
    months[i] = Number.isNaN(x) ? null : x / scale;
  }
  const total = c[M] as number;
  return { total: Number.isNaN(total) ? null : total / scale, months };
}
