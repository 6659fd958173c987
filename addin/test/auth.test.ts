// The task pane's sign-in module outside Office: reading token claims, development sign-in against a
// fetch the test supplies, and the production settings check.
import { describe, expect, it } from 'vitest';
import {
  SignInError,
  decodeClaims,
  devPeople,
  devSignIn,
  entraConfigured,
  naaSignIn,
  readAuthSettings,
  signInFromToken,
} from '../src/auth';

function jwt(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'ES256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

type Call = { url: string };
function fakeFetch(answers: Record<string, { status: number; body: unknown }>, calls: Call[] = []) {
  return async (url: string): Promise<Response> => {
    calls.push({ url });
    const answer = answers[url];
    if (!answer) return new Response('{}', { status: 599 });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  };
}

describe('decodeClaims', () => {
  it('reads the payload, Chinese names included', () => {
    const token = jwt({ person_id: 'H1', name: '王大区', roles: ['regional_head'], exp: 1_800_000_000 });
    expect(decodeClaims(token)).toEqual({
      person_id: 'H1',
      name: '王大区',
      roles: ['regional_head'],
      exp: 1_800_000_000,
    });
  });

  it('refuses what is not a JWT with a message saying to sign in again', () => {
    expect(() => decodeClaims('abc')).toThrow(SignInError);
    expect(() => decodeClaims('a.%%%.c')).toThrow(/could not be read.*sign in again/);
    expect(() => decodeClaims(`a.${Buffer.from('[1]').toString('base64url')}.c`)).toThrow(
      /could not be read/,
    );
  });

  it('takes the person from person_id, else oid, else sub, keeping only string roles', () => {
    expect(signInFromToken(jwt({ oid: 'o-1', sub: 's-1', roles: ['manager', 7] }))).toMatchObject({
      personId: 'o-1',
      roles: ['manager'],
    });
    expect(signInFromToken(jwt({ sub: 's-1' }))).toMatchObject({ personId: 's-1', roles: [] });
    expect(() => signInFromToken(jwt({ name: 'nobody' }))).toThrow(/names no person/);
  });
});

describe('development sign-in', () => {
  const people = [{ id: 'M1', name: 'Mia Lead', role: 'manager', unitId: 'T1', unitName: 'Team North 1' }];
  const token = jwt({ person_id: 'M1', name: 'Mia Lead', roles: ['manager'] });

  it('lists the demo people from GET /api/dev/token, trailing slash of the base ignored', async () => {
    const calls: Call[] = [];
    const fetch = fakeFetch(
      { 'http://localhost:7071/api/dev/token': { status: 200, body: { people } } },
      calls,
    );
    await expect(devPeople('http://localhost:7071/', fetch)).resolves.toEqual(people);
    expect(calls).toEqual([{ url: 'http://localhost:7071/api/dev/token' }]);
  });

  it('signs in as a person with ?person=<id> (encoded) and returns the session', async () => {
    const fetch = fakeFetch({ '/api/dev/token?person=M%201': { status: 200, body: { token } } });
    await expect(devSignIn('', 'M 1', fetch)).resolves.toEqual({
      token,
      personId: 'M1',
      name: 'Mia Lead',
      roles: ['manager'],
    });
  });

  it('explains a 404 as development sign-in being off', async () => {
    const fetch = fakeFetch({ '/api/dev/token': { status: 404, body: {} } });
    const error = await devPeople('', fetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).status).toBe(404);
    expect((error as SignInError).message).toContain('TEAMSHEET_DEV_AUTH=1');
  });

  it("passes on the API's problem detail, e.g. an unknown person", async () => {
    const fetch = fakeFetch({
      '/api/dev/token?person=ghost': {
        status: 404,
        body: { title: 'Unknown person', detail: 'There is no person "ghost"' },
      },
    });
    await expect(devSignIn('', 'ghost', fetch)).rejects.toThrow(
      'Development sign-in failed (404): There is no person "ghost"',
    );
  });

  it('says the API is unreachable when fetch itself fails', async () => {
    const fetch = async (): Promise<Response> => {
      throw new TypeError('fetch failed');
    };
    await expect(devPeople('http://localhost:9', fetch)).rejects.toThrow(
      /Could not reach the Teamsheet API at http:\/\/localhost:9\/api\/dev\/token/,
    );
  });
});

describe('production sign-in settings', () => {
  it('names every missing variable', () => {
    expect(() => readAuthSettings({})).toThrow(/VITE_TEAMSHEET_CLIENT_ID.*and VITE_TEAMSHEET_API_SCOPE/);
    expect(() => readAuthSettings({ VITE_TEAMSHEET_CLIENT_ID: 'abc' })).toThrow(
      /set VITE_TEAMSHEET_API_SCOPE/,
    );
    expect(entraConfigured({ VITE_TEAMSHEET_CLIENT_ID: 'abc' })).toBe(false);
  });

  it('reads the settings, defaulting the authority to organizations', () => {
    expect(
      readAuthSettings({
        VITE_TEAMSHEET_CLIENT_ID: 'abc',
        VITE_TEAMSHEET_API_SCOPE: 'api://x/access_as_user',
      }),
    ).toEqual({
      clientId: 'abc',
      authority: 'https://login.microsoftonline.com/organizations',
      apiScope: 'api://x/access_as_user',
    });
    expect(
      readAuthSettings({
        VITE_TEAMSHEET_CLIENT_ID: 'abc',
        VITE_TEAMSHEET_API_SCOPE: 's',
        VITE_TEAMSHEET_AUTHORITY: 'https://login.microsoftonline.com/tenant-1/',
        VITE_TEAMSHEET_REDIRECT_URI: 'https://localhost:3000/auth.html',
      }),
    ).toEqual({
      clientId: 'abc',
      authority: 'https://login.microsoftonline.com/tenant-1',
      apiScope: 's',
      redirectUri: 'https://localhost:3000/auth.html',
    });
  });

  it('refuses an authority that is not https', () => {
    expect(() =>
      readAuthSettings({
        VITE_TEAMSHEET_CLIENT_ID: 'a',
        VITE_TEAMSHEET_API_SCOPE: 's',
        VITE_TEAMSHEET_AUTHORITY: 'http://login',
      }),
    ).toThrow(/must be an https URL/);
  });

  it('finds no settings when the build defines none', () => {
    expect(() => readAuthSettings()).toThrow(/not configured in this build/);
  });
});

describe('nested app authentication outside Office', () => {
  it('refuses with a message pointing to the dialog fallback', async () => {
    const settings = {
      clientId: 'abc',
      authority: 'https://login.microsoftonline.com/organizations',
      apiScope: 's',
    };
    await expect(naaSignIn(settings)).rejects.toThrow(
      /does not support nested app authentication; use dialogSignIn/,
    );
  });
});
