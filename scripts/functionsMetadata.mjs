// The Teamsheet formulas' metadata for Excel, generated, never written by hand: custom-functions-metadata
// reads the JSDoc of addin/src/functions/functions.ts (English), and the zh-CN names and descriptions of
// addin/src/functions/names.ts are laid over it for functions.zh-CN.json (the manifest's zh-CN override).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

async function zhNames() {
  const out = await build({
    entryPoints: [path.join(root, 'addin/src/functions/names.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    alias: { '@teamsheet/shared': path.join(root, 'shared/src') },
    logLevel: 'warning',
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** { en, 'zh-CN' }: the two metadata documents, as objects. Throws on any JSDoc the generator refuses. */
export async function functionsMetadata() {
  const generated = await generateCustomFunctionsMetadata(
    path.join(root, 'addin/src/functions/functions.ts'),
  );
  if (generated.errors.length > 0)
    throw new Error(`custom-functions-metadata: ${generated.errors.join('; ')}`);
  const en = JSON.parse(generated.metadataJson);
  const { ZH_CN } = await zhNames();
  const zh = {
    ...en,
    functions: en.functions.map((f) => {
      const local = ZH_CN[f.id];
      if (!local) throw new Error(`no zh-CN name for TEAMSHEET.${f.id} in addin/src/functions/names.ts`);
      return {
        ...f,
        name: local.name,
        description: local.description,
        parameters: f.parameters.map((p) => {
          const text = local.params[p.name];
          if (!text) throw new Error(`no zh-CN description of ${p.name} of TEAMSHEET.${f.id}`);
          return { ...p, description: text };
        }),
      };
    }),
  };
  return { en, 'zh-CN': zh };
}
