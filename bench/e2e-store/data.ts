// The end-to-end benchmark's data: a 2,013-person sales force (1 company, 10 regions, 200 teams of a
// manager and 9 reps, 10 regional heads, 2 finance, 1 admin), a month of transactions built into
// columns (seeded, so the API upload and DuckDB's Parquet file are the same transactions), the
// month's visits, and the 200 team plans whose person-owned revenue targets are the reps' quotas.
import type { Activity, CompPlan, Org, Person, Plan, Target, Unit } from '@teamsheet/shared';
import { makePayoutFixture } from '@teamsheet/shared/fixtures';

export const YEAR = '2030';
export const REGIONS = 10;
export const TEAMS = 200;
export const REPS_PER_TEAM = 9;
export const REPS = TEAMS * REPS_PER_TEAM;
const CUSTOMERS_PER_TEAM = 200;

export const companyId = 'acme';
export const regionId = (r: number) => `region-${String(r + 1).padStart(2, '0')}`;
export const teamId = (t: number) => `team-${String(t + 1).padStart(3, '0')}`;
export const managerId = (t: number) => `mgr-${String(t + 1).padStart(3, '0')}`;
export const headId = (r: number) => `rh-${String(r + 1).padStart(2, '0')}`;
export const repId = (i: number) => `rep-${String(i + 1).padStart(4, '0')}`;
export const adminId = 'admin-1';
export const financeIds = ['fin-1', 'fin-2'] as const;
export const month = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}`;
const regionOf = (t: number) => Math.floor(t / (TEAMS / REGIONS));

/** mulberry32, as the core's payout fixture uses. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reps who join or leave during the last month (their quota is prorated by days employed). */
const hiredIn = (i: number) => (i % 100 === 37 ? `${YEAR}-12-10` : undefined);
const leftIn = (i: number) => (i % 100 === 73 ? `${YEAR}-12-20` : undefined);

export function benchOrg(): Org {
  const units: Unit[] = [{ id: companyId, name: 'Acme Sales', kind: 'company', parentId: null, managerId: null }];
  const people: Person[] = [
    { id: adminId, name: 'Admin', unitId: companyId, role: 'admin' },
    ...financeIds.map((id, k) => ({ id, name: `Finance ${k + 1}`, unitId: companyId, role: 'finance' as const })),
  ];
  for (let r = 0; r < REGIONS; r++) {
    units.push({ id: regionId(r), name: `Region ${r + 1}`, kind: 'region', parentId: companyId, managerId: headId(r) });
    people.push({ id: headId(r), name: `Head ${r + 1}`, unitId: regionId(r), role: 'regional_head' });
  }
  for (let t = 0; t < TEAMS; t++) {
    const r = regionOf(t);
    units.push({ id: teamId(t), name: `Team ${t + 1}`, kind: 'team', parentId: regionId(r), managerId: managerId(t) });
    people.push({ id: managerId(t), name: `Manager ${t + 1}`, unitId: teamId(t), role: 'manager', managerId: headId(r) });
    for (let k = 0; k < REPS_PER_TEAM; k++) {
      const i = t * REPS_PER_TEAM + k;
      const hireDate = hiredIn(i);
      const exitDate = leftIn(i);
      people.push({
        id: repId(i),
        name: `Rep ${i + 1}`,
        unitId: teamId(t),
        role: 'rep',
        managerId: managerId(t),
        ...(hireDate ? { hireDate } : {}),
        ...(exitDate ? { exitDate } : {}),
      });
    }
  }
  return { units, people };
}

/** The plan bench/payout-duckdb.ts's SQL is written for: marginal tiers with a cap, SPIFF, gated override. */
export function benchCompPlan(): CompPlan {
  return makePayoutFixture({ transactions: 1, people: 10 }).plan;
}

/** A month of transactions as columns. */
export type MonthData = {
  period: string;
  count: number;
  seller: Int32Array;
  /** The teammate sharing the deal half and half, or -1. */
  partner: Int32Array;
  amountMinor: Int32Array;
  day: Uint8Array;
  /** Customer number within the seller's team, or -1 for a new customer (then `c<mm>-n<i>`). */
  customer: Int32Array;
  /** Distinct customers of positive deals, per team (the override gate's closed customers). */
  closedPerTeam: Int32Array;
};

export function daysIn(m: number): number {
  return new Date(Date.UTC(Number(YEAR), m, 0)).getUTCDate();
}

export function makeMonth(m: number, count: number): MonthData {
  const random = generator(1000 + m);
  const int = (n: number) => Math.floor(random() * n);
  const days = daysIn(m);
  const d: MonthData = {
    period: month(m),
    count,
    seller: new Int32Array(count),
    partner: new Int32Array(count),
    amountMinor: new Int32Array(count),
    day: new Uint8Array(count),
    customer: new Int32Array(count),
    closedPerTeam: new Int32Array(TEAMS),
  };
  const closed = Array.from({ length: TEAMS }, () => new Uint8Array(CUSTOMERS_PER_TEAM));
  for (let i = 0; i < count; i++) {
    const seller = int(REPS);
    const team = Math.floor(seller / REPS_PER_TEAM);
    const magnitude = 10_000 + int(1_980_000);
    const amount = random() < 0.02 ? -magnitude : magnitude;
    const opens = amount > 0 && random() < 0.03;
    const customer = opens ? -1 : int(CUSTOMERS_PER_TEAM);
    const split = random() < 0.1;
    d.seller[i] = seller;
    d.partner[i] = split ? team * REPS_PER_TEAM + ((seller - team * REPS_PER_TEAM + 1) % REPS_PER_TEAM) : -1;
    d.amountMinor[i] = amount;
    d.day[i] = 1 + int(days);
    d.customer[i] = customer;
    if (amount > 0) {
      if (opens) d.closedPerTeam[team]! += 1;
      else if (!closed[team]![customer]) {
        closed[team]![customer] = 1;
        d.closedPerTeam[team]! += 1;
      }
    }
  }
  return d;
}

const mm = (period: string) => period.slice(5);
export const transactionId = (d: MonthData, i: number) => `t${mm(d.period)}-${String(i).padStart(7, '0')}`;
export function customerOf(d: MonthData, i: number): string {
  const c = d.customer[i]!;
  const team = Math.floor(d.seller[i]! / REPS_PER_TEAM);
  return c < 0 ? `c${mm(d.period)}-n${i}` : `c${team}-${c}`;
}
const dateOf = (d: MonthData, i: number) => `${d.period}-${String(d.day[i]).padStart(2, '0')}`;

/** Transaction i as the JSON text of the API's transaction schema (built by hand: 1M of them). */
export function transactionJson(d: MonthData, i: number): string {
  const amount = d.amountMinor[i]! / 100;
  const p = d.partner[i]!;
  const credits =
    p < 0
      ? `[{"personId":"${repId(d.seller[i]!)}","share":1}]`
      : `[{"personId":"${repId(d.seller[i]!)}","share":0.5},{"personId":"${repId(p)}","share":0.5}]`;
  const isNew = d.customer[i]! < 0 ? ',"isNewCustomer":true' : '';
  return `{"id":"${transactionId(d, i)}","date":"${dateOf(d, i)}","amount":${amount},"credits":${credits},"customerId":"${customerOf(d, i)}"${isNew}}`;
}

/** The bodies of `POST /api/actuals`, `batch` transactions each. */
export function uploadBodies(d: MonthData, batch: number): string[] {
  const bodies: string[] = [];
  for (let start = 0; start < d.count; start += batch) {
    const parts: string[] = [];
    for (let i = start; i < Math.min(d.count, start + batch); i++) parts.push(transactionJson(d, i));
    bodies.push(`{"period":"${d.period}","transactions":[${parts.join(',')}]}`);
  }
  return bodies;
}

/** Visits of the month: managers around 3 per closed customer of their team (about half pass the gate), reps 20–80. */
export function monthActivities(d: MonthData): Activity[] {
  const random = generator(5000 + Number(mm(d.period)));
  const out: Activity[] = [];
  for (let t = 0; t < TEAMS; t++) {
    const visits = Math.round(3 * d.closedPerTeam[t]! * (0.8 + 0.4 * random()));
    out.push({ personId: managerId(t), metric: 'visits', period: d.period, value: visits });
    for (let k = 0; k < REPS_PER_TEAM; k++)
      out.push({ personId: repId(t * REPS_PER_TEAM + k), metric: 'visits', period: d.period, value: 20 + Math.floor(random() * 60) });
  }
  return out;
}

/** Revenue target (major units) of rep i for month m given the month's size. */
export function quotaOf(i: number, m: number, monthTransactions: number): number {
  const random = generator(90_000 + i * 13 + m);
  const expected = (monthTransactions / REPS) * 9_700;
  return Math.max(1000, Math.round((expected * (0.6 + 0.8 * random())) / 1000) * 1000);
}

/** Team t's plan of the year: each rep's revenue target by month (the quotas) and the team's own. */
export function teamPlan(t: number, sizeOf: (m: number) => number): Plan {
  const targets: Target[] = [];
  for (let m = 1; m <= 12; m++) {
    let sum = 0;
    for (let k = 0; k < REPS_PER_TEAM; k++) {
      const i = t * REPS_PER_TEAM + k;
      const value = quotaOf(i, m, sizeOf(m));
      sum += value;
      targets.push({ owner: repId(i), metric: 'revenue', period: month(m), value });
    }
    targets.push({ owner: teamId(t), metric: 'revenue', period: month(m), value: sum });
  }
  return { unitId: teamId(t), period: YEAR, templateVersion: '2026.1', targets };
}

/** The run month's people as DuckDB reads them (JSON lines for a Parquet file). */
export function peopleRows(org: Org, d: MonthData, quota: (personId: string) => number | undefined, visits: Map<string, number>) {
  return org.people.map((p) => ({
    person_id: p.id,
    manager_id: p.managerId ?? null,
    role: p.role,
    hire_date: p.hireDate ?? null,
    exit_date: p.exitDate ?? null,
    quota: quota(p.id) ?? null,
    visits: visits.get(p.id) ?? 0,
  }));
}
