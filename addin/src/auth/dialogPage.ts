// The Office-dialog sign-in page (auth.html): MSAL's authorization code flow with PKCE, as a redirect
// inside the dialog. First load: MSAL sends the dialog to Entra ID; Entra returns to this page with a
// code, which MSAL redeems (with the PKCE verifier) for the API token; the page hands the token to the
// task pane with messageParent and the pane closes the dialog. MSAL is imported on first use.
import type { Configuration } from '@azure/msal-browser';
import type { AuthSettings } from './settings';

/** The dialog page, next to taskpane.html in the build (and the default redirect URI). */
export const SIGN_IN_DIALOG_PAGE = 'auth.html';

const KIND = 'teamsheet.sign-in';

/** What the dialog page sends to the task pane (as JSON text). */
export type DialogReply =
  { kind: typeof KIND; accessToken: string } | { kind: typeof KIND; error: string; description?: string };

/** The reply read back in the task pane; anything else is an error reply saying so. */
export function parseDialogReply(text: string): DialogReply {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && 'kind' in value && value.kind === KIND) {
      if ('accessToken' in value && typeof value.accessToken === 'string' && value.accessToken !== '')
        return { kind: KIND, accessToken: value.accessToken };
      if ('error' in value && typeof value.error === 'string') {
        const description =
          'description' in value && typeof value.description === 'string' ? value.description : undefined;
        return description === undefined
          ? { kind: KIND, error: value.error }
          : { kind: KIND, error: value.error, description };
      }
    }
  } catch {
    // not JSON: said below
  }
  return {
    kind: KIND,
    error: 'unreadable_reply',
    description: 'The sign-in dialog sent an unreadable answer.',
  };
}

/** Where Entra returns to: VITE_TEAMSHEET_REDIRECT_URI, else this origin's auth.html (register it as an SPA redirect URI). */
export function dialogRedirectUri(settings: AuthSettings, origin: string): string {
  return settings.redirectUri ?? new URL(`/${SIGN_IN_DIALOG_PAGE}`, origin).href;
}

export type DialogPageOptions = {
  settings: AuthSettings;
  /** The page's own URL (location.href): Entra's answer arrives in it, `?prompt=select_account` forces the picker. */
  pageUrl: string;
  /** Sends the reply to the task pane (messageParent). */
  send: (reply: string) => Promise<void>;
  /** MSAL options the page does not choose itself: tests give a network client and stop the navigation. */
  msal?: {
    system?: Configuration['system'];
    onRedirectNavigate?: (url: string) => boolean | void;
  };
};

function describe(error: unknown): { error: string; description?: string } {
  if (typeof error === 'object' && error !== null) {
    const e = error as { errorCode?: unknown; errorMessage?: unknown; message?: unknown };
    const code = typeof e.errorCode === 'string' && e.errorCode !== '' ? e.errorCode : 'sign_in_failed';
    const text = typeof e.errorMessage === 'string' && e.errorMessage !== '' ? e.errorMessage : e.message;
    return typeof text === 'string' && text !== '' ? { error: code, description: text } : { error: code };
  }
  return { error: 'sign_in_failed', description: String(error) };
}

/**
 * Runs the dialog page: answers the pane when Entra's response is in the URL (or an error), else
 * starts the redirect to Entra. Resolves 'answered' or 'redirecting'.
 */
export async function runSignInDialog(options: DialogPageOptions): Promise<'answered' | 'redirecting'> {
  const { settings, send } = options;
  const page = new URL(options.pageUrl);
  const redirectUri = dialogRedirectUri(settings, page.origin);
  const reply = async (value: Omit<DialogReply, 'kind'>) => {
    await send(JSON.stringify({ kind: KIND, ...value }));
    return 'answered' as const;
  };
  try {
    const { PublicClientApplication } = await import('@azure/msal-browser');
    const client = new PublicClientApplication({
      auth: {
        clientId: settings.clientId,
        authority: settings.authority,
        redirectUri,
        ...(options.msal?.onRedirectNavigate ? { onRedirectNavigate: options.msal.onRedirectNavigate } : {}),
      },
      // The dialog's session is enough: the pane keeps the token; nothing of it outlives the dialog.
      cache: { cacheLocation: 'sessionStorage' },
      ...(options.msal?.system ? { system: options.msal.system } : {}),
    });
    await client.initialize();
    const result = await client.handleRedirectPromise();
    if (result) {
      if (!result.accessToken)
        return reply({ error: 'no_access_token', description: 'Entra ID returned no access token.' });
      return reply({ accessToken: result.accessToken });
    }
    const force = page.searchParams.get('prompt') === 'select_account';
    await client.acquireTokenRedirect({
      scopes: [settings.apiScope],
      redirectStartPage: redirectUri, // answer on the redirect page itself, no second navigation
      ...(force ? { prompt: 'select_account' } : {}),
    });
    return 'redirecting';
  } catch (error) {
    return reply(describe(error));
  }
}
