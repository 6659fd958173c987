// Median and the least-squares trend line with its next-period forecast (中位数, 趋势线, docs/rules.md, Analysis
// and sizing).

const present = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);

/** The middle value (the mean of the two middle ones for an even count), ignoring empties; null if none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const sorted = values.filter(present).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type Trend = {
  /** Points used (empties are skipped but keep their position). */
  points: number;
  slope: number;
  intercept: number;
  /** Coefficient of determination; 1 when every point lies on the line (a flat series included). */
  r2: number;
  /** The line's value at the position after the last one: the next-period forecast. */
  forecast: number;
};

/**
 * Ordinary least squares of `values` against their positions 1, 2, …, n: `y = intercept + slope × x`,
 * with the forecast at x = n + 1. Null with fewer than two points.
 */
export function linearTrend(values: readonly (number | null | undefined)[]): Trend | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  values.forEach((v, i) => {
    if (!present(v)) return;
    n++;
    sx += i + 1;
    sy += v;
  });
  if (n < 2) return null;
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  values.forEach((v, i) => {
    if (!present(v)) return;
    const dx = i + 1 - mx;
    const dy = v - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  });
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  // With centred sums, SS_res = syy − slope·sxy; a flat series has nothing left to explain.
  const r2 = syy === 0 ? 1 : Math.min(1, Math.max(0, (slope * sxy) / syy));
  return { points: n, slope, intercept, r2, forecast: intercept + slope * (values.length + 1) };
}
