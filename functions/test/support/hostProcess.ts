// The real host as its own process (functions/dist/host.js) on a SQLite file in `dataDir`, with the
// demo organisation and development sign-in, for the tests and benchmarks that need a process to kill
// or a stack under load.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export type HostProcess = { base: string; child: ChildProcess; token(person: string): Promise<string> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts the host and resolves once /api/health answers. */
export async function startHostProcess(dataDir: string): Promise<HostProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'functions/dist/host.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      TEAMSHEET_DATA_DIR: dataDir,
      TEAMSHEET_HTTPS: '0',
      TEAMSHEET_DEV_AUTH: '1',
      TEAMSHEET_DEMO_ACTUALS: '0',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  const base = `http://127.0.0.1:${port}/api`;
  // The development issuer's key lives in the process: tokens are per host process.
  const tokens = new Map<string, Promise<string>>();
  const token = (person: string) => {
    let t = tokens.get(person);
    if (!t) {
      t = fetch(`${base}/dev/token?person=${encodeURIComponent(person)}`)
        .then((r) => r.json() as Promise<{ token: string }>)
        .then((j) => j.token);
      t.catch(() => tokens.delete(person));
      tokens.set(person, t);
    }
    return t;
  };
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the host exited (${child.exitCode}): ${errors}`);
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, child, token };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the host did not answer: ${errors}`);
}

/** Stops the host: SIGTERM, then SIGKILL after five seconds. */
export async function stopHostProcess(host: HostProcess): Promise<void> {
  if (host.child.exitCode !== null) return;
  const exited = new Promise((r) => host.child.once('exit', r));
  host.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (host.child.exitCode === null) host.child.kill('SIGKILL');
}
