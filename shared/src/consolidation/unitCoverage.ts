// Gap and coverage of each unit line of a roll-up (docs/rules.md, Consolidation) against the unit's own
// number, so a regional head sees at every level how much of a unit's target the lines directly below it
// cover.
import { getMetric } from '../metrics';
import type { Rollup } from './consolidate';

export type UnitCoverage = {
  /** The unit's own number for the period: the consolidated unit's target, else its own plan's total. */
  target: number;
  /** Σ of the totals of the lines directly below it (its people and its sub-units). */
  below: number;
  /** target − below (positive: not yet covered). */
  gap: number;
  /** below / target; null when the target is 0. */
  coverage: number | null;
};

/**
 * One entry per row of `rollup.rows` (same order): the consolidated unit takes the gap and coverage
 * of `rollup.metrics`; a unit with its own plan compares its total with the lines directly below it;
 * null for people, for units whose numbers are the sum of their sub-units, for non-additive metrics,
 * and where nothing is below or a number is missing. Sums use the metric's precision as integers,
 * as consolidation does, so a gap is exact.
 */
export function unitCoverage(rollup: Rollup): (UnitCoverage | null)[] {
  const metrics = new Map(rollup.metrics.map((m) => [m.metric, m] as const));
  const scaleOf = new Map<string, number>();
  const scale = (metric: string): number => {
    let s = scaleOf.get(metric);
    if (s === undefined) scaleOf.set(metric, (s = 10 ** (getMetric(metric)?.precision ?? 6)));
    return s;
  };
  // Σ (scaled) of the totals below each parent, per metric; count of lines with a total
  const below = new Map<string, { sum: number; count: number }>();
  for (const row of rollup.rows) {
    if (row.parentId === null || row.total === null) continue;
    const k = `${row.parentId}\u0000${row.metric}`;
    const acc = below.get(k) ?? { sum: 0, count: 0 };
    acc.sum += Math.round(row.total * scale(row.metric));
    acc.count += 1;
    below.set(k, acc);
  }
  return rollup.rows.map((row) => {
    const metric = metrics.get(row.metric);
    if (row.kind !== 'unit' || !metric?.additive) return null;
    if (row.level === 0) {
      const { target, children, gap, coverage } = metric;
      if (target.total === null || gap.total === null) return null;
      return { target: target.total, below: children.total ?? 0, gap: gap.total, coverage: coverage.total };
    }
    if (row.source !== 'plan' || row.total === null) return null;
    const acc = below.get(`${row.id}\u0000${row.metric}`);
    if (!acc || acc.count === 0) return null;
    const s = scale(row.metric);
    const target = Math.round(row.total * s);
    return {
      target: row.total,
      below: acc.sum / s,
      gap: (target - acc.sum) / s,
      coverage: target === 0 ? null : acc.sum / target,
    };
  });
}
