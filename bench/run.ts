// `npm run bench`: runs every benchmark and writes docs/benchmarks.md with the machine and the date.
// Pass names to run a subset (`npm run bench -- payout`); the others keep their last section.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, type BenchSection } from './lib';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// Every `bench/<name>.bench.ts` exports `run(): Promise<BenchSection>`.
const benchFiles = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const benches: Record<string, () => Promise<BenchSection>> = Object.fromEntries(
  benchFiles.map((file) => [
    file.replace(/\.bench\.ts$/, ''),
    async () => ((await import(`./${file}`)) as { run: () => Promise<BenchSection> }).run(),
  ]),
);

/** The sections of the last docs/benchmarks.md, by title, so a partial run keeps the others. */
function previousSections(file: string): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(file)) return sections;
  const parts = readFileSync(file, 'utf8').split(/^## /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    sections.set(part.slice(0, newline).trim(), part.slice(newline + 1).trim());
  }
  return sections;
}

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
  const file = path.join(root, 'docs/benchmarks.md');
  const kept = wanted.length > 0 ? previousSections(file) : new Map<string, string>();
  for (const section of sections) kept.delete(section.title);
  const note = '(kept from an earlier run)';
  for (const [title, body] of kept) sections.push({ title, body: body.endsWith(note) ? body : `${body}\n\n${note}` });
  const date = new Date().toISOString().slice(0, 10);
  const doc = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${date}. Machine: ${machine()}.`,
    'Budgets are those of docs/architecture.md ("Budgets"); timings are medians of repeated runs after warm-up.',
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', s.body, '']),
  ].join('\n');
  writeFileSync(file, doc);
  process.stdout.write(`wrote docs/benchmarks.md\n`);
}

await main();
