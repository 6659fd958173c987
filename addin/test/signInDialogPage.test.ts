// @vitest-environment happy-dom
// The Office-dialog sign-in page (auth.html) with the real MSAL: the request it sends the dialog to
// (authorization code flow with PKCE, S256) and, when Entra returns with a code, the token redemption
// with the PKCE verifier and the reply to the task pane. MSAL's network goes to a client the test
// answers; the navigation to Entra is stopped and recorded, so nothing leaves the machine.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDialogReply, runSignInDialog, type AuthSettings } from '../src/auth';

const settings: AuthSettings = {
  clientId: '11111111-2222-3333-4444-555555555555',
  authority: 'https://login.microsoftonline.com/organizations',
  apiScope: 'api://teamsheet-api/access_as_user',
};
const pane = 'https://localhost:3000';

type Call = { method: 'GET' | 'POST'; url: string; body?: string };

const b64url = (v: object | string) =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const jwt = (claims: object) => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.c2ln`;

/** Entra ID as far as MSAL asks it: discovery documents and the token endpoint. */
function fakeEntra(calls: Call[], onToken: (form: URLSearchParams) => object) {
  const tenant = 'organizations';
  const openid = {
    authorization_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`,
    token_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
    end_session_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/logout`,
    issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
    jwks_uri: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
  };
  const answer = (body: object) => ({ headers: {}, body, status: 200 });
  return {
    async sendGetRequestAsync<T>(url: string): Promise<T> {
      calls.push({ method: 'GET', url });
      if (url.includes('openid-configuration')) return answer(openid) as T;
      if (url.includes('discovery/instance'))
        return answer({
          tenant_discovery_endpoint: `https://login.microsoftonline.com/${tenant}/v2.0/.well-known/openid-configuration`,
          metadata: [
            {
              preferred_network: 'login.microsoftonline.com',
              preferred_cache: 'login.windows.net',
              aliases: [
                'login.microsoftonline.com',
                'login.windows.net',
                'login.microsoft.com',
                'sts.windows.net',
              ],
            },
          ],
        }) as T;
      return { headers: {}, body: {}, status: 404 } as T;
    },
    async sendPostRequestAsync<T>(url: string, options?: { body?: string }): Promise<T> {
      calls.push({ method: 'POST', url, body: options?.body ?? '' });
      return answer(onToken(new URLSearchParams(options?.body ?? ''))) as T;
    },
  };
}

function setUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('the Office sign-in dialog page (auth.html)', () => {
  it('sends the dialog to Entra ID with the authorization code flow and a S256 PKCE challenge', async () => {
    setUrl(`${pane}/auth.html?prompt=select_account`);
    const calls: Call[] = [];
    const navigations: string[] = [];
    const sent: string[] = [];
    const outcome = await runSignInDialog({
      settings,
      pageUrl: location.href,
      send: async (m) => void sent.push(m),
      msal: {
        system: { networkClient: fakeEntra(calls, () => ({})) },
        onRedirectNavigate: (url) => {
          navigations.push(url);
          return false; // stay here: the test reads where MSAL would have gone
        },
      },
    });
    expect(outcome).toBe('redirecting');
    expect(sent).toEqual([]);
    expect(navigations).toHaveLength(1);
    const url = new URL(navigations[0]!);
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize',
    );
    const q = url.searchParams;
    expect(q.get('client_id')).toBe(settings.clientId);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('redirect_uri')).toBe(`${pane}/auth.html`);
    expect(q.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['api://teamsheet-api/access_as_user', 'openid', 'profile', 'offline_access']),
    );
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/); // base64url of a SHA-256
    expect(q.get('state')).toBeTruthy();
    expect(q.get('prompt')).toBe('select_account');
    expect(q.has('response_mode') ? q.get('response_mode') : 'fragment').toMatch(/^(fragment|query)$/);
    // No token was asked for before the person signed in.
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('redeems the returned code with the verifier of that challenge and sends the API token to the pane', async () => {
    setUrl(`${pane}/auth.html`);
    const calls: Call[] = [];
    const navigations: string[] = [];
    const accessToken = jwt({ oid: 'o-1', name: '李经理', scp: 'access_as_user', roles: ['manager'] });
    let challenge = '';
    let nonce = '';
    const entra = fakeEntra(calls, (form) => {
      const verifier = form.get('code_verifier') ?? '';
      const ok =
        form.get('grant_type') === 'authorization_code' &&
        form.get('code') === 'the-code' &&
        createHash('sha256').update(verifier).digest('base64url') === challenge;
      if (!ok) return { error: 'invalid_grant', error_description: 'PKCE verifier does not match' };
      return {
        token_type: 'Bearer',
        scope: 'api://teamsheet-api/access_as_user',
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: accessToken,
        id_token: jwt({
          aud: settings.clientId,
          iss: 'https://login.microsoftonline.com/t-1/v2.0',
          oid: 'o-1',
          tid: 't-1',
          sub: 's-1',
          nonce,
          name: '李经理',
          preferred_username: 'li@contoso.com',
          iat: Math.floor(Date.now() / 1000),
          exp: Math.floor(Date.now() / 1000) + 3600,
        }),
        client_info: b64url({ uid: 'o-1', utid: 't-1' }),
      };
    });
    const msal = {
      system: { networkClient: entra },
      onRedirectNavigate: (url: string) => {
        navigations.push(url);
        return false;
      },
    };
    const sent: string[] = [];
    const send = async (m: string) => void sent.push(m);
    await runSignInDialog({ settings, pageUrl: location.href, send, msal });
    const request = new URL(navigations[0]!).searchParams;
    challenge = request.get('code_challenge') ?? '';
    nonce = request.get('nonce') ?? '';

    // Entra sends the dialog back to auth.html with the code (in the fragment, MSAL's default for SPAs).
    const mode = request.get('response_mode') === 'query' ? '?' : '#';
    setUrl(
      `${pane}/auth.html${mode}code=the-code&state=${encodeURIComponent(request.get('state') ?? '')}&client_info=${b64url({ uid: 'o-1', utid: 't-1' })}`,
    );
    const outcome = await runSignInDialog({ settings, pageUrl: location.href, send, msal });

    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url).toMatch(/^https:\/\/login\.microsoftonline\.com\/organizations\/oauth2\/v2\.0\/token/);
    const form = new URLSearchParams(post?.body);
    expect(form.get('client_id')).toBe(settings.clientId);
    expect(form.get('redirect_uri')).toBe(`${pane}/auth.html`);
    expect(
      createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url'),
    ).toBe(challenge);
    expect(outcome).toBe('answered');
    expect(sent.map(parseDialogReply)).toEqual([{ kind: 'teamsheet.sign-in', accessToken }]);
  });

  it("answers the pane with Entra's error when the person cancels", async () => {
    setUrl(`${pane}/auth.html`);
    const navigations: string[] = [];
    const sent: string[] = [];
    const send = async (m: string) => void sent.push(m);
    const msal = {
      system: { networkClient: fakeEntra([], () => ({})) },
      onRedirectNavigate: (url: string) => {
        navigations.push(url);
        return false;
      },
    };
    await runSignInDialog({ settings, pageUrl: location.href, send, msal });
    const state = new URL(navigations[0]!).searchParams.get('state') ?? '';
    setUrl(
      `${pane}/auth.html#error=access_denied&error_description=${encodeURIComponent('AADSTS65004: User declined to consent.')}&state=${encodeURIComponent(state)}`,
    );
    await expect(runSignInDialog({ settings, pageUrl: location.href, send, msal })).resolves.toBe('answered');
    const reply = parseDialogReply(sent[0] ?? '');
    expect(reply).toMatchObject({ error: 'access_denied' });
    expect('description' in reply && reply.description).toContain('User declined to consent');
  });
});
