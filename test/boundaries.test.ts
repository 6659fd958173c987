// The layer boundaries of docs/architecture.md, proved to hold: each lint rule fires on a small
// snippet that breaks it (linted as if it were a file in that layer) and stays quiet where the layer
// may do it; the real tree passes them; and the tsconfigs give Node's types only where Node runs and
// Office.js's only to the pane, shown by what a probe file may and may not name.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BOUNDARY_RULES = [
  'no-restricted-imports',
  'no-restricted-globals',
  'no-restricted-properties',
  'no-restricted-syntax',
];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The boundary findings of `code` linted as the file `file` (which need not exist). */
async function boundaryFindings(file: string, code: string): Promise<{ rule: string; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId && BOUNDARY_RULES.includes(m.ruleId))
    .map((m) => ({ rule: m.ruleId!, message: m.message }));
}

describe('the core imports no Node module and does no I/O', () => {
  const core = 'shared/src/payout/probe.ts';

  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const a = readFileSync;", 'no-restricted-imports'],
    ["import path from 'path';\nexport const a = path.sep;", 'no-restricted-imports'],
    ["import { createHash } from 'crypto';\nexport const a = createHash;", 'no-restricted-imports'],
    ["export const a = fetch('/api/org');", 'no-restricted-globals'],
    ['export const a = process.env.TZ;', 'no-restricted-globals'],
    ["export const a = localStorage.getItem('k');", 'no-restricted-globals'],
    ["console.log('x');", 'no-restricted-globals'],
    ['export const a = Date.now();', 'no-restricted-properties'],
    ['export const a = Math.random();', 'no-restricted-properties'],
    ['export const a = new Date();', 'no-restricted-syntax'],
  ])('refuses %j', async (code, rule) => {
    const found = await boundaryFindings(core, code);
    expect(found.map((f) => f.rule)).toContain(rule);
    expect(found.find((f) => f.rule === rule)?.message).toMatch(/docs\/architecture\.md/);
  });

  it('lets it compute with dates it is given and import itself', async () => {
    const code =
      "import { monthsOf } from '../period';\nexport const a = new Date('2026-03-01T00:00:00Z').getUTCMonth() + monthsOf('2026').length;";
    expect(await boundaryFindings(core, code)).toEqual([]);
  });

  it('leaves Node modules to the code that runs in Node', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;";
    expect(await boundaryFindings('functions/src/host/probe.ts', code)).toEqual([]);
    expect(await boundaryFindings('bench/probe.ts', code)).toEqual([]);
  });
});

describe('workflows, repositories and the store import nothing from http/', () => {
  it.each([
    [
      'functions/src/store/probe.ts',
      "import { HttpError } from '../http/problem';\nexport const a = HttpError;",
    ],
    ['functions/src/store/probe.ts', "import { json } from '../http';\nexport const a = json;"],
    [
      'functions/src/store/adapters/probe.ts',
      "import { json } from '../../http/index';\nexport const a = json;",
    ],
    [
      'functions/src/repositories/probe.ts',
      "import type { FieldError } from '../http';\nexport type A = FieldError;",
    ],
    [
      'functions/src/workflows/probe.ts',
      "import { HttpError } from '../http/problem';\nexport const a = HttpError;",
    ],
  ])('refuses %s importing the HTTP layer', async (file, code) => {
    const found = await boundaryFindings(file, code);
    expect(found).toEqual([expect.objectContaining({ rule: 'no-restricted-imports' })]);
  });

  it('lets routes import it, and the store import its own modules and the core', async () => {
    const route = "import { json } from '../http';\nexport const a = json;";
    expect(await boundaryFindings('functions/src/functions/probe.ts', route)).toEqual([]);
    const store =
      "import { contentHash } from './hash';\nimport { monthsOf } from '@teamsheet/shared';\nexport const a = [contentHash, monthsOf];";
    expect(await boundaryFindings('functions/src/store/probe.ts', store)).toEqual([]);
  });
});

describe('Office.js only in addin/src/office/', () => {
  const office = [
    "export const a = typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('NestedAppAuth', '1.1');",
    'export const a = () => Excel.run(async (context) => context.sync());',
    "export const a = OfficeRuntime.storage.getItem('k');",
  ];

  it.each(office)('refuses %j outside the workbook layer', async (code) => {
    for (const file of [
      'addin/src/auth/probe.ts',
      'addin/src/features/plan/probe.tsx',
      'shared/src/probe.ts',
    ]) {
      const found = await boundaryFindings(file, code);
      expect(
        found.map((f) => f.rule),
        file,
      ).toContain('no-restricted-globals');
    }
  });

  it.each(office)('lets addin/src/office/ use %j', async (code) => {
    expect(await boundaryFindings('addin/src/office/probe.ts', code)).toEqual([]);
  });
});

describe('the tree as it stands', () => {
  it('passes every boundary rule, with no exemption', async () => {
    const results = await eslint.lintFiles(['shared/src', 'functions/src', 'addin/src']);
    const findings = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId && BOUNDARY_RULES.includes(m.ruleId))
        .map((m) => ({ file: path.relative(root, r.filePath), severity: m.severity, rule: m.ruleId })),
    );
    expect(findings).toEqual([]);
  }, 120_000);
});

/** What TypeScript says about `code` as a file of `project` under that project's own tsconfig. */
function typeErrors(project: string, code: string): string[] {
  const configPath = path.join(root, project, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (f) => ts.sys.readFile(f));
  // The config file name makes type roots resolve from the project folder, as `tsc -b` does (a workspace
  // may hold its own @types, e.g. addin/node_modules/@types/office-js).
  const parsed = ts.parseJsonConfigFileContent(
    config,
    ts.sys,
    path.dirname(configPath),
    undefined,
    configPath,
  );
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    composite: false,
    incremental: false,
    declaration: false,
    emitDeclarationOnly: false,
  };
  const probe = path.join(root, project, 'src', 'types-probe.ts');
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === probe ? ts.createSourceFile(name, code, language) : readSource(name, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === probe || fileExists(name);
  const program = ts.createProgram([probe], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('types: Node’s only where Node runs, Office.js’s only in the pane', () => {
  const node = 'export const a = process.env.TZ;';
  const office = 'export const a: string | undefined = Office.context.displayLanguage;';

  it('the core has neither, nor the DOM', () => {
    expect(typeErrors('shared', node).join('\n')).toMatch(/Cannot find name 'process'/);
    expect(typeErrors('shared', office).join('\n')).toMatch(/Cannot find name 'Office'/);
    expect(typeErrors('shared', 'export const a = document.title;').join('\n')).toMatch(
      /Cannot find name 'document'/,
    );
  }, 60_000);

  it('the pane has Office.js and the DOM, not Node', () => {
    expect(typeErrors('addin', office)).toEqual([]);
    expect(typeErrors('addin', 'export const a = document.title;')).toEqual([]);
    expect(typeErrors('addin', node).join('\n')).toMatch(/Cannot find name 'process'/);
  }, 60_000);

  it('the Functions have Node, not Office.js', () => {
    expect(typeErrors('functions', node)).toEqual([]);
    expect(typeErrors('functions', office).join('\n')).toMatch(/Cannot find name 'Office'/);
  }, 60_000);
});
