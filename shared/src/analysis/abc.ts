// ABC classification (ABC分类, docs/rules.md, Analysis and sizing) of products, customers or people by value:
// sort descending, A while the cumulative share is within the first threshold, B within the second, C after.

export type AbcClass = 'A' | 'B' | 'C';
export type AbcThresholds = { a: number; b: number };
export const DEFAULT_ABC_THRESHOLDS: AbcThresholds = { a: 0.7, b: 0.9 };

export type AbcRow = {
  id: string;
  value: number;
  rank: number;
  /** This item's share of the total of positive values. */
  share: number;
  /** The running share including this item. */
  cumulativeShare: number;
  class: AbcClass;
};

/**
 * Classes by the literal rule: cumulative share (this item included) ≤ a → A, ≤ b → B, else C, so an
 * item that alone holds more than `a` of the total is B (as the same formula in Excel says). Items are
 * ordered by value descending, equal values by id, so ties are classed the same way every time. Items
 * of 0 or less hold no share and are C.
 */
export function abcClassify(
  items: readonly { id: string; value: number }[],
  thresholds: Partial<AbcThresholds> = {},
): AbcRow[] {
  const { a, b } = { ...DEFAULT_ABC_THRESHOLDS, ...thresholds };
  const sorted = [...items].sort((x, y) => y.value - x.value || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  let total = 0;
  for (const item of sorted) if (item.value > 0) total += item.value;
  // Shares are compared as sums against threshold × total, with room for float noise in the sum.
  const slack = 1e-9 * total;
  let running = 0;
  return sorted.map((item, i) => {
    const positive = item.value > 0 && total > 0;
    if (positive) running += item.value;
    const cls: AbcClass = !positive
      ? 'C'
      : running <= a * total + slack
        ? 'A'
        : running <= b * total + slack
          ? 'B'
          : 'C';
    return {
      id: item.id,
      value: item.value,
      rank: i + 1,
      share: positive ? item.value / total : 0,
      cumulativeShare: total > 0 ? running / total : 0,
      class: cls,
    };
  });
}
