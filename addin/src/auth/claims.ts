// Reads the claims of a bearer token for display (who is signed in, which roles); the API is what
// verifies tokens, so nothing here is trusted for access decisions.
import { SignInError } from './errors';

export type TokenClaims = {
  person_id?: string;
  oid?: string;
  sub?: string;
  name?: string;
  preferred_username?: string;
  roles?: unknown;
  tid?: string;
  exp?: number;
  [claim: string]: unknown;
};

/** A signed-in session as the task pane keeps it. */
export type SignIn = { token: string; personId: string; name?: string; roles: string[] };

/** The payload of a JWT, decoded without verification (display only). UTF-8 safe, so Chinese names survive. */
export function decodeClaims(token: string): TokenClaims {
  const parts = token.split('.');
  const payload = parts[1];
  if (parts.length !== 3 || !payload) {
    throw new SignInError(
      'The sign-in token is not a JWT (expected three dot-separated parts); sign in again.',
      undefined,
      { key: 'signIn.why.notJwt' },
    );
  }
  try {
    const base64 = payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
      throw new Error('not an object');
    return claims as TokenClaims;
  } catch {
    throw new SignInError(
      'The sign-in token could not be read (its payload is not base64url JSON); sign in again.',
      undefined,
      { key: 'signIn.why.unreadable' },
    );
  }
}

/**
 * The session a token stands for, with the same person-id rule as the API: the `person_id` claim,
 * else Entra's `oid`, else `sub`.
 */
export function signInFromToken(token: string): SignIn {
  const claims = decodeClaims(token);
  const personId = [claims.person_id, claims.oid, claims.sub].find(
    (v): v is string => typeof v === 'string' && v !== '',
  );
  if (!personId)
    throw new SignInError('The sign-in token names no person (no person_id, oid or sub claim).', undefined, {
      key: 'signIn.why.noPerson',
    });
  const roles = Array.isArray(claims.roles)
    ? claims.roles.filter((r): r is string => typeof r === 'string')
    : [];
  const name = typeof claims.name === 'string' ? claims.name : undefined;
  return name === undefined ? { token, personId, roles } : { token, personId, name, roles };
}
