// Scores end to end in real Chromium, preview mode: sign in as the Shanghai team's manager, insert the
// scorecard, inputs and ratings templates, compute scores through the API, and see the Scores sheet
// with grade fills and the grade-distribution chart drawn in the preview grid. Screenshots: test-output/scores/.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shots = path.join(root, 'test-output', 'scores');
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

let host: ChildProcess | undefined;
let context: BrowserContext | undefined;
let page: Page;
let base = '';
const temp: string[] = [];
const failures: string[] = [];

beforeAll(async () => {
  for (const built of ['functions/dist/host.js', 'addin/dist/taskpane.html'])
    if (!existsSync(path.join(root, built)))
      throw new Error(`${built} is missing: run \`node scripts/build.mjs\` first.`);
  mkdirSync(shots, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'teamsheet-scores-data-'));
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
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (host.exitCode !== null) throw new Error(`the host exited:\n${output}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`no answer from ${base}/api/health:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'teamsheet-scores-chromium-'));
  temp.push(profile);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'en-US',
    reducedMotion: 'reduce',
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => failures.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
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

describe('scores in the browser (preview mode)', () => {
  it('computes scores for the Shanghai team and shows the Scores sheet with the grade chart', async () => {
    await page.goto(`${base}/taskpane.html`);
    const manager = page
      .locator('[data-role="manager"][aria-label*="Shanghai"], [data-role="manager"]')
      .first();
    await manager.waitFor({ timeout: 20_000 });
    await manager.click();
    await page.getByTestId('session').waitFor({ timeout: 20_000 });
    await page.getByTestId('nav-scores').click();
    await page.getByTestId('scores-templates').click();
    await expect
      .poll(() => page.getByTestId('scores-outcome').textContent(), { timeout: 20_000 })
      .toContain('Wrote the Scorecard');
    await expect.poll(() => page.getByTestId('sheet-tab-Ratings').count()).toBe(1);

    await page.getByTestId('scores-compute').click();
    await expect
      .poll(() => page.getByTestId('scores-outcome').textContent(), { timeout: 20_000 })
      .toMatch(/Scored \d+ people/);
    const grid = page.getByTestId('preview-table');
    await expect.poll(() => grid.getAttribute('data-sheet')).toBe('Scores');
    // Header row of the Scores table, then one graded row per rep with a grade fill.
    expect(await grid.locator('td[data-address="G1"]').textContent()).toBe('Final');
    expect(await grid.locator('td[data-address="H1"]').textContent()).toBe('Grade');
    const grade = (await grid.locator('td[data-address="H2"]').textContent()) ?? '';
    expect(['S', 'A', 'B', 'C', 'D']).toContain(grade);
    expect(await grid.locator('td[data-address="H2"]').getAttribute('style')).toContain('background-color');
    const chart = page.getByTestId('preview-chart-GradeChart');
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.getAttribute('data-type')).toBe('column');
    await page.screenshot({ path: path.join(shots, '01-scores-sheet.png') });
    expect(failures).toEqual([]);
  });
});
