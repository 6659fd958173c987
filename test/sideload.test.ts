// `npm run sideload`: the office-addin-debugging command it runs on a desktop with Excel, and its
// refusal where there is none (this Linux machine): a clear message and a non-zero exit, nothing run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OFFICE_ADDIN_DEBUGGING, sideloadCommand } from '../scripts/sideload.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = '/repo/manifest.xml';

describe('npm run sideload', () => {
  it('starts office-addin-debugging for desktop Excel with npm start as the dev server on port 3000', () => {
    expect(sideloadCommand([], { platform: 'darwin', manifest, excelInstalled: true })).toEqual({
      command: 'npx',
      args: [
        '--yes',
        'office-addin-debugging@7.0.0',
        'start',
        manifest,
        'desktop',
        '--app',
        'excel',
        '--dev-server',
        'npm start',
        '--dev-server-port',
        '3000',
        '--no-debug',
      ],
    });
    expect(OFFICE_ADDIN_DEBUGGING).toBe('office-addin-debugging@7.0.0');
  });

  it('stops (unregisters the manifest) with `-- stop`, through npx.cmd on Windows', () => {
    expect(
      sideloadCommand(['stop', '--dry-run'], { platform: 'win32', manifest, excelInstalled: true }),
    ).toEqual({
      command: 'npx.cmd',
      args: ['--yes', 'office-addin-debugging@7.0.0', 'stop', manifest, 'desktop'],
    });
  });

  it('refuses unknown arguments, a machine without desktop Excel, and Linux, each saying what to do', () => {
    expect(sideloadCommand(['--web'], { platform: 'win32', excelInstalled: true })).toEqual({
      refused: expect.stringContaining('Unknown arguments: --web') as string,
    });
    const noExcel = sideloadCommand([], { platform: 'win32', excelInstalled: false });
    expect('refused' in noExcel && noExcel.refused).toMatch(/found no desktop Excel.*upload manifest\.xml/);
    const linux = sideloadCommand([], { platform: 'linux' });
    expect('refused' in linux && linux.refused).toMatch(
      /needs desktop Excel, which runs on Windows and macOS; this machine is linux.*Upload My Add-in/,
    );
  });

  const noDesktopExcel = !['win32', 'darwin'].includes(process.platform);
  it.runIf(noDesktopExcel)(
    'exits 1 with that message on this machine (no Office), even with --dry-run, and runs nothing',
    () => {
      const r = spawnSync(process.execPath, [path.join(root, 'scripts/sideload.mjs'), '--dry-run'], {
        encoding: 'utf8',
        env: { ...process.env, PATH: '' }, // npx cannot even be found: nothing may be started
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`this machine is ${process.platform}`);
    },
  );
});
