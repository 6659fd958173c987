// Picking the rows of one period out of (owner, metric, period, value) rows that may be kept by the
// period itself, by its months or by its quarters, and combining them as the metric catalog says.
// Rows land in numbered slots (owner × metric) so that 100,000 rows cost no string keys.
import { aggregate, getMetric } from '../metrics';
import { childPeriods, monthsOf, parsePeriod, type PeriodOptions } from '../period';

export type PeriodRow = { owner: string; metric: string; period: string; value: number };

/** How a row's period relates to the wanted one: 0 the period itself, 1 a month in it, 2 a quarter in it. */
export type Level = 0 | 1 | 2;

export function periodLevels(period: string, opts?: PeriodOptions): Map<string, Level> {
  const levels = new Map<string, Level>([[period, 0]]);
  const kind = parsePeriod(period)?.kind;
  if (kind !== 'month') for (const m of monthsOf(period, opts)) levels.set(m, 1);
  if (kind === 'year') for (const q of childPeriods(period, opts)) levels.set(q, 2);
  return levels;
}

type Entry = { value: number; period: string; index: number };

/**
 * Values by slot for one period: rows of the period itself win; failing those, its months; failing
 * those, its quarters (never a mix, which would count twice). Several rows of one slot and level are
 * combined over time as the catalog says (sum, average, first, last; a metric outside the catalog
 * sums); ratio KPIs cannot be rebuilt from parts, so several rows of one give no value.
 */
export class PeriodValues {
  private readonly level: Int8Array;
  private readonly single: Float64Array;
  private readonly firstRow: Int32Array;
  private readonly firstPeriod: string[];
  private readonly several = new Map<number, Entry[]>();

  constructor(size: number) {
    this.level = new Int8Array(size).fill(-1);
    this.single = new Float64Array(size);
    this.firstRow = new Int32Array(size);
    this.firstPeriod = new Array<string>(size);
  }

  add(slot: number, level: Level, row: PeriodRow, index: number): void {
    const current = this.level[slot] as number;
    if (current === -1 || level < current) {
      this.level[slot] = level;
      this.single[slot] = row.value;
      this.firstRow[slot] = index;
      this.firstPeriod[slot] = row.period;
      this.several.delete(slot);
    } else if (level === current) {
      let list = this.several.get(slot);
      if (!list) {
        const first = this.firstRow[slot] as number;
        list = [
          { value: this.single[slot] as number, period: this.firstPeriod[slot] as string, index: first },
        ];
        this.several.set(slot, list);
      }
      list.push({ value: row.value, period: row.period, index });
    }
  }

  has(slot: number): boolean {
    return this.level[slot] !== -1;
  }

  /** Input position of the first row kept for the slot (for field paths), or -1. */
  rowIndex(slot: number): number {
    return this.has(slot) ? (this.firstRow[slot] as number) : -1;
  }

  value(slot: number, metric: string): number | null {
    if (!this.has(slot)) return null;
    const list = this.several.get(slot);
    if (!list) return this.single[slot] as number;
    const sorted = [...list].sort((a, b) =>
      a.period < b.period ? -1 : a.period > b.period ? 1 : a.index - b.index,
    );
    const values = sorted.map((e) => e.value);
    if (!getMetric(metric)) return values.reduce((s, v) => s + v, 0);
    return aggregate(metric, values, 'time');
  }
}

/** Files every row of the period into its slot; `slotOf` answers -1 for rows nobody asked about. */
export function collectPeriodValues(
  rows: readonly PeriodRow[],
  levels: ReadonlyMap<string, Level>,
  size: number,
  slotOf: (owner: string, metric: string) => number,
): PeriodValues {
  const out = new PeriodValues(size);
  // Rows mostly share a few period strings: remember the last answer rather than hash each one.
  let lastPeriod = '';
  let lastLevel: Level | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as PeriodRow;
    if (row.period !== lastPeriod) {
      lastPeriod = row.period;
      lastLevel = levels.get(row.period);
    }
    const level = lastLevel;
    if (level === undefined) continue;
    const slot = slotOf(row.owner, row.metric);
    if (slot >= 0) out.add(slot, level, row, i);
  }
  return out;
}
