// The task pane end to end in a real browser: npm start's host (API, demo data, built task pane) and
// headless Chromium. Preview mode, demo sign-in as a manager, the language switch, the five sections,
// and a table written into the preview workbook. Screenshots go to test-output/e2e/.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shots = path.join(root, 'test-output', 'e2e');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, host: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (host.exitCode !== null) throw new Error(`the host exited with ${host.exitCode}:\n${output()}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from ${base}/api/health within 60 s:\n${output()}`);
}

let host: ChildProcess | undefined;
let context: BrowserContext | undefined;
let page: Page;
let base = '';
const temp: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  for (const built of ['functions/dist/host.js', 'addin/dist/taskpane.html'])
    if (!existsSync(path.join(root, built)))
      throw new Error(`${built} is missing: run \`node scripts/build.mjs\` first (npm test does).`);
  if (!existsSync(chromiumPath))
    throw new Error(
      `Chromium not found at ${chromiumPath} (Debian: apt-get install chromium, or set CHROMIUM_PATH).`,
    );
  mkdirSync(shots, { recursive: true });

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'teamsheet-e2e-data-'));
  temp.push(dataDir);
  let output = '';
  host = spawn(process.execPath, [path.join(root, 'functions/dist/host.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      TEAMSHEET_DATA_DIR: dataDir,
      TEAMSHEET_HTTPS: '0',
      TEAMSHEET_DEV_AUTH: '1',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  host.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  host.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitForHealth(base, host, () => output);

  const profile = mkdtempSync(path.join(tmpdir(), 'teamsheet-e2e-chromium-'));
  temp.push(profile);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'en-US',
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) pageErrors.push(`${r.status()} ${r.url()}`);
  });
});

afterAll(async () => {
  await context?.close();
  if (host && host.exitCode === null) {
    const exited = new Promise((r) => host!.once('exit', r));
    host.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (host.exitCode === null) host.kill('SIGKILL');
  }
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`) });

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
    await shot('02-signed-in');
  });

  it('switches the language to zh-CN and back', async () => {
    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('nav-plan').textContent()).toBe('计划');
    expect(await page.getByTestId('preview-badge').textContent()).toBe('预览（未在 Excel 中运行）');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByTestId('session').textContent()).toContain('团队负责人');
    await shot('03-zh-CN');
    await page.getByTestId('language-select').selectOption('en');
    await expect.poll(() => page.getByTestId('nav-plan').textContent()).toBe('Plan');
  });

  it('navigates through the five sections', async () => {
    const sections: [string, string][] = [
      ['scores', 'Scores'],
      ['payouts', 'Payouts'],
      ['consolidate', 'Consolidate'],
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
    expect(await page.getByTestId('sheet-tab-Metrics').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByText(/Wrote \d+ metrics to the sheet Metrics\./).count()).toBe(1);
    await shot('05-metric-catalog');
  });

  it('had no script errors on the way', () => {
    expect(pageErrors).toEqual([]);
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
