// Quotas of a payout from plan targets (docs/rules.md, Allocation; Pay): a person's target for a metric the
// plan's commissions measure attainment on, for the period itself or a period inside it. The engine then
// takes the period's own quota or sums the months inside it.
import { periodEnd, periodStart } from '../period';
import type { CompPlan, Quota, Target } from '../schemas';

/** The metrics a plan measures attainment on (its commissions'). */
export function quotaMetrics(plan: CompPlan): string[] {
  return [...new Set(plan.components.flatMap((c) => (c.type === 'commission' ? [c.metric] : [])))];
}

/** Targets of `people` (not units) for the plan's quota metrics, for `period` or periods inside it. */
export function quotasFromTargets(
  targets: readonly Target[],
  people: ReadonlySet<string>,
  plan: CompPlan,
  period: string,
): Quota[] {
  const metrics = new Set(quotaMetrics(plan));
  const start = periodStart(period);
  const end = periodEnd(period);
  return targets
    .filter(
      (t) =>
        people.has(t.owner) &&
        metrics.has(t.metric) &&
        (t.period === period || (periodStart(t.period) >= start && periodEnd(t.period) <= end)),
    )
    .map((t) => ({ personId: t.owner, metric: t.metric, period: t.period, value: t.value }));
}
