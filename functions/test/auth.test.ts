// Authentication (bearer tokens checked by issuer, audience, expiry, tenant and signature), the org
// scope of authorize, the dev issuer's route and the production-safety check.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OrgIndex, type Org } from '@teamsheet/shared';
import { SignJWT, exportJWK, generateKeyPair, decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ChallengeError,
  assertDevAuthAllowed,
  authenticate,
  authorize,
  devAudience,
  devIssuer,
  issueDevToken,
  signDevToken,
  type Principal,
} from '../src/auth';
import { HttpRequest, InvocationContext } from '../src/azure';
import { HttpError } from '../src/http';
import { devToken } from '../src/functions/devToken';
import { seedOrg, useFreshStore } from './helpers';

// company C ─ region R1 (head H1) ─ team T1 (manager M1: reps A, B)
//           └ region R2 (head H2) ─ team T2 (manager M2: rep Z)
//           finance F and admin X sit at the company.
const org: Org = {
  units: [
    { id: 'C', name: 'Company', kind: 'company', parentId: null },
    { id: 'R1', name: 'North', kind: 'region', parentId: 'C', managerId: 'H1' },
    { id: 'R2', name: 'South', kind: 'region', parentId: 'C', managerId: 'H2' },
    { id: 'T1', name: 'Team North 1', kind: 'team', parentId: 'R1', managerId: 'M1' },
    { id: 'T2', name: 'Team South 1', kind: 'team', parentId: 'R2', managerId: 'M2' },
  ],
  people: [
    { id: 'H1', name: '王大区', unitId: 'R1', role: 'regional_head' },
    { id: 'H2', name: 'Hana South', unitId: 'R2', role: 'regional_head' },
    { id: 'M1', name: 'Mia Lead', unitId: 'T1', role: 'manager', managerId: 'H1' },
    { id: 'M2', name: 'Max Lead', unitId: 'T2', role: 'manager', managerId: 'H2' },
    { id: 'A', name: 'Ann Rep', unitId: 'T1', role: 'rep', managerId: 'M1' },
    { id: 'B', name: 'Ben Rep', unitId: 'T1', role: 'rep', managerId: 'M1' },
    { id: 'Z', name: 'Zoe Rep', unitId: 'T2', role: 'rep', managerId: 'M2' },
    { id: 'F', name: 'Fay Finance', unitId: 'C', role: 'finance' },
    { id: 'X', name: 'Xi Admin', unitId: 'C', role: 'admin' },
  ],
};
const index = new OrgIndex(org);
const devEnv = { TEAMSHEET_DEV_AUTH: '1' };
const now = () => Math.floor(Date.now() / 1000);

function requestWith(authorization?: string, language?: string): HttpRequest {
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers.authorization = authorization;
  if (language !== undefined) headers['accept-language'] = language;
  return new HttpRequest({ url: 'http://localhost/api/metrics', method: 'GET', headers });
}

async function rejection(promise: Promise<unknown>): Promise<ChallengeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChallengeError);
  const challenge = error as ChallengeError;
  expect(challenge.status).toBe(401);
  expect(challenge.headers['WWW-Authenticate']).toMatch(
    /^Bearer realm="teamsheet", error="invalid_token", error_description="[^"\\]+"$/,
  );
  expect(challenge.detail).not.toMatch(/\n\s+at /); // no stack
  return challenge;
}

function principal(personId: string): Principal {
  const person = org.people.find((p) => p.id === personId)!;
  return { personId, roles: [person.role], ...(person.name ? { name: person.name } : {}) };
}

function refusal(run: () => void): HttpError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(403);
    return error as HttpError;
  }
  throw new Error('expected a 403');
}

describe('authenticate with the dev issuer', () => {
  it('turns a valid dev token into the principal it names, with roles from the token', async () => {
    const token = await issueDevToken('M1', org);
    const claims = decodeJwt(token);
    expect(claims.iss).toBe('https://teamsheet.local/dev');
    expect(claims.aud).toBe('api://teamsheet');
    expect(claims.exp! - claims.iat!).toBe(8 * 3600);
    await expect(authenticate(requestWith(`Bearer ${token}`), devEnv)).resolves.toEqual({
      personId: 'M1',
      roles: ['manager'],
      name: 'Mia Lead',
    });
  });

  it('takes the person from person_id, else oid, else sub, and ignores unknown roles', async () => {
    const viaOid = await signDevToken({
      oid: 'A',
      sub: 'ignored',
      roles: ['rep', 'Teamsheet.SuperUser', 'finance'],
    });
    await expect(authenticate(requestWith(`Bearer ${viaOid}`), devEnv)).resolves.toEqual({
      personId: 'A',
      roles: ['rep', 'finance'],
    });
    const viaSub = await signDevToken({ sub: 'B' });
    await expect(authenticate(requestWith(`Bearer ${viaSub}`), devEnv)).resolves.toEqual({
      personId: 'B',
      roles: [],
    });
  });

  it('refuses a token that expired two minutes ago (beyond the 60 s clock tolerance)', async () => {
    const token = await signDevToken({ person_id: 'A' }, { issuedAt: now() - 3600, expiresAt: now() - 120 });
    const error = await rejection(authenticate(requestWith(`Bearer ${token}`), devEnv));
    expect(error.detail).toMatch(/^The token expired at \d{4}-\d\d-\d\dT.*sign in again/);
  });

  it('accepts a token that expired 30 s ago, within the clock tolerance', async () => {
    const token = await signDevToken({ person_id: 'A' }, { issuedAt: now() - 3600, expiresAt: now() - 30 });
    await expect(authenticate(requestWith(`Bearer ${token}`), devEnv)).resolves.toMatchObject({
      personId: 'A',
    });
  });

  it('refuses a token without expiry', async () => {
    const token = await signDevToken({ person_id: 'A' }, { expiresAt: null });
    const error = await rejection(authenticate(requestWith(`Bearer ${token}`), devEnv));
    expect(error.detail).toContain('no "exp" claim');
  });

  it('refuses a token for another audience and names both audiences', async () => {
    const token = await signDevToken({ person_id: 'A' }, { audience: 'api://someone-else' });
    const error = await rejection(authenticate(requestWith(`Bearer ${token}`), devEnv));
    expect(error.detail).toContain('"api://someone-else"');
    expect(error.detail).toContain(`"${devAudience}"`);
  });

  it('refuses a token from another issuer and names the trusted one', async () => {
    const token = await signDevToken({ person_id: 'A' }, { issuer: 'https://evil.example/' });
    const error = await rejection(authenticate(requestWith(`Bearer ${token}`), devEnv));
    expect(error.detail).toContain('issued by "https://evil.example/"');
    expect(error.detail).toContain(`"${devIssuer}"`);
  });

  it('refuses a token with the right claims signed by another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ person_id: 'F', roles: ['admin'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(devIssuer)
      .setAudience(devAudience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const error = await rejection(authenticate(requestWith(`Bearer ${forged}`), devEnv));
    expect(error.detail).toContain('signature does not match');
  });

  it('refuses an altered payload under the original signature', async () => {
    const [header, , signature] = (await issueDevToken('A', org)).split('.');
    const payload = Buffer.from(
      JSON.stringify({
        person_id: 'X',
        roles: ['admin'],
        iss: devIssuer,
        aud: devAudience,
        exp: now() + 600,
      }),
    ).toString('base64url');
    const error = await rejection(
      authenticate(requestWith(`Bearer ${header}.${payload}.${signature}`), devEnv),
    );
    expect(error.detail).toContain('signature does not match');
  });

  it('refuses a missing header, a non-Bearer scheme and a garbage token, each saying what to send', async () => {
    expect((await rejection(authenticate(requestWith(undefined), devEnv))).detail).toContain(
      'No bearer token',
    );
    expect((await rejection(authenticate(requestWith('Basic dXNlcjpwYXNz'), devEnv))).detail).toContain(
      'not "Bearer <token>"',
    );
    expect((await rejection(authenticate(requestWith('Bearer not-a-jwt'), devEnv))).detail).toContain(
      'not a well-formed JWT',
    );
  });

  it('answers in Chinese for a zh caller, while the challenge header stays ASCII English', async () => {
    const token = await signDevToken({ person_id: 'A' }, { issuedAt: now() - 3600, expiresAt: now() - 120 });
    const error = await rejection(authenticate(requestWith(`Bearer ${token}`, 'zh-CN,zh;q=0.9'), devEnv));
    expect(error.detail).toMatch(/^访问令牌已于 \d{4}-.*过期；请重新登录/);
    expect(error.headers['WWW-Authenticate']).toContain('error_description="The token expired at');
  });

  it('stops trusting dev tokens when dev auth is off, and says the server is not configured', async () => {
    const token = await issueDevToken('A', org);
    const error = await authenticate(requestWith(`Bearer ${token}`), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(500);
    expect((error as HttpError).detail).toContain('TEAMSHEET_AUTH_ISSUER');
  });
});

describe('authenticate with a production issuer (JWKS over HTTP)', () => {
  let server: Server;
  let jwksUri = '';
  let sign: (claims: Record<string, unknown>, issuer?: string) => Promise<string>;
  const issuer = 'https://login.microsoftonline.com/tenant-1/v2.0';
  const audience = 'api://teamsheet-prod';

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`;
    sign = (claims, iss = issuer) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(iss)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const env = () => ({
    TEAMSHEET_AUTH_ISSUER: issuer,
    TEAMSHEET_AUTH_AUDIENCE: audience,
    TEAMSHEET_AUTH_JWKS_URI: jwksUri,
    TEAMSHEET_AUTH_TENANT: 'tenant-1',
  });

  it('verifies through the remote key set and maps oid, roles, name and tid', async () => {
    const token = await sign({ oid: 'M2', tid: 'tenant-1', name: 'Max Lead', roles: ['manager'] });
    await expect(authenticate(requestWith(`Bearer ${token}`), env())).resolves.toEqual({
      personId: 'M2',
      roles: ['manager'],
      name: 'Max Lead',
      tenantId: 'tenant-1',
    });
  });

  it('refuses a token of another tenant when TEAMSHEET_AUTH_TENANT is set', async () => {
    const token = await sign({ oid: 'M2', tid: 'tenant-2' });
    const error = await rejection(authenticate(requestWith(`Bearer ${token}`), env()));
    expect(error.detail).toContain('tenant "tenant-2"');
  });

  it('refuses a dev token when only the production issuer is configured', async () => {
    const token = await issueDevToken('F', org);
    const error = await rejection(authenticate(requestWith(`Bearer ${token}`), env()));
    expect(error.detail).toContain(`issued by "${devIssuer}"`);
  });

  it('accepts both issuers when dev auth is on beside production settings', async () => {
    const dev = await issueDevToken('F', org);
    const prod = await sign({ oid: 'H1', tid: 'tenant-1', roles: ['regional_head'] });
    await expect(authenticate(requestWith(`Bearer ${dev}`), { ...env(), ...devEnv })).resolves.toMatchObject({
      personId: 'F',
    });
    await expect(authenticate(requestWith(`Bearer ${prod}`), { ...env(), ...devEnv })).resolves.toMatchObject(
      { personId: 'H1' },
    );
  });

  it('answers 500 naming the missing setting when the production settings are incomplete', async () => {
    const token = await sign({ oid: 'M2', tid: 'tenant-1' });
    const error = await authenticate(requestWith(`Bearer ${token}`), {
      TEAMSHEET_AUTH_ISSUER: issuer,
      TEAMSHEET_AUTH_AUDIENCE: audience,
    }).catch((e: unknown) => e);
    expect((error as HttpError).status).toBe(500);
    expect((error as HttpError).detail).toContain('TEAMSHEET_AUTH_JWKS_URI');
  });
});

describe('authorize', () => {
  it('refuses a team manager a unit of another region, naming the unit', () => {
    const error = refusal(() => authorize(principal('M1'), { unitId: 'T2', org: index }));
    expect(error.detail).toContain('may not see unit "T2"');
  });

  it('lets a regional head see a team of their region, but not the other region', () => {
    expect(() => authorize(principal('H1'), { unitId: 'T1', org: index })).not.toThrow();
    expect(() => authorize(principal('H1'), { unitId: 'R1', org: index })).not.toThrow();
    refusal(() => authorize(principal('H1'), { unitId: 'T2', org: index }));
  });

  it('lets finance and admin see any unit and any person', () => {
    for (const unitId of ['C', 'R1', 'R2', 'T1', 'T2']) {
      expect(() => authorize(principal('F'), { unitId, org: index })).not.toThrow();
      expect(() => authorize(principal('X'), { unitId, org: index })).not.toThrow();
    }
    expect(() => authorize(principal('F'), { personId: 'Z', org: index })).not.toThrow();
  });

  it('lets a rep see themselves only: not a colleague, not their own team', () => {
    expect(() => authorize(principal('A'), { personId: 'A', org: index })).not.toThrow();
    expect(refusal(() => authorize(principal('A'), { personId: 'B', org: index })).detail).toContain(
      'may not see person "B"',
    );
    refusal(() => authorize(principal('A'), { unitId: 'T1', org: index }));
  });

  it('lets a manager see the people of their team but not of another team', () => {
    expect(() => authorize(principal('M1'), { personId: 'B', org: index })).not.toThrow();
    refusal(() => authorize(principal('M1'), { personId: 'Z', org: index }));
    refusal(() => authorize(principal('M1'), { personId: 'nobody', org: index }));
  });

  it('refuses a missing role naming the roles needed, never the caller nor the roles they hold', () => {
    const error = refusal(() => authorize(principal('M1'), { roles: ['finance', 'admin'], org: index }));
    expect(error.detail).toBe('This needs the role finance / admin. Ask an administrator if you need it.');
    expect(() => authorize(principal('F'), { roles: ['finance'], org: index })).not.toThrow();
  });

  it('names the refusal in Chinese when asked to', () => {
    const error = refusal(() => authorize(principal('M1'), { unitId: 'T2', org: index, locale: 'zh-CN' }));
    expect(error.detail).toBe('您无权查看单位 "T2"：它不在您管理的范围内（或没有这个单位）。');
  });

  it('refuses a unit or person outside the scope exactly as one that does not exist, with its path', () => {
    const outside = refusal(() => authorize(principal('M1'), { unitId: 'T2', org: index }));
    const missing = refusal(() => authorize(principal('M1'), { unitId: 'T9', org: index }));
    expect(missing.detail).toBe(outside.detail.replace('T2', 'T9'));
    expect(outside.errors).toEqual([{ path: 'unitId', message: outside.detail }]);
    const person = refusal(() =>
      authorize(principal('M1'), { personId: 'Z', path: 'rows[3].personId', org: index }),
    );
    const nobody = refusal(() => authorize(principal('M1'), { personId: 'nobody', org: index }));
    expect(nobody.detail).toBe(person.detail.replace('"Z"', '"nobody"'));
    expect(person.errors).toEqual([{ path: 'rows[3].personId', message: person.detail }]);
    for (const e of [outside, missing, person, nobody]) {
      expect(e.detail).not.toContain('M1');
      expect(e.detail).not.toContain('Mia Lead');
      expect(e.detail).not.toMatch(/\bmanager\b/);
    }
  });

  it('lets an owner be a person or a unit in scope, and refuses both outside it alike', () => {
    expect(() => authorize(principal('M1'), { ownerId: 'B', org: index })).not.toThrow();
    expect(() => authorize(principal('M1'), { ownerId: 'T1', org: index })).not.toThrow();
    const person = refusal(() => authorize(principal('M1'), { ownerId: 'Z', org: index }));
    const unit = refusal(() => authorize(principal('M1'), { ownerId: 'T2', org: index }));
    expect(unit.detail).toBe(person.detail.replace('"Z"', '"T2"'));
  });

  it('needs the scope grant in the token: an org manager whose token has no role sees no unit', () => {
    refusal(() => authorize({ personId: 'M1', roles: [] }, { unitId: 'T1', org: index }));
  });
});

describe('GET /api/dev/token', () => {
  const saved = { ...process.env };
  const context = () => new InvocationContext({ functionName: 'devToken' });
  const get = (query = '') =>
    devToken(new HttpRequest({ url: `http://localhost/api/dev/token${query}`, method: 'GET' }), context());
  const body = (response: Awaited<ReturnType<typeof get>>) =>
    JSON.parse(String((response as { body?: unknown }).body));

  useFreshStore();
  beforeAll(() => seedOrg(org));
  afterEach(() => {
    process.env.TEAMSHEET_DEV_AUTH = saved.TEAMSHEET_DEV_AUTH;
    process.env.NODE_ENV = saved.NODE_ENV;
    if (saved.TEAMSHEET_DEV_AUTH === undefined) delete process.env.TEAMSHEET_DEV_AUTH;
  });

  it('answers 404 like an unknown route when dev auth is off', async () => {
    delete process.env.TEAMSHEET_DEV_AUTH;
    const response = await get('?person=A');
    expect(response.status).toBe(404);
    expect(body(response).detail).toContain('/api/dev/token');
  });

  it('lists the people with id, name, role, unit when dev auth is on', async () => {
    process.env.TEAMSHEET_DEV_AUTH = '1';
    const response = await get();
    expect(response.status).toBe(200);
    const { people } = body(response) as { people: { id: string }[] };
    expect(people).toHaveLength(9);
    expect(people[0]).toEqual({
      id: 'H1',
      name: '王大区',
      role: 'regional_head',
      unitId: 'R1',
      unitName: 'North',
    });
  });

  it('signs a token for ?person= that authenticate accepts', async () => {
    process.env.TEAMSHEET_DEV_AUTH = '1';
    const response = await get('?person=H1');
    expect(response.status).toBe(200);
    const { token, expiresIn } = body(response) as { token: string; expiresIn: number };
    expect(expiresIn).toBe(28800);
    await expect(authenticate(requestWith(`Bearer ${token}`))).resolves.toMatchObject({
      personId: 'H1',
      roles: ['regional_head'],
      name: '王大区',
    });
  });

  it('answers 404 for an unknown person', async () => {
    process.env.TEAMSHEET_DEV_AUTH = '1';
    const response = await get('?person=ghost');
    expect(response.status).toBe(404);
    expect(body(response).detail).toContain('"ghost"');
  });
});

describe('assertDevAuthAllowed', () => {
  it('refuses TEAMSHEET_DEV_AUTH=1 under NODE_ENV=production', () => {
    expect(() => assertDevAuthAllowed({ TEAMSHEET_DEV_AUTH: '1', NODE_ENV: 'production' })).toThrow(
      /refused when NODE_ENV=production/,
    );
  });

  it('allows dev auth outside production, and production without dev auth', () => {
    expect(() => assertDevAuthAllowed({ TEAMSHEET_DEV_AUTH: '1', NODE_ENV: 'development' })).not.toThrow();
    expect(() => assertDevAuthAllowed({ NODE_ENV: 'production' })).not.toThrow();
  });

  it('keeps dev tokens untrusted under NODE_ENV=production even if startup was skipped', async () => {
    const token = await issueDevToken('X', org);
    const error = await authenticate(requestWith(`Bearer ${token}`), {
      TEAMSHEET_DEV_AUTH: '1',
      NODE_ENV: 'production',
    }).catch((e: unknown) => e);
    expect((error as HttpError).status).toBe(500);
  });
});
