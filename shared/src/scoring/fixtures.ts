// A deterministic, realistic scoring request of any size (a seeded generator, not randomness), for
// benchmarks and property tests: teams of 10, four KPI items, 360 ratings and a few deductions.
import { seededRandom } from '../demo/random';
import type { Person, Rating, ScoreRequest, Target } from '../schemas';

/** A score request for `n` people in teams of 10 for 2026-Q1. */
export function makeScoringFixture(n: number, seed = 1): ScoreRequest {
  const rng = seededRandom(seed);
  const random = rng.next;
  const between = rng.int;
  const period = '2026-Q1';
  const people: Person[] = [];
  const targets: Target[] = [];
  const actuals: Target[] = [];
  const ratings: Rating[] = [];
  const deductions: ScoreRequest['deductions'] = [];
  for (let i = 0; i < n; i++) {
    const id = `p${i}`;
    const unitId = `team-${Math.floor(i / 10)}`;
    people.push({ id, unitId, role: 'rep', hireDate: '2024-01-15' });
    const revenueTarget = between(50, 150) * 1000;
    targets.push({ owner: id, metric: 'revenue', period, value: revenueTarget });
    actuals.push({
      owner: id,
      metric: 'revenue',
      period,
      value: Math.round(revenueTarget * (0.5 + random() * 0.8)),
    });
    targets.push({ owner: id, metric: 'new_customers', period, value: between(5, 15) });
    actuals.push({ owner: id, metric: 'new_customers', period, value: between(0, 20) });
    targets.push({ owner: id, metric: 'visits', period, value: 180 });
    actuals.push({ owner: id, metric: 'visits', period, value: between(100, 220) });
    targets.push({ owner: id, metric: 'complaints', period, value: 2 });
    actuals.push({ owner: id, metric: 'complaints', period, value: between(0, 4) });
    const teamBase = Math.floor(i / 10) * 10;
    ratings.push({
      personId: id,
      raterId: `m${Math.floor(i / 10)}`,
      group: 'superior',
      dimension: 'results',
      score: between(60, 100),
    });
    for (let k = 1; k <= 3; k++) {
      const peer = `p${teamBase + ((i - teamBase + k) % 10)}`;
      ratings.push({
        personId: id,
        raterId: peer,
        group: 'peer',
        dimension: 'teamwork',
        score: between(60, 100),
      });
    }
    ratings.push({ personId: id, raterId: id, group: 'self', dimension: 'results', score: between(70, 100) });
    for (let k = 0; k < 3; k++) {
      ratings.push({
        personId: id,
        raterId: `c${i}-${k}`,
        group: 'customer',
        dimension: 'satisfaction',
        score: between(50, 100),
      });
    }
    if (random() < 0.05) deductions.push({ personId: id, points: between(1, 10), reason: 'late reports' });
  }
  return {
    period,
    scorecard: {
      items: [
        { id: 'revenue', metric: 'revenue', weight: 50, curve: { type: 'linear', floor: 0.6, cap: 1.2 } },
        {
          id: 'new-customers',
          metric: 'new_customers',
          weight: 20,
          curve: {
            type: 'bands',
            bands: [
              { min: 1.2, score: 120 },
              { min: 1, score: 100 },
              { min: 0.8, score: 80 },
              { min: 0.5, score: 50 },
            ],
          },
        },
        { id: 'visits', metric: 'visits', weight: 20, curve: { type: 'linear' } },
        {
          id: 'complaints',
          metric: 'complaints',
          weight: 10,
          direction: 'lower',
          curve: { type: 'linear', cap: 1.2 },
        },
      ],
      distribution: { S: 0.1, 'S+A': 0.3 },
    },
    people,
    targets,
    actuals,
    ratings,
    deductions,
  };
}
