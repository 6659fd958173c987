// Credited amounts by month (docs/rules.md, Analysis and sizing; the crediting of Pay): each credit is
// amount × share, computed exactly from the decimal text and rounded once to the cent, half-up.
import { parseDecimal, roundDiv, toMinor } from '../money';
import type { Org, Target, Transaction } from '../schemas';

/** One credit of a transaction in minor units: `amount × share`, exact, then rounded half-up. */
export function creditMinor(amount: number, share: number): number {
  const { units, scale } = parseDecimal(share);
  return Number(roundDiv(BigInt(toMinor(amount)) * units, 10n ** BigInt(scale), 'half-up'));
}

/**
 * Monthly credited amounts of `metric` per person and per person's unit, as targets-shaped actuals
 * (values in major units, exact to the cent), sorted by owner then month.
 */
export function creditedByMonth(
  org: Pick<Org, 'people'>,
  transactions: readonly Transaction[],
  metric = 'revenue',
): Target[] {
  const unitOf = new Map(org.people.map((p) => [p.id, p.unitId]));
  const cents = new Map<string, number>();
  const add = (owner: string, period: string, value: number) => {
    const key = `${owner}|${period}`;
    cents.set(key, (cents.get(key) ?? 0) + value);
  };
  for (const tx of transactions) {
    if ((tx.metric ?? 'revenue') !== metric) continue;
    const period = tx.date.slice(0, 7);
    for (const c of tx.credits) {
      const credited = creditMinor(tx.amount, c.share);
      add(c.personId, period, credited);
      const unit = unitOf.get(c.personId);
      if (unit) add(unit, period, credited);
    }
  }
  return [...cents.entries()]
    .map(([key, value]) => {
      const [owner, period] = key.split('|') as [string, string];
      return { owner, metric, period, value: value / 100 };
    })
    .sort((a, b) => (a.owner === b.owner ? (a.period < b.period ? -1 : 1) : a.owner < b.owner ? -1 : 1));
}

/** Monthly credited revenue per rep and per unit (the revenue case of `creditedByMonth`). */
export function monthlyRevenue(org: Pick<Org, 'people'>, transactions: readonly Transaction[]): Target[] {
  return creditedByMonth(org, transactions, 'revenue');
}
