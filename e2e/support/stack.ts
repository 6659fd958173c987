// The stack every browser test stands on: npm start's host (functions/dist/host.js: API, demo data and the
// built task pane) on a free port with a fresh data directory, and one headless Chromium with a fresh
// profile. `useStack` registers the start in beforeAll and the teardown in afterAll of the calling test
// file, so each file launches one host and one browser. Everything the page reports as wrong (uncaught
// errors, console errors, HTTP answers of 400 and up) is collected in `stack.errors`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface StackOptions {
  /** Names the screenshot folder test-output/<name>/ and the temp directories. */
  name: string;
  viewport: { width: number; height: number };
}

/** Filled in by beforeAll: read the fields inside tests and hooks, not at module load. */
export interface Stack {
  /** http://127.0.0.1:<port>, the host's origin. */
  base: string;
  page: Page;
  context: BrowserContext;
  /** Page errors, console errors and 4xx/5xx answers seen so far, in order. */
  errors: string[];
  /** The screenshot folder, test-output/<name>/. */
  shots: string;
}

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
    await new Promise((r) => setTimeout(r, 200)); // polling the host's start, not a wait for the UI
  }
  throw new Error(`no answer from ${base}/api/health within 60 s:\n${output()}`);
}

function checkPrerequisites(): void {
  for (const built of ['functions/dist/host.js', 'addin/dist/taskpane.html'])
    if (!existsSync(path.join(root, built)))
      throw new Error(`${built} is missing: run \`node scripts/build.mjs\` first (npm test does).`);
  if (!existsSync(chromiumPath))
    throw new Error(
      `Chromium not found at ${chromiumPath} (Debian: apt-get install chromium, or set CHROMIUM_PATH).`,
    );
}

/** Starts the host and Chromium before the file's tests and stops both after them. */
export function useStack(options: StackOptions): Stack {
  const stack = {
    base: '',
    errors: [],
    shots: path.join(root, 'test-output', options.name),
  } as unknown as Stack;
  let host: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  const temp: string[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    mkdirSync(stack.shots, { recursive: true });

    const port = await freePort();
    stack.base = `http://127.0.0.1:${port}`;
    const dataDir = mkdtempSync(path.join(tmpdir(), `teamsheet-${options.name}-data-`));
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
        TEAMSHEET_DEMO_ACTUALS: '0', // the browser tests bring their own data
        NODE_ENV: 'development',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    host.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    host.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await waitForHealth(stack.base, host, () => output);

    const profile = mkdtempSync(path.join(tmpdir(), `teamsheet-${options.name}-chromium-`));
    temp.push(profile);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      locale: 'en-US',
      reducedMotion: 'reduce',
      viewport: options.viewport,
      args: chromiumArgs,
    });
    stack.context = context;
    const page = context.pages()[0] ?? (await context.newPage());
    stack.page = page;
    page.on('pageerror', (e) => stack.errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') stack.errors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) stack.errors.push(`${r.status()} ${r.url()}`);
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

  return stack;
}

/** A bearer token of a demo person from the host's dev issuer (for seeding data through the API). */
export async function devToken(base: string, person: string): Promise<string> {
  const r = await fetch(`${base}/api/dev/token?person=${encodeURIComponent(person)}`);
  if (r.status !== 200) throw new Error(`dev token for ${person}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}

/**
 * A JSON call to the host as a demo person (for seeding and checking data through the API): throws with
 * the answer's text unless its status is one of `expected`. Answers are read field by field by the tests.
 */
export async function apiAs(
  base: string,
  method: string,
  path: string,
  who: string,
  body: unknown,
  expected: number | readonly number[],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<any> {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await devToken(base, who)}`,
      'content-type': 'application/json',
      'accept-language': 'en',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  const ok = typeof expected === 'number' ? r.status === expected : expected.includes(r.status);
  if (!ok) throw new Error(`${method} ${path} as ${who}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
