// manifest.xml against Microsoft's manifest XSDs (offline, xmllint), with a broken copy that must
// fail so the check can fail; the icons and API requirement it names must match the code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_DIALOG_PAGE } from '../src/auth';
import { REQUIRED_EXCEL_API } from '../src/office/host';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schema = path.join(root, 'schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd');
const manifestPath = path.join(root, 'manifest.xml');
const manifest = readFileSync(manifestPath, 'utf8');

function xmllint(file: string) {
  return spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
}

describe('manifest.xml', () => {
  it('validates against the Office add-in manifest schema', () => {
    const r = xmllint(manifestPath);
    expect(r.error, 'xmllint must be installed (Debian: libxml2-utils)').toBeUndefined();
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('fails validation when an element is broken (so this check can fail)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'manifest-'));
    const broken = path.join(dir, 'manifest.xml');
    // Permissions only takes Restricted, ReadDocument, ReadWriteDocument or WriteDocument; and an unknown element.
    writeFileSync(
      broken,
      manifest.replace(
        '<Permissions>ReadWriteDocument</Permissions>',
        '<Permissions>Everything</Permissions><Bogus/>',
      ),
    );
    const r = xmllint(broken);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/fails to validate/);
  });

  it('references icon files that exist, at 16, 32 and 80 px for the ribbon', () => {
    const urls = [
      ...manifest.matchAll(/DefaultValue="https:\/\/localhost:3000\/assets\/([\w-]+\.png)"/g),
    ].map((m) => m[1]!);
    expect(new Set(urls)).toEqual(new Set(['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']));
    for (const file of urls) {
      const bytes = readFileSync(path.join(root, 'assets', file));
      expect(bytes.subarray(1, 4).toString('ascii'), file).toBe('PNG');
      const size = Number(/icon-(\d+)/.exec(file)![1]);
      expect(bytes.readUInt32BE(16), `${file} width`).toBe(size);
      expect(bytes.readUInt32BE(20), `${file} height`).toBe(size);
    }
    expect(existsSync(path.join(root, 'scripts/make-icons.mjs'))).toBe(true);
  });

  it('is a task pane for Excel that opens with the office flag and asks for the ExcelApi set the code checks', () => {
    expect(manifest).toContain('xsi:type="TaskPaneApp"');
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain(`<Set Name="ExcelApi" MinVersion="${REQUIRED_EXCEL_API}"/>`);
    expect(manifest).toContain(
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html?office=1"/>',
    );
    expect(manifest).toContain('<Override Locale="zh-CN"');
  });
});

describe('manifest.xml and the sign-in dialog', () => {
  it("puts the dialog page on the task pane's origin, an AppDomain, with Entra ID's origin beside it", () => {
    const source = /<SourceLocation DefaultValue="([^"]+)"\/>/.exec(manifest)?.[1] ?? '';
    const dialogPage = new URL(SIGN_IN_DIALOG_PAGE, source);
    expect(dialogPage.href).toBe('https://localhost:3000/auth.html');
    const appDomains = [...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
    // displayDialogAsync opens only pages of the pane's domain; messageParent is accepted from AppDomains.
    expect(appDomains).toContain(dialogPage.origin);
    expect(appDomains).toContain('https://login.microsoftonline.com');
    expect(existsSync(path.join(root, 'addin', SIGN_IN_DIALOG_PAGE))).toBe(true);
  });
});

describe('manifest.xml read by office-addin-manifest (the manifest tooling of the Office Add-ins CLI)', () => {
  it('parses as an Excel (Workbook) task pane that loads the task pane with the Office flag', async () => {
    const { OfficeAddinManifest } = await import('office-addin-manifest');
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe('https://localhost:3000/taskpane.html?office=1');
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
