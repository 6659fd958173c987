// The local development issuer: an ES256 key pair made once per process signs tokens for the demo
// people, so `npm start` works without Entra ID. Only trusted while TEAMSHEET_DEV_AUTH=1, never in production.
import type { Org } from '@teamsheet/shared';
import {
  SignJWT,
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type CryptoKey,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { HttpError, statusTitle } from '../http';
import { serverText } from '../messages';

export const devIssuer = 'https://teamsheet.local/dev';
export const devAudience = 'api://teamsheet';
export const devAlgorithm = 'ES256';
const devTokenLifetime = '8h';

type Env = Record<string, string | undefined>;

/** TEAMSHEET_DEV_AUTH=1, and never under NODE_ENV=production (startup refuses that pair, see below). */
export function devAuthEnabled(env: Env = process.env): boolean {
  return env.TEAMSHEET_DEV_AUTH === '1' && env.NODE_ENV !== 'production';
}

/** Call once at host startup: a production process must not mint its own tokens. */
export function assertDevAuthAllowed(env: Env = process.env): void {
  if (env.TEAMSHEET_DEV_AUTH === '1' && env.NODE_ENV === 'production') {
    throw new Error(
      'TEAMSHEET_DEV_AUTH=1 is refused when NODE_ENV=production: the development issuer would let anyone sign in ' +
        'as anyone. Remove TEAMSHEET_DEV_AUTH and configure TEAMSHEET_AUTH_ISSUER, TEAMSHEET_AUTH_AUDIENCE and ' +
        'TEAMSHEET_AUTH_JWKS_URI.',
    );
  }
}

type DevKeys = { privateKey: CryptoKey; kid: string; jwks: JSONWebKeySet; keySet: JWTVerifyGetKey };
let devKeys: Promise<DevKeys> | undefined;

function keys(): Promise<DevKeys> {
  devKeys ??= (async () => {
    const { publicKey, privateKey } = await generateKeyPair(devAlgorithm);
    const jwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(jwk);
    const jwks: JSONWebKeySet = { keys: [{ ...jwk, kid, alg: devAlgorithm, use: 'sig' }] };
    return { privateKey, kid, jwks, keySet: createLocalJWKSet(jwks) };
  })();
  return devKeys;
}

/** The dev issuer's public key set (what a JWKS endpoint would publish). */
export async function devJwks(): Promise<JSONWebKeySet> {
  return (await keys()).jwks;
}

/** The dev issuer's keys as jose's key resolver, used by `authenticate`. */
export async function devKeySet(): Promise<JWTVerifyGetKey> {
  return (await keys()).keySet;
}

export type DevSignOptions = {
  issuer?: string;
  audience?: string;
  /** Seconds since the epoch; now when not given. */
  issuedAt?: number;
  /** Seconds since the epoch, or a span from now ('8h'); null leaves the token without expiry. */
  expiresAt?: number | string | null;
};

/** Signs any claims with the dev key; `issueDevToken` is the normal way in, tests use this for edge cases. */
export async function signDevToken(claims: JWTPayload, options: DevSignOptions = {}): Promise<string> {
  const { privateKey, kid } = await keys();
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: devAlgorithm, kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? devIssuer)
    .setAudience(options.audience ?? devAudience)
    .setIssuedAt(options.issuedAt);
  const expiresAt = options.expiresAt === undefined ? devTokenLifetime : options.expiresAt;
  if (expiresAt !== null) jwt.setExpirationTime(expiresAt);
  return jwt.sign(privateKey);
}

/** A token for a person of the org, valid 8 h, carrying person_id, name and roles [the person's role]. */
export async function issueDevToken(
  personId: string,
  org: Pick<Org, 'people' | 'tenantId'>,
): Promise<string> {
  const person = org.people.find((p) => p.id === personId);
  if (!person)
    throw new HttpError(404, statusTitle('en', 404), serverText('en', 'dev.unknown-person', { personId }));
  return signDevToken({
    sub: person.id,
    person_id: person.id,
    ...(person.name ? { name: person.name } : {}),
    roles: [person.role],
    ...(org.tenantId ? { tid: org.tenantId } : {}),
  });
}
