// The volume part of a payout run: one pass over the credit rows (typed arrays, integer indexes, no
// objects) summing exact credit per person and metric, SPIFF shares, and distinct closed customers.
import type { ColumnarActuals } from './columnar';

const LIMIT = 2 ** 53;

/** Credited units (minor × share scale) by metric and person, exact. */
export class CreditTotals {
  private readonly metricIndex: ReadonlyMap<string, number>;

  constructor(
    readonly metrics: readonly string[],
    readonly people: number,
    /** `[metric × people + person]`, exact except the cells in `overflow`, which hold the bigint sum. */
    private readonly sums: Float64Array,
    private readonly overflow: ReadonlyMap<number, bigint>,
    /** SPIFF share units earned per person (new customers × share scale). */
    readonly spiffUnits: Float64Array,
    /** Closed customers per team manager, when counted in the same pass as the sums (one metric). */
    private readonly closed: { metric: number; teamManager: Int32Array; counts: Int32Array } | null = null,
  ) {
    this.metricIndex = new Map(metrics.map((m, i) => [m, i]));
  }

  metric(id: string): number {
    return this.metricIndex.get(id) ?? -1;
  }

  /** Exact credited units of a person in a metric (0 when the metric has no rows). */
  units(metric: number, person: number): bigint {
    if (metric < 0) return 0n;
    const k = metric * this.people + person;
    return this.overflow.get(k) ?? BigInt(this.sums[k]!);
  }

  /**
   * Credited units as a float64 holding an exact integer, or NaN when the cell was summed in bigint
   * (past 2^53): the fast paths take the number and fall back to `units` on NaN.
   */
  unitsNumber(metric: number, person: number): number {
    if (metric < 0) return 0;
    const k = metric * this.people + person;
    return this.overflow.size > 0 && this.overflow.has(k) ? NaN : this.sums[k]!;
  }

  /** `closedCustomersByManager(actuals, metric, teamManager)` when the sums pass already counted it. */
  closedByManager(metric: number, teamManager: Int32Array): Int32Array | null {
    const c = this.closed;
    return c && c.metric === metric && c.teamManager === teamManager ? c.counts : null;
  }

  /** Whether the person's net credit in the metric is not zero. */
  hasCredit(metric: number, person: number): boolean {
    if (metric < 0) return false;
    const k = metric * this.people + person;
    return this.sums[k] !== 0 || (this.overflow.get(k) ?? 0n) !== 0n;
  }
}

/**
 * Sum every credit row into its person × metric cell. A float64 adds integers exactly while every
 * partial sum stays within 2^53; should a row be large enough to risk that, the cells whose own sum of
 * |credit| reaches 2^53 are summed again in bigint (rare: past 90 billion at share scale 100).
 */
export function sumCredits(
  actuals: ColumnarActuals,
  people: number,
  /** A gated override's metric and the teams: with one metric in the data, counted in the same pass. */
  gate?: { metric: string; teamManager: Int32Array },
): CreditTotals {
  const { rows, person, credit, metric, spiffRows, spiffShare } = actuals;
  const cells = actuals.metrics.length * people;
  const sums = new Float64Array(cells);
  // Each row within 2^53 / rows makes every partial sum exact, a bound checked without a dependency
  // chain through the loop (a running sum of |credit| would cost a float add's latency per row).
  const perRow = Math.floor(LIMIT / Math.max(rows, 1));
  let closed: { metric: number; teamManager: Int32Array; counts: Int32Array } | null = null;
  let outside: boolean;
  if (gate && actuals.metrics.length === 1 && actuals.metrics[0] === gate.metric) {
    // The gate's distinct closed customers read the same rows: one pass does both (about 2 ms less
    // at a million rows than two passes), with the same counting as closedCustomersByManager.
    const teams = teamNumbers(gate.teamManager);
    const counts = new Int32Array(teams.managers.length);
    outside = sumAndCountClosed(actuals, sums, perRow, teams.teamOf, firstTeamArray(actuals, teams), counts);
    closed = { metric: 0, teamManager: gate.teamManager, counts: byManager(counts, teams, people) };
  } else {
    outside =
      actuals.metrics.length === 1
        ? sumOneMetric(rows, person, credit, sums, perRow)
        : sumByMetric(rows, person, credit, metric, people, sums, perRow);
  }
  const spiffUnits = new Float64Array(people);
  for (let i = 0; i < spiffRows.length; i++) spiffUnits[person[spiffRows[i]!]!]! += spiffShare[i]!;
  // Otherwise the cells whose own sum of |credit| reaches 2^53 are summed again in bigint.
  const overflow = new Map<number, bigint>();
  if (outside) {
    const abs = new Float64Array(cells);
    for (let r = 0; r < rows; r++) {
      const c = credit[r]!;
      abs[metric[r]! * people + person[r]!]! += c < 0 ? -c : c;
    }
    for (let k = 0; k < cells; k++) if (abs[k]! >= LIMIT) overflow.set(k, 0n);
    for (let r = 0; r < rows; r++) {
      const k = metric[r]! * people + person[r]!;
      const sum = overflow.get(k);
      if (sum !== undefined) overflow.set(k, sum + BigInt(credit[r]!));
    }
  }
  return new CreditTotals(actuals.metrics, people, sums, overflow, spiffUnits, closed);
}

/**
 * One metric: every row is of it, so the metric column is not read at all. Small functions of their
 * own so the JIT optimises each loop alone. Returns whether a row is outside ±perRow.
 */
function sumOneMetric(
  rows: number,
  person: Int32Array,
  credit: Float64Array,
  sums: Float64Array,
  perRow: number,
): boolean {
  let outside = false;
  for (let r = 0; r < rows; r++) {
    const c = credit[r]!;
    sums[person[r]!]! += c;
    if (c > perRow || c < -perRow) outside = true;
  }
  return outside;
}

function sumByMetric(
  rows: number,
  person: Int32Array,
  credit: Float64Array,
  metric: Int32Array,
  people: number,
  sums: Float64Array,
  perRow: number,
): boolean {
  let outside = false;
  for (let r = 0; r < rows; r++) {
    const c = credit[r]!;
    // imul keeps the index an int32 in the JIT; a plain product may go to a double and cost 3×.
    sums[Math.imul(metric[r]!, people) + person[r]!]! += c;
    if (c > perRow || c < -perRow) outside = true;
  }
  return outside;
}

/**
 * Distinct customers with a positive credit row in `metric` per team manager: the customers a manager's team
 * closed in the period (docs/rules.md, Pay: the override gate). A customer usually belongs to one team, so
 * the first team that closes it is kept per customer (as a dense 16-bit team number when there are fewer than
 * 65,535 teams, so the array stays in cache); only customers shared between teams go to a side list, sorted
 * and deduplicated at the end.
 */
export function closedCustomersByManager(
  actuals: ColumnarActuals,
  metric: number,
  teamManager: Int32Array,
): Int32Array {
  const people = teamManager.length;
  if (metric < 0) return new Int32Array(people);
  const teams = teamNumbers(teamManager);
  const counts = countClosed(
    actuals,
    metric,
    teams.teamOf,
    firstTeamArray(actuals, teams),
    teams.managers.length,
  );
  return byManager(counts, teams, people);
}

type TeamNumbers = { teamOf: Int32Array; managers: number[] };

/** Team numbers from 1 (0: in no team) per person, and each team's manager. */
function teamNumbers(teamManager: Int32Array): TeamNumbers {
  const people = teamManager.length;
  const teamOf = new Int32Array(people);
  const managers: number[] = [-1];
  const numberOfManager = new Int32Array(people);
  for (let p = 0; p < people; p++) {
    const m = teamManager[p]!;
    if (m < 0) continue;
    if (numberOfManager[m] === 0) numberOfManager[m] = managers.push(m) - 1;
    teamOf[p] = numberOfManager[m]!;
  }
  return { teamOf, managers };
}

function firstTeamArray(actuals: ColumnarActuals, teams: TeamNumbers): Uint16Array | Int32Array {
  return teams.managers.length <= 0xffff
    ? new Uint16Array(actuals.customers)
    : new Int32Array(actuals.customers);
}

function byManager(counts: Int32Array, teams: TeamNumbers, people: number): Int32Array {
  const closed = new Int32Array(people);
  for (let t = 1; t < teams.managers.length; t++) closed[teams.managers[t]!] = counts[t]!;
  return closed;
}

/** Count the distinct (team, customer) pairs of the `shared` side list into `counts`. */
function countShared(shared: number[], customers: number, counts: Int32Array): void {
  if (shared.length === 0) return;
  const keys = Float64Array.from(shared).sort();
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && keys[i] === keys[i - 1]) continue;
    counts[Math.floor(keys[i]! / customers)]! += 1;
  }
}

/** sumOneMetric and countClosed of the only metric in one loop over the rows. */
function sumAndCountClosed(
  actuals: ColumnarActuals,
  sums: Float64Array,
  perRow: number,
  teamOf: Int32Array,
  firstTeam: Uint16Array | Int32Array,
  counts: Int32Array,
): boolean {
  const { rows, person, credit, customer, customers } = actuals;
  const shared: number[] = [];
  let outside = false;
  for (let r = 0; r < rows; r++) {
    const c = credit[r]!;
    const p = person[r]!;
    sums[p]! += c;
    if (c > perRow || c < -perRow) outside = true;
    if (!(c > 0)) continue;
    const t = teamOf[p]!;
    if (t === 0) continue;
    const k = customer[r]!;
    const first = firstTeam[k]!;
    if (first === t) continue;
    if (first === 0) {
      firstTeam[k] = t;
      counts[t]! += 1;
    } else shared.push(t * customers + k);
  }
  countShared(shared, customers, counts);
  return outside;
}

function countClosed(
  actuals: ColumnarActuals,
  metric: number,
  teamOf: Int32Array,
  firstTeam: Uint16Array | Int32Array,
  teams: number,
): Int32Array {
  const { rows, person, credit, customer, customers } = actuals;
  const metricOf = actuals.metric;
  // With one metric in the data every row is of it: skip reading the metric column.
  const everyRow = actuals.metrics.length === 1;
  const counts = new Int32Array(teams);
  const shared: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (!(credit[r]! > 0) || (!everyRow && metricOf[r] !== metric)) continue;
    const t = teamOf[person[r]!]!;
    if (t === 0) continue;
    const c = customer[r]!;
    const first = firstTeam[c]!;
    if (first === t) continue;
    if (first === 0) {
      firstTeam[c] = t;
      counts[t]! += 1;
    } else shared.push(t * customers + c);
  }
  countShared(shared, customers, counts);
  return counts;
}
