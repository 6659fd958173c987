// What `npm start` prints: where things are, whom to sign in as, and how to sideload into Excel.
import type { Org, Person } from '@teamsheet/shared';
import { isLoopbackOrigin } from '../http';

function pad(s: string, n: number): string {
  // CJK characters take two columns in a terminal.
  const width = [...s].reduce(
    (w, ch) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
    0,
  );
  return s + ' '.repeat(Math.max(1, n - width));
}

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A few people of each role worth signing in as: the admin, finance, the regional heads, some managers and reps. */
export function samplePeople(org: Pick<Org, 'people'>): Person[] {
  const take = (role: Person['role'], n: number) =>
    org.people.filter((p) => p.role === role && !p.exitDate).slice(0, n);
  return [
    ...take('admin', 1),
    ...take('finance', 2),
    ...take('regional_head', 3),
    ...take('manager', 3),
    ...take('rep', 2),
  ];
}

/** "localhost ports 3000, 7071; https://teamsheet.contoso.com": who may call the API from a browser. */
export function corsSummary(origins: readonly string[]): string {
  const ports = [...new Set(origins.filter(isLoopbackOrigin).map((o) => new URL(o).port))];
  const others = origins.filter((o) => !isLoopbackOrigin(o));
  const parts = [...(ports.length > 0 ? [`localhost ports ${ports.join(', ')}`] : []), ...others];
  return parts.length > 0 ? parts.join('; ') : 'same origin only';
}

export function banner(args: {
  httpUrl: string;
  httpsUrl?: string;
  certFile?: string;
  /** What the certificate step did or what to trust by hand (see host/certs.ts). */
  certNotice?: string;
  /** The certificate is trusted by the OS (office-addin-dev-certs installed its CA). */
  certTrusted?: boolean;
  store: string;
  /** The origins allowed by CORS (loopback ones are summed up by port). */
  corsOrigins?: readonly string[];
  devAuth: boolean;
  org?: Pick<Org, 'people' | 'units'>;
  elapsedMs: number;
}): string {
  const lines: string[] = [];
  lines.push('', `Teamsheet is running (ready in ${(args.elapsedMs / 1000).toFixed(1)} s).`, '');
  lines.push(`  API          ${args.httpUrl}/api/health   (OpenAPI: ${args.httpUrl}/api/openapi.json)`);
  lines.push(`  Task pane    ${args.httpUrl}/taskpane.html   (a browser opens it in preview mode)`);
  if (args.httpsUrl)
    lines.push(`  Sideload     ${args.httpsUrl}/taskpane.html   (HTTPS, certificate ${args.certFile})`);
  lines.push(`  Store        ${args.store}`);
  if (args.corsOrigins) lines.push(`  CORS         ${corsSummary(args.corsOrigins)}`);
  if (args.devAuth && args.org) {
    const unitName = new Map(args.org.units.map((u) => [u.id, u.name]));
    lines.push('', `  Demo people (sign in with GET ${args.httpUrl}/api/dev/token?person=<id>):`);
    for (const p of samplePeople(args.org)) {
      lines.push(
        `    ${pad(p.id, 22)}${pad(p.role, 15)}${pad(p.name ?? '', 10)}${unitName.get(p.unitId) ?? p.unitId}`,
      );
    }
  }
  lines.push('', '  Sideload into Excel (manifest.xml at the repository root):');
  lines.push('    Excel on the web: Home > Add-ins > More Add-ins > Upload My Add-in, choose manifest.xml.');
  lines.push(
    '    Excel desktop (Windows): copy manifest.xml into a shared "wef" folder catalog, or on macOS into',
  );
  lines.push('      ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/, then Insert > My Add-ins.');
  lines.push(
    '    Or `npm run sideload` (Windows, macOS): office-addin-debugging registers it and opens Excel.',
  );
  if (args.httpsUrl && args.certNotice)
    lines.push(
      '',
      ...wrap(args.certNotice, 86).map((l, i) => `  ${i === 0 ? 'Certificate' : '           '}  ${l}`),
    );
  else if (args.httpsUrl && !args.certTrusted)
    lines.push(
      `    Trust ${args.certFile} in your OS certificate store first, or Excel refuses the task pane.`,
    );
  lines.push('', '  Ctrl-C stops everything (every answered write is already on disk).', '');
  return lines.join('\n');
}
