// Scorecard item curves (docs/rules.md, Scores): the ratio of actual to target by direction, and the linear
// or banded curve that turns it into item points.
import type { Scorecard } from '../schemas';
import { DEFAULT_LINEAR_CAP, DEFAULT_LINEAR_FLOOR } from './settings';

export type ScoreCurve = Scorecard['items'][number]['curve'];
export type ScoreDirection = 'higher' | 'lower';

/** A curve prepared once per scorecard: its scoring function and the ratio a perfect "lower" result gets. */
export type CompiledCurve = { score: (ratio: number) => number; bestRatio: number };

/**
 * Linear: 0 below `floor`, else `min(r, cap) × 100`. Bands: the score of the band with the largest
 * `min` not above `r`; below every band, 0.
 */
export function compileCurve(curve: ScoreCurve): CompiledCurve {
  if (curve.type === 'linear') {
    const floor = curve.floor ?? DEFAULT_LINEAR_FLOOR;
    const cap = curve.cap ?? DEFAULT_LINEAR_CAP;
    return { score: (r) => (r < floor ? 0 : Math.min(r, cap) * 100), bestRatio: cap };
  }
  const bands = [...curve.bands].sort((a, b) => b.min - a.min);
  const top = bands[0]?.min ?? 0;
  return {
    score: (r) => {
      for (const band of bands) if (r >= band.min) return band.score;
      return 0;
    },
    bestRatio: top,
  };
}

/** Points of one item for a ratio under a curve. */
export function curveScore(ratio: number, curve: ScoreCurve): number {
  return compileCurve(curve).score(ratio);
}

/**
 * The item ratio: `actual / target` when higher is better, `target / actual` when lower is better,
 * where an actual of 0 (or below) has met any lower-is-better target and gets `bestRatio` (the cap).
 * Null when the target cannot divide: 0 or below for higher-is-better, below 0 for lower-is-better.
 */
export function itemRatio(
  actual: number,
  target: number,
  direction: ScoreDirection,
  bestRatio: number,
): number | null {
  if (direction === 'higher') return target > 0 ? actual / target : null;
  if (target < 0) return null;
  return actual <= 0 ? bestRatio : target / actual;
}
