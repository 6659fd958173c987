// Small benchmark helpers: repeated timing with warm-up, and the machine description that heads
// docs/benchmarks.md so a number is never read without the machine it came from.
import os from 'node:os';

export type Timing = { runs: number; medianMs: number; minMs: number; maxMs: number };

export async function time(
  fn: () => unknown | Promise<unknown>,
  { warmup = 3, runs = 15 } = {},
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return {
    runs,
    medianMs: samples[Math.floor(samples.length / 2)]!,
    minMs: samples[0]!,
    maxMs: samples[samples.length - 1]!,
  };
}

export function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

export type BenchSection = { title: string; body: string };

/** A fresh embedded store (a real SQLite file in a temporary folder) for one benchmark; close drops it. */
export async function openBenchStore(): Promise<{ file: string; close(): Promise<void> }> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { configureStore, resetStore } = await import('../functions/src/store');
  const dir = mkdtempSync(path.join(tmpdir(), 'teamsheet-bench-'));
  const file = path.join(dir, 'teamsheet.sqlite');
  configureStore({ kind: 'embedded', file });
  return {
    file,
    async close() {
      await resetStore();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
