import { describe, expect, it } from 'vitest';
import {
  competitionRanks,
  DEFAULT_GRADES,
  FOUR_LEVEL_GRADES,
  gradeFor,
  sortGradeBands,
} from '../../src/scoring/index';

describe('grades', () => {
  const bands = sortGradeBands();
  it('uses S ≥ 95, A ≥ 85, B ≥ 70, C ≥ 60, D below by default', () => {
    expect([100, 95, 94.99, 85, 70, 69.99, 60, 59.99, 0].map((s) => gradeFor(s, bands))).toEqual([
      'S',
      'S',
      'A',
      'A',
      'B',
      'C',
      'C',
      'D',
      'D',
    ]);
    expect(sortGradeBands([])).toEqual(DEFAULT_GRADES);
  });
  it('treats float noise just under a boundary as the boundary, but not a real shortfall', () => {
    expect(gradeFor(95 - 1e-12, bands)).toBe('S');
    expect(gradeFor(95 - 1e-6, bands)).toBe('A');
  });
  it('sorts custom bands and gives scores under the lowest band that band', () => {
    const custom = sortGradeBands([
      { grade: '合格', min: 60 },
      { grade: '优秀', min: 90 },
      { grade: '良好', min: 80 },
    ]);
    expect([95, 80, 79, 60, 10].map((s) => gradeFor(s, custom))).toEqual([
      '优秀',
      '良好',
      '合格',
      '合格',
      '合格',
    ]);
    const four = sortGradeBands(FOUR_LEVEL_GRADES);
    expect(gradeFor(59.9, four)).toBe('不合格');
  });
});

describe('competition ranking', () => {
  it('gives ties one rank and skips the next (1, 2, 2, 4)', () => {
    expect(competitionRanks([80, 95, 80, 100])).toEqual([3, 2, 3, 1]);
    expect(competitionRanks([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
  });
  it('ranks lowest first when lower is better', () => {
    expect(competitionRanks([3, 1, 1, 2], 'lower')).toEqual([4, 1, 1, 3]);
  });
  it('treats values within 1e-9 as tied', () => {
    expect(competitionRanks([95, 95 - 1e-12, 94])).toEqual([1, 1, 3]);
  });
});
