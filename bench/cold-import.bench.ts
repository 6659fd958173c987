// Cold import of the Functions app (docs/architecture.md budget: under 300 ms): a fresh Node process imports
// the built functions/dist/main.js, which registers every route, and reports how long that took.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ms, type BenchSection } from './lib';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function coldImportMs(): number {
  const script = `const t=process.hrtime.bigint();await import(${JSON.stringify(path.join(root, 'functions/dist/main.js'))});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`importing functions/dist/main.js failed: ${r.stderr}`);
  return Number(r.stdout.trim().split('\n').pop());
}

export async function run(): Promise<BenchSection> {
  coldImportMs(); // the first start also warms the OS file cache
  const samples = Array.from({ length: 9 }, coldImportMs).sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  return {
    title: 'Functions cold import',
    body: [
      '| measured | runs | median ms | min ms | budget | within |',
      '|---|---|---|---|---|---|',
      `| \`import('functions/dist/main.js')\` in a fresh Node process | ${samples.length} | ${ms(median)} | ${ms(samples[0]!)} | 300 ms | ${median < 300 ? 'yes' : 'no'} |`,
    ].join('\n'),
  };
}
