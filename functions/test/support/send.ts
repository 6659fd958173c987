// A plain node:http(s) client for tests against the running local host: fixed bodies, chunked bodies,
// headers only (the body held back), or an upload that never ends (it stops once the answer arrives).
import http from 'node:http';
import https from 'node:https';

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type SendOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  chunks?: Buffer[];
  /** Headers only: the host must answer without the body. */
  holdBody?: boolean;
  /** Write this chunk again and again, without a Content-Length, until the host answers. */
  endless?: Buffer;
};

export function send(url: string, options: SendOptions = {}): Promise<Answer> {
  const lib = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = lib.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false },
      (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', (error) => {
      // The host closes the connection after refusing an upload that is still arriving.
      if (!answered) reject(error);
    });
    if (options.holdBody) return void req.flushHeaders();
    if (options.endless) {
      const chunk = options.endless;
      const pump = () => {
        while (!answered && !req.destroyed && req.write(chunk));
        if (!answered && !req.destroyed) req.once('drain', pump);
      };
      return pump();
    }
    for (const c of options.chunks ?? []) req.write(c);
    req.end(options.body);
  });
}
