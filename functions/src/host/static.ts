// Serves the built task pane (addin/dist) for browsers in preview mode and for Excel when sideloaded:
// every answer with `nosniff`, each HTML page with the task pane's Content-Security-Policy.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { taskPaneCsp } from './csp';

const NOSNIFF = { 'x-content-type-options': 'nosniff' };

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function plain(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...NOSNIFF, ...headers });
  res.end(text);
}

export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  root: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return plain(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
  if (url.pathname === '/') {
    res.writeHead(302, { location: '/taskpane.html', ...NOSNIFF });
    res.end();
    return;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return plain(res, 400, 'Bad path');
  }
  const file = path.resolve(root, `.${relative}`);
  // A path that climbs out of the task pane's folder is not served, whatever it names.
  if (file !== root && !file.startsWith(root + path.sep)) return plain(res, 404, 'Not found');
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    const hint =
      relative === '/taskpane.html'
        ? ' The task pane is not built yet: run `npm run build` (or `npm start`, which builds first).'
        : '';
    return plain(res, 404, `Not found: ${relative}.${hint}`);
  }
  if (file.endsWith('.html')) {
    // A page is small: read whole, so its inline scripts' hashes go into its policy.
    const html = await readFile(file);
    res.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-length': String(html.byteLength),
      // Built assets carry content hashes in their names; the HTML that names them must be re-read.
      'cache-control': 'no-cache',
      'content-security-policy': taskPaneCsp(html.toString('utf8')),
      ...NOSNIFF,
    });
    return void res.end(req.method === 'HEAD' ? undefined : html);
  }
  res.writeHead(200, {
    'content-type': contentTypeOf(file),
    'content-length': String(info.size),
    'cache-control': 'public, max-age=3600',
    ...NOSNIFF,
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}
