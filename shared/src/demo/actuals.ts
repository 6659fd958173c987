// A plausible year of sales for the demo organisation: transactions (some split between two reps,
// a few cancelled, new customers among them) and monthly activities per rep, deterministic per seed.
import { monthlyRevenue } from '../analysis/credited';
import { daysInMonth } from '../period';
import type { Activity, Org, Person, Target, Transaction } from '../schemas';
import { seededRandom, type Random } from './random';

// Chinese New Year slows February; quarter ends and the year-end push lift sales.
const seasonality = [0.9, 0.6, 1.0, 0.95, 1.0, 1.15, 0.95, 0.9, 1.1, 1.0, 1.05, 1.35];
// Pairs whose shares sum to exactly 1 in binary floating point too.
const splits: readonly (readonly [number, number])[] = [
  [0.5, 0.5],
  [0.6, 0.4],
  [0.75, 0.25],
  [0.8, 0.2],
];

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthId(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The days of a month a person was employed, as [first, last] day numbers, or null. */
function employedDays(p: Person, year: number, month: number): [number, number] | null {
  const first = iso(year, month, 1);
  const last = iso(year, month, daysInMonth(year, month));
  const from = p.hireDate && p.hireDate > first ? p.hireDate : first;
  const to = p.exitDate && p.exitDate < last ? p.exitDate : last;
  if (from > to) return null;
  return [Number(from.slice(8, 10)), Number(to.slice(8, 10))];
}

function employedOn(p: Person, date: string): boolean {
  return (!p.hireDate || p.hireDate <= date) && (!p.exitDate || p.exitDate >= date);
}

/** Amount in major units with two decimals, drawn from a right-skewed spread (many small deals, few big). */
function dealAmount(rng: Random, productivity: number): number {
  const base = 4000 + 60000 * Math.pow(rng.next(), 2.2);
  return Math.round(base * productivity * 100) / 100;
}

export type DemoActuals = { transactions: Transaction[]; activities: Activity[] };

/**
 * A year of revenue transactions and monthly activities (visits, calls, proposals, deals) for every
 * rep of `org`, only on days they were employed. The same org, year and seed give the same data.
 */
export function demoActuals(org: Pick<Org, 'people'>, year = 2026, seed = 1): DemoActuals {
  const rng = seededRandom(seed * 7919 + year);
  const reps = org.people.filter((p) => p.role === 'rep');
  const byId = new Map(reps.map((r) => [r.id, r]));
  const teammates = new Map<string, Person[]>();
  for (const r of reps) teammates.set(r.unitId, [...(teammates.get(r.unitId) ?? []), r]);

  const transactions: Transaction[] = [];
  const activities: Activity[] = [];
  let txNo = 0;
  const nextId = () => `tx-${year}-${String(++txNo).padStart(6, '0')}`;

  for (const rep of reps) {
    const productivity = 0.6 + rng.next() * 0.8;
    const customers: string[] = [];
    let customerNo = 0;
    for (let month = 1; month <= 12; month++) {
      const span = employedDays(rep, year, month);
      if (!span) continue;
      const [firstDay, lastDay] = span;
      const share = (lastDay - firstDay + 1) / daysInMonth(year, month);
      const expected = 5 * seasonality[month - 1]! * share;
      const deals = Math.max(0, Math.round(expected + (rng.next() - 0.5) * 4));
      let wonDeals = 0;
      for (let d = 0; d < deals; d++) {
        const isNewCustomer = customers.length === 0 || rng.chance(0.2);
        if (isNewCustomer) customers.push(`cust-${rep.id}-${String(++customerNo).padStart(3, '0')}`);
        const customerId = isNewCustomer ? customers[customers.length - 1]! : rng.pick(customers);
        const date = iso(year, month, rng.int(firstDay, lastDay));
        const amount = dealAmount(rng, productivity);
        const partners = (teammates.get(rep.unitId) ?? []).filter(
          (t) => t.id !== rep.id && employedOn(t, date),
        );
        const credits =
          partners.length > 0 && rng.chance(0.15)
            ? (([a, b]) => [
                { personId: rep.id, share: a },
                { personId: rng.pick(partners).id, share: b },
              ])(rng.pick(splits))
            : [{ personId: rep.id, share: 1 }];
        const tx: Transaction = {
          id: nextId(),
          date,
          amount,
          metric: 'revenue',
          credits,
          customerId,
          ...(isNewCustomer ? { isNewCustomer: true } : {}),
        };
        transactions.push(tx);
        wonDeals++;
        // Now and then a deal is cancelled later in the month (退单), a negative transaction that claws back credit.
        if (rng.chance(0.03)) {
          const day = Number(date.slice(8, 10));
          // Within the month and while everyone credited is still employed.
          const until = credits.reduce((d, c) => {
            const exit = byId.get(c.personId)?.exitDate;
            return exit && exit.startsWith(monthId(year, month)) ? Math.min(d, Number(exit.slice(8, 10))) : d;
          }, lastDay);
          transactions.push({
            id: nextId(),
            date: iso(year, month, rng.int(day, until)),
            amount: -amount,
            metric: 'revenue',
            credits: credits.map((c) => ({ ...c })),
            customerId,
          });
          wonDeals--;
        }
      }
      const period = monthId(year, month);
      const visits = Math.round(rng.int(20, 45) * share);
      activities.push(
        { personId: rep.id, metric: 'visits', period, value: visits },
        { personId: rep.id, metric: 'calls', period, value: Math.round(rng.int(40, 110) * share) },
        {
          personId: rep.id,
          metric: 'proposals',
          period,
          value: Math.max(wonDeals, Math.round(rng.int(3, 10) * share)),
        },
        { personId: rep.id, metric: 'deals', period, value: wonDeals },
      );
    }
  }
  transactions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return { transactions, activities };
}

/**
 * Monthly revenue targets for `year` per rep and team: last year's simulated actuals (same seed)
 * grown by 10 %, rounded to hundreds; reps without last-year history get their team's median.
 * Returns the targets and the history they came from (the validator's `history` context).
 */
export function demoTargets(
  org: Pick<Org, 'people' | 'units'>,
  year = 2026,
  seed = 1,
): { targets: Target[]; history: Target[] } {
  const history = monthlyRevenue(org, demoActuals(org, year - 1, seed).transactions);
  const byOwnerMonth = new Map(history.map((h) => [`${h.owner}|${h.period.slice(5)}`, h.value]));
  const targets: Target[] = [];
  const grow = (v: number) => Math.max(0, Math.round((v * 1.1) / 100) * 100);
  for (const unit of org.units.filter((u) => u.kind === 'team')) {
    const reps = org.people.filter((p) => p.unitId === unit.id && p.role === 'rep');
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, '0');
      const known = reps
        .map((r) => byOwnerMonth.get(`${r.id}|${mm}`))
        .filter((v): v is number => v !== undefined)
        .sort((a, b) => a - b);
      const median = known.length > 0 ? known[Math.floor(known.length / 2)]! : 30000;
      let teamTotal = 0;
      for (const r of reps) {
        const value = grow(byOwnerMonth.get(`${r.id}|${mm}`) ?? median);
        teamTotal += value;
        targets.push({ owner: r.id, metric: 'revenue', period: `${year}-${mm}`, value });
      }
      targets.push({ owner: unit.id, metric: 'revenue', period: `${year}-${mm}`, value: teamTotal });
    }
  }
  return { targets, history };
}
