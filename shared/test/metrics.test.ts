import { describe, expect, it } from 'vitest';
import { aggregate, getMetric, isKnownMetric, metricCatalog } from '../src/metrics';

const baseMeasures = [
  'revenue',
  'collections',
  'gross_margin',
  'new_customers',
  'visits',
  'calls',
  'proposals',
  'deals',
  'first_year_premium',
  'complaints',
  'training_hours',
  'headcount_start',
  'headcount_end',
  'producing_reps',
  'confirmed_hires',
  'leavers',
  'transactions',
];
const ratioKpis = [
  'avg_headcount',
  'activity_rate',
  'productivity',
  'effective_recruitment_rate',
  'attrition_rate',
  'persistency_13',
  'persistency_25',
  'completion_rate',
  'yoy',
  'mom',
  'average_ticket',
];

describe('metric catalog', () => {
  it('holds every base measure and ratio KPI of the domain', () => {
    for (const id of [...baseMeasures, ...ratioKpis]) {
      expect(isKnownMetric(id), id).toBe(true);
      expect(getMetric(id)?.id).toBe(id);
    }
    expect(isKnownMetric('toString')).toBe(false);
    expect(getMetric('nope')).toBeUndefined();
  });

  it('gives precision by unit: currency 2, count 0, percent and ratio 4', () => {
    expect(getMetric('revenue')).toMatchObject({ unit: 'currency', precision: 2, aggregation: 'sum' });
    expect(getMetric('visits')).toMatchObject({ unit: 'count', precision: 0, aggregation: 'sum' });
    expect(getMetric('activity_rate')).toMatchObject({ unit: 'percent', precision: 4, aggregation: 'ratio' });
    for (const def of Object.values(metricCatalog)) {
      if (def.id === 'avg_headcount') continue; // an average of people, kept to 2 decimals
      const expected = { currency: 2, count: 0, percent: 4, ratio: 4 }[def.unit];
      expect(def.precision, def.id).toBe(expected);
    }
  });

  it('marks attrition and complaints as lower-is-better, revenue higher', () => {
    expect(getMetric('attrition_rate')?.direction).toBe('lower');
    expect(getMetric('complaints')?.direction).toBe('lower');
    expect(getMetric('leavers')?.direction).toBe('lower');
    expect(getMetric('revenue')?.direction).toBe('higher');
  });

  it('states the fractions of the handbook KPIs over catalog measures', () => {
    expect(getMetric('activity_rate')).toMatchObject({
      numerator: 'producing_reps',
      denominator: 'avg_headcount',
    });
    expect(getMetric('productivity')).toMatchObject({
      numerator: 'first_year_premium',
      denominator: 'producing_reps',
    });
    expect(getMetric('effective_recruitment_rate')).toMatchObject({
      numerator: 'confirmed_hires',
      denominator: 'avg_headcount',
    });
    expect(getMetric('attrition_rate')).toMatchObject({ numerator: 'leavers', denominator: 'avg_headcount' });
    expect(getMetric('average_ticket')).toMatchObject({ numerator: 'revenue', denominator: 'transactions' });
    for (const def of Object.values(metricCatalog)) {
      if (def.numerator) expect(isKnownMetric(def.numerator), `${def.id} numerator`).toBe(true);
      if (def.denominator) expect(isKnownMetric(def.denominator), `${def.id} denominator`).toBe(true);
      if (def.aggregation === 'ratio')
        expect(Boolean(def.numerator && def.denominator) || Boolean(def.formula), def.id).toBe(true);
    }
  });

  it('labels every metric in English and with the Chinese terms of the handbooks', () => {
    expect(getMetric('revenue')?.label['zh-CN']).toBe('销售额');
    expect(getMetric('collections')?.label['zh-CN']).toBe('回款');
    expect(getMetric('producing_reps')?.label['zh-CN']).toBe('出单人数');
    expect(getMetric('attrition_rate')?.label['zh-CN']).toBe('脱落率');
    expect(getMetric('yoy')?.label['zh-CN']).toBe('同比');
    expect(getMetric('mom')?.label['zh-CN']).toBe('环比');
    expect(getMetric('average_ticket')?.label['zh-CN']).toBe('客单价');
    for (const def of Object.values(metricCatalog)) {
      expect(def.label.en.length, def.id).toBeGreaterThan(0);
      expect(def.label['zh-CN'], def.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('aggregate', () => {
  it('sums flows over months: revenue 100 + 200 + 300 = 600', () => {
    expect(aggregate('revenue', [100, 200, 300])).toBe(600);
  });

  it('takes the first and last of stocks over time: headcount start 10, end 14', () => {
    expect(aggregate('headcount_start', [10, 12, 13])).toBe(10);
    expect(aggregate('headcount_end', [12, 13, 14])).toBe(14);
  });

  it('averages average headcount over months: (10.5 + 12 + 13.5) / 3 = 12', () => {
    expect(aggregate('avg_headcount', [10.5, 12, 13.5])).toBe(12);
  });

  it('sums stocks and averages across units: team headcounts 10 + 14 = 24', () => {
    expect(aggregate('headcount_end', [10, 14], 'units')).toBe(24);
    expect(aggregate('avg_headcount', [10.5, 13.5], 'units')).toBe(24);
  });

  it('is empty for no values and for ratio KPIs, which are recomputed from their parts', () => {
    expect(aggregate('revenue', [])).toBeNull();
    expect(aggregate('activity_rate', [0.5, 0.7])).toBeNull();
    expect(() => aggregate('nope', [1])).toThrow(RangeError);
  });
});
