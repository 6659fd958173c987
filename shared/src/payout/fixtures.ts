// A deterministic payout data set of any size (seeded), built straight into columns for the benchmark
// against DuckDB, and convertible to a PayoutRequest so tests can check both paths agree.
import type { CompPlan, Component, PayoutRequest, Person } from '../schemas';
import type { PayoutColumns } from './columnar';

export type PayoutFixtureOptions = {
  transactions: number;
  people: number;
  seed?: number;
  /** People per team, the first of each team its manager (default 10). */
  teamSize?: number;
  /** Gate the override on 3 visits per closed customer (default true). */
  overrideGate?: boolean;
};

/** Raw per-transaction columns, for loading the same data into another engine (DuckDB). */
export interface FixtureTransactions {
  count: number;
  amountMinor: Float64Array;
  /** Day of the month, 1..31. */
  day: Int32Array;
  customer: Int32Array;
  isNew: Uint8Array;
  /** Rows of transaction t: `firstRow[t] .. firstRow[t+1]`. */
  firstRow: Int32Array;
}

export interface PayoutFixture {
  period: string;
  plan: CompPlan;
  columns: PayoutColumns;
  transactions: FixtureTransactions;
}

const PERIOD = '2026-03';
const DAYS = 31;
const CUSTOMERS_PER_TEAM = 200;
const SHARE_SCALE = 10;

/** mulberry32: a tiny seeded generator, so the same seed gives the same data everywhere. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Commission = Extract<Component, { type: 'commission' }>;

/**
 * A commission on revenue (id `commission`) with its tiers written as [from, rate] steps of attainment:
 * each tier runs up to where the next one starts and the last is open-ended, so they never gap or
 * overlap. `[[0, 0.05], [1, 0.08]]` pays 5 % up to quota and 8 % above it.
 */
export function revenueCommission(
  mode: Commission['mode'],
  steps: [from: number, rate: number][],
  more: Partial<Omit<Commission, 'type' | 'mode' | 'tiers'>> = {},
): Commission {
  const tiers = steps.map(([from, rate], i) => ({ from, to: steps[i + 1]?.[0] ?? null, rate }));
  return { type: 'commission', id: 'commission', metric: 'revenue', mode, tiers, ...more };
}

/**
 * A comp plan small enough to work out by hand, shared by tests and benchmarks: commission on revenue in
 * marginal tiers, 5 % of the credited revenue up to quota and 8 % above it (120,000 credited on a 100,000
 * quota pays 5,000 + 1,600 = 6,600). `extra` components (a SPIFF, an override) follow the commission.
 */
export function sampleCompPlan(id = 'sales-2026', extra: CompPlan['components'] = []): CompPlan {
  return {
    id,
    name: 'Sales 2026',
    currency: 'CNY',
    components: [
      revenueCommission('marginal', [
        [0, 0.05],
        [1, 0.08],
      ]),
      ...extra,
    ],
  };
}

export function fixturePlan(overrideGate = true): CompPlan {
  return {
    id: 'bench-plan',
    name: 'Benchmark plan: commission, SPIFF, override',
    currency: 'CNY',
    rounding: 'half-up',
    components: [
      revenueCommission(
        'marginal',
        [
          [0, 0.01],
          [0.5, 0.03],
          [1, 0.05],
        ],
        { capAttainment: 2 },
      ),
      { type: 'spiff', id: 'new-customer', amount: 500 },
      {
        type: 'override',
        id: 'override',
        rate: 0.01,
        metric: 'revenue',
        ...(overrideGate ? { gate: { metric: 'visits', min: 3 } } : {}),
      },
    ],
  };
}

/**
 * `transactions` deals over `people` people in teams of `teamSize` in March 2026: amounts 100.00 to
 * 19,900.00 (2 % cancellations, negative), 10 % split half and half with a teammate, 3 % opening a new
 * customer; quotas around each person's expected credit; 1 % of reps hired or leaving mid-month.
 */
export function makePayoutFixture(options: PayoutFixtureOptions): PayoutFixture {
  const { transactions: T, people: P } = options;
  const teamSize = Math.max(2, options.teamSize ?? 10);
  const random = generator(options.seed ?? 1);
  const int = (n: number) => Math.floor(random() * n);
  const teams = Math.ceil(P / teamSize);
  const managerOf = (p: number) => Math.floor(p / teamSize) * teamSize;

  const amountMinor = new Float64Array(T);
  const day = new Int32Array(T);
  const txCustomer = new Int32Array(T);
  const isNew = new Uint8Array(T);
  const firstRow = new Int32Array(T + 1);
  const capacity = T * 2;
  const person = new Int32Array(capacity);
  const credit = new Float64Array(capacity);
  const customer = new Int32Array(capacity);
  const spiffRows: number[] = [];
  const spiffShare: number[] = [];
  let rows = 0;
  let customers = teams * CUSTOMERS_PER_TEAM;
  for (let t = 0; t < T; t++) {
    firstRow[t] = rows;
    const seller = int(P);
    const team = Math.floor(seller / teamSize);
    const magnitude = 10_000 + int(1_980_000);
    const amount = random() < 0.02 ? -magnitude : magnitude;
    const opensCustomer = amount > 0 && random() < 0.03;
    const c = opensCustomer ? customers++ : team * CUSTOMERS_PER_TEAM + int(CUSTOMERS_PER_TEAM);
    amountMinor[t] = amount;
    day[t] = 1 + int(DAYS);
    txCustomer[t] = c;
    isNew[t] = opensCustomer ? 1 : 0;
    const teamEnd = Math.min(P, (team + 1) * teamSize);
    const partner = seller + 1 < teamEnd ? seller + 1 : team * teamSize;
    const split = partner !== seller && random() < 0.1;
    const credits: [number, number][] = split
      ? [
          [seller, SHARE_SCALE / 2],
          [partner, SHARE_SCALE / 2],
        ]
      : [[seller, SHARE_SCALE]];
    for (const [p, share] of credits) {
      person[rows] = p;
      credit[rows] = amount * share;
      customer[rows] = c;
      if (opensCustomer) {
        spiffRows.push(rows);
        spiffShare.push(share);
      }
      rows++;
    }
  }
  firstRow[T] = rows;

  const daysEmployed = new Int32Array(P).fill(DAYS);
  const teamManager = new Int32Array(P);
  const roles: Person['role'][] = [];
  const quota = new Float64Array(P);
  const visits = new Float64Array(P);
  const expectedMinor = (T / P) * 1_000_000;
  for (let p = 0; p < P; p++) {
    const manages = managerOf(p) === p;
    roles.push(manages ? 'manager' : 'rep');
    teamManager[p] = manages ? -1 : managerOf(p);
    quota[p] = Math.max(100_000, Math.round((expectedMinor * (0.6 + 0.8 * random())) / 100_000) * 100_000);
    visits[p] = manages ? 400 + int(500) : 0;
    const churn = random();
    if (!manages && churn < 0.005)
      daysEmployed[p] = DAYS - 9; // hired on the 10th
    else if (!manages && churn < 0.01) daysEmployed[p] = 20; // left on the 20th
  }
  const plan = fixturePlan(options.overrideGate ?? true);
  const columns: PayoutColumns = {
    period: PERIOD,
    daysInPeriod: DAYS,
    plan,
    scale: 2,
    rounding: 'half-up',
    people: {
      count: P,
      ids: Array.from({ length: P }, (_, p) => `p${p}`),
      roles,
      covered: new Uint8Array(P).fill(1),
      daysEmployed,
      teamManager,
      grade: new Array<string | null>(P).fill(null),
      score: new Array<number | null>(P).fill(null),
      baseSalaryMinor: new Float64Array(P).fill(NaN),
      drawOpeningMinor: new Float64Array(P),
      quotaMinor: new Map([['revenue', quota]]),
      activity: new Map([['visits', visits]]),
    },
    actuals: {
      rows,
      person: person.subarray(0, rows),
      credit: credit.subarray(0, rows),
      metric: new Int32Array(rows),
      customer: customer.subarray(0, rows),
      spiffRows: Int32Array.from(spiffRows),
      spiffShare: Int32Array.from(spiffShare),
      shareScale: SHARE_SCALE,
      metrics: ['revenue'],
      customers,
    },
    findings: [],
  };
  return {
    period: PERIOD,
    plan,
    columns,
    transactions: { count: T, amountMinor, day, customer: txCustomer, isNew, firstRow },
  };
}

const isoDay = (d: number) => `${PERIOD}-${String(d).padStart(2, '0')}`;

/** The same data as a PayoutRequest (objects), for the object API and for checking both paths agree. */
export function payoutRequestFromFixture(fixture: PayoutFixture): PayoutRequest {
  const { columns, transactions: tx } = fixture;
  const { people, actuals } = columns;
  const personList: Person[] = people.ids.map((id, p) => {
    const manager = people.teamManager[p]!;
    const days = people.daysEmployed[p]!;
    return {
      id,
      unitId: `team${manager >= 0 ? manager : p}`,
      role: people.roles[p]!,
      ...(manager >= 0 ? { managerId: people.ids[manager]! } : {}),
      ...(days < DAYS && days === 20 ? { exitDate: isoDay(20) } : {}),
      ...(days < DAYS && days !== 20 ? { hireDate: isoDay(DAYS - days + 1) } : {}),
    };
  });
  const quotas = people.ids.map((personId, p) => ({
    personId,
    metric: 'revenue',
    period: PERIOD,
    value: people.quotaMinor.get('revenue')![p]! / 100,
  }));
  const visits = people.activity.get('visits')!;
  const activities = people.ids.flatMap((personId, p) =>
    visits[p]! > 0 ? [{ personId, metric: 'visits', period: PERIOD, value: visits[p]! }] : [],
  );
  const transactions: PayoutRequest['transactions'] = [];
  for (let t = 0; t < tx.count; t++) {
    const credits = [];
    for (let r = tx.firstRow[t]!; r < tx.firstRow[t + 1]!; r++) {
      credits.push({
        personId: people.ids[actuals.person[r]!]!,
        share: actuals.credit[r]! / tx.amountMinor[t]! / actuals.shareScale,
      });
    }
    transactions.push({
      id: `t${t}`,
      date: isoDay(tx.day[t]!),
      amount: tx.amountMinor[t]! / 100,
      metric: 'revenue',
      credits,
      customerId: `c${tx.customer[t]}`,
      ...(tx.isNew[t] ? { isNewCustomer: true } : {}),
    });
  }
  return { period: PERIOD, plan: fixture.plan, people: personList, quotas, transactions, activities };
}
