// Production sign-in with Microsoft Entra ID: nested app authentication (MSAL inside Office) first,
// the Office dialog (auth.html: MSAL's authorization code flow with PKCE) where the host lacks NAA.
// MSAL is imported on first use so the task pane starts without it.
import type { IPublicClientApplication } from '@azure/msal-browser';
import { DIALOG_ERRORS, messageFromDialog, OfficeDialogError } from '../office/dialog';
import { nestedAppAuthSupported } from '../office/host';
import { decodeClaims, signInFromToken, type SignIn } from './claims';
import { parseDialogReply, SIGN_IN_DIALOG_PAGE } from './dialogPage';
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
      undefined,
      { key: 'signIn.why.noNaa' },
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
      const why = error instanceof Error ? error.message : String(error);
      throw new SignInError(`Microsoft sign-in did not complete: ${why}`, undefined, {
        key: 'signIn.why.incomplete',
        params: { why },
      });
    }
  }
  client.setActiveAccount(result.account);
  const signIn = signInFromToken(result.accessToken);
  const name = signIn.name ?? result.account?.name;
  return name === undefined ? signIn : { ...signIn, name };
}

/** What a dialog failure means for the person signing in. */
function dialogFailure(error: OfficeDialogError): SignInError {
  const params = { code: error.code, message: error.message };
  const failed = (message: string, key: string) => new SignInError(message, undefined, { key, params });
  switch (error.code) {
    case DIALOG_ERRORS.closed:
      return failed(
        'The sign-in window was closed before sign-in finished; choose Sign in again.',
        'signIn.why.dialogClosed',
      );
    case DIALOG_ERRORS.alreadyOpen:
      return failed('A sign-in window is already open; finish or close it first.', 'signIn.why.dialogOpen');
    case DIALOG_ERRORS.ignored:
    case DIALOG_ERRORS.blocked:
      return failed(
        'The browser blocked the sign-in window; allow pop-ups for Office and choose Sign in again.',
        'signIn.why.dialogBlocked',
      );
    case DIALOG_ERRORS.domainNotTrusted:
    case DIALOG_ERRORS.notHttps:
    case DIALOG_ERRORS.pageNotFound:
      return failed(
        `The sign-in page could not be opened (Office error ${error.code}: ${error.message}); the add-in must be served over https from a domain in the manifest's AppDomains.`,
        'signIn.why.dialogPage',
      );
    default:
      return failed(
        `The sign-in window failed (Office error ${error.code}: ${error.message}).`,
        'signIn.why.dialogFailed',
      );
  }
}

/**
 * Sign-in through the Office dialog: opens auth.html (next to the task pane), which runs MSAL's
 * authorization code flow with PKCE and sends the API token back. `force` asks Entra for the account picker.
 */
export async function dialogSignIn(
  settings: AuthSettings,
  options: { force?: boolean; paneUrl?: string; globals?: Record<string, unknown> } = {},
): Promise<SignIn> {
  const pane = new URL(options.paneUrl ?? location.href);
  const url = new URL(SIGN_IN_DIALOG_PAGE, pane);
  if (options.force) url.searchParams.set('prompt', 'select_account');
  let text: string;
  try {
    text = await messageFromDialog(
      url.href,
      { height: 60, width: 30, expectedOrigin: pane.origin },
      options.globals,
    );
  } catch (error) {
    if (error instanceof OfficeDialogError) throw dialogFailure(error);
    throw error;
  }
  const reply = parseDialogReply(text);
  if ('error' in reply)
    throw new SignInError(
      `Microsoft sign-in through the Office dialog did not complete: ${reply.description ?? reply.error}`,
      undefined,
      { key: 'signIn.why.incomplete', params: { why: reply.description ?? reply.error } },
    );
  // A delegated token names its scopes in `scp`: one without the API's scope would only be refused later.
  const scopes = decodeClaims(reply.accessToken).scp;
  const wanted = settings.apiScope.split('/').pop() ?? settings.apiScope;
  if (typeof scopes === 'string' && !scopes.split(' ').includes(wanted))
    throw new SignInError(
      `The sign-in dialog returned a token without the API's scope ${settings.apiScope} (it has: ${scopes}); check VITE_TEAMSHEET_API_SCOPE.`,
      undefined,
      { key: 'signIn.why.scope', params: { scope: settings.apiScope, scopes } },
    );
  return signInFromToken(reply.accessToken);
}

/** Production sign-in as the task pane should call it: NAA where Office supports it, the dialog otherwise. */
export async function entraSignIn(settings: AuthSettings): Promise<SignIn> {
  return nestedAppAuthSupported() ? naaSignIn(settings) : dialogSignIn(settings);
}
