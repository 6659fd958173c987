// The metric catalog (docs/rules.md, Metrics): what each measure and KPI means, its unit, how it adds up over
// time, which direction is good and how precisely it is shown, with labels in the users' words.

export type MetricUnit = 'currency' | 'count' | 'percent' | 'ratio';
/**
 * How values of one owner combine over time (months → quarter → year). `first`/`last` are for stocks
 * (headcount at the start / end); `ratio` KPIs are never added up but recomputed from their summed
 * numerator and denominator. Across units every non-ratio measure sums.
 */
export type MetricAggregation = 'sum' | 'average' | 'first' | 'last' | 'ratio';
export type MetricDirection = 'higher' | 'lower';

export interface MetricDef {
  id: string;
  unit: MetricUnit;
  aggregation: MetricAggregation;
  direction: MetricDirection;
  /** Decimals the metric is stored, allocated and shown with. */
  precision: number;
  /** For ratio KPIs over two catalog measures: the metric ids of the fraction. */
  numerator?: string;
  denominator?: string;
  /** The formula in words, for KPIs whose parts are not plain catalog measures (actual / target…). */
  formula?: string;
  label: { en: string; 'zh-CN': string };
}

const PRECISION: Record<MetricUnit, number> = { currency: 2, count: 0, percent: 4, ratio: 4 };

type Spec = Omit<MetricDef, 'id' | 'precision' | 'direction'> &
  Partial<Pick<MetricDef, 'precision' | 'direction'>>;

function base(unit: 'currency' | 'count', en: string, zh: string, more: Partial<Spec> = {}): Spec {
  return { unit, aggregation: 'sum', label: { en, 'zh-CN': zh }, ...more };
}

function kpi(
  unit: MetricUnit,
  numerator: string,
  denominator: string,
  en: string,
  zh: string,
  more: Partial<Spec> = {},
): Spec {
  return { unit, aggregation: 'ratio', numerator, denominator, label: { en, 'zh-CN': zh }, ...more };
}

const specs: Record<string, Spec> = {
  // base measures
  revenue: base('currency', 'Revenue', '销售额'),
  collections: base('currency', 'Collections', '回款'),
  gross_margin: base('currency', 'Gross margin', '毛利'),
  new_customers: base('count', 'New customers', '新客户数'),
  visits: base('count', 'Visits', '拜访次数'),
  calls: base('count', 'Calls', '电话次数'),
  proposals: base('count', 'Proposals', '方案数'),
  deals: base('count', 'Deals', '成交数'),
  first_year_premium: base('currency', 'First-year premium', '首期保费'),
  complaints: base('count', 'Complaints', '客户投诉数', { direction: 'lower' }),
  training_hours: base('count', 'Training hours', '培训时长'),
  headcount_start: base('count', 'Headcount at start', '期初人力', { aggregation: 'first' }),
  headcount_end: base('count', 'Headcount at end', '期末人力', { aggregation: 'last' }),
  producing_reps: base('count', 'Producing reps', '出单人数'),
  confirmed_hires: base('count', 'Confirmed hires', '转正人数'),
  leavers: base('count', 'Leavers', '脱落人数', { direction: 'lower' }),
  transactions: base('count', 'Transactions', '交易笔数'),
  // The persistency KPIs need the premium written 13 (25) months before and what of it is still in
  // force; they are base measures of their own because they come from the policy system, not sales.
  premium_written_13: base('currency', 'Premium written 13 months before', '13个月前承保保费'),
  premium_in_force_13: base('currency', 'Premium in force after 13 months', '13个月后仍有效保费'),
  premium_written_25: base('currency', 'Premium written 25 months before', '25个月前承保保费'),
  premium_in_force_25: base('currency', 'Premium in force after 25 months', '25个月后仍有效保费'),

  // ratio KPIs of the field-force handbooks
  // A month's average is (start + end) / 2; a quarter's or year's the mean of its monthly averages,
  // so it can be fractional and keeps two decimals although it counts people.
  avg_headcount: {
    unit: 'count',
    aggregation: 'average',
    precision: 2,
    formula: '(headcount_start + headcount_end) / 2',
    label: { en: 'Average headcount', 'zh-CN': '平均人力' },
  },
  activity_rate: kpi('percent', 'producing_reps', 'avg_headcount', 'Activity rate', '活动率'),
  productivity: kpi(
    'currency',
    'first_year_premium',
    'producing_reps',
    'Productivity per producing rep',
    '人均产能',
  ),
  effective_recruitment_rate: kpi(
    'percent',
    'confirmed_hires',
    'avg_headcount',
    'Effective recruitment rate',
    '有效增员率',
  ),
  attrition_rate: kpi('percent', 'leavers', 'avg_headcount', 'Attrition rate', '脱落率', {
    direction: 'lower',
  }),
  persistency_13: kpi(
    'percent',
    'premium_in_force_13',
    'premium_written_13',
    '13-month persistency',
    '13个月保费继续率',
  ),
  persistency_25: kpi(
    'percent',
    'premium_in_force_25',
    'premium_written_25',
    '25-month persistency',
    '25个月保费继续率',
  ),
  completion_rate: {
    unit: 'percent',
    aggregation: 'ratio',
    formula: 'actual / target',
    label: { en: 'Completion rate', 'zh-CN': '完成率' },
  },
  yoy: {
    unit: 'percent',
    aggregation: 'ratio',
    formula: 'actual / actual of the same period last year − 1',
    label: { en: 'Year-on-year', 'zh-CN': '同比' },
  },
  mom: {
    unit: 'percent',
    aggregation: 'ratio',
    formula: 'actual / actual of the previous period − 1',
    label: { en: 'Period-on-period', 'zh-CN': '环比' },
  },
  average_ticket: kpi('currency', 'revenue', 'transactions', 'Average ticket', '客单价'),
};

/** Every built-in metric by id. */
export const metricCatalog: Readonly<Record<string, MetricDef>> = Object.freeze(
  Object.fromEntries(
    Object.entries(specs).map(([id, spec]) => [
      id,
      Object.freeze({ id, direction: 'higher', precision: PRECISION[spec.unit], ...spec } as MetricDef),
    ]),
  ),
);

export function getMetric(id: string): MetricDef | undefined {
  return Object.hasOwn(metricCatalog, id) ? metricCatalog[id] : undefined;
}

export function isKnownMetric(id: string): boolean {
  return getMetric(id) !== undefined;
}

/**
 * Values of one metric combined as the catalog says: over time (months of one owner, in order) or
 * over units (one period, many owners, where stocks and averages add up too). Null when there is
 * nothing to combine, or for ratio KPIs, which must be recomputed from their summed parts.
 */
export function aggregate(
  metricId: string,
  values: readonly number[],
  over: 'time' | 'units' = 'time',
): number | null {
  const def = getMetric(metricId);
  if (!def) throw new RangeError(`unknown metric "${metricId}"`);
  if (values.length === 0 || def.aggregation === 'ratio') return null;
  const how = over === 'units' ? 'sum' : def.aggregation;
  if (how === 'first') return values[0] ?? null;
  if (how === 'last') return values[values.length - 1] ?? null;
  let total = 0;
  for (const v of values) total += v;
  return how === 'average' ? total / values.length : total;
}
