// Payouts end to end in real Chromium, preview mode: a demo manager inserts the comp-plan template,
// fills sample targets and deals, previews the team's payouts (POST /api/payouts/preview), sees the
// Payouts sheet and the attainment chart, and selects a payout cell to read its explanation.
// Screenshots go to test-output/payouts/.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shots = path.join(root, 'test-output', 'payouts');
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
const pageErrors: string[] = [];

beforeAll(async () => {
  for (const built of ['functions/dist/host.js', 'addin/dist/taskpane.html'])
    if (!existsSync(path.join(root, built)))
      throw new Error(`${built} is missing: run \`node scripts/build.mjs\` first (npm test does).`);
  mkdirSync(shots, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'teamsheet-payouts-data-'));
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
    if (host.exitCode !== null) throw new Error(`the host exited with ${host.exitCode}:\n${output}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`no answer from ${base}/api/health within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200)); // polling the host's start, not a wait for the UI
  }

  const profile = mkdtempSync(path.join(tmpdir(), 'teamsheet-payouts-chromium-'));
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
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
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
const grid = () => page.getByTestId('preview-table');
const cell = (address: string) => grid().locator(`td[data-address="${address}"]`);

describe('payouts in a browser (preview mode)', () => {
  it('signs in as a demo manager and opens the Payouts section', async () => {
    await page.goto(`${base}/taskpane.html`);
    const manager = page.locator('[data-role="manager"]').first();
    await manager.waitFor({ timeout: 30_000 });
    await manager.click();
    await page.getByTestId('session').waitFor({ timeout: 20_000 });
    await page.getByTestId('nav-payouts').click();
    await page.getByTestId('payouts-period').fill('2026-03');
    await shot('01-payouts-section');
  });

  it('inserts the comp-plan template as Components and Tiers tables and checks it', async () => {
    await page.getByTestId('insert-compplan').click();
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Components');
    expect(await cell('A2').textContent()).toBe('Id');
    expect(await cell('A3').textContent()).toBe('commission');
    expect(await cell('B3').textContent()).toBe('Commission');
    await page.getByTestId('check-compplan').click();
    await expect
      .poll(() => page.getByTestId('compplan-notice').textContent())
      .toContain('reads cleanly: 3 components');
    await page.getByTestId('sheet-tab-Tiers').click();
    expect(await cell('B4').textContent()).toBe('100%'); // the second tier starts at 100 % attainment
    expect(await cell('D4').textContent()).toBe('5.00%');
    await shot('02-comp-plan-tiers');
  });

  it('fills sample targets and deals, previews payouts, and shows the sheet and the chart', async () => {
    await page.getByTestId('fill-sample').click();
    await expect
      .poll(() => page.getByTestId('transactions-notice').textContent(), { timeout: 20_000 })
      .toMatch(/Wrote \d+ sample targets and \d+ sample deals of 2026-03/);
    await page.getByTestId('preview-payouts').click();
    await expect
      .poll(() => page.getByTestId('preview-notice').textContent(), { timeout: 30_000 })
      .toMatch(/Wrote payouts of \d+ people on Payouts: total [\d,.]+ CNY/);
    expect(await page.getByTestId('preview-notice').textContent()).toContain(
      'Quotas from the Targets sheet.',
    );
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Payouts');
    expect(await cell('A1').textContent()).toBe('Person');
    expect(await cell('C1').textContent()).toBe('Attainment');
    expect(await cell('F1').textContent()).toBe('commission');
    // the sheet's chart (drawn by Excel; listed under the preview grid) and the pane's bars
    expect(await page.getByText(/Attainment by person/).count()).toBeGreaterThan(0);
    const bars = page.getByTestId('attainment-bar');
    expect(await bars.count()).toBeGreaterThan(0);
    // the grand total on the sheet equals the notice's total
    const notice = (await page.getByTestId('preview-notice').textContent())!;
    const total = /total ([\d,.]+) CNY/.exec(notice)![1]!;
    const rows = await grid().locator('tr').count();
    let found = false;
    for (let r = 2; r <= rows; r++) {
      if ((await cell(`A${r}`).textContent()) === 'Total') {
        expect(await cell(`I${r}`).textContent()).toBe(total);
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
    await page.getByTestId('attainment-chart').scrollIntoViewIfNeeded();
    await shot('03-payouts-sheet-and-chart');
  });

  it('explains a selected payout cell step by step', async () => {
    // the first person with a quota: their commission cell
    let row = 2;
    while (row < 40 && (await cell(`E${row}`).textContent()) === '') row++;
    await cell(`F${row}`).click();
    await expect.poll(() => page.getByTestId('explain-title').textContent()).toContain('commission');
    const steps = await page.getByTestId('explain-steps').locator('li').allTextContents();
    expect(steps[0]).toMatch(/^credited -?[\d,]+\.\d{2,}$/);
    expect(steps[1]).toMatch(/^quota [\d,]+\.\d\d$/);
    expect(steps.some((s) => /^attainment [\d.]+ %$/.test(s))).toBe(true);
    // the last step's rounded amount is the cell's amount
    const amount = /→ (-?[\d,]+\.\d\d)$/.exec(steps.at(-1)!)![1];
    expect(await cell(`F${row}`).textContent()).toBe(amount);
    await page.getByTestId('explain').scrollIntoViewIfNeeded();
    await shot('04-explain-commission');
    await cell(`I${row}`).click();
    await expect.poll(() => page.getByTestId('explain-title').textContent()).toContain('total');
    expect(await page.getByTestId('explain-steps').textContent()).toMatch(
      /Sum of the lines: commission [\d,.]+ \+/,
    );
    await page.getByTestId('explain').scrollIntoViewIfNeeded();
    await shot('05-explain-total');
  });

  it('had no script errors on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
