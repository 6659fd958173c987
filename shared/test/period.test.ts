import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  childPeriods,
  daysBetweenInclusive,
  daysInPeriod,
  isIsoDate,
  monthOfDate,
  monthsOf,
  nextPeriod,
  parsePeriod,
  periodContains,
  periodEnd,
  periodOfDate,
  periodStart,
  previousPeriod,
  samePeriodLastYear,
  weekdayOf,
  workingDays,
} from '../src/period';

const april = { fiscalYearStartMonth: 4 };

describe('period ids', () => {
  it('parses years, quarters and months and rejects anything else', () => {
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026, index: 1 });
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'quarter', year: 2026, index: 3 });
    expect(parsePeriod('2026-03')).toEqual({ kind: 'month', year: 2026, index: 3 });
    for (const bad of ['2026-Q5', '2026-Q0', '2026-13', '2026-00', '2026-3', '26', '2026-W01', ' 2026']) {
      expect(parsePeriod(bad)).toBeNull();
    }
  });

  it('steps to the next and previous period across year ends', () => {
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(nextPeriod('2026-Q4')).toBe('2027-Q1');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(nextPeriod('2026')).toBe('2027');
    expect(samePeriodLastYear('2026-03')).toBe('2025-03');
    expect(samePeriodLastYear('2026-Q2')).toBe('2025-Q2');
  });

  it('lists the quarters of a year and the months of a quarter', () => {
    expect(childPeriods('2026')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(childPeriods('2026-Q2')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(childPeriods('2026-Q1', april)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(childPeriods('2026-05')).toEqual([]);
  });
});

describe('calendar periods (fiscal year starting in January)', () => {
  it('gives start and inclusive end dates', () => {
    expect([periodStart('2026'), periodEnd('2026')]).toEqual(['2026-01-01', '2026-12-31']);
    expect([periodStart('2026-Q3'), periodEnd('2026-Q3')]).toEqual(['2026-07-01', '2026-09-30']);
    expect([periodStart('2026-02'), periodEnd('2026-02')]).toEqual(['2026-02-01', '2026-02-28']);
  });

  it('knows leap years: Feb 2024 has 29 days, 2024 has 366, 1900 is not leap, 2000 is', () => {
    expect(daysInPeriod('2024-02')).toBe(29);
    expect(daysInPeriod('2024')).toBe(366);
    expect(daysInPeriod('2026')).toBe(365);
    expect(daysInPeriod('1900-02')).toBe(28);
    expect(daysInPeriod('2000-02')).toBe(29);
    expect(daysInPeriod('2026-Q1')).toBe(31 + 28 + 31);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
  });
});

describe('fiscal years named by the calendar year they start in', () => {
  it('runs fiscal 2026 from 2026-04-01 to 2027-03-31 when the year starts in April', () => {
    expect(periodStart('2026', april)).toBe('2026-04-01');
    expect(periodEnd('2026', april)).toBe('2027-03-31');
    expect(monthsOf('2026', april)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
    // Feb 2027 is in fiscal 2026, which therefore has 365 days; fiscal 2027 holds Feb 2028 (leap).
    expect(daysInPeriod('2026', april)).toBe(365);
    expect(daysInPeriod('2027', april)).toBe(366);
  });

  it('makes quarters fiscal (2026-Q1 = Apr–Jun 2026, 2026-Q4 = Jan–Mar 2027) and months calendar', () => {
    expect([periodStart('2026-Q1', april), periodEnd('2026-Q1', april)]).toEqual([
      '2026-04-01',
      '2026-06-30',
    ]);
    expect(monthsOf('2026-Q4', april)).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(monthsOf('2026-03', april)).toEqual(['2026-03']);
    expect(periodOfDate('2027-02-10', 'quarter', april)).toBe('2026-Q4');
    expect(periodOfDate('2027-02-10', 'year', april)).toBe('2026');
    expect(periodOfDate('2026-04-01', 'year', april)).toBe('2026');
    expect(periodOfDate('2026-03-31', 'year', april)).toBe('2025');
    expect(periodContains('2026', '2027-03-31', april)).toBe(true);
    expect(periodContains('2026', '2026-03-31', april)).toBe(false);
  });

  it('rejects a start month outside 1..12', () => {
    expect(() => periodStart('2026', { fiscalYearStartMonth: 13 })).toThrow(RangeError);
    expect(() => periodStart('2026', { fiscalYearStartMonth: 0 })).toThrow(RangeError);
  });
});

describe('days', () => {
  it('counts both ends: the same day is 1, a non-leap year 365, a reversed span 0', () => {
    expect(daysBetweenInclusive('2026-03-15', '2026-03-15')).toBe(1);
    expect(daysBetweenInclusive('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysBetweenInclusive('2026-03-16', '2026-03-31')).toBe(16);
    expect(daysBetweenInclusive('2024-02-28', '2024-03-01')).toBe(3);
    expect(daysBetweenInclusive('2026-03-02', '2026-03-01')).toBe(0);
  });

  it('rejects dates that do not exist', () => {
    expect(() => daysBetweenInclusive('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => monthOfDate('2026/03/01')).toThrow(RangeError);
  });

  it('finds weekdays and counts Monday–Friday: March 2026 has 22 working days, Feb 2026 has 20', () => {
    expect(weekdayOf('2026-11-25')).toBe(3); // a Wednesday
    expect(weekdayOf('2026-03-01')).toBe(7); // a Sunday
    expect(workingDays('2026-03')).toBe(22);
    expect(workingDays('2026-02')).toBe(20);
    expect(workingDays('2026')).toBe(261);
  });

  it('maps a date to its calendar month and adds days across month and leap-year ends', () => {
    expect(monthOfDate('2026-03-15')).toBe('2026-03');
    expect(monthOfDate('2027-02-10', april)).toBe('2027-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('properties', () => {
  const startMonth = fc.integer({ min: 1, max: 12 });
  const year = fc.integer({ min: 1900, max: 2200 });
  const anyPeriod = fc.oneof(
    year.map(String),
    fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  );
  const date = fc.integer({ min: 0, max: 110_000 }).map((n) => addDays('1900-01-01', n));

  it('a year has 12 months, 4 quarters of 3, and the days of its months sum to its days', () => {
    fc.assert(
      fc.property(year, startMonth, (y, f) => {
        const opts = { fiscalYearStartMonth: f };
        const months = monthsOf(String(y), opts);
        expect(months).toHaveLength(12);
        expect(childPeriods(String(y), opts).flatMap((q) => monthsOf(q, opts))).toEqual(months);
        const sum = months.reduce((acc, m) => acc + daysInPeriod(m), 0);
        expect(sum).toBe(daysInPeriod(String(y), opts));
        expect(sum === 365 || sum === 366).toBe(true);
      }),
    );
  });

  it('next(previous(p)) = p and previous(next(p)) = p', () => {
    fc.assert(
      fc.property(anyPeriod, (p) => {
        expect(nextPeriod(previousPeriod(p))).toBe(p);
        expect(previousPeriod(nextPeriod(p))).toBe(p);
      }),
    );
  });

  it('consecutive periods tile time: next starts the day after this one ends', () => {
    fc.assert(
      fc.property(anyPeriod, startMonth, (p, f) => {
        const opts = { fiscalYearStartMonth: f };
        expect(periodStart(nextPeriod(p), opts)).toBe(addDays(periodEnd(p, opts), 1));
      }),
    );
  });

  it('every date lies in exactly one month of the fiscal year that holds it', () => {
    fc.assert(
      fc.property(date, startMonth, (d, f) => {
        const opts = { fiscalYearStartMonth: f };
        const fiscalYear = periodOfDate(d, 'year', opts);
        expect(periodContains(fiscalYear, d, opts)).toBe(true);
        const holding = monthsOf(fiscalYear, opts).filter((m) => periodContains(m, d));
        expect(holding).toEqual([monthOfDate(d)]);
        expect(periodContains(periodOfDate(d, 'quarter', opts), d, opts)).toBe(true);
      }),
    );
  });

  it('daysBetweenInclusive agrees with addDays', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 5000 }), (d, n) => {
        expect(daysBetweenInclusive(d, addDays(d, n))).toBe(n + 1);
      }),
    );
  });

  it('working days are the weekdays counted one by one', () => {
    fc.assert(
      fc.property(fc.tuple(year, fc.integer({ min: 1, max: 12 })), ([y, m]) => {
        const id = `${y}-${String(m).padStart(2, '0')}`;
        let count = 0;
        for (let d = periodStart(id); d <= periodEnd(id); d = addDays(d, 1)) if (weekdayOf(d) <= 5) count++;
        expect(workingDays(id)).toBe(count);
      }),
    );
  });
});
