// The task pane end to end in a real browser: npm start's host (API, demo data, built task pane) and
// headless Chromium. Preview mode, demo sign-in as a manager, the language switch, the sections the
// manager's role opens (GET /api/me), a table written into the preview workbook, and a rep's pane of their statement alone. Screenshots go to test-output/e2e/.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { paneOf } from './support/pane';
import { useStack } from './support/stack';

const stack = useStack({ name: 'e2e', viewport: { width: 1280, height: 800 } });
const { shot } = paneOf(stack);
let page: Page;
let base: string;
beforeAll(() => {
  ({ page, base } = stack);
});

describe('task pane shell in a browser', () => {
  it('opens in preview mode at once, without Office.js', async () => {
    const started = Date.now();
    await page.goto(`${base}/taskpane.html`);
    await expect.poll(() => page.getByTestId('preview-badge').textContent()).toBe('PREVIEW (outside Excel)');
    expect(Date.now() - started).toBeLessThan(15_000);
    // outside Office the page never asks Microsoft's CDN for Office.js
    expect(
      await page.evaluate(() => [...document.scripts].some((s) => s.src.includes('appsforoffice'))),
    ).toBe(false);
    await expect
      .poll(() => page.locator('[data-role="manager"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await shot('01-sign-in');
  });

  it('signs in as a demo manager', async () => {
    const manager = page.locator('[data-role="manager"]').first();
    const name = (await manager.getAttribute('aria-label'))!.replace(/^Sign in as /, '');
    await manager.click();
    await expect
      .poll(() => page.getByTestId('session').textContent(), { timeout: 20_000 })
      .toContain(`Signed in as ${name}`);
    expect(await page.getByTestId('session').textContent()).toContain('Role: manager');
    await expect.poll(() => page.getByTestId('nav-plan').count(), { timeout: 20_000 }).toBe(1);
    await shot('02-signed-in');
  });

  it('switches the language to zh-CN and back', async () => {
    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('nav-plan').textContent()).toBe('计划');
    expect(await page.getByTestId('preview-badge').textContent()).toBe('预览（未在 Excel 中运行）');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByTestId('session').textContent()).toContain('团队负责人');
    // The plan's metrics by their names in the language, not their ids.
    const metricsText = await page.getByTestId('page').textContent();
    expect(metricsText).toContain('毛利');
    expect(metricsText).not.toContain('gross_margin');
    await shot('03-zh-CN');
    await page.getByTestId('language-select').selectOption('en');
    await expect.poll(() => page.getByTestId('nav-plan').textContent()).toBe('Plan');
  });

  it('navigates through the sections a manager’s role opens, and only those', async () => {
    const tabs = await page
      .locator('[data-testid^="nav-"][role="tab"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(tabs).toEqual(['nav-plan', 'nav-scores', 'nav-payouts', 'nav-history']);
    const sections: [string, string][] = [
      ['scores', 'Scores'],
      ['payouts', 'Payouts'],
      ['history', 'History'],
      ['plan', 'Plan'],
    ];
    for (const [id, title] of sections) {
      await page.getByTestId(`nav-${id}`).click();
      await expect.poll(() => page.getByTestId('page').locator('h2').textContent()).toBe(title);
      expect(await page.getByTestId(`nav-${id}`).getAttribute('aria-selected')).toBe('true');
      await shot(`04-section-${id}`);
    }
  });

  it('writes the metric catalog into the preview workbook as a table', async () => {
    await page.getByTestId('write-metrics').click();
    await expect.poll(() => page.getByTestId('preview-table').getAttribute('data-sheet')).toBe('Metrics');
    const grid = page.getByTestId('preview-table');
    expect(await grid.locator('td[data-address="A1"]').textContent()).toBe('Metric');
    expect(await grid.locator('td[data-address="A2"]').textContent()).toBe('revenue');
    // Units, aggregations and directions in words, not the catalog's codes.
    expect(await grid.locator('td[data-address="C2"]').textContent()).toBe('Money');
    expect(await grid.locator('td[data-address="E2"]').textContent()).toBe('Higher');
    expect(await page.getByTestId('sheet-tab-Metrics').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByText(/Wrote \d+ metrics to the sheet Metrics\./).count()).toBe(1);
    await shot('05-metric-catalog');
  });

  it('opens a rep only their statement, in either language', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('[data-role="rep"]').first().click();
    await expect.poll(() => page.getByTestId('nav-statement').count(), { timeout: 20_000 }).toBe(1);
    const tabs = await page
      .locator('[data-testid^="nav-"][role="tab"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(tabs).toEqual(['nav-statement']);
    await expect.poll(() => page.getByTestId('page').locator('h2').textContent()).toBe('My statement');
    // Without an approved run the rep is told so in words (the statement itself: e2e/statement.test.ts).
    const shown = page.locator('[data-testid="statement-none"], [data-testid="statement-lines"]');
    await shown.first().waitFor({ timeout: 20_000 });
    if ((await page.getByTestId('statement-none').count()) > 0)
      expect(await page.getByTestId('statement-none').textContent()).toMatch(
        /No (approved payout run pays you|month of \d{4} has an approved payout run)/,
      );
    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('nav-statement').textContent()).toBe('工资单');
    await expect.poll(() => page.getByTestId('page').locator('h2').textContent()).toBe('我的工资单');
    await shot('05b-rep-zh-CN');
    await page.getByTestId('language-select').selectOption('en');
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('had no script errors on the way', () => {
    expect(stack.errors).toEqual([]);
  });

  it('shows an unreachable sign-in service in a MessageBar, in the chosen language, and recovers on retry', async () => {
    await page.route('**/api/dev/token*', (route) => route.abort('connectionrefused'));
    await page.reload();
    await expect.poll(() => page.getByTestId('error-bar').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('error-bar').textContent()).toContain(
      'The Teamsheet service cannot be reached',
    );
    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('error-bar').textContent()).toContain('无法连接 Teamsheet 服务');
    expect(await page.getByTestId('error-bar').textContent()).toContain('处理方法：');
    await shot('06-error-zh-CN');
    await page.unroute('**/api/dev/token*');
    await page.getByRole('button', { name: '重试' }).click();
    await expect
      .poll(() => page.locator('[data-role="manager"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
  });
});
