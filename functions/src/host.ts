// The local host behind `npm start` (node functions/dist/host.js): the same route handlers as Azure
// Functions over node:http, the embedded SQLite store (or Cosmos DB) with the demo organisation, and
// the built task pane over HTTP (preview in a browser) and HTTPS (sideloading into Excel).
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import './main';
import { assertDevAuthAllowed, devAuthEnabled } from './auth';
import { API_SECURITY_HEADERS, corsPolicy, loopbackOrigins, type CorsPolicy } from './http';
import { demoOrg, loadDemoActuals } from './demoData';
import { sideloadCertificate } from './host/certs';
import { banner } from './host/banner';
import { dispatchApi, type Logger } from './host/dispatch';
import { serveStatic } from './host/static';
import { configureStore, getStore, resetStore } from './store';
import { currentTenant, readLatestOrg, saveOrg } from './repositories';
import { importEarlierSnapshot } from './store/importSnapshot';
import { SQLITE_FILE } from './store/sqlite';

export type HostOptions = {
  /** HTTP port (API and task pane); default PORT or 7071; 0 picks a free one. */
  port?: number;
  /** HTTPS port for sideloading; default ADDIN_HTTPS_PORT or 3000; false when TEAMSHEET_HTTPS=0 or CI is set. */
  httpsPort?: number | false;
  /** Interface to listen on; default 127.0.0.1 (this host is for one developer's machine). */
  hostname?: string;
  /**
   * Take the HTTPS certificate from office-addin-dev-certs when it is trusted or installs without a
   * prompt (default: unless TEAMSHEET_DEV_CERTS=0 or CI is set); false: the self-signed one in .certs/.
   */
  devCerts?: boolean;
  /** Repository root (addin/dist and .certs live there). */
  rootDir?: string;
  /** The embedded store's folder; default TEAMSHEET_DATA_DIR or <root>/.data; null keeps data in memory. */
  dataDir?: string | null;
  /** Load the demo organisation into an empty store (default true). */
  loadDemo?: boolean;
  /**
   * With a freshly loaded demo organisation, also store its year of transactions, activities and last
   * year's history, in the background once the host answers (default: TEAMSHEET_DEMO_ACTUALS !== '0').
   */
  loadDemoActuals?: boolean;
  /** Print the banner and request errors (default true); `errors`: only request errors. */
  log?: boolean | 'errors';
};

export type RunningHost = {
  url: string;
  port: number;
  httpsUrl?: string;
  httpsPort?: number;
  store: 'embedded' | 'cosmos';
  /** The origins whose pages may call the API (CORS), as the settings and the ports make them. */
  allowedOrigins(): readonly string[];
  close(): Promise<void>;
};

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function envPort(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`not a port number: ${value}`);
  return n;
}

export async function startHost(options: HostOptions = {}): Promise<RunningHost> {
  const env = process.env;
  const root = options.rootDir ?? defaultRoot;
  const hostname = options.hostname ?? env.HOST ?? '127.0.0.1';
  const logErrors = (options.log ?? true) !== false;
  const log = options.log === 'errors' ? false : logErrors;
  const logger: Logger = {
    info: (m) => log && console.log(m),
    error: (m, e) => logErrors && console.error(m, e ?? ''),
  };

  // Sign-in with demo people is the point of the local host; the auth module refuses it in production.
  env.TEAMSHEET_DEV_AUTH ??= '1';
  assertDevAuthAllowed(env);

  // CORS: the configured origins, and in local development the loopback origins of the ports this
  // host serves the pane from (known once they listen) and ADDIN_HTTPS_PORT. A bad setting stops the start.
  const localDevelopment = env.NODE_ENV !== 'production';
  const panePorts: number[] = [];
  let cors: CorsPolicy = corsPolicy(env, { localDevelopment });
  const allowPanePort = (port: number) => {
    panePorts.push(port);
    cors = corsPolicy(env, { localDevelopment, paneOrigins: loopbackOrigins(panePorts) });
  };
  allowPanePort(envPort(env.ADDIN_HTTPS_PORT, 3000));
  for (const entry of cors.ignored)
    logger.info(`CORS: ${entry} is a localhost origin and NODE_ENV=production; it is not allowed.`);

  const embedded = !env.COSMOS_ENDPOINT;
  const dataDir = !embedded
    ? null
    : options.dataDir === undefined
      ? path.resolve(root, env.TEAMSHEET_DATA_DIR ?? '.data')
      : options.dataDir;
  const storeFile = dataDir === null ? ':memory:' : path.join(dataDir, SQLITE_FILE);
  if (embedded) configureStore({ kind: 'embedded', file: storeFile });
  const servers: (http.Server | https.Server)[] = [];
  let demoLoad: Promise<void> | undefined;
  const stop = async () => {
    await demoLoad; // the demo year is loaded only with a fresh org: let it finish whole
    await Promise.all(
      servers.map((s) => {
        s.closeAllConnections();
        return new Promise<void>((resolve) => s.close(() => resolve()));
      }),
    );
    await resetStore();
  };

  try {
    await getStore();
    if (dataDir) {
      const imported = await importEarlierSnapshot(dataDir);
      if (imported.status === 'imported' && log)
        console.log(
          `  Imported the earlier store ${imported.file}: ${imported.documents} documents, ${imported.transactions} transactions, ${imported.auditEntries} audit entries (kept as ${imported.file}.imported).`,
        );
    }
    let org = (await readLatestOrg(currentTenant()))?.version.org;
    let freshDemo = false;
    if (!org && (options.loadDemo ?? true)) {
      const demo = demoOrg();
      const saved = await saveOrg(demo, 'system:demo-loader', { tenantId: currentTenant() });
      if (saved.status !== 'stale') org = saved.version.org;
      freshDemo = true;
    }

    const staticRoot = path.join(root, 'addin', 'dist');
    const serve = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'localhost'}`);
      const work =
        url.pathname === '/api' || url.pathname.startsWith('/api/')
          ? dispatchApi(req, res, url, logger, { cors, scheme })
          : serveStatic(req, res, url, staticRoot);
      work.catch((error: unknown) => {
        logger.error(`${req.method} ${url.pathname} failed`, error);
        if (!res.headersSent)
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', ...API_SECURITY_HEADERS });
        res.end('Internal server error');
      });
    };

    const listen = (server: http.Server | https.Server, port: number) =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, hostname, () => resolve((server.address() as AddressInfo).port));
      });

    const httpServer = http.createServer(serve('http'));
    servers.push(httpServer);
    const port = await listen(httpServer, options.port ?? envPort(env.PORT, 7071));
    allowPanePort(port);
    const shown =
      hostname === '127.0.0.1' || hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname;
    const url = `http://${shown}:${port}`;

    const httpsWanted =
      options.httpsPort ??
      (env.TEAMSHEET_HTTPS === '0' || env.CI ? false : envPort(env.ADDIN_HTTPS_PORT, 3000));
    let httpsUrl: string | undefined;
    let httpsPort: number | undefined;
    let certFile: string | undefined;
    let certNotice: string | undefined;
    let certTrusted = false;
    if (httpsWanted !== false) {
      // Never a prompt here: `npm start` must not wait for a password; `npm run certs` may ask.
      const cert = await sideloadCertificate(path.join(root, '.certs'), {
        devCerts: options.devCerts ?? (env.TEAMSHEET_DEV_CERTS !== '0' && !env.CI),
        mayPrompt: false,
      });
      certFile = cert.certFile;
      certNotice = cert.notice;
      certTrusted = cert.trusted;
      const httpsServer = https.createServer({ key: cert.key, cert: cert.cert }, serve('https'));
      servers.push(httpsServer);
      httpsPort = await listen(httpsServer, httpsWanted);
      allowPanePort(httpsPort);
      httpsUrl = `https://${shown}:${httpsPort}`;
    }

    if (log) {
      const store = embedded
        ? `embedded SQLite, ${dataDir === null ? 'in memory only' : storeFile}`
        : `Cosmos DB at ${env.COSMOS_ENDPOINT}`;
      console.log(
        banner({
          httpUrl: url,
          httpsUrl,
          certFile,
          certNotice,
          certTrusted,
          store,
          corsOrigins: cors.origins,
          devAuth: devAuthEnabled(env),
          org,
          elapsedMs: performance.now(),
        }),
      );
    }
    if (freshDemo && org && (options.loadDemoActuals ?? env.TEAMSHEET_DEMO_ACTUALS !== '0')) {
      const demoOrgInForce = org;
      // In the background: the API answers at once, and the data arrive within seconds.
      demoLoad = loadDemoActuals(currentTenant(), demoOrgInForce).then(
        (loaded) => {
          if (log)
            console.log(
              `  Demo data stored: ${loaded.transactions} transactions and ${loaded.activities} activity counts of 2026, ${loaded.history} monthly revenue actuals of 2025, ${loaded.plans} team plans of 2026.`,
            );
        },
        (error: unknown) => logger.error('storing the demo actuals failed', error),
      );
    }
    return {
      url,
      port,
      httpsUrl,
      httpsPort,
      store: embedded ? 'embedded' : 'cosmos',
      allowedOrigins: () => cors.origins,
      close: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

// Run as a program (`node functions/dist/host.js`), not when imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  startHost().then(
    (host) => {
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`\n${signal}: stopping Teamsheet…`);
        host.close().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(error);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
    },
    (error: unknown) => {
      console.error('Teamsheet could not start:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
