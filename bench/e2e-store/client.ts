// The host under test in its own process (./host-child.ts), and the benchmark's HTTP client.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export type Host = {
  url: string;
  child: ChildProcess;
  /** A question to the host process over IPC (./host-child.ts), answered with `value`. */
  ask(question: Record<string, unknown>): Promise<unknown>;
  token(personId: string, role: string): Promise<string>;
  stop(): Promise<void>;
};

export async function startChild(env: Record<string, string>, dataDir: string | null): Promise<Host> {
  const child = fork(path.join(here, 'host-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      TEAMSHEET_DEV_AUTH: '1',
      TEAMSHEET_HTTPS: '0',
      ...(dataDir ? { BENCH_DATA_DIR: dataDir } : {}),
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (value: unknown) => void>();
  let next = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}`)));
    child.on('message', (m: { type: string; url?: string; id?: number; value?: unknown }) => {
      if (m.type === 'ready') resolve(m.url!);
      if (m.type === 'answer') pending.get(m.id!)?.(m.value);
    });
  });
  const ask = (question: Record<string, unknown>) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      child.send({ ...question, id });
    });
  return {
    url,
    child,
    ask,
    token: async (personId, role) => (await ask({ type: 'token', personId, role })) as string,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
      }),
  };
}

export type Answer = { status: number; ms: number; bytes: number; text: string };

export async function call(
  host: Host,
  method: string,
  route: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  for (let attempt = 0; ; attempt++) {
    const start = performance.now();
    try {
      const res = await fetch(`${host.url}/api/${route}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: payload,
      });
      const text = await res.text();
      return { status: res.status, ms: performance.now() - start, bytes: Buffer.byteLength(text), text };
    } catch (error) {
      // A keep-alive socket the host closed while idle (its 5 s keep-alive timeout) fails the write
      // before the host read anything: sent again, counted in the report. The pool may hold several
      // such sockets (after the concurrent plan PUTs), so a few tries; uploads are content-addressed.
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (attempt > 3 || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw error;
      resent++;
    }
  }
}
let resent = 0;
/** Requests sent again after a closed keep-alive socket, so far. */
export const resentCount = () => resent;

export function expectStatus(a: Answer, ok: number[], what: string): Answer {
  if (!ok.includes(a.status)) throw new Error(`${what} answered ${a.status}: ${a.text.slice(0, 600)}`);
  return a;
}


/** Starts the host's CPU profiler (node:inspector in the host process). */
export function profileStart(host: Host): Promise<void> {
  return host.ask({ type: 'prof-start' }) as Promise<void>;
}
/** Stops it and writes the .cpuprofile to `file`. */
export function profileStop(host: Host, file: string): Promise<void> {
  return host.ask({ type: 'prof-stop', file }) as Promise<void>;
}
