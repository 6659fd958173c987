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
export function sumCredits(actuals: ColumnarActuals, people: number): CreditTotals {
  const { rows, person, credit, metric, spiffRows, spiffShare } = actuals;
  const cells = actuals.metrics.length * people;
  const sums = new Float64Array(cells);
  // Each row within 2^53 / rows makes every partial sum exact, a bound checked without a dependency
  // chain through the loop (a running sum of |credit| would cost a float add's latency per row).
  const perRow = Math.floor(LIMIT / Math.max(rows, 1));
  let outside = false;
  for (let r = 0; r < rows; r++) {
    const c = credit[r]!;
    // imul keeps the index an int32 in the JIT; a plain product may go to a double and cost 3×.
    sums[Math.imul(metric[r]!, people) + person[r]!]! += c;
    if (c > perRow || c < -perRow) outside = true;
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
  return new CreditTotals(actuals.metrics, people, sums, overflow, spiffUnits);
}

/**
 * Distinct customers with a positive credit row in `metric` per team manager: the customers a
 * manager's team closed in the period (DOMAIN.md §8 override gate). A customer usually belongs to one
 * team, so the first team that closes it is kept per customer (as a dense 16-bit team number when
 * there are fewer than 65,535 teams, so the array stays in cache); only customers shared between
 * teams go to a side list, sorted and deduplicated at the end.
 */
export function closedCustomersByManager(
  actuals: ColumnarActuals,
  metric: number,
  teamManager: Int32Array,
): Int32Array {
  const people = teamManager.length;
  const closed = new Int32Array(people);
  if (metric < 0) return closed;
  // Team numbers from 1 (0: in no team), and each team's manager.
  const teamOf = new Int32Array(people);
  const managers: number[] = [-1];
  const numberOfManager = new Int32Array(people);
  for (let p = 0; p < people; p++) {
    const m = teamManager[p]!;
    if (m < 0) continue;
    if (numberOfManager[m] === 0) numberOfManager[m] = managers.push(m) - 1;
    teamOf[p] = numberOfManager[m]!;
  }
  const firstTeam =
    managers.length <= 0xffff ? new Uint16Array(actuals.customers) : new Int32Array(actuals.customers);
  const counts = countClosed(actuals, metric, teamOf, firstTeam, managers.length);
  for (let t = 1; t < managers.length; t++) closed[managers[t]!] = counts[t]!;
  return closed;
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
  if (shared.length > 0) {
    const keys = Float64Array.from(shared).sort();
    for (let i = 0; i < keys.length; i++) {
      if (i > 0 && keys[i] === keys[i - 1]) continue;
      counts[Math.floor(keys[i]! / customers)]! += 1;
    }
  }
  return counts;
}
