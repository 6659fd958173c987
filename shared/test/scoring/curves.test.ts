import { describe, expect, it } from 'vitest';
import { compileCurve, curveScore, itemRatio } from '../../src/scoring/index';

describe('item ratio', () => {
  it('is actual / target when higher is better', () => {
    expect(itemRatio(90, 120, 'higher', 1.2)).toBe(0.75);
  });
  it('is target / actual when lower is better (2 complaints allowed, 4 made → 0.5)', () => {
    expect(itemRatio(4, 2, 'lower', 1.2)).toBe(0.5);
  });
  it('gives the cap to a lower-is-better actual of 0', () => {
    expect(itemRatio(0, 2, 'lower', 1.2)).toBe(1.2);
    expect(itemRatio(0, 0, 'lower', 1.5)).toBe(1.5);
  });
  it('cannot divide by a zero target when higher is better', () => {
    expect(itemRatio(10, 0, 'higher', 1.2)).toBeNull();
    expect(itemRatio(10, -5, 'lower', 1.2)).toBeNull();
  });
  it('scores a lower-is-better zero target with a positive actual 0 (target / actual = 0)', () => {
    expect(itemRatio(3, 0, 'lower', 1.2)).toBe(0);
  });
});

describe('linear curve', () => {
  const curve = { type: 'linear' as const, floor: 0.6, cap: 1.2 };
  it('scores 0 below the floor and r × 100 from it', () => {
    expect(curveScore(0.59, curve)).toBe(0);
    expect(curveScore(0.6, curve)).toBe(60);
    expect(curveScore(0.95, curve)).toBe(95);
  });
  it('stops at the cap', () => {
    expect(curveScore(1.5, curve)).toBe(120);
  });
  it('defaults to floor 0 and cap 1.2', () => {
    const plain = compileCurve({ type: 'linear' });
    expect([plain.score(0.01), plain.score(2), plain.bestRatio]).toEqual([1, 120, 1.2]);
    expect(plain.score(-0.1)).toBe(0);
  });
});

describe('banded curve', () => {
  const curve = {
    type: 'bands' as const,
    bands: [
      { min: 0.8, score: 80 },
      { min: 1.2, score: 120 },
      { min: 1, score: 100 },
    ],
  };
  it('takes the band with the largest minimum reached, whatever the order given', () => {
    expect(curveScore(0.8, curve)).toBe(80);
    expect(curveScore(0.99, curve)).toBe(80);
    expect(curveScore(1, curve)).toBe(100);
    expect(curveScore(3, curve)).toBe(120);
  });
  it('scores 0 below every band and gives a perfect lower-is-better result the top band', () => {
    expect(curveScore(0.79, curve)).toBe(0);
    expect(compileCurve(curve).bestRatio).toBe(1.2);
  });
});
