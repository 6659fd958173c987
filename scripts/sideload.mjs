// `npm run sideload`: registers manifest.xml with desktop Excel and opens it, through the Office
// toolchain's office-addin-debugging, with `npm start` as the dev server on https://localhost:3000.
// `npm run sideload -- stop` unregisters it; `--dry-run` prints the command instead of running it.
// office-addin-debugging runs through npx at a pinned version rather than as a devDependency: its
// office-addin-dev-settings pulls @microsoft/m365agentstoolkit-cli and the native keytar as peers,
// which do not build on a machine without a desktop keyring (Linux CI), and `npm ci` must work there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const OFFICE_ADDIN_DEBUGGING = 'office-addin-debugging@7.0.0';
export const DESKTOP_EXCEL_PLATFORMS = ['win32', 'darwin'];

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Whether desktop Excel is installed where Microsoft 365 puts it (Click-to-Run on Windows, /Applications on macOS). */
export function desktopExcelInstalled(platform = process.platform, env = process.env) {
  if (platform === 'darwin') return existsSync('/Applications/Microsoft Excel.app');
  if (platform !== 'win32') return false;
  return [env.ProgramFiles, env['ProgramFiles(x86)']]
    .filter(Boolean)
    .some((dir) => existsSync(path.join(dir, 'Microsoft Office', 'root', 'Office16', 'EXCEL.EXE')));
}

/**
 * What to run for these arguments (`start` by default, or `stop`), or the reason it cannot run here.
 * @returns {{ command: string, args: string[] } | { refused: string }}
 */
export function sideloadCommand(
  argv,
  {
    platform = process.platform,
    manifest = path.join(root, 'manifest.xml'),
    excelInstalled = desktopExcelInstalled(platform),
  } = {},
) {
  const words = argv.filter((a) => !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--dry-run');
  const action = words[0] ?? 'start';
  if (unknown.length > 0 || words.length > 1 || (action !== 'start' && action !== 'stop'))
    return {
      refused: `Unknown arguments: ${argv.join(' ')}. Use: npm run sideload [-- stop] [-- --dry-run]`,
    };
  if (!DESKTOP_EXCEL_PLATFORMS.includes(platform))
    return {
      refused:
        `npm run sideload needs desktop Excel, which runs on Windows and macOS; this machine is ${platform}. ` +
        'For Excel on the web: run `npm start`, then in a workbook choose Insert > Add-ins > Upload My Add-in ' +
        '(Home > Add-ins > More Add-ins > Upload My Add-in) and upload manifest.xml (see README, "Sideload into Excel").',
    };
  if (!excelInstalled)
    return {
      refused:
        'npm run sideload found no desktop Excel on this machine (Microsoft 365 Excel: EXCEL.EXE under Program Files\\Microsoft Office\\root\\Office16 ' +
        'on Windows, /Applications/Microsoft Excel.app on macOS). Install it, or use Excel on the web: run `npm start` and upload manifest.xml ' +
        '(see README, "Sideload into Excel").',
    };
  const npx = platform === 'win32' ? 'npx.cmd' : 'npx';
  const tool = ['--yes', OFFICE_ADDIN_DEBUGGING];
  if (action === 'stop') return { command: npx, args: [...tool, 'stop', manifest, 'desktop'] };
  return {
    command: npx,
    args: [
      ...tool,
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
  };
}

function main() {
  const argv = process.argv.slice(2);
  const dryRun = argv.includes('--dry-run');
  const planned = sideloadCommand(argv);
  if ('refused' in planned) {
    console.error(planned.refused);
    process.exit(1);
  }
  if (dryRun) {
    console.log(JSON.stringify(planned));
    return;
  }
  const r = spawnSync(planned.command, planned.args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.error) {
    console.error(`Could not run ${OFFICE_ADDIN_DEBUGGING} through npx: ${r.error.message}`);
    process.exit(1);
  }
  if (r.status !== 0)
    console.error(
      `${OFFICE_ADDIN_DEBUGGING} failed (exit ${r.status}). Is desktop Excel (Microsoft 365) installed and signed in? ` +
        'The README\'s "Sideload into Excel" has the manual steps.',
    );
  process.exit(r.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
