// Scoring 10,000 people (four KPI items, 360 ratings from four groups, deductions, grades, ranks and
// forced-distribution checks) with the core's computeScores, after a warm-up.
import { computeScores } from '@teamsheet/shared';
import { makeScoringFixture } from '@teamsheet/shared/fixtures';
import { ms, time } from './lib';

export async function run(): Promise<{ title: string; body: string }> {
  const rows: string[] = [];
  for (const n of [1_000, 10_000]) {
    const request = makeScoringFixture(n);
    const t = await time(() => computeScores(request), { warmup: 3, runs: 15 });
    rows.push(
      `| computeScores (4 items, ${request.ratings?.length.toLocaleString('en-US')} ratings) | ${n.toLocaleString('en-US')} people | ${ms(t.medianMs)} | — |`,
    );
  }
  return {
    title: 'Scoring',
    body: ['| what | size | median ms | budget |', '|---|---|---|---|', ...rows].join('\n'),
  };
}
