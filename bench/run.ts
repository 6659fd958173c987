// `npm run bench`: runs every benchmark and writes docs/benchmarks.md with the machine and the date.
// Pass names to run a subset (`npm run bench -- payout`); the others keep their last section.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, type BenchSection } from './lib';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const benches: Record<string, () => Promise<BenchSection>> = {};

async function main() {
  const wanted = process.argv.slice(2);
  const names = Object.keys(benches).filter((n) => wanted.length === 0 || wanted.includes(n));
  const sections: BenchSection[] = [];
  for (const name of names) {
    process.stdout.write(`bench ${name} ...\n`);
    const section = await benches[name]!();
    process.stdout.write(section.body + '\n');
    sections.push(section);
  }
  const date = new Date().toISOString().slice(0, 10);
  const doc = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${date}. Machine: ${machine()}.`,
    'Budgets are those of ARCHITECTURE.md; timings are medians of repeated runs after warm-up.',
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', s.body, '']),
  ].join('\n');
  writeFileSync(path.join(root, 'docs/benchmarks.md'), doc);
  process.stdout.write(`wrote docs/benchmarks.md\n`);
}

await main();
