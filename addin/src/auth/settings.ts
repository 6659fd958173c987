// The Entra ID settings of production sign-in, read from the Vite build environment
// (VITE_TEAMSHEET_CLIENT_ID, VITE_TEAMSHEET_AUTHORITY, VITE_TEAMSHEET_API_SCOPE, VITE_TEAMSHEET_REDIRECT_URI).
import { SignInError } from './errors';

export type AuthSettings = {
  /** Application (client) id of the task pane's app registration. */
  clientId: string;
  /** e.g. `https://login.microsoftonline.com/<tenant id>`; `…/organizations` when not set. */
  authority: string;
  /** The API's delegated scope, e.g. `api://<api client id>/access_as_user`. */
  apiScope: string;
  /** Where Entra returns the Office dialog fallback to; `<task pane origin>/auth.html` when not set. */
  redirectUri?: string;
};

type Env = Record<string, string | boolean | undefined>;

const defaultAuthority = 'https://login.microsoftonline.com/organizations';

function buildEnv(): Env {
  // import.meta.env exists only under Vite; under Node (tests) there is nothing to read.
  return (import.meta as { env?: Env }).env ?? {};
}

function text(env: Env, key: string): string | undefined {
  const value = env[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** True when the build carries what production sign-in needs (client id and API scope). */
export function entraConfigured(env: Env = buildEnv()): boolean {
  return (
    text(env, 'VITE_TEAMSHEET_CLIENT_ID') !== undefined && text(env, 'VITE_TEAMSHEET_API_SCOPE') !== undefined
  );
}

/** The production sign-in settings, or a SignInError naming every missing variable. */
export function readAuthSettings(env: Env = buildEnv()): AuthSettings {
  const clientId = text(env, 'VITE_TEAMSHEET_CLIENT_ID');
  const apiScope = text(env, 'VITE_TEAMSHEET_API_SCOPE');
  const missing = [
    clientId === undefined
      ? 'VITE_TEAMSHEET_CLIENT_ID (the task pane app registration’s client id)'
      : undefined,
    apiScope === undefined
      ? 'VITE_TEAMSHEET_API_SCOPE (e.g. api://<api client id>/access_as_user)'
      : undefined,
  ].filter((m): m is string => m !== undefined);
  if (clientId === undefined || apiScope === undefined) {
    throw new SignInError(
      `Microsoft sign-in is not configured in this build: set ${missing.join(' and ')} in addin/.env and rebuild.`,
      undefined,
      { key: 'signIn.why.unconfigured', params: { missing: missing.join(', ') } },
    );
  }
  const authority = (text(env, 'VITE_TEAMSHEET_AUTHORITY') ?? defaultAuthority).replace(/\/+$/, '');
  if (!/^https:\/\//.test(authority)) {
    throw new SignInError(`VITE_TEAMSHEET_AUTHORITY must be an https URL, got "${authority}".`, undefined, {
      key: 'signIn.why.authority',
      params: { authority },
    });
  }
  const redirectUri = text(env, 'VITE_TEAMSHEET_REDIRECT_URI');
  return redirectUri === undefined
    ? { clientId, authority, apiScope }
    : { clientId, authority, apiScope, redirectUri };
}
