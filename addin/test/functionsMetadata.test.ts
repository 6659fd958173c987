// The Teamsheet formulas' metadata, generated from the JSDoc by custom-functions-metadata as the build
// does (scripts/functionsMetadata.mjs): every function of the core's list is in it, in English and in
// zh-CN (names and every parameter's description), with the arguments the core's signatures take; the
// build output holds the same documents; and the manifest declares the functions and both files.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOOKUP_FUNCTIONS, LOOKUP_SIGNATURES } from '@teamsheet/shared';
import { FORMULAS } from '../src/functions/functions';
import { ZH_CN } from '../src/functions/names';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
type Param = { name: string; description: string; optional?: boolean };
type Fn = { id: string; name: string; description: string; parameters: Param[] };
type Metadata = { functions: Fn[] };

async function generated(): Promise<{ en: Metadata; 'zh-CN': Metadata }> {
  const mod = (await import(pathToFileURL(path.join(root, 'scripts/functionsMetadata.mjs')).href)) as {
    functionsMetadata(): Promise<{ en: Metadata; 'zh-CN': Metadata }>;
  };
  return mod.functionsMetadata();
}

describe('the generated custom-functions metadata', () => {
  it('holds every function, with the core’s arguments in order, optional ones marked, in both languages', async () => {
    const docs = await generated();
    for (const locale of ['en', 'zh-CN'] as const) {
      const fns = docs[locale].functions;
      expect(fns.map((f) => f.id).sort(), locale).toEqual([...LOOKUP_FUNCTIONS].sort());
      for (const f of fns) {
        const spec = LOOKUP_SIGNATURES[f.id as keyof typeof LOOKUP_SIGNATURES];
        expect(
          f.parameters.map((p) => [p.name, !!p.optional]),
          `${locale} ${f.id}`,
        ).toEqual(spec.map((a) => [a.name, !!a.optional]));
        expect(f.description.length, `${locale} ${f.id}`).toBeGreaterThan(10);
        for (const p of f.parameters) expect(p.description, `${locale} ${f.id} ${p.name}`).not.toBe('');
      }
    }
    const en = new Map(docs.en.functions.map((f) => [f.id, f]));
    for (const f of docs['zh-CN'].functions) {
      expect(f.name).toBe(ZH_CN[f.id as keyof typeof ZH_CN].name);
      // Excel: a name of three or more letters, underscores or periods (custom-functions-naming).
      expect(f.name).toMatch(/^\p{L}[\p{L}_.]{2,}$/u);
      expect(f.name).not.toBe(en.get(f.id)!.name);
      expect(f.description).toMatch(/\p{Script=Han}/u);
    }
    expect(Object.keys(FORMULAS).sort()).toEqual([...LOOKUP_FUNCTIONS].sort());
  });

  it('is what the build wrote into the build output', async () => {
    const dist = path.join(root, 'addin/dist');
    expect(existsSync(path.join(dist, 'functions.json')), 'build first: node scripts/build.mjs addin').toBe(
      true,
    );
    const docs = await generated();
    expect(JSON.parse(readFileSync(path.join(dist, 'functions.json'), 'utf8'))).toEqual(docs.en);
    expect(JSON.parse(readFileSync(path.join(dist, 'functions.zh-CN.json'), 'utf8'))).toEqual(docs['zh-CN']);
    expect(readFileSync(path.join(dist, 'functions.html'), 'utf8')).toContain('custom-functions-runtime.js');
    expect(existsSync(path.join(dist, 'functions.js'))).toBe(true);
  });

  it('is declared by the manifest: the functions’ runtime, the metadata with its zh-CN override, the namespace', () => {
    const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
    expect(manifest).toContain('<ExtensionPoint xsi:type="CustomFunctions">');
    expect(manifest).toContain('DefaultValue="https://localhost:3000/functions.json"');
    expect(manifest).toContain(
      '<bt:Override Locale="zh-CN" Value="https://localhost:3000/functions.zh-CN.json"/>',
    );
    expect(manifest).toContain('DefaultValue="https://localhost:3000/functions.html"');
    expect(manifest).toContain('DefaultValue="https://localhost:3000/functions.js"');
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="TEAMSHEET"/>');
  });
});
