// The sideloading certificate: office-addin-dev-certs where its certificate is trusted or installs
// without anyone answering, else the self-signed one in .certs/ with what to trust by hand. These run
// the real tool on a machine without its CA installed: nothing may prompt or reach the network.
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { banner, wrap } from '../src/host/banner';
import { sideloadCertificate, trustByHand } from '../src/host/certs';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'certs-'));

describe('sideload certificate', () => {
  it('falls back to a self-signed localhost certificate in .certs/ when the Office one cannot be installed without a prompt', async () => {
    const dir = scratch();
    const started = Date.now();
    const cert = await sideloadCertificate(path.join(dir, '.certs'), {
      devCertsDir: path.join(dir, 'home', '.office-addin-dev-certs'),
      mayPrompt: false,
      platform: 'linux',
      sudoWithoutPrompt: () => false,
    });
    expect(Date.now() - started).toBeLessThan(20_000); // nothing waited for a person
    expect(cert.source).toBe('self-signed');
    expect(cert.trusted).toBe(false);
    expect(cert.certFile).toBe(path.join(dir, '.certs', 'localhost.crt'));
    expect(existsSync(cert.certFile)).toBe(true);
    const x509 = new X509Certificate(cert.cert);
    expect(x509.subjectAltName).toContain('DNS:localhost');
    expect(x509.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.notice).toContain('needs someone to confirm');
    expect(cert.notice).toContain(
      `sudo cp "${cert.certFile}" /usr/local/share/ca-certificates/teamsheet-localhost.crt`,
    );
    expect(cert.notice).toContain('npm run certs');
  });

  it('keeps the same fallback certificate across starts, so trusting it once lasts', async () => {
    const dir = scratch();
    const options = { devCerts: false, platform: 'linux' as const };
    const first = await sideloadCertificate(dir, options);
    const second = await sideloadCertificate(dir, options);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.cert).toBe(first.cert);
    expect(second.notice).toContain('turned off (TEAMSHEET_DEV_CERTS=0 or CI)');
  });

  it('says how to trust the fallback by hand on each desktop OS', () => {
    expect(trustByHand('C:\\t\\localhost.crt', 'win32')).toBe(
      'Import-Certificate -FilePath "C:\\t\\localhost.crt" -CertStoreLocation Cert:\\CurrentUser\\Root (PowerShell)',
    );
    expect(trustByHand('/t/localhost.crt', 'darwin')).toBe(
      'security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "/t/localhost.crt"',
    );
  });

  it('on Windows and macOS, where installing asks the person, `npm start` does not try', async () => {
    const dir = scratch();
    for (const platform of ['win32', 'darwin'] as const) {
      const cert = await sideloadCertificate(dir, {
        devCertsDir: path.join(dir, 'none'),
        mayPrompt: false,
        platform,
        sudoWithoutPrompt: () => true,
      });
      expect(cert.source, platform).toBe('self-signed');
      expect(cert.notice, platform).toContain(`on ${platform} installing it needs someone to confirm`);
    }
  });
});

describe('the start banner on certificates', () => {
  const base = {
    httpUrl: 'http://localhost:7071',
    httpsUrl: 'https://localhost:3000',
    store: 'memory',
    devAuth: false,
    elapsedMs: 900,
  };

  it("prints the fallback's notice whole, wrapped for a terminal, under Certificate", () => {
    const notice = `Using the self-signed /r/.certs/localhost.crt instead: ${trustByHand('/r/.certs/localhost.crt', 'linux')}.`;
    const text = banner({ ...base, certFile: '/r/.certs/localhost.crt', certNotice: notice });
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('  Certificate  '));
    expect(first).toBeGreaterThan(0);
    const block = lines.slice(first).filter((l) => l.startsWith('               ') || l === lines[first]);
    expect(block.map((l) => l.slice(15)).join(' ')).toBe(notice);
    expect(Math.max(...block.map((l) => l.length))).toBeLessThanOrEqual(15 + 86);
    expect(text).toContain('npm run sideload');
  });

  it('says nothing more to do when the office-addin-dev-certs certificate is trusted', () => {
    const text = banner({
      ...base,
      certFile: '/home/u/.office-addin-dev-certs/localhost.crt',
      certTrusted: true,
    });
    expect(text).not.toContain('Certificate  ');
    expect(text).not.toContain('Trust /home');
    expect(text).toContain('(HTTPS, certificate /home/u/.office-addin-dev-certs/localhost.crt)');
  });

  it('wraps on spaces and keeps a word longer than the width whole', () => {
    expect(wrap('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrap('x /a/very/long/path y', 6)).toEqual(['x', '/a/very/long/path', 'y']);
  });
});
