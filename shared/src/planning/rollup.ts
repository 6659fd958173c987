// Bottom-up roll-up (docs/rules.md, Allocation): children's submitted targets summed against the parent's,
// with the gap still to cover and the coverage, added as exact decimals so 0.1 + 0.2 gives 0.3.
import { parseDecimal } from '../money';

export interface RollUp {
  /** Σ children. */
  sum: number;
  /** parent − Σ children: positive is still uncovered, negative is over-assigned. */
  gap: number;
  /** Σ children / parent; null when the parent is 0 (no ratio to a zero target). */
  coverage: number | null;
}

/** Σ (sign × value) of decimals as integer units on their common scale. */
function exactSum(terms: readonly { value: number; sign: 1n | -1n }[]): { units: bigint; scale: number } {
  const decimals = terms.map((t) => ({ d: parseDecimal(t.value), sign: t.sign }));
  const scale = decimals.reduce((max, { d }) => Math.max(max, d.scale), 0);
  const units = decimals.reduce(
    (acc, { d, sign }) => acc + sign * d.units * 10n ** BigInt(scale - d.scale),
    0n,
  );
  return { units, scale };
}

function nearestDouble({ units, scale }: { units: bigint; scale: number }): number {
  return units === 0n ? 0 : Number(`${units}e-${scale}`);
}

/** The exact sum of decimals, as the double nearest to it. */
export function sumExact(values: readonly number[]): number {
  return nearestDouble(exactSum(values.map((value) => ({ value, sign: 1n }))));
}

export function rollUp(parentValue: number, childValues: readonly number[]): RollUp {
  const children = childValues.map((value) => ({ value, sign: 1n as const }));
  const sum = nearestDouble(exactSum(children));
  const gap = nearestDouble(
    exactSum([{ value: parentValue, sign: 1n }, ...children.map((c) => ({ ...c, sign: -1n as const }))]),
  );
  return { sum, gap, coverage: parentValue === 0 ? null : sum / parentValue };
}
