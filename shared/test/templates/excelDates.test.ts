import { describe, expect, it } from 'vitest';
import { excelSerialToIso, isoToExcelSerial, isoWeekOf, isoWeekStart } from '../../src/templates/index';

describe('Excel serial dates, 1900 system', () => {
  it('serial 1 is 1900-01-01 and 59 is 1900-02-28', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
  });

  it('serial 60, the fictitious 1900-02-29, is refused rather than guessed', () => {
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(60.5)).toBeNull();
  });

  it('serial 61 is 1900-03-01: from March 1900 on the serial counts days since 1899-12-30', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(isoToExcelSerial('1900-03-01')).toBe(61);
    expect(isoToExcelSerial('1900-02-28')).toBe(59);
    expect(isoToExcelSerial('1900-01-01')).toBe(1);
  });

  it('2026-01-01 is 46023 and 2026-03-15 is 46023 + 31 + 28 + 14 = 46096', () => {
    expect(excelSerialToIso(46023)).toBe('2026-01-01');
    expect(isoToExcelSerial('2026-03-15')).toBe(46096);
    expect(excelSerialToIso(46096)).toBe('2026-03-15');
  });

  it('drops the time of day (the fraction) instead of rounding into the next day', () => {
    expect(excelSerialToIso(46096.99)).toBe('2026-03-15');
  });

  it('is no date before serial 1, for non-numbers and beyond 9999-12-31', () => {
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(-5)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
    expect(excelSerialToIso(2958465)).toBe('9999-12-31');
    expect(excelSerialToIso(2958466)).toBeNull();
    expect(isoToExcelSerial('1899-12-31')).toBeNull();
    expect(isoToExcelSerial('2026-02-29')).toBeNull();
  });
});

describe('Excel serial dates, 1904 system', () => {
  it('serial 0 is 1904-01-01', () => {
    expect(excelSerialToIso(0, { date1904: true })).toBe('1904-01-01');
    expect(isoToExcelSerial('1904-01-01', { date1904: true })).toBe(0);
  });

  it('a 2026 date is 1462 days lower than in the 1900 system (46096 − 1462 = 44634)', () => {
    expect(isoToExcelSerial('2026-03-15', { date1904: true })).toBe(44634);
    expect(excelSerialToIso(44634, { date1904: true })).toBe('2026-03-15');
  });

  it('has no serial before 1904 and no fictitious day', () => {
    expect(excelSerialToIso(-1, { date1904: true })).toBeNull();
    expect(isoToExcelSerial('1903-12-31', { date1904: true })).toBeNull();
    expect(excelSerialToIso(60, { date1904: true })).toBe('1904-03-01');
  });

  it('every day of 2024–2027 round-trips in both systems', () => {
    for (
      let serial = isoToExcelSerial('2024-01-01') ?? 0;
      serial <= (isoToExcelSerial('2027-12-31') ?? 0);
      serial++
    ) {
      const iso = excelSerialToIso(serial) ?? '';
      expect(isoToExcelSerial(iso)).toBe(serial);
      expect(excelSerialToIso(serial - 1462, { date1904: true })).toBe(iso);
    }
  });
});

describe('ISO weeks', () => {
  it('week 1 of 2026 starts on Monday 2025-12-29 (the week of the year’s first Thursday)', () => {
    expect(isoWeekStart('2026-W01')).toBe('2025-12-29');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
  });

  it('2021-01-03 (a Sunday) still belongs to 2020-W53', () => {
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekStart('2020-W53')).toBe('2020-12-28');
  });

  it('a week 53 only exists in years starting on a Thursday (2026 does, 2025 does not)', () => {
    expect(isoWeekStart('2026-W53')).toBe('2026-12-28');
    expect(isoWeekStart('2025-W53')).toBeNull();
    expect(isoWeekStart('2026-W00')).toBeNull();
    expect(isoWeekStart('2026W10')).toBe('2026-03-02');
  });
});
