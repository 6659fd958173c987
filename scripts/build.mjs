// Builds what `npm start`, the tests and the benchmarks run: the Functions app and its local host
// (esbuild, one ESM bundle each) and the task pane (Vite). Skips nothing silently: a failure exits non-zero.
import { build } from 'esbuild';
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const only = process.argv[2]; // 'functions' | 'addin' | undefined (both)

async function buildFunctions() {
  rmSync(path.join(root, 'functions/dist'), { recursive: true, force: true }); // no stale chunks
  const entryPoints = ['main', 'host']
    .map((n) => path.join(root, 'functions/src', `${n}.ts`))
    .filter(existsSync);
  await build({
    entryPoints,
    outdir: path.join(root, 'functions/dist'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    splitting: true,
    sourcemap: true,
    packages: 'external',
    // The core is TypeScript source inside the repository: bundle it rather than import it at run time.
    // Its entries are its folders (`@teamsheet/shared` → src/index.ts, `@teamsheet/shared/demo` → src/demo/).
    alias: { '@teamsheet/shared': path.join(root, 'shared/src') },
    logLevel: 'warning',
  });
}

function buildAddin() {
  if (!existsSync(path.join(root, 'addin/vite.config.ts'))) return;
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: path.join(root, 'addin'),
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * The Teamsheet formulas' runtime beside the pane's bundles, where the manifest points
 * (docs/decisions.md): functions.js as one classic script (Excel's functions runtime may have no DOM
 * and no modules), functions.html around it, and functions.json / functions.zh-CN.json generated.
 */
async function buildFunctionsRuntime() {
  const dist = path.join(root, 'addin/dist');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => k.startsWith('VITE_TEAMSHEET_')),
  );
  await build({
    entryPoints: [path.join(root, 'addin/src/functionsMain.ts')],
    outfile: path.join(dist, 'functions.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    sourcemap: true,
    minify: true,
    alias: { '@teamsheet/shared': path.join(root, 'shared/src') },
    define: { 'import.meta.env': JSON.stringify(env) },
    logLevel: 'warning',
  });
  copyFileSync(path.join(root, 'addin/functions.html'), path.join(dist, 'functions.html'));
  const { functionsMetadata } = await import('./functionsMetadata.mjs');
  const metadata = await functionsMetadata();
  writeFileSync(path.join(dist, 'functions.json'), `${JSON.stringify(metadata.en, null, 2)}\n`);
  writeFileSync(path.join(dist, 'functions.zh-CN.json'), `${JSON.stringify(metadata['zh-CN'], null, 2)}\n`);
}

if (!only || only === 'functions') await buildFunctions();
if (!only || only === 'addin') {
  buildAddin();
  await buildFunctionsRuntime();
}
