// The payout engine's columnar input: credit rows as typed arrays with integer person indexes, and
// per-person columns; `toColumnar` turns a PayoutRequest into it, checking people, shares and amounts.
import type { Locale } from '../messages/index';
import { currencyScale, parseDecimal, toMinor, type Minor, type Rounding } from '../money';
import { daysBetweenInclusive, daysInPeriod, periodEnd, periodStart } from '../period';
import type { CompPlan, Finding, PayoutRequest, Person, Role, Transaction } from '../schemas';
import { FindingSink } from './findings';

/** Shares are read to millionths at most; the data's own finest decimal sets the share scale. */
export const SHARE_DECIMALS_MAX = 6;
const MICRO = 1_000_000;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Roles a comp plan pays; finance and admin are under no plan (docs/rules.md, Pay). */
export const PAID_ROLES: readonly Role[] = ['rep', 'manager', 'regional_head'];

/**
 * One row per credit of a transaction, in the period. `credit[r]` is the transaction's amount in
 * minor units times the credit's share in share units (`shareScale` per 1), an exact integer in a
 * float64 (checked ≤ 2^53 when built), so sums of rows are exact integer arithmetic.
 */
export interface ColumnarActuals {
  rows: number;
  /** Index into the people columns. */
  person: Int32Array;
  credit: Float64Array;
  /** Index into `metrics`. */
  metric: Int32Array;
  /** Index of the transaction's customer (a transaction without a customer id is its own customer). */
  customer: Int32Array;
  /** Rows that earn a share of a new-customer SPIFF: the rows of each new customer's opening deal. */
  spiffRows: Int32Array;
  /** Share units of one SPIFF that `spiffRows[i]` earns. */
  spiffShare: Int32Array;
  /** Share units per whole share: 10^k, k ≤ 6 the most decimals any share needs. */
  shareScale: number;
  metrics: readonly string[];
  customers: number;
}

/** Per-person columns, indexed like `PayoutRequest.people` (a finding path `people[i]` is person i). */
export interface PeopleColumns {
  count: number;
  ids: readonly string[];
  roles: readonly Role[];
  /** 1 when the plan pays this person in the period: a paid role, employed at least one day in it. */
  covered: Uint8Array;
  /** Days employed inside the period, hire and exit days both counted. */
  daysEmployed: Int32Array;
  /** The manager whose team this person is in, or -1 (docs/rules.md, Pay: override and pool). */
  teamManager: Int32Array;
  grade: readonly (string | null)[];
  /** Final score (docs/rules.md, Scores) or null. */
  score: readonly (number | null)[];
  /** Minor units, NaN when none is given. */
  baseSalaryMinor: Float64Array;
  /** Recoverable draw balance brought forward, minor units; negative means the person owes it. */
  drawOpeningMinor: Float64Array;
  /** Quota by metric in minor units for the period, NaN when the person has none. */
  quotaMinor: ReadonlyMap<string, Float64Array>;
  /** Activity counts by metric for the period (visits, calls…), 0 when none. */
  activity: ReadonlyMap<string, Float64Array>;
}

export interface PayoutColumns {
  period: string;
  daysInPeriod: number;
  plan: CompPlan;
  /** Minor-unit digits of the plan's currency. */
  scale: number;
  rounding: Rounding;
  people: PeopleColumns;
  actuals: ColumnarActuals;
  /** Findings met while building the columns (unknown people, shares, dates). */
  findings: Finding[];
}

/**
 * The transactions of a payout as columns, in the order a PayoutRequest's `transactions` would list
 * them (a finding's `transactions[i]` is row i): what a columnar ledger holds, given to the engine
 * without an object per transaction. `transactionColumns` builds it from objects; the object API and
 * a ledger's columns go through the same steps (`toColumnar(request, { transactions })`).
 */
export interface TransactionColumns {
  count: number;
  /** Row i's transaction id: asked for rarely (findings, ties), so a ledger decodes ids on demand. */
  idOf(row: number): string;
  /** Index into `dates`. */
  date: ArrayLike<number>;
  dates: readonly string[];
  amount: ArrayLike<number>;
  /** Index into `metrics`, -1 for a transaction without a metric (revenue). */
  metric: ArrayLike<number>;
  metrics: readonly string[];
  /** Index into `customers`, -1 for a transaction without a customer (then its own customer). */
  customer: ArrayLike<number>;
  customers: readonly string[];
  /** 1 for `isNewCustomer: true`. */
  isNewCustomer: ArrayLike<number>;
  /** End offset (exclusive) of each row's credits in creditPerson / creditShare. */
  creditEnd: ArrayLike<number>;
  /** Index into `people`. */
  creditPerson: ArrayLike<number>;
  creditShare: ArrayLike<number>;
  people: readonly string[];
  /** Rows with `adjusts` (prior-period adjustments), in row order. */
  adjusting: readonly number[];
  /** Row i as a transaction object (rare: traces of adjustments, ties between duplicate ids). */
  transaction(row: number): Transaction;
  /** No id occurs twice (a ledger's rows are unique by id): the duplicate-id check is skipped. */
  uniqueIds?: boolean;
}

/** Transactions as columns (dictionaries in first-appearance order). */
export function transactionColumns(transactions: readonly Transaction[]): TransactionColumns {
  const n = transactions.length;
  let credits = 0;
  for (const t of transactions) credits += t.credits.length;
  const dictionary = () => {
    const index = new Map<string, number>();
    const list: string[] = [];
    const of = (key: string) => {
      let i = index.get(key);
      if (i === undefined) {
        index.set(key, (i = list.length));
        list.push(key);
      }
      return i;
    };
    return { list, of };
  };
  const metrics = dictionary();
  const customers = dictionary();
  const people = dictionary();
  const dates = dictionary();
  const date = new Int32Array(n);
  const amount = new Float64Array(n);
  const metric = new Int32Array(n);
  const customer = new Int32Array(n);
  const isNewCustomer = new Uint8Array(n);
  const creditEnd = new Int32Array(n);
  const creditPerson = new Int32Array(credits);
  const creditShare = new Float64Array(credits);
  const adjusting: number[] = [];
  let k = 0;
  transactions.forEach((t, i) => {
    date[i] = dates.of(t.date);
    amount[i] = t.amount;
    metric[i] = t.metric === undefined ? -1 : metrics.of(t.metric);
    customer[i] = t.customerId === undefined ? -1 : customers.of(t.customerId);
    isNewCustomer[i] = t.isNewCustomer ? 1 : 0;
    for (const c of t.credits) {
      creditPerson[k] = people.of(c.personId);
      creditShare[k++] = c.share;
    }
    creditEnd[i] = k;
    if (t.adjusts) adjusting.push(i);
  });
  return {
    count: n,
    idOf: (row) => transactions[row]!.id,
    date,
    dates: dates.list,
    amount,
    metric,
    metrics: metrics.list,
    customer,
    customers: customers.list,
    isNewCustomer,
    creditEnd,
    creditPerson,
    creditShare,
    people: people.list,
    adjusting,
    transaction: (row) => transactions[row]!,
  };
}

const pow10 = (n: number) => 10 ** n;

/**
 * `toMinor(value, scale, 'half-up')` without the decimal parse when the double is plainly a decimal
 * of at most `scale` digits: `Math.round(v·10^s) / 10^s === v` proves that decimal is the value's
 * shortest text, so the answer is the one toMinor gives (tested on arbitrary doubles).
 */
export function amountToMinor(value: number, scale: number): Minor {
  const f = pow10(scale);
  const m = Math.round(value * f);
  // Checked a safe integer on this line, so a whole number of minor units.
  if (Number.isSafeInteger(m) && m / f === value) return (m === 0 ? 0 : m) as Minor;
  return toMinor(value, scale, 'half-up');
}

/** Days of the period a person is employed: overlap of [hire, exit] with the period, both ends counted. */
export function daysEmployedIn(
  person: Pick<Person, 'hireDate' | 'exitDate'>,
  start: string,
  end: string,
): number {
  const from = person.hireDate && person.hireDate > start ? person.hireDate : start;
  const to = person.exitDate && person.exitDate < end ? person.exitDate : end;
  return from > to ? 0 : daysBetweenInclusive(from, to);
}

/** Sub-periods count toward a period's quota or activity when they lie wholly inside it. */
function periodMatch(id: string, period: string, start: string, end: string): 'exact' | 'inside' | null {
  if (id === period) return 'exact';
  return periodStart(id) >= start && periodEnd(id) <= end ? 'inside' : null;
}

function personColumns(request: PayoutRequest, start: string, end: string, sink: FindingSink) {
  const people = request.people;
  const count = people.length;
  const index = new Map<string, number>();
  const covered = new Uint8Array(count);
  const daysEmployed = new Int32Array(count);
  const teamManager = new Int32Array(count).fill(-1);
  const unitManager = new Map<string, number>();
  people.forEach((p, i) => {
    if (index.has(p.id)) {
      sink.add('org.duplicate-id', 'error', `people[${i}].id`, { id: p.id, count: 2 });
      return;
    }
    index.set(p.id, i);
    daysEmployed[i] = daysEmployedIn(p, start, end);
    covered[i] = PAID_ROLES.includes(p.role) && daysEmployed[i]! > 0 ? 1 : 0;
    if (p.role === 'manager' && !unitManager.has(p.unitId)) unitManager.set(p.unitId, i);
  });
  people.forEach((p, i) => {
    if (index.get(p.id) !== i) return;
    if (p.managerId) {
      // A manager outside this payout's people (a team's own manager's manager, say) is not a fault:
      // their override is simply not part of this payout.
      const m = index.get(p.managerId);
      if (m !== undefined && m !== i) teamManager[i] = m;
    } else if (p.role === 'rep') {
      // Without a managerId a rep is in the team of their unit's manager (the first one listed).
      const m = unitManager.get(p.unitId);
      if (m !== undefined && m !== i) teamManager[i] = m;
    }
  });
  return { index, covered, daysEmployed, teamManager };
}

/**
 * Convert a PayoutRequest into payout columns; bad rows become findings, never exceptions. With
 * `transactions`, those columns are the request's transactions (and `request.transactions` is not read).
 */
export function toColumnar(
  request: PayoutRequest,
  options: { locale?: Locale; transactions?: TransactionColumns } = {},
): PayoutColumns {
  const sink = new FindingSink(options.locale);
  const { period, plan } = request;
  const start = periodStart(period);
  const end = periodEnd(period);
  const scale = currencyScale(plan.currency);
  const { index, covered, daysEmployed, teamManager } = personColumns(request, start, end, sink);
  const count = request.people.length;

  const lookup = (personId: string, path: string): number => {
    const i = index.get(personId);
    if (i === undefined) sink.add('payout.unknown-person', 'warning', path, { personId });
    return i ?? -1;
  };
  const money = (value: number, path: string): Minor | null => {
    try {
      return amountToMinor(value, scale);
    } catch {
      sink.add('payout.amount-out-of-range', 'error', path, { value });
      return null;
    }
  };

  const grade: (string | null)[] = new Array<string | null>(count).fill(null);
  const score: (number | null)[] = new Array<number | null>(count).fill(null);
  request.scores?.forEach((s, i) => {
    const p = lookup(s.personId, `scores[${i}].personId`);
    if (p >= 0) {
      grade[p] = s.grade;
      score[p] = s.final;
    }
  });
  const baseSalaryMinor = new Float64Array(count).fill(NaN);
  request.baseSalaries?.forEach((b, i) => {
    const p = lookup(b.personId, `baseSalaries[${i}].personId`);
    const m = p >= 0 ? money(b.amount, `baseSalaries[${i}].amount`) : null;
    if (m !== null) baseSalaryMinor[p] = m;
  });
  const drawOpeningMinor = new Float64Array(count);
  request.drawBalances?.forEach((b, i) => {
    const p = lookup(b.personId, `drawBalances[${i}].personId`);
    const m = p >= 0 ? money(b.amount, `drawBalances[${i}].amount`) : null;
    if (m === null) return;
    if (m > 0) {
      sink.add('payout.draw-balance-positive', 'warning', `drawBalances[${i}].amount`, {
        personId: b.personId,
        amount: b.amount,
      });
      return;
    }
    drawOpeningMinor[p] = m;
  });

  // Quotas for the period itself win over quotas of its months or quarters, which are summed.
  const quotaExact = new Map<string, Float64Array>();
  const quotaInside = new Map<string, Float64Array>();
  request.quotas.forEach((q, i) => {
    const match = periodMatch(q.period, period, start, end);
    if (!match) return;
    const p = lookup(q.personId, `quotas[${i}].personId`);
    const m = p >= 0 ? money(q.value, `quotas[${i}].value`) : null;
    if (m === null) return;
    const byMetric = match === 'exact' ? quotaExact : quotaInside;
    let col = byMetric.get(q.metric);
    if (!col) byMetric.set(q.metric, (col = new Float64Array(count).fill(NaN)));
    col[p] = (Number.isNaN(col[p]!) ? 0 : col[p]!) + m;
  });
  const quotaMinor = new Map<string, Float64Array>(quotaExact);
  for (const [metric, inside] of quotaInside) {
    const exact = quotaMinor.get(metric);
    if (!exact) quotaMinor.set(metric, inside);
    else for (let p = 0; p < count; p++) if (Number.isNaN(exact[p]!)) exact[p] = inside[p]!;
  }
  const activity = new Map<string, Float64Array>();
  request.activities?.forEach((a, i) => {
    if (!periodMatch(a.period, period, start, end)) return;
    const p = lookup(a.personId, `activities[${i}].personId`);
    if (p < 0) return;
    let col = activity.get(a.metric);
    if (!col) activity.set(a.metric, (col = new Float64Array(count)));
    col[p] = col[p]! + a.value;
  });

  const transactions = options.transactions ?? transactionColumns(request.transactions);
  const actuals = creditRows(request.period, transactions, start, end, scale, index, sink);
  return {
    period,
    daysInPeriod: daysInPeriod(period),
    plan,
    scale,
    rounding: plan.rounding ?? 'half-up',
    people: {
      count,
      ids: request.people.map((p) => p.id),
      roles: request.people.map((p) => p.role),
      covered,
      daysEmployed,
      teamManager,
      grade,
      score,
      baseSalaryMinor,
      drawOpeningMinor,
      quotaMinor,
      activity,
    },
    actuals,
    findings: sink.finish(),
  };
}

/**
 * Shares of one transaction in millionths. Shares that are exact millionths are taken as they are;
 * shares finer than that (1/3 typed as =1/3) are apportioned by largest remainder when they sum to 1
 * within 1e-9, so that a split never creates or loses money; otherwise each is rounded half-up and
 * the caller reports `payout.shares-not-one`.
 */
export function sharesInMillionths(shares: readonly number[]): { micro: number[]; sumsToOne: boolean } {
  const micro = shares.map((s) => Math.round(s * MICRO));
  const exact = micro.every((m, j) => m / MICRO === shares[j]);
  const sum = micro.reduce((a, b) => a + b, 0);
  if (exact) return { micro, sumsToOne: sum === MICRO };
  const floatSum = shares.reduce((a, b) => a + b, 0);
  if (Math.abs(floatSum - 1) > 1e-9) {
    return { micro: shares.map((s) => toMinor(s, SHARE_DECIMALS_MAX, 'half-up')), sumsToOne: false };
  }
  const parts = shares.map((s) => {
    const d = parseDecimal(s);
    const scaled = d.units * BigInt(MICRO);
    const den = 10n ** BigInt(d.scale);
    return { floor: Number(scaled / den), remainder: Number(((scaled % den) * 1_000_000_000n) / den) };
  });
  const out = parts.map((p) => p.floor);
  let left = MICRO - out.reduce((a, b) => a + b, 0);
  const order = parts.map((_, j) => j).sort((a, b) => parts[b]!.remainder - parts[a]!.remainder || a - b);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) out[order[k]!]! += 1;
  return { micro: out, sumsToOne: true };
}

function creditRows(
  period: string,
  tx: TransactionColumns,
  start: string,
  end: string,
  scale: number,
  index: ReadonlyMap<string, number>,
  sink: FindingSink,
): ColumnarActuals {
  const n = tx.count;
  const capacity = n === 0 ? 0 : tx.creditEnd[n - 1]!;
  const person = new Int32Array(capacity);
  const micro = new Int32Array(capacity);
  const rowTx = new Int32Array(capacity);
  const metric = new Int32Array(capacity);
  const customer = new Int32Array(capacity);
  const txAmount = new Float64Array(n);
  // The columns' dictionaries mapped once: people to payout indexes, metrics and customers to this
  // payout's own numbering in order of first appearance.
  const personOf = tx.people.map((id) => index.get(id) ?? -1);
  const metricIndex = new Map<string, number>();
  const metricOf = new Int32Array(tx.metrics.length + 1).fill(-1); // slot 0: no metric (revenue)
  const metrics: string[] = [];
  const customerOf = new Int32Array(tx.customers.length).fill(-1);
  const ownCustomer = new Map<string, number>(); // a transaction without customer id is its own customer
  let customers = 0;
  // New customers: the net of their new-customer deals and the deal that opened them.
  const newNet = new Map<number, number>();
  const opening = new Map<number, number>();
  const seenIds = tx.uniqueIds ? null : new Set<string>();
  let rows = 0;
  let finestMicroStep = MICRO;
  // One transaction's shares in millionths, reused row after row (a million rows: no array per row).
  let microOf = new Float64Array(8);
  const inPeriod = Uint8Array.from(tx.dates, (date) => (date < start || date > end ? 0 : 1));

  for (let i = 0; i < n; i++) {
    if (seenIds) {
      const id = tx.idOf(i);
      if (seenIds.has(id)) sink.add('org.duplicate-id', 'warning', `transactions[${i}].id`, { id, count: 2 });
      seenIds.add(id);
    }
    if (!inPeriod[tx.date[i]!]) {
      sink.add('payout.outside-period', 'warning', `transactions[${i}].date`, {
        transactionId: tx.idOf(i),
        date: tx.dates[tx.date[i]!]!,
        period,
      });
      continue;
    }
    let amount: Minor;
    try {
      amount = amountToMinor(tx.amount[i]!, scale);
    } catch {
      sink.add('payout.amount-out-of-range', 'error', `transactions[${i}].amount`, { value: tx.amount[i]! });
      continue;
    }
    txAmount[i] = amount;
    const first = i === 0 ? 0 : tx.creditEnd[i - 1]!;
    const last = tx.creditEnd[i]!;
    // sharesInMillionths, without its arrays when every share is an exact millionth (nearly always).
    const count = last - first;
    if (count > microOf.length) microOf = new Float64Array(Math.max(count, 2 * microOf.length));
    let exact = true;
    let sum = 0;
    for (let k = first; k < last; k++) {
      const s = tx.creditShare[k]!;
      const m = Math.round(s * MICRO);
      microOf[k - first] = m;
      if (m / MICRO !== s) exact = false;
      sum += m;
    }
    let sumsToOne = sum === MICRO;
    if (!exact) {
      const shares = Array.from({ length: count }, (_, j) => tx.creditShare[first + j]!);
      const apportioned = sharesInMillionths(shares);
      for (let j = 0; j < apportioned.micro.length; j++) microOf[j] = apportioned.micro[j]!;
      sumsToOne = apportioned.sumsToOne;
    }
    if (!sumsToOne) {
      let total = 0;
      for (let j = 0; j < count; j++) total += microOf[j]!;
      sink.add('payout.shares-not-one', 'error', `transactions[${i}].credits`, {
        transactionId: tx.idOf(i),
        sum: String(total / MICRO),
      });
    }
    const metricKey = tx.metric[i]! + 1;
    let m = metricOf[metricKey]!;
    if (m < 0) {
      const metricId = metricKey === 0 ? 'revenue' : tx.metrics[metricKey - 1]!;
      let named = metricIndex.get(metricId);
      if (named === undefined) {
        named = metrics.length;
        metrics.push(metricId);
        metricIndex.set(metricId, named);
      }
      metricOf[metricKey] = m = named;
    }
    const customerKey = tx.customer[i]!;
    let c: number;
    if (customerKey >= 0) {
      c = customerOf[customerKey]!;
      if (c < 0) customerOf[customerKey] = c = customers++;
    } else {
      const id = tx.idOf(i);
      const own = ownCustomer.get(id);
      if (own === undefined) ownCustomer.set(id, (c = customers++));
      else c = own;
    }
    for (let k = first; k < last; k++) {
      const p = personOf[tx.creditPerson[k]!]!;
      if (p < 0) {
        sink.add('payout.unknown-person', 'error', `transactions[${i}].credits[${k - first}].personId`, {
          personId: tx.people[tx.creditPerson[k]!]!,
        });
        continue;
      }
      const share = microOf[k - first]!;
      person[rows] = p;
      micro[rows] = share;
      rowTx[rows] = i;
      metric[rows] = m;
      customer[rows] = c;
      while (finestMicroStep > 1 && share % finestMicroStep !== 0) finestMicroStep /= 10;
      rows++;
    }
    if (tx.isNewCustomer[i]) {
      newNet.set(c, (newNet.get(c) ?? 0) + amount);
      const o = opening.get(c);
      if (amount > 0 && (o === undefined || openingOrder(tx, o, i) > 0)) opening.set(c, i);
    }
  }

  const shareScale = MICRO / finestMicroStep;
  const credit = new Float64Array(rows);
  let kept = 0;
  for (let r = 0; r < rows; r++) {
    const units = micro[r]! / finestMicroStep;
    const value = txAmount[rowTx[r]!]! * units;
    if (!(Math.abs(value) <= MAX_SAFE)) {
      sink.add('payout.amount-out-of-range', 'error', `transactions[${rowTx[r]}].amount`, {
        value: tx.amount[rowTx[r]!]!,
      });
      continue;
    }
    person[kept] = person[r]!;
    metric[kept] = metric[r]!;
    customer[kept] = customer[r]!;
    rowTx[kept] = rowTx[r]!;
    micro[kept] = units;
    credit[kept] = value === 0 ? 0 : value;
    kept++;
  }
  // A new customer earns one SPIFF when its new-customer deals net positive, split by the shares of
  // the deal that opened it; a deal cancelled in the same period earns nothing (clawback).
  const openingTx = new Int32Array(n).fill(-1);
  for (const [c, i] of opening) if ((newNet.get(c) ?? 0) > 0) openingTx[i] = c;
  const spiffRows: number[] = [];
  const spiffShare: number[] = [];
  for (let r = 0; r < kept; r++) {
    if (openingTx[rowTx[r]!]! < 0) continue;
    spiffRows.push(r);
    spiffShare.push(micro[r]!);
  }

  return {
    rows: kept,
    person: person.subarray(0, kept),
    credit: credit.subarray(0, kept),
    metric: metric.subarray(0, kept),
    customer: customer.subarray(0, kept),
    spiffRows: Int32Array.from(spiffRows),
    spiffShare: Int32Array.from(spiffShare),
    shareScale,
    metrics,
    customers,
  };
}

/** The deal that opened a customer: earliest date, then id, then content, whatever the input order. */
function openingOrder(tx: TransactionColumns, a: number, b: number): number {
  const da = tx.dates[tx.date[a]!]!;
  const db = tx.dates[tx.date[b]!]!;
  if (da !== db) return da < db ? -1 : 1;
  const ia = tx.idOf(a);
  const ib = tx.idOf(b);
  if (ia !== ib) return ia < ib ? -1 : 1;
  const ta = tx.transaction(a);
  const tb = tx.transaction(b);
  const ka = JSON.stringify([ta.amount, ta.credits]);
  const kb = JSON.stringify([tb.amount, tb.credits]);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
