import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asMinor,
  currencyScale,
  formatMinor,
  formatMoney,
  mulRate,
  parseDecimal,
  roundDiv,
  sumMinor,
  toMinor,
  type Minor,
  type Rounding,
} from '../src/money';

describe('toMinor parses decimal text, not binary floats', () => {
  it('rounds the decimal written, half-up: 1.005 → 101, 2.675 → 268', () => {
    // As doubles 1.005 and 2.675 lie just below the tie, so Math.round(x * 100) gives 100 and 267.
    expect(toMinor(1.005)).toBe(101);
    expect(toMinor(2.675)).toBe(268);
    expect(toMinor('2.675')).toBe(268);
  });

  it('stays below the tie when the decimal does: 1.0049999 → 100', () => {
    expect(toMinor(1.0049999)).toBe(100);
    expect(toMinor('1.0050000001')).toBe(101);
  });

  it('is symmetric for negative amounts: -1.005 → -101, -2.675 → -268', () => {
    expect(toMinor(-1.005)).toBe(-101);
    expect(toMinor('-2.675')).toBe(-268);
    expect(toMinor(-0.004)).toBe(0);
  });

  it('reads exponent forms: 1e-7 → 0, 1.5e3 → 150000, 1.005E0 → 101, 5e-3 → 1', () => {
    expect(toMinor(1e-7)).toBe(0);
    expect(toMinor('1e-7')).toBe(0);
    expect(toMinor('1.5e3')).toBe(150000);
    expect(toMinor('1.005E0')).toBe(101);
    expect(toMinor('5e-3')).toBe(1);
    expect(() => toMinor(1e21, 0)).toThrow(RangeError);
  });

  it('handles other scales: JPY scale 0 rounds to whole yen, scale 3 keeps mills', () => {
    expect(toMinor(1234.5, 0)).toBe(1235);
    expect(toMinor('1234.49', 0)).toBe(1234);
    expect(toMinor('0.0005', 3)).toBe(1);
    expect(toMinor('12', 3)).toBe(12000);
  });

  it('half-even sends ties to the even neighbour: 0.125 → 12, 0.135 → 14, -0.125 → -12', () => {
    expect(toMinor('0.125', 2, 'half-even')).toBe(12);
    expect(toMinor('0.135', 2, 'half-even')).toBe(14);
    expect(toMinor('-0.125', 2, 'half-even')).toBe(-12);
    expect(toMinor('0.1251', 2, 'half-even')).toBe(13);
    expect(toMinor(2.5, 0, 'half-even')).toBe(2);
    expect(toMinor(3.5, 0, 'half-even')).toBe(4);
  });

  it('rejects text that is not a decimal number', () => {
    for (const bad of [
      '',
      '.',
      'abc',
      '1,000.00',
      '1.2.3',
      '--1',
      'e5',
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ]) {
      expect(() => toMinor(bad as string | number)).toThrow(RangeError);
    }
  });

  it('throws a RangeError naming the limit beyond MAX_SAFE_INTEGER minor units', () => {
    expect(toMinor('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toMinor('90071992547409.92')).toThrow(
      /beyond the safe range of ±9007199254740991 minor units/,
    );
    expect(() => toMinor(1e14)).toThrow(RangeError);
  });
});

describe('parseDecimal', () => {
  it('gives the exact units and scale: "0.035" → 35 at scale 3', () => {
    expect(parseDecimal('0.035')).toEqual({ units: 35n, scale: 3 });
    expect(parseDecimal(-12.5)).toEqual({ units: -125n, scale: 1 });
    expect(parseDecimal('1.5e3')).toEqual({ units: 1500n, scale: 0 });
    expect(parseDecimal(1e-7)).toEqual({ units: 1n, scale: 7 });
    expect(parseDecimal(' 7 ')).toEqual({ units: 7n, scale: 0 });
  });
});

describe('roundDiv', () => {
  it('rounds 5/2 and -5/2 per mode: half-up ±3, half-even ±2', () => {
    expect(roundDiv(5n, 2n, 'half-up')).toBe(3n);
    expect(roundDiv(-5n, 2n, 'half-up')).toBe(-3n);
    expect(roundDiv(5n, -2n, 'half-up')).toBe(-3n);
    expect(roundDiv(5n, 2n, 'half-even')).toBe(2n);
    expect(roundDiv(-5n, 2n, 'half-even')).toBe(-2n);
    expect(roundDiv(7n, 2n, 'half-even')).toBe(4n);
    expect(roundDiv(10n, 3n, 'half-up')).toBe(3n);
    expect(roundDiv(20n, 3n, 'half-up')).toBe(7n);
  });

  it('refuses a zero denominator', () => {
    expect(() => roundDiv(1n, 0n, 'half-up')).toThrow(RangeError);
  });
});

describe('formatMinor and formatMoney', () => {
  it('writes plain decimals: 123450 → "1234.50", -7 → "-0.07", 0 → "0.00", JPY 1235 → "1235"', () => {
    expect(formatMinor(asMinor(123450))).toBe('1234.50');
    expect(formatMinor(asMinor(-7))).toBe('-0.07');
    expect(formatMinor(asMinor(0))).toBe('0.00');
    expect(formatMinor(asMinor(1235), 0)).toBe('1235');
    expect(formatMinor(asMinor(5), 3)).toBe('0.005');
  });

  it('formats currency for people without float drift', () => {
    expect(formatMoney(asMinor(123450), 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney(asMinor(-7), 'USD', 'en')).toBe('-$0.07');
    expect(formatMoney(asMinor(Number.MAX_SAFE_INTEGER), 'USD', 'en')).toBe('$90,071,992,547,409.91');
    expect(currencyScale('JPY')).toBe(0);
    expect(currencyScale('CNY')).toBe(2);
  });
});

describe('mulRate and sumMinor', () => {
  it('multiplies by a decimal rate exactly and rounds once: 100.00 × 3.5 % = 3.50; 0.10 × 0.035 → 0', () => {
    expect(mulRate(asMinor(10000), '0.035', 'half-up')).toBe(350);
    expect(mulRate(asMinor(10), 0.035, 'half-up')).toBe(0);
    // 1.50 × 0.05 = 0.075 → 0.08 half-up, 0.08 half-even (7.5 cents → 8, the even one)
    expect(mulRate(asMinor(150), 0.05, 'half-up')).toBe(8);
    expect(mulRate(asMinor(150), 0.05, 'half-even')).toBe(8);
    // 0.50 × 0.05 = 0.025 → 0.03 half-up, 0.02 half-even
    expect(mulRate(asMinor(50), '0.05', 'half-up')).toBe(3);
    expect(mulRate(asMinor(50), '0.05', 'half-even')).toBe(2);
    expect(mulRate(asMinor(-50), '0.05', 'half-up')).toBe(-3);
  });

  it('sums safely and refuses to overflow or take non-integers', () => {
    expect(sumMinor([101, 268, -69].map((m) => asMinor(m)))).toBe(300);
    expect(sumMinor(new Set<Minor>())).toBe(0);
    expect(() => sumMinor([asMinor(Number.MAX_SAFE_INTEGER), asMinor(1)])).toThrow(RangeError);
    // The type refuses 1.5 as minor units; the run-time check refuses it too (for JS callers, casts).
    // @ts-expect-error a fraction of a cent is a number, not Minor
    expect(() => sumMinor([1.5])).toThrow(RangeError);
  });
});

// Reference rounding of n/d written independently of roundDiv: floor((2|n| + |d|) / 2|d|) is half-up on
// magnitudes; an exact tie (2|n| mod 2|d| = |d|) that landed on an odd number steps back for half-even.
function referenceRound(n: bigint, d: bigint, mode: Rounding): bigint {
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  let q = (2n * a + b) / (2n * b);
  if (mode === 'half-even' && (2n * a) % (2n * b) === b && q % 2n === 1n) q -= 1n;
  return sign * q;
}

describe('properties', () => {
  const safeMinor = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  const rounding = fc.constantFrom<Rounding>('half-up', 'half-even');

  it('toMinor(formatMinor(m)) === m at any scale', () => {
    fc.assert(
      fc.property(safeMinor, fc.integer({ min: 0, max: 6 }), (m, scale) => {
        expect(toMinor(formatMinor(asMinor(m), scale), scale)).toBe(m);
      }),
    );
  });

  it('half-even ties always land on an even number; half-up ties away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (k) => {
        const tie = `${k < 0 ? '-' : ''}${Math.abs(k)}.5`;
        const even = toMinor(tie, 0, 'half-even');
        expect(Math.abs(even) % 2).toBe(0);
        expect(Math.abs(even - Number(tie))).toBe(0.5);
        expect(toMinor(tie, 0, 'half-up')).toBe(k < 0 ? k - 1 : k + 1);
      }),
    );
  });

  it('roundDiv agrees with the reference rounding', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).filter((d) => d !== 0n),
        rounding,
        (n, d, mode) => {
          expect(roundDiv(n, d, mode)).toBe(referenceRound(n, d, mode));
        },
      ),
    );
  });

  it('parsing a random decimal string equals the exact rational rounded', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{1,12}$/),
        fc.stringMatching(/^[0-9]{0,10}$/),
        fc.integer({ min: 0, max: 4 }),
        rounding,
        (negative, int, frac, scale, mode) => {
          const text = `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
          const units = BigInt(int + frac) * (negative ? -1n : 1n);
          const expected = referenceRound(units * 10n ** BigInt(scale), 10n ** BigInt(frac.length), mode);
          if (expected > BigInt(Number.MAX_SAFE_INTEGER) || -expected > BigInt(Number.MAX_SAFE_INTEGER)) {
            expect(() => toMinor(text, scale, mode)).toThrow(RangeError);
          } else {
            expect(toMinor(text, scale, mode)).toBe(Number(expected));
          }
        },
      ),
    );
  });

  it('a number reads as its shortest decimal text', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        expect(toMinor(x)).toBe(toMinor(String(x)));
      }),
    );
  });
});

describe('asMinor, the checked boundary into the money type', () => {
  it('passes whole minor units through unchanged: 30 → 30, -7 → -7, 7n → 7', () => {
    expect(asMinor(30)).toBe(30);
    expect(asMinor(-7)).toBe(-7);
    expect(asMinor(7n)).toBe(7);
    expect(asMinor(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('throws a RangeError on 0.30000000000000004 (0.1 + 0.2), naming what it was given', () => {
    expect(0.1 + 0.2).toBe(0.30000000000000004);
    expect(() => asMinor(0.30000000000000004)).toThrow(RangeError);
    expect(() => asMinor(0.1 + 0.2, 'commission line')).toThrow(/commission line.*0\.30000000000000004/);
  });

  it('never rounds: a fraction, NaN, ±Infinity, 2^53 and a bigint past the safe range all throw', () => {
    for (const bad of [1.5, -0.01, NaN, Infinity, -Infinity, 2 ** 53]) {
      expect(() => asMinor(bad, 'amount')).toThrow(RangeError);
    }
    expect(() => asMinor(2n ** 53n, 'sum')).toThrow(/sum is 9007199254740992 minor units/);
  });
});

describe('a currency after an amount in running text', () => {
  it('is the ISO code in English and its name in Chinese; an unknown code stays as it is', async () => {
    const { currencyInText } = await import('../src/money');
    expect(currencyInText('CNY', 'en')).toBe('CNY');
    expect(currencyInText('CNY', 'zh-CN')).toBe('人民币');
    expect(currencyInText('USD', 'zh-CN')).toBe('美元');
    expect(currencyInText('XQQ', 'zh-CN')).toBe('XQQ');
  });
});
