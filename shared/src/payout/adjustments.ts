// Prior-period adjustments (docs/rules.md, Periods; Pay): a correction of a closed period is a transaction of
// the next open period that names the original (`adjusts`); its amount credits like any other, and this step
// adds to the commission lines it reaches a trace step naming the line it corrects.
import type { Component, PayoutLine, Transaction } from '../schemas';

export const PRIOR_PERIOD_STEP = 'prior-period adjustment';

/**
 * Appends, to each commission line of a person credited by an adjusting transaction (same metric),
 * `{ step: 'prior-period adjustment', value: '<id> adjusts <period> <transactionId>: <amount> × <share>' }`.
 * Adjustments are taken in transaction-id order, so the result does not depend on input order.
 */
export function tracePriorPeriodAdjustments(
  lines: PayoutLine[],
  components: readonly Component[],
  transactions: readonly Transaction[],
): PayoutLine[] {
  const adjusting = transactions
    .filter((t) => t.adjusts)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (adjusting.length === 0) return lines;
  const metricOf = new Map<string, string>();
  for (const c of components) if (c.type === 'commission') metricOf.set(c.id, c.metric);
  const byPerson = new Map<string, PayoutLine[]>();
  for (const line of lines) {
    if (!metricOf.has(line.component)) continue;
    const list = byPerson.get(line.personId) ?? [];
    list.push(line);
    byPerson.set(line.personId, list);
  }
  for (const t of adjusting) {
    const metric = t.metric ?? 'revenue';
    for (const credit of t.credits) {
      for (const line of byPerson.get(credit.personId) ?? []) {
        if (metricOf.get(line.component) !== metric) continue;
        line.trace.push({
          step: PRIOR_PERIOD_STEP,
          value: `${t.id} adjusts ${t.adjusts!.period} ${t.adjusts!.transactionId}: ${t.amount} × ${credit.share}`,
        });
      }
    }
  }
  return lines;
}
