// The planning workflow end to end in a real browser (preview mode, npm start's host): a demo manager
// inserts the templates, allocates a year, introduces a vague goal and a missing month, checks, sees the
// marks, fixes them, checks again, submits, and finds version 1 in History. Screenshots: test-output/plan/.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shots = path.join(root, 'test-output', 'plan');
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
  const dataDir = mkdtempSync(path.join(tmpdir(), 'teamsheet-plan-data-'));
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

  const profile = mkdtempSync(path.join(tmpdir(), 'teamsheet-plan-chromium-'));
  temp.push(profile);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale: 'en-US',
    reducedMotion: 'reduce',
    viewport: { width: 1440, height: 900 },
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
const grid = () => page.getByTestId('preview-table');
const cell = (address: string) => grid().locator(`td[data-address="${address}"]`);
const openSheet = async (name: string) => {
  await page.getByTestId(`sheet-tab-${name}`).click();
  await expect.poll(() => grid().getAttribute('data-sheet')).toBe(name);
};
/** Types into a preview cell as a person would: double-click, replace the text, Enter. */
const typeInto = async (address: string, text: string) => {
  await cell(address).dblclick();
  const editor = page.getByTestId('cell-editor');
  await editor.fill(text);
  await editor.press('Enter');
  await expect.poll(() => page.getByTestId('cell-editor').count()).toBe(0);
};

describe('planning workflow in a browser', () => {
  it('signs in as the Shanghai team manager and inserts the templates', async () => {
    await page.goto(`${base}/taskpane.html`);
    await page.locator('[data-person-id="mgr-east-shanghai"]').click({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('session').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('plan-insert').isEnabled(), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('plan-insert').click();
    await expect
      .poll(() => page.getByTestId('plan-notice').textContent(), { timeout: 20_000 })
      .toContain('target rows for east-shanghai 2026');
    await openSheet('Targets');
    expect(await cell('A1').textContent()).toBe('teamsheet:targets:2026.1');
    expect(await cell('A2').textContent()).toBe('Owner');
    expect(await cell('A3').textContent()).toBe('east-shanghai');
    expect(await cell('B3').textContent()).toBe('revenue');
    await shot('01-templates');
  });

  it('allocates 1,200,000 of revenue evenly over the 12 months of the unit row, previewed before writing', async () => {
    await page.getByTestId('allocate-total').fill('1200000');
    await expect.poll(() => page.getByTestId('allocate-sum').textContent()).toBe('1,200,000');
    expect(await page.getByTestId('allocate-value').first().textContent()).toBe('100,000');
    await page.getByTestId('allocate-write').click();
    await expect.poll(() => cell('D3').textContent()).toBe('100,000.00');
    expect(await cell('O3').textContent()).toBe('100,000.00');
    await typeInto('C3', '1200000');
    expect(await cell('C3').textContent()).toBe('1,200,000.00');
    await shot('02-allocated');
  });

  it('marks a missing month red and a vague goal amber after a check, and lists them', async () => {
    await typeInto('F3', ''); // March left empty
    await openSheet('Goals');
    await typeInto('C3', '进一步加强客户意识');
    await typeInto('F3', ''); // no target value
    await page.getByTestId('plan-check').click();
    await expect
      .poll(() => page.getByTestId('plan-notice').textContent(), { timeout: 20_000 })
      .toContain('Checked with the server');
    expect(await cell('C3').getAttribute('data-fill')).toBe('#FFF4CE');
    expect(await cell('F3').getAttribute('data-fill')).toBe('#FDE7E9'); // measurable.no-target
    const rules = await page
      .getByTestId('finding')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules).toEqual(
      expect.arrayContaining(['timebound.months-missing', 'specific.vague-wording', 'measurable.no-target']),
    );
    // a click on the missing month's finding selects its cell on the Targets sheet
    await page.locator('[data-rule="timebound.months-missing"]').getByTestId('finding-link').click();
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Targets');
    expect(await cell('F3').getAttribute('data-fill')).toBe('#FDE7E9');
    expect(await cell('F3').getAttribute('title')).toContain('2026-03');
    expect(await page.getByText('Selected cell: Targets!F3').count()).toBe(1);
    await shot('03-marks');
  });

  it('clears the marks when the cells are fixed and checked again', async () => {
    await typeInto('F3', '100000');
    await openSheet('Goals');
    await typeInto('C3', 'Revenue from 0 to 1,200,000 by 31 December 2026');
    await typeInto('F3', '1200000');
    await page.getByTestId('plan-check').click();
    await expect
      .poll(() => page.getByTestId('plan-notice').textContent(), { timeout: 20_000 })
      .toMatch(/Checked with the server: 0 errors|No findings/);
    expect(await cell('C3').getAttribute('data-fill')).toBeNull();
    expect(await cell('F3').getAttribute('data-fill')).toBeNull();
    await openSheet('Targets');
    expect(await cell('F3').getAttribute('data-fill')).toBeNull();
    expect(await page.locator('[data-rule="timebound.months-missing"]').count()).toBe(0);
    await shot('04-fixed');
  });

  it('submits version 1 and finds it in History', async () => {
    await page.getByTestId('plan-submit').click();
    await expect
      .poll(() => page.getByTestId('plan-stored').textContent(), { timeout: 20_000 })
      .toContain('Stored as version 1');
    expect(await page.getByTestId('plan-base').textContent()).toBe('This sheet is based on version 1.');
    expect(await cell('D1').textContent()).toBe('1');
    await shot('05-submitted');
    await page.getByTestId('nav-history').click();
    await expect.poll(() => page.getByTestId('history-version').count(), { timeout: 20_000 }).toBe(1);
    const row = await page.getByTestId('history-version').textContent();
    expect(row).toContain('v1');
    expect(row).toContain('mgr-east-shanghai');
    expect(row).toContain('submitted');
    await shot('06-history');
  });

  it('on a stale base (version 2 stored meanwhile) shows what changed, offers reload, and resubmits on top as version 3', async () => {
    // the same manager stores version 2 from elsewhere: June up by 20,000, July down by 20,000
    const token = await fetch(`${base}/api/dev/token?person=mgr-east-shanghai`).then(
      async (r) => ((await r.json()) as { token: string }).token,
    );
    const auth = { authorization: `Bearer ${token}` };
    const v1 = (await fetch(`${base}/api/plans/east-shanghai/2026`, { headers: auth }).then((r) =>
      r.json(),
    )) as {
      version: number;
      plan: { targets: { owner: string; metric: string; period: string; value: number }[] };
    };
    expect(v1.version).toBe(1);
    const moved = { '2026-06': 120_000, '2026-07': 80_000 } as Record<string, number>;
    const plan = {
      ...v1.plan,
      targets: v1.plan.targets.map((t) =>
        t.owner === 'east-shanghai' && t.metric === 'revenue' && moved[t.period] !== undefined
          ? { ...t, value: moved[t.period]! }
          : t,
      ),
    };
    const put = await fetch(`${base}/api/plans/east-shanghai/2026`, {
      method: 'PUT',
      headers: {
        ...auth,
        'content-type': 'application/json',
        'if-match': '"1"',
        'idempotency-key': 'e2e-v2',
      },
      body: JSON.stringify(plan),
    });
    expect(put.status).toBe(201);

    // this sheet is still based on version 1: Submit gets 412 and the pane shows the diff 1 → 2
    await page.getByTestId('nav-plan').click();
    await expect.poll(() => page.getByTestId('plan-submit').isEnabled(), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('plan-submit').click();
    const conflict = page.getByTestId('plan-conflict');
    await expect.poll(() => conflict.count(), { timeout: 20_000 }).toBe(1);
    const text = (await conflict.textContent()) ?? '';
    expect(text).toContain('Someone stored version 2 while you worked on version 1');
    expect(text).toContain('2 cells differ between version 1 and version 2');
    expect(text).toContain('east-shanghai · revenue · 2026-06: 100000 → 120000 (changed)');
    expect(text).toContain('east-shanghai · revenue · 2026-07: 100000 → 80000 (changed)');
    expect(await page.getByTestId('plan-reload').textContent()).toBe('Reload version 2');
    expect(await cell('D1').textContent()).toBe('1'); // nothing stored, the sheet still says version 1
    await conflict.scrollIntoViewIfNeeded();
    await shot('07-conflict');

    // "Submit mine on top of version 2": stored as version 3, the sheet now based on it
    await page.getByTestId('plan-resubmit').click();
    await expect
      .poll(() => page.getByTestId('plan-stored').textContent(), { timeout: 20_000 })
      .toContain('Stored as version 3');
    expect(await page.getByTestId('plan-conflict').count()).toBe(0);
    await openSheet('Targets');
    expect(await cell('D1').textContent()).toBe('3');
    const v3 = (await fetch(`${base}/api/plans/east-shanghai/2026`, { headers: auth }).then((r) =>
      r.json(),
    )) as {
      version: number;
      basedOn: number;
    };
    expect(v3).toMatchObject({ version: 3, basedOn: 2 });
    await page.getByTestId('plan-stored').scrollIntoViewIfNeeded();
    await shot('08-resubmitted');
  });

  it('had no script errors on the way', () => {
    // the 412 of the stale submit above is expected; Chromium logs it as a failed resource load
    expect(
      pageErrors.filter((e) => !/^4\d\d /.test(e) && !/status of 412 \(Precondition Failed\)/.test(e)),
    ).toEqual([]);
  });
});
