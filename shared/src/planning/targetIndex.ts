// Target rows indexed once by owner and metric, with each owner's value for any period either
// as entered or, for summing metrics, added up from the months (or quarters) inside it.
import type { Target } from '../schemas';
import { getMetric, type MetricDef } from '../metrics';
import { childPeriods, monthsOf, parsePeriod } from '../period';

export interface TargetGroup {
  owner: string;
  metric: string;
  def: MetricDef | undefined;
  /** Row indices by period id, each list in value order so that sums never depend on row order. */
  byPeriod: Map<string, number[]>;
  /** Values already worked out by `value`, by period. */
  memo: Map<string, number | undefined>;
}

export class TargetIndex {
  /** Owner → metric → group: two plain look-ups, no key strings built per row. */
  private readonly byOwner = new Map<string, Map<string, TargetGroup>>();
  readonly groups: TargetGroup[] = [];

  constructor(
    readonly rows: readonly Target[],
    include: (row: Target, index: number) => boolean = () => true,
  ) {
    rows.forEach((row, i) => {
      if (!include(row, i)) return;
      let metrics = this.byOwner.get(row.owner);
      if (!metrics) {
        metrics = new Map();
        this.byOwner.set(row.owner, metrics);
      }
      let group = metrics.get(row.metric);
      if (!group) {
        group = {
          owner: row.owner,
          metric: row.metric,
          def: getMetric(row.metric),
          byPeriod: new Map(),
          memo: new Map(),
        };
        metrics.set(row.metric, group);
        this.groups.push(group);
      }
      const list = group.byPeriod.get(row.period);
      if (list) list.push(i);
      else group.byPeriod.set(row.period, [i]);
    });
    for (const group of this.groups) {
      for (const list of group.byPeriod.values()) {
        if (list.length > 1) list.sort((a, b) => (rows[a]?.value ?? 0) - (rows[b]?.value ?? 0) || a - b);
      }
    }
  }

  group(owner: string, metric: string): TargetGroup | undefined {
    return this.byOwner.get(owner)?.get(metric);
  }

  /** Σ of the rows of exactly this period, or undefined when there are none. */
  direct(group: TargetGroup, period: string): number | undefined {
    const list = group.byPeriod.get(period);
    if (!list) return undefined;
    let sum = 0;
    for (const i of list) sum += this.rows[i]?.value ?? 0;
    return sum;
  }

  /** Σ of the rows of the given periods that exist, with how many periods had rows. */
  sumOf(group: TargetGroup, periods: readonly string[]): { sum: number; count: number } {
    let sum = 0;
    let count = 0;
    for (const p of periods) {
      const v = this.direct(group, p);
      if (v !== undefined) {
        sum += v;
        count++;
      }
    }
    return { sum, count };
  }

  /**
   * The owner's value for a period: its own rows, else (summing metrics only) its months inside the
   * period, else its quarters inside a year. Undefined when the plan says nothing for that period.
   */
  value(owner: string, metric: string, period: string): number | undefined {
    const group = this.group(owner, metric);
    if (!group) return undefined;
    if (group.memo.has(period)) return group.memo.get(period);
    let v = this.direct(group, period);
    const kind = parsePeriod(period)?.kind;
    if (v === undefined && group.def?.aggregation === 'sum' && kind !== undefined && kind !== 'month') {
      const months = this.sumOf(group, monthsOf(period));
      if (months.count > 0) v = months.sum;
      else if (kind === 'year') {
        const quarters = this.sumOf(group, childPeriods(period));
        if (quarters.count > 0) v = quarters.sum;
      }
    }
    group.memo.set(period, v);
    return v;
  }
}
