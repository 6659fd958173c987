// Who is calling: verifies the bearer token (issuer, audience, expiry, tenant, signature through a
// JWKS) and turns its claims into a Principal. Entra ID in production, the dev issuer when enabled.
import { role as roleSchema, type Role } from '@teamsheet/shared';
import {
  createRemoteJWKSet,
  decodeJwt,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { HttpRequest } from '../azure';
import { HttpError, localeOf, statusTitle, type HttpLocale } from '../http';
import { devAlgorithm, devAudience, devAuthEnabled, devIssuer, devKeySet } from './devIssuer';
import { serverText, type ServerMessageKey } from '../messages';

/** The caller. `personId` is the `person_id` claim, else Entra's `oid`, else `sub`; it must match a Person id in the org. */
export type Principal = { personId: string; roles: Role[]; name?: string; tenantId?: string };

type Env = Record<string, string | undefined>;
type Verifier = {
  issuers: string[];
  audiences: string[];
  algorithms: string[];
  keys: () => Promise<JWTVerifyGetKey>;
  tenant?: string;
};

/** Tolerated clock skew between the issuer and this host. */
const clockToleranceSeconds = 60;
const knownRoles = new Set<string>(roleSchema.options);
const remoteKeySets = new Map<string, JWTVerifyGetKey>();

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** Production verification settings; undefined when none is set, a 500 when only some are. */
function productionVerifier(env: Env): Verifier | undefined {
  const issuers = list(env.TEAMSHEET_AUTH_ISSUER);
  const audiences = list(env.TEAMSHEET_AUTH_AUDIENCE);
  const jwksUri = env.TEAMSHEET_AUTH_JWKS_URI?.trim() ?? '';
  if (issuers.length === 0 && audiences.length === 0 && jwksUri === '') return undefined;
  const missing = [
    issuers.length === 0 ? 'TEAMSHEET_AUTH_ISSUER' : '',
    audiences.length === 0 ? 'TEAMSHEET_AUTH_AUDIENCE' : '',
    jwksUri === '' ? 'TEAMSHEET_AUTH_JWKS_URI' : '',
  ].filter((m) => m !== '');
  if (missing.length > 0) {
    throw new HttpError(
      500,
      'Sign-in is misconfigured',
      serverText('en', 'auth.misconfigured', { missing: missing.join(', ') }),
    );
  }
  const tenant = env.TEAMSHEET_AUTH_TENANT?.trim();
  return {
    issuers,
    audiences,
    algorithms: ['RS256'], // what Entra ID signs access tokens with
    keys: async () => {
      let keySet = remoteKeySets.get(jwksUri);
      if (!keySet) {
        keySet = createRemoteJWKSet(new URL(jwksUri));
        remoteKeySets.set(jwksUri, keySet);
      }
      return keySet;
    },
    ...(tenant ? { tenant } : {}),
  };
}

const devVerifier: Verifier = {
  issuers: [devIssuer],
  audiences: [devAudience],
  algorithms: [devAlgorithm],
  keys: devKeySet,
};

/** Dev tokens go to the dev issuer (when enabled); everything else to the production settings. */
function chooseVerifier(issuer: unknown, env: Env): Verifier {
  const dev = devAuthEnabled(env) ? devVerifier : undefined;
  const production = productionVerifier(env);
  if (dev && issuer === devIssuer) return dev;
  const verifier = production ?? dev;
  if (!verifier) {
    throw new HttpError(500, 'Sign-in is not configured', serverText('en', 'auth.not-configured'));
  }
  return verifier;
}

/** A 401 whose response must carry this `WWW-Authenticate` challenge (RFC 6750 §3). */
export class ChallengeError extends HttpError {
  readonly headers: Record<string, string>;
  constructor(detail: string, challenge: string) {
    super(401, statusTitle('en', 401), detail);
    this.headers = { 'WWW-Authenticate': challenge };
  }
}

/** A 401 with RFC 6750's challenge: the detail in the caller's language, the header in English. */
export function invalidToken(
  locale: HttpLocale,
  key: ServerMessageKey,
  params: Record<string, string> = {},
): ChallengeError {
  // error_description allows printable ASCII except '"' and '\'.
  const description = serverText('en', key, params)
    .replace(/["\\]/g, "'")
    .replace(/[^\x20-\x7e]/g, '?');
  return new ChallengeError(
    serverText(locale, key, params),
    `Bearer realm="teamsheet", error="invalid_token", error_description="${description}"`,
  );
}

function bearerToken(request: HttpRequest, locale: HttpLocale): string {
  const header = request.headers.get('authorization');
  if (!header) throw invalidToken(locale, 'auth.missing');
  const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(header);
  if (!match?.[1]) throw invalidToken(locale, 'auth.not-bearer');
  return match[1];
}

function quoted(values: unknown[]): string {
  return values.map((v) => `"${String(v)}"`).join(' or ');
}

function when(seconds: unknown): string {
  return typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : '?';
}

function wrongIssuer(locale: HttpLocale, issuer: unknown, verifier: Verifier): ChallengeError {
  return invalidToken(locale, 'auth.issuer', {
    actual: quoted([issuer]),
    expected: quoted(verifier.issuers),
  });
}

/** Turns jose's failure into a sentence a person can act on. */
function describeFailure(error: unknown, verifier: Verifier, locale: HttpLocale): HttpError {
  if (error instanceof errors.JWTExpired)
    return invalidToken(locale, 'auth.expired', { at: when(error.payload.exp) });
  if (error instanceof errors.JWTClaimValidationFailed) {
    const { claim, reason, payload } = error;
    if (claim === 'aud' && reason !== 'missing') {
      return invalidToken(locale, 'auth.audience', {
        actual: quoted([payload.aud].flat()),
        expected: quoted(verifier.audiences),
      });
    }
    if (claim === 'iss' && reason !== 'missing') return wrongIssuer(locale, payload.iss, verifier);
    if (claim === 'nbf') return invalidToken(locale, 'auth.not-before', { at: when(payload.nbf) });
    if (reason === 'missing') return invalidToken(locale, 'auth.claim-missing', { claim });
    return invalidToken(locale, 'auth.claim-rejected', { claim, reason: error.message });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return invalidToken(locale, 'auth.signature', { expected: quoted(verifier.issuers) });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return invalidToken(locale, 'auth.algorithm', { allowed: verifier.algorithms.join(', ') });
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported
  ) {
    return invalidToken(locale, 'auth.malformed');
  }
  // Key set unreachable or broken: the caller is not at fault, so no 401 that would make them sign in again.
  return new HttpError(503, statusTitle('en', 503), serverText(locale, 'auth.keys-unavailable'));
}

function principalFrom(payload: JWTPayload, locale: HttpLocale): Principal {
  const personId = [payload.person_id, payload.oid, payload.sub].find(
    (v): v is string => typeof v === 'string' && v !== '',
  );
  if (!personId) throw invalidToken(locale, 'auth.no-person');
  const roles = Array.isArray(payload.roles)
    ? [...new Set(payload.roles.filter((r): r is Role => typeof r === 'string' && knownRoles.has(r)))]
    : [];
  const principal: Principal = { personId, roles };
  if (typeof payload.name === 'string') principal.name = payload.name;
  if (typeof payload.tid === 'string') principal.tenantId = payload.tid;
  return principal;
}

/** Verifies the request's bearer token; every failure is a 401 with a `WWW-Authenticate` challenge. */
export async function authenticate(request: HttpRequest, env: Env = process.env): Promise<Principal> {
  const locale = localeOf(request);
  const token = bearerToken(request, locale);
  let issuer: unknown;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    throw invalidToken(locale, 'auth.malformed');
  }
  const verifier = chooseVerifier(issuer, env);
  // Checked before the signature so that a token from the wrong issuer is named as such, not as a bad key.
  if (typeof issuer === 'string' && !verifier.issuers.includes(issuer))
    throw wrongIssuer(locale, issuer, verifier);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, await verifier.keys(), {
      issuer: verifier.issuers,
      audience: verifier.audiences,
      algorithms: verifier.algorithms,
      clockTolerance: clockToleranceSeconds,
      requiredClaims: ['exp'],
    }));
  } catch (error) {
    throw describeFailure(error, verifier, locale);
  }
  if (verifier.tenant !== undefined && payload.tid !== verifier.tenant) {
    throw invalidToken(locale, 'auth.tenant', {
      actual: String(payload.tid ?? 'none'),
      expected: verifier.tenant,
    });
  }
  return principalFrom(payload, locale);
}
