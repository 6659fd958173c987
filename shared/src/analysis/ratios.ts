// The comparison ratios of sales analysis (docs/rules.md, Metrics; Analysis and sizing): completion (完成率),
// year-on-year (同比) and period-on-period (环比). An empty or zero base gives null, never 0, NaN or Infinity.

/** `actual / target`; null when either is missing or the target is 0. */
export function completionRate(
  actual: number | null | undefined,
  target: number | null | undefined,
): number | null {
  if (actual == null || target == null || target === 0) return null;
  return actual / target;
}

/** `actual / base − 1`, the growth over a base; null when either is missing or the base is 0. */
export function growthRate(
  actual: number | null | undefined,
  base: number | null | undefined,
): number | null {
  if (actual == null || base == null || base === 0) return null;
  return actual / base - 1;
}

/** 同比: growth over the same period last year. */
export function yearOnYear(
  actual: number | null | undefined,
  lastYear: number | null | undefined,
): number | null {
  return growthRate(actual, lastYear);
}

/** 环比: growth over the previous period (month on month, quarter on quarter). */
export function periodOnPeriod(
  actual: number | null | undefined,
  previous: number | null | undefined,
): number | null {
  return growthRate(actual, previous);
}
