// Builds the task pane: addin/taskpane.html → addin/dist (served by npm start's host at /taskpane.html).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The manifest's icons live in the repository's assets/ and are served next to the bundles, at /assets/icon-*.png. */
function manifestIcons(): Plugin {
  const dir = here('../assets');
  const icons = () => readdirSync(dir).filter((f) => f.endsWith('.png'));
  return {
    name: 'teamsheet-manifest-icons',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'link',
          attrs: { rel: 'icon', type: 'image/png', href: './assets/icon-32.png' },
          injectTo: 'head',
        },
      ],
    },
    generateBundle() {
      for (const file of icons())
        this.emitFile({ type: 'asset', fileName: `assets/${file}`, source: readFileSync(`${dir}/${file}`) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = /^\/assets\/(icon-\d+\.png)$/.exec(req.url ?? '')?.[1];
        if (!name || !icons().includes(name)) return next();
        res.setHeader('content-type', 'image/png');
        res.end(readFileSync(`${dir}/${name}`));
      });
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react(), manifestIcons()],
  // The core's entries are its folders: `@teamsheet/shared` is src/index.ts, `@teamsheet/shared/demo` src/demo/.
  resolve: { alias: { '@teamsheet/shared': here('../shared/src') } },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { taskpane: here('taskpane.html') } },
  },
  server: { port: 3000, strictPort: true },
});
