import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, allocateMonths, splitByLargestRemainder } from '../../src/planning';
import type { AllocateRequest } from '../../src/schemas';

const values = (r: { parts: { value: number }[] }): number[] => r.parts.map((p) => p.value);
const ids = (n: number): { id: string }[] => Array.from({ length: n }, (_, i) => ({ id: `p${i}` }));

describe('allocate: bases', () => {
  it('even: 100 over three parts at precision 0 gives 34, 33, 33 (the leftover unit goes to the first tie)', () => {
    const r = allocate({ total: 100, basis: 'even', parts: ids(3) });
    expect(values(r)).toEqual([34, 33, 33]);
    expect(r.findings).toEqual([]);
  });

  it('weights 1,1,1 split like even, and weights 1,2,3 split 600 into 100, 200, 300', () => {
    expect(
      values(allocate({ total: 100, basis: 'weights', parts: ids(3).map((p) => ({ ...p, weight: 1 })) })),
    ).toEqual([34, 33, 33]);
    const parts = [1, 2, 3].map((weight, i) => ({ id: `p${i}`, weight }));
    expect(values(allocate({ total: 600, basis: 'weights', parts }))).toEqual([100, 200, 300]);
  });

  it('largest remainder: 10 by weights 1,1,1,1,3 gives 2, 2, 1, 1, 4 (the larger remainders first, ties in input order)', () => {
    // Quotas 10/7 = 1.428… (×4) and 30/7 = 4.285…; floors sum to 8; the two largest remainders are
    // the .428… of p0..p3 (larger than .285…), so p0 and p1 get one more: 2, 2, 1, 1, 4.
    const parts = [1, 1, 1, 1, 3].map((weight, i) => ({ id: `p${i}`, weight }));
    expect(values(allocate({ total: 10, basis: 'weights', parts }))).toEqual([2, 2, 1, 1, 4]);
  });

  it('last_year: 1000 by last year 200, 300, 500 gives 200, 300, 500', () => {
    const parts = [200, 300, 500].map((lastYear, i) => ({ id: `p${i}`, lastYear }));
    expect(values(allocate({ total: 1000, basis: 'last_year', parts }))).toEqual([200, 300, 500]);
  });

  it('last_period: 90 by last month 1, 2 at precision 2 gives 30.00 and 60.00', () => {
    const parts = [1, 2].map((lastPeriod, i) => ({ id: `p${i}`, lastPeriod }));
    expect(values(allocate({ total: 90, precision: 2, basis: 'last_period', parts }))).toEqual([30, 60]);
  });

  it('precision 2: 100 over three even parts gives 33.34, 33.33, 33.33', () => {
    expect(values(allocate({ total: 100, precision: 2, basis: 'even', parts: ids(3) }))).toEqual([
      33.34, 33.33, 33.33,
    ]);
  });

  it('rounds the total half-up to the precision first and says so: 100.5 at precision 0 is split as 101', () => {
    const r = allocate({ total: 100.5, basis: 'even', parts: ids(2) });
    expect(values(r)).toEqual([51, 50]);
    expect(r.findings.map((f) => [f.rule, f.severity, f.params?.rounded])).toEqual([
      ['allocation.total-rounded', 'info', 101],
    ]);
  });

  it('negative totals split symmetrically: -100 over three gives -34, -33, -33', () => {
    expect(values(allocate({ total: -100, basis: 'even', parts: ids(3) }))).toEqual([-34, -33, -33]);
  });

  it('a part with no last-year figure gets the even share and the others split the rest by last year', () => {
    // 1200 over 3 parts: p2 has no history and gets 1200/3 = 400; p0, p1 split 800 as 100:300 → 200, 600.
    const r = allocate({
      total: 1200,
      basis: 'last_year',
      parts: [{ id: 'p0', lastYear: 100 }, { id: 'p1', lastYear: 300 }, { id: 'p2' }],
    });
    expect(values(r)).toEqual([200, 600, 400]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      rule: 'allocation.no-basis',
      severity: 'warning',
      path: 'parts[2]',
      params: { part: 'p2', basis: 'last_year', parts: 3 },
    });
  });

  it('zero and negative last-year figures count as no basis data', () => {
    const r = allocate({
      total: 900,
      basis: 'last_year',
      parts: [
        { id: 'a', lastYear: 0 },
        { id: 'b', lastYear: -5 },
        { id: 'c', lastYear: 7 },
      ],
    });
    expect(values(r)).toEqual([300, 300, 300]);
    expect(r.findings.map((f) => f.path)).toEqual(['parts[0]', 'parts[1]']);
  });

  it('a zero weight is a deliberate nothing, not missing data', () => {
    const r = allocate({
      total: 100,
      basis: 'weights',
      parts: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 0 },
        { id: 'c', weight: 1 },
      ],
    });
    expect(values(r)).toEqual([50, 0, 50]);
    expect(r.findings).toEqual([]);
  });

  it('when no part has basis data, all are split evenly with one finding', () => {
    const r = allocate({ total: 10, basis: 'last_period', parts: ids(4) });
    expect(values(r)).toEqual([3, 3, 2, 2]);
    expect(r.findings.map((f) => [f.rule, f.path, f.params?.parts])).toEqual([
      ['allocation.no-basis-all', 'parts', 4],
    ]);
  });

  it("a blend mixes each basis's proportions by share: 50 % even + 50 % last year 1:3 over 1000 gives 375, 625", () => {
    // even: 1/2, 1/2; last year: 1/4, 3/4; mix: 0.5·0.5 + 0.5·0.25 = 0.375 and 0.625.
    const r = allocate({
      total: 1000,
      basis: {
        blend: [
          { basis: 'even', share: 0.5 },
          { basis: 'last_year', share: 0.5 },
        ],
      },
      parts: [
        { id: 'a', lastYear: 100 },
        { id: 'b', lastYear: 300 },
      ],
    });
    expect(values(r)).toEqual([375, 625]);
    expect(r.findings).toEqual([]);
  });

  it('blend shares are normalised: shares 1 and 3 act as 25 % and 75 %, with an info finding', () => {
    const r = allocate({
      total: 400,
      basis: {
        blend: [
          { basis: 'even', share: 1 },
          { basis: 'weights', share: 3 },
        ],
      },
      parts: [
        { id: 'a', weight: 0 },
        { id: 'b', weight: 1 },
      ],
    });
    // a: 0.25·0.5 + 0.75·0 = 0.125 → 50; b: 0.25·0.5 + 0.75·1 = 0.875 → 350.
    expect(values(r)).toEqual([50, 350]);
    expect(r.findings.map((f) => [f.rule, f.params?.sum])).toEqual([['allocation.shares-normalised', 4]]);
  });

  it('a blend with no positive share falls back to even and says so', () => {
    const r = allocate({ total: 9, basis: { blend: [{ basis: 'weights', share: -1 }] }, parts: ids(3) });
    expect(values(r)).toEqual([3, 3, 3]);
    expect(r.findings.map((f) => f.rule)).toEqual(['allocation.share-ignored', 'allocation.no-shares']);
  });

  it('messages come in the requested language', () => {
    const r = allocate(
      { total: 10, basis: 'last_year', parts: [{ id: 'a', lastYear: 1 }, { id: 'b' }] },
      'zh-CN',
    );
    expect(r.findings[0]?.message).toContain('平均分配');
  });
});

describe('allocateMonths', () => {
  it('spreads 1200 over the twelve months of 2026 evenly as 100 each', () => {
    const r = allocateMonths(1200, '2026');
    expect(r.parts.map((p) => p.id)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(values(r)).toEqual(Array(12).fill(100));
  });

  it('follows a seasonality index: 1000 over 2026-Q1 with 1, 1, 2 gives 250, 250, 500', () => {
    const r = allocateMonths(1000, '2026-Q1', { seasonality: [1, 1, 2] });
    expect(r.parts).toEqual([
      { id: '2026-01', value: 250 },
      { id: '2026-02', value: 250 },
      { id: '2026-03', value: 500 },
    ]);
  });

  it('follows last year by month, honouring a fiscal year that starts in April', () => {
    const lastYear = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]; // 13 units: April has 2
    const r = allocateMonths(1300, '2026', { lastYear, fiscalYearStartMonth: 4 });
    expect(r.parts[0]).toEqual({ id: '2026-04', value: 200 });
    expect(r.parts[11]).toEqual({ id: '2027-03', value: 100 });
  });

  it('refuses a vector of the wrong length', () => {
    expect(() => allocateMonths(100, '2026', { seasonality: [1, 2] })).toThrow(/2 values for 12 months/);
  });
});

describe('splitByLargestRemainder', () => {
  it('gives the leftover units to the largest remainders, ties in input order', () => {
    expect(splitByLargestRemainder(7n, { numerators: [1n, 1n, 1n], denominator: 3n })).toEqual([3n, 2n, 2n]);
    expect(splitByLargestRemainder(5n, { numerators: [1n, 2n, 2n], denominator: 5n })).toEqual([1n, 2n, 2n]);
  });
});

describe('allocate: properties', () => {
  const unitsOf = (v: number, precision: number): bigint => BigInt(Math.round(v * 10 ** precision));
  const request = fc.record({
    total: fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true }),
    precision: fc.integer({ min: 0, max: 4 }),
    basis: fc.constantFrom<AllocateRequest['basis']>('even', 'weights', 'last_year', 'last_period', {
      blend: [
        { basis: 'last_year', share: 0.7 },
        { basis: 'even', share: 0.3 },
      ],
    }),
    parts: fc.array(
      fc.record({
        weight: fc.option(fc.double({ min: -10, max: 1e4, noNaN: true, noDefaultInfinity: true }), {
          nil: undefined,
        }),
        lastYear: fc.option(fc.integer({ min: -100, max: 1e6 }), { nil: undefined }),
        lastPeriod: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true, noDefaultInfinity: true }), {
          nil: undefined,
        }),
      }),
      { minLength: 1, maxLength: 40 },
    ),
  });
  const toRequest = (r: {
    total: number;
    precision: number;
    basis: AllocateRequest['basis'];
    parts: object[];
  }): AllocateRequest => ({
    total: r.total,
    precision: r.precision,
    basis: r.basis,
    parts: r.parts.map((p, i) => {
      const out: AllocateRequest['parts'][number] = { id: `p${i}` };
      for (const [k, v] of Object.entries(p)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
      return out;
    }),
  });

  it('parts always sum exactly to the total rounded half-up to the precision, for any basis and precision', () => {
    fc.assert(
      fc.property(request, (raw) => {
        const req = toRequest(raw);
        const result = allocate(req);
        const sum = result.parts.reduce((acc, p) => acc + unitsOf(p.value, raw.precision), 0n);
        // The rounded total in units, half-up (away from zero) on the decimal the number prints as.
        const [int = '', frac = ''] = String(Math.abs(raw.total)).includes('e')
          ? Math.abs(raw.total).toFixed(20).split('.')
          : String(Math.abs(raw.total)).split('.');
        let units = BigInt(int + frac.slice(0, raw.precision).padEnd(raw.precision, '0'));
        if ((frac[raw.precision] ?? '0') >= '5') units += 1n;
        expect(sum).toBe(raw.total < 0 ? -units : units);
        // Every part carries the total's sign: no part is pushed across zero by the rounding.
        for (const p of result.parts) expect(raw.total < 0 ? p.value <= 0 : p.value >= 0).toBe(true);
      }),
    );
  });

  it('is deterministic: the same request gives the same parts and findings', () => {
    fc.assert(
      fc.property(request, (raw) => {
        expect(allocate(toRequest(raw))).toEqual(allocate(toRequest(raw)));
      }),
    );
  });

  it('negating the total negates every part', () => {
    fc.assert(
      fc.property(request, (raw) => {
        const plus = allocate(toRequest(raw)).parts.map((p) => p.value);
        const minus = allocate(toRequest({ ...raw, total: -raw.total })).parts.map((p) => -p.value + 0);
        expect(minus).toEqual(plus.map((v) => v + 0));
      }),
    );
  });
});
