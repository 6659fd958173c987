// The localhost certificate Excel needs to load a sideloaded task pane over HTTPS. First choice is the
// Office toolchain's: office-addin-dev-certs (a developer CA in ~/.office-addin-dev-certs, trusted in the
// OS store). Where that is not installed and cannot be without someone answering a prompt (CI, `npm
// start`, Linux without passwordless sudo) or the install fails, the self-signed certificate in .certs/
// as before, with a notice saying what to trust by hand. Nothing here ever waits for a person unless
// the caller allows it (`npm run certs`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import selfsigned from 'selfsigned';

export type DevCert = { key: string; cert: string; certFile: string; created: boolean };

export type SideloadCert = DevCert & {
  source: 'office-addin-dev-certs' | 'self-signed';
  /** True when the OS trust store already holds the certificate's issuer (as far as the tool can tell). */
  trusted: boolean;
  /** What happened and, for the fallback, what to trust by hand; shown in the start banner. */
  notice?: string;
};

/** The part of office-addin-dev-certs used here. */
export type DevCertsTool = {
  verifyCertificates(certificatePath?: string, keyPath?: string): boolean;
  ensureCertificatesAreInstalled(days?: number, domains?: string[], machine?: boolean): Promise<void>;
};

export type SideloadCertOptions = {
  /** Use office-addin-dev-certs at all (default true; `TEAMSHEET_DEV_CERTS=0` turns it off). */
  devCerts?: boolean;
  /** May the install ask someone (a sudo password, the OS trust dialog)? Default false. */
  mayPrompt?: boolean;
  /** Where office-addin-dev-certs keeps its files (default ~/.office-addin-dev-certs, as the tool does). */
  devCertsDir?: string;
  platform?: NodeJS.Platform;
  /** True when `sudo` runs without asking for a password (Linux); default: asks `sudo -n true`. */
  sudoWithoutPrompt?: () => boolean;
  /** Loads the tool (default: `import('office-addin-dev-certs')`); undefined when it is not installed. */
  loadTool?: () => Promise<DevCertsTool | undefined>;
};

/** The self-signed certificate of .certs/, made once and kept (so trusting it by hand lasts). */
export function ensureDevCert(dir: string): DevCert {
  const keyFile = path.join(dir, 'localhost.key');
  const certFile = path.join(dir, 'localhost.crt');
  if (existsSync(keyFile) && existsSync(certFile)) {
    return {
      key: readFileSync(keyFile, 'utf8'),
      cert: readFileSync(certFile, 'utf8'),
      certFile,
      created: false,
    };
  }
  const pems = selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    days: 825,
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert, certFile, created: true };
}

async function loadOfficeDevCerts(): Promise<DevCertsTool | undefined> {
  try {
    const mod = (await import('office-addin-dev-certs')) as DevCertsTool & { default?: DevCertsTool };
    return typeof mod.verifyCertificates === 'function' ? mod : mod.default;
  } catch {
    return undefined; // a production install without devDependencies
  }
}

function sudoRunsWithoutPassword(): boolean {
  // -n: never prompt; fails at once when a password would be needed (or sudo is missing).
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
}

/** Whether office-addin-dev-certs can put its CA into the trust store without anyone answering. */
function installsWithoutPrompt(platform: NodeJS.Platform, sudoWithoutPrompt: () => boolean): boolean {
  // Windows shows a trust dialog for the user store; macOS asks for the login keychain's password.
  return platform === 'linux' && sudoWithoutPrompt();
}

/** The by-hand trust step of the fallback certificate, for this OS. */
export function trustByHand(certFile: string, platform: NodeJS.Platform): string {
  switch (platform) {
    case 'win32':
      return `Import-Certificate -FilePath "${certFile}" -CertStoreLocation Cert:\\CurrentUser\\Root (PowerShell)`;
    case 'darwin':
      return `security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${certFile}"`;
    default:
      return `sudo cp "${certFile}" /usr/local/share/ca-certificates/teamsheet-localhost.crt && sudo update-ca-certificates (and import it into your browser's certificate settings)`;
  }
}

/**
 * The certificate of the sideloading HTTPS server: office-addin-dev-certs' when it is trusted or can be
 * installed here as allowed, else the self-signed one in `fallbackDir` with a notice.
 */
export async function sideloadCertificate(
  fallbackDir: string,
  options: SideloadCertOptions = {},
): Promise<SideloadCert> {
  const platform = options.platform ?? process.platform;
  const devCertsDir = options.devCertsDir ?? path.join(os.homedir(), '.office-addin-dev-certs');
  const certFile = path.join(devCertsDir, 'localhost.crt');
  const keyFile = path.join(devCertsDir, 'localhost.key');
  const fallback = (why: string): SideloadCert => {
    const cert = ensureDevCert(fallbackDir);
    return {
      ...cert,
      source: 'self-signed',
      trusted: false,
      notice:
        `${why} Using the self-signed ${cert.certFile} instead: Excel loads the task pane only once ` +
        `you trust it by hand: ${trustByHand(cert.certFile, platform)}. Or run \`npm run certs\` in a terminal ` +
        `to let office-addin-dev-certs install its certificate (it asks for your confirmation or password).`,
    };
  };
  if (options.devCerts === false)
    return fallback('office-addin-dev-certs is turned off (TEAMSHEET_DEV_CERTS=0 or CI).');
  const tool = await (options.loadTool ?? loadOfficeDevCerts)();
  if (!tool)
    return fallback('office-addin-dev-certs is not installed (npm ci installs it with the devDependencies).');

  const fromTool = (notice?: string): SideloadCert => ({
    key: readFileSync(keyFile, 'utf8'),
    cert: readFileSync(certFile, 'utf8'),
    certFile,
    created: false,
    source: 'office-addin-dev-certs',
    trusted: true,
    ...(notice ? { notice } : {}),
  });
  let verified = false;
  try {
    verified = tool.verifyCertificates(certFile, keyFile);
  } catch {
    verified = false; // the tool's check script could not run: treat as not installed
  }
  if (verified) return fromTool();

  const mayInstall =
    options.mayPrompt === true ||
    installsWithoutPrompt(platform, options.sudoWithoutPrompt ?? sudoRunsWithoutPassword);
  if (!mayInstall) {
    return fallback(
      `The office-addin-dev-certs certificate is not installed, and on ${platform} installing it needs someone to confirm.`,
    );
  }
  try {
    await tool.ensureCertificatesAreInstalled();
    return fromTool(
      `Installed the office-addin-dev-certs certificate authority (${path.join(devCertsDir, 'ca.crt')}).`,
    );
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).trim().split('\n')[0];
    return fallback(`office-addin-dev-certs could not install its certificate (${message}).`);
  }
}
