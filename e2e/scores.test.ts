// Scores end to end in real Chromium, preview mode: sign in as the Shanghai team's manager, insert the
// scorecard, inputs and ratings templates, compute scores through the API, and see the Scores sheet
// with grade fills and the grade-distribution chart drawn in the preview grid. Screenshots: test-output/scores/.
import { describe, expect, it } from 'vitest';
import { paneOf } from './support/pane';
import { useStack } from './support/stack';

const stack = useStack({ name: 'scores', viewport: { width: 1400, height: 900 } });
const { shot, grid, cell, signIn, openSection } = paneOf(stack);

describe('scores in the browser (preview mode)', () => {
  it('computes scores for the Shanghai team and shows the Scores sheet with the grade chart', async () => {
    const page = stack.page;
    await signIn('[data-role="manager"][aria-label*="Shanghai"], [data-role="manager"]');
    await openSection('scores');
    await page.getByTestId('scores-templates').click();
    await expect
      .poll(() => page.getByTestId('scores-outcome').textContent(), { timeout: 20_000 })
      .toContain('Wrote the Scorecard');
    await expect.poll(() => page.getByTestId('sheet-tab-Ratings').count()).toBe(1);

    await page.getByTestId('scores-compute').click();
    await expect
      .poll(() => page.getByTestId('scores-outcome').textContent(), { timeout: 20_000 })
      .toMatch(/Scored \d+ people/);
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Scores');
    // Header row of the Scores table, then one graded row per rep with a grade fill.
    expect(await cell('G1').textContent()).toBe('Final');
    expect(await cell('H1').textContent()).toBe('Grade');
    const grade = (await cell('H2').textContent()) ?? '';
    expect(['S', 'A', 'B', 'C', 'D']).toContain(grade);
    expect(await cell('H2').getAttribute('style')).toContain('background-color');
    const chart = page.getByTestId('preview-chart-GradeChart');
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.getAttribute('data-type')).toBe('column');
    await shot('01-scores-sheet');
    expect(stack.errors).toEqual([]);
  });
});
