// The Content-Security-Policy of the task pane's HTML: what Office needs (framed by the Office hosts,
// office.js from Microsoft's CDN), what the pane needs (its own bundles, the API, Entra sign-in), and
// nothing else. Inline scripts are allowed by their hash, taken from the page as it is served.
import { createHash } from 'node:crypto';

type Env = Record<string, string | undefined>;

/** Where Office on the web, Teams and SharePoint frame a task pane from. */
export const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft.com',
  'https://*.sharepoint.com',
] as const;

/** office.js and the scripts it loads itself (host-specific files, strings). */
export const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/** Entra ID sign-in (MSAL's metadata and token requests, its silent-renewal frame). */
export const ENTRA_LOGIN_ORIGIN = 'https://login.microsoftonline.com';

/** `'sha256-…'` of each inline `<script>` of a page (scripts with `src` are covered by their origin). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(m[1] ?? '')) continue;
    hashes.push(
      `'sha256-${createHash('sha256')
        .update(m[2] ?? '', 'utf8')
        .digest('base64')}'`,
    );
  }
  return [...new Set(hashes)];
}

function origins(value: string | undefined): string[] {
  const out: string[] = [];
  for (const entry of (value ?? '').split(',').map((v) => v.trim())) {
    try {
      if (entry !== '') out.push(new URL(entry).origin);
    } catch {
      // not a URL: the setting's own check reports it where it is used
    }
  }
  return out;
}

/**
 * The policy for one page. `env`: TEAMSHEET_API_ORIGIN when the pane calls an API on another
 * origin than its own, TEAMSHEET_AUTH_ISSUER for the sign-in host (Entra's by default).
 */
export function taskPaneCsp(html: string, env: Env = process.env): string {
  const connect = new Set([
    "'self'",
    ...origins(env.TEAMSHEET_API_ORIGIN),
    ENTRA_LOGIN_ORIGIN,
    ...origins(env.TEAMSHEET_AUTH_ISSUER),
    OFFICE_JS_ORIGIN,
  ]);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", OFFICE_JS_ORIGIN, ...inlineScriptHashes(html)]],
    // Fluent UI (Griffel) and office.js insert <style> elements while the pane runs.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', [...connect]],
    ['frame-src', ["'self'", ENTRA_LOGIN_ORIGIN]],
    ['frame-ancestors', ["'self'", ...OFFICE_FRAME_ANCESTORS]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}
