// Production sign-in with Microsoft Entra ID: nested app authentication (MSAL inside Office) first,
// the Office dialog (office-js-helpers' Authenticator, implicit flow) where the host lacks NAA.
// The libraries are imported on first use so the task pane starts without them.
import type { IPublicClientApplication } from '@azure/msal-browser';
import { nestedAppAuthSupported } from '../office/host';
import { decodeClaims, signInFromToken, type SignIn } from './claims';
import { SignInError } from './errors';
import type { AuthSettings } from './settings';

const clients = new Map<string, Promise<IPublicClientApplication>>();

function nestableClient(settings: AuthSettings): Promise<IPublicClientApplication> {
  const key = `${settings.clientId}|${settings.authority}`;
  let client = clients.get(key);
  if (!client) {
    client = import('@azure/msal-browser').then(({ createNestablePublicClientApplication }) =>
      createNestablePublicClientApplication({
        auth: { clientId: settings.clientId, authority: settings.authority },
      }),
    );
    client.catch(() => clients.delete(key));
    clients.set(key, client);
  }
  return client;
}

/** Nested app authentication: silent first (Office's own account), a popup when consent or sign-in is needed. */
export async function naaSignIn(settings: AuthSettings): Promise<SignIn> {
  if (!nestedAppAuthSupported()) {
    throw new SignInError(
      'This version of Office does not support nested app authentication; use dialogSignIn.',
    );
  }
  const client = await nestableClient(settings);
  const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
  const request = { scopes: [settings.apiScope], ...(account ? { account } : {}) };
  let result;
  try {
    result = await client.acquireTokenSilent(request);
  } catch {
    // Silent fails for first use, consent, or an expired session; the popup covers all three.
    try {
      result = await client.acquireTokenPopup({ scopes: [settings.apiScope] });
    } catch (error) {
      throw new SignInError(
        `Microsoft sign-in did not complete: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  client.setActiveAccount(result.account);
  const signIn = signInFromToken(result.accessToken);
  const name = signIn.name ?? result.account?.name;
  return name === undefined ? signIn : { ...signIn, name };
}

type Helpers = typeof import('@microsoft/office-js-helpers');

async function loadHelpers(): Promise<Helpers> {
  const module = (await import('@microsoft/office-js-helpers')) as Helpers & { default?: Helpers };
  // The package is a UMD bundle: bundlers put its exports either on the namespace or on default.
  return module.Authenticator ? module : (module.default as Helpers);
}

const dialogProvider = 'Teamsheet';

/**
 * Sign-in through the Office dialog. The app registration must allow the implicit flow for access
 * tokens and list the redirect URI; the page opened there must call `completeDialogSignIn()` at startup.
 */
export async function dialogSignIn(
  settings: AuthSettings,
  options: { force?: boolean } = {},
): Promise<SignIn> {
  const { Authenticator } = await loadHelpers();
  const authenticator = new Authenticator();
  authenticator.endpoints.add(dialogProvider, {
    clientId: settings.clientId,
    baseUrl: `${settings.authority}/oauth2/v2.0`,
    authorizeUrl: '/authorize',
    responseType: 'token',
    scope: settings.apiScope,
    state: true,
    nonce: true,
    ...(settings.redirectUri ? { redirectUrl: settings.redirectUri } : {}),
  });
  const attempt = async (force: boolean): Promise<string> => {
    const token = await authenticator.authenticate(dialogProvider, force);
    if (!token.access_token) throw new SignInError('The sign-in dialog returned no access token.');
    return token.access_token;
  };
  try {
    let accessToken = await attempt(options.force ?? false);
    // The helper hands back a cached token without checking its expiry; ask again when it is (nearly) expired.
    const exp = decodeClaims(accessToken).exp;
    if (typeof exp === 'number' && exp * 1000 < Date.now() + 60_000) accessToken = await attempt(true);
    return signInFromToken(accessToken);
  } catch (error) {
    if (error instanceof SignInError) throw error;
    const message =
      error instanceof Error
        ? error.message
        : typeof error === 'object'
          ? JSON.stringify(error)
          : String(error);
    throw new SignInError(`Microsoft sign-in through the Office dialog did not complete: ${message}`);
  }
}

/** In the dialog page: hands the token back to the task pane and closes; false when not a sign-in dialog. */
export async function completeDialogSignIn(): Promise<boolean> {
  const { Authenticator } = await loadHelpers();
  return Authenticator.isAuthDialog();
}

/** Production sign-in as the task pane should call it: NAA where Office supports it, the dialog otherwise. */
export async function entraSignIn(settings: AuthSettings): Promise<SignIn> {
  return nestedAppAuthSupported() ? naaSignIn(settings) : dialogSignIn(settings);
}
