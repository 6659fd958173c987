// The rows of the Analysis sheet (计划与实际对比): plan, actual and last year per period with variance,
// completion, year-on-year, period-on-period and year-to-date figures, plus median and trend.
import { nextPeriod } from '../period';
import { completionRate, periodOnPeriod, yearOnYear } from './ratios';
import { linearTrend, median, type Trend } from './stats';

type Value = number | null | undefined;

export type PlanVsActualRow = {
  period: string;
  plan: number | null;
  actual: number | null;
  lastYear: number | null;
  /** actual − plan */
  variance: number | null;
  completion: number | null;
  yoy: number | null;
  /** Against the previous row's actual. */
  mom: number | null;
  /** Year to date through this row; the actual ones stay empty once actuals run out. */
  cumulativePlan: number | null;
  cumulativeActual: number | null;
  cumulativeCompletion: number | null;
};

export type PlanVsActual = {
  rows: PlanVsActualRow[];
  total: {
    plan: number;
    actual: number;
    lastYear: number;
    /** Actual so far over the whole plan (progress on the horizon). */
    completion: number | null;
    /** Like for like: actual over last year's value of the same periods that have an actual. */
    yoy: number | null;
  };
  /** Median of the actuals. */
  median: number | null;
  /** Least-squares line through the actuals, with the forecast for `forecastPeriod` (the one after the last actual). */
  trend: Trend | null;
  forecastPeriod: string | null;
};

const num = (v: Value): number | null => (v == null || !Number.isFinite(v) ? null : v);

/** Plan versus actual over consecutive periods (the arrays are aligned with `periods`; empties allowed). */
export function planVsActual(
  periods: readonly string[],
  plan: readonly Value[],
  actual: readonly Value[],
  lastYear: readonly Value[] = [],
): PlanVsActual {
  let cumulativePlan = 0;
  let cumulativeActual = 0;
  let actualsRunning = true;
  const total = { plan: 0, actual: 0, lastYear: 0, comparableLastYear: 0 };
  const rows = periods.map((period, i): PlanVsActualRow => {
    const p = num(plan[i]);
    const a = num(actual[i]);
    const ly = num(lastYear[i]);
    cumulativePlan += p ?? 0;
    if (a === null) actualsRunning = false;
    else cumulativeActual += a;
    total.plan += p ?? 0;
    total.actual += a ?? 0;
    total.lastYear += ly ?? 0;
    if (a !== null) total.comparableLastYear += ly ?? 0;
    const ytdActual = actualsRunning ? cumulativeActual : null;
    return {
      period,
      plan: p,
      actual: a,
      lastYear: ly,
      variance: a !== null && p !== null ? a - p : null,
      completion: completionRate(a, p),
      yoy: yearOnYear(a, ly),
      mom: i === 0 ? null : periodOnPeriod(a, num(actual[i - 1])),
      cumulativePlan,
      cumulativeActual: ytdActual,
      cumulativeCompletion: completionRate(ytdActual, cumulativePlan),
    };
  });
  const actuals = periods.map((_, i) => num(actual[i]));
  // The forecast is for the period after the last actual: the first open month of the year, or the next one.
  let lastActual = -1;
  actuals.forEach((a, i) => {
    if (a !== null) lastActual = i;
  });
  const observed = actuals.slice(0, lastActual + 1);
  const lastPeriod = periods[lastActual];
  const forecastPeriod =
    lastPeriod === undefined ? null : (periods[lastActual + 1] ?? nextPeriod(lastPeriod));
  return {
    rows,
    total: {
      plan: total.plan,
      actual: total.actual,
      lastYear: total.lastYear,
      completion: completionRate(total.actual, total.plan),
      yoy: yearOnYear(total.actual, total.comparableLastYear),
    },
    median: median(actuals),
    trend: linearTrend(observed),
    forecastPeriod,
  };
}
