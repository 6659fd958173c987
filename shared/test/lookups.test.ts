// The core of the Teamsheet formulas (docs/rules.md, Teamsheet formulas): owners found by id or by
// name as the pane shows it, periods read from what Excel passes, and a period's value picked from
// monthly rows as scoring picks it.
import { describe, expect, it } from 'vitest';
import { lookupPeriod, OrgIndex, ownerFinder, periodValue } from '../src';

const org = new OrgIndex({
  units: [
    { id: 'acme', name: 'ACME', kind: 'company' },
    { id: 'east', name: '华东 East', kind: 'region', parentId: 'acme' },
  ],
  people: [
    { id: 'p1', name: '王芳', unitId: 'east', role: 'rep' },
    { id: 'p2', name: '王芳', unitId: 'acme', role: 'rep' },
    { id: 'p3', name: 'Li  Lei', unitId: 'east', role: 'rep' },
  ],
});

describe('finding an owner', () => {
  const find = ownerFinder(org);
  it('takes an id first, then names compared without case, width or spacing', () => {
    expect(find('p3')).toEqual([{ kind: 'person', id: 'p3' }]);
    expect(find('east')).toEqual([{ kind: 'unit', id: 'east' }]);
    expect(find('li lei')).toEqual([{ kind: 'person', id: 'p3' }]);
    expect(find('ＡＣＭＥ')).toEqual([{ kind: 'unit', id: 'acme' }]);
  });
  it('gives every match of a shared name, and none for a stranger', () => {
    expect(find('王芳')).toEqual([
      { kind: 'person', id: 'p1' },
      { kind: 'person', id: 'p2' },
    ]);
    expect(find('nobody')).toEqual([]);
  });
});

describe('periods from formula arguments', () => {
  it('reads ids, a year as a number, a date serial as its month, and refuses the rest', () => {
    expect(lookupPeriod('2026-03')).toBe('2026-03');
    expect(lookupPeriod('2026-3')).toBe('2026-03');
    expect(lookupPeriod('2026/03')).toBe('2026-03');
    expect(lookupPeriod('2026-q1')).toBe('2026-Q1');
    expect(lookupPeriod(2026)).toBe('2026');
    expect(lookupPeriod(46082)).toBe('2026-03'); // 1 March 2026
    expect(lookupPeriod('March')).toBeNull();
    expect(lookupPeriod(true)).toBeNull();
  });
});

describe("a period's value from stored rows", () => {
  const rows = [
    { owner: 'p1', metric: 'revenue', period: '2026-01', value: 100 },
    { owner: 'p1', metric: 'revenue', period: '2026-02', value: 200 },
    { owner: 'p1', metric: 'revenue', period: '2026-04', value: 400 },
    { owner: 'p1', metric: 'headcount_end', period: '2026-01', value: 8 },
    { owner: 'p1', metric: 'headcount_end', period: '2026-03', value: 10 },
  ];
  it('sums months into a quarter and a year, takes a stock’s last month, and has nothing for an empty period', () => {
    expect(periodValue(rows, 'p1', 'revenue', '2026-Q1')).toBe(300);
    expect(periodValue(rows, 'p1', 'revenue', '2026')).toBe(700);
    expect(periodValue(rows, 'p1', 'revenue', '2026-02')).toBe(200);
    expect(periodValue(rows, 'p1', 'headcount_end', '2026-Q1')).toBe(10);
    expect(periodValue(rows, 'p1', 'revenue', '2026-03')).toBeNull();
    expect(periodValue(rows, 'p2', 'revenue', '2026-Q1')).toBeNull();
  });
});
