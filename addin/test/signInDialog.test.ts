// The task pane's side of the Office-dialog sign-in: which page it opens, how it takes the page's
// message (only from its own origin, once, closing the dialog) and what each Office dialog error
// tells the person. Office's globals are office-addin-mock objects; the dialog is driven by the test.
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { dialogSignIn, SignInError, type AuthSettings } from '../src/auth';
import { sendToTaskPane } from '../src/office';

const settings: AuthSettings = {
  clientId: 'c-1',
  authority: 'https://login.microsoftonline.com/organizations',
  apiScope: 'api://teamsheet-api/access_as_user',
};
const paneUrl = 'https://localhost:3000/taskpane.html?office=1';

const b64url = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (claims: object) => `${b64url({ alg: 'RS256' })}.${b64url(claims)}.c2ln`;

type Handler = (arg: { message?: string; origin?: string; error?: number }) => void;

/** Office.context.ui with one dialog the test speaks for. */
function officeWithDialog(
  open: { status: 'succeeded' } | { status: 'failed'; code: number; message: string },
) {
  const handlers = new Map<string, Handler>();
  const opened: { url: string; options: unknown }[] = [];
  let closed = 0;
  const dialog = {
    addEventHandler: (type: string, handler: Handler) => void handlers.set(type, handler),
    close: () => void (closed += 1),
  };
  const office = new OfficeMockObject({
    context: {
      ui: {
        displayDialogAsync: (url: string, options: unknown, callback: (r: unknown) => void) => {
          opened.push({ url, options });
          setTimeout(() =>
            callback(
              open.status === 'succeeded'
                ? { status: 'succeeded', value: dialog }
                : { status: 'failed', error: { code: open.code, message: open.message } },
            ),
          );
        },
      },
    },
  });
  const whenOpen = async () => {
    while (!handlers.has('dialogMessageReceived')) await new Promise((r) => setTimeout(r, 1));
  };
  return {
    globals: { Office: office } as Record<string, unknown>,
    opened,
    closed: () => closed,
    message: async (message: string, origin?: string) => {
      await whenOpen();
      handlers.get('dialogMessageReceived')!({ message, ...(origin ? { origin } : {}) });
    },
    event: async (error: number) => {
      await whenOpen();
      handlers.get('dialogEventReceived')!({ error });
    },
  };
}

describe('sign-in through the Office dialog (task pane side)', () => {
  it("opens auth.html of the pane's origin, takes its token once, and closes the dialog", async () => {
    const office = officeWithDialog({ status: 'succeeded' });
    const token = jwt({ oid: 'o-7', name: '王大区', roles: ['regional_head'], scp: 'access_as_user' });
    const signIn = dialogSignIn(settings, { paneUrl, globals: office.globals, force: true });
    // A page of another origin cannot hand the pane a token: ignored, the dialog stays open.
    await office.message(
      JSON.stringify({ kind: 'teamsheet.sign-in', accessToken: jwt({ oid: 'evil' }) }),
      'https://evil.example',
    );
    expect(office.closed()).toBe(0);
    await office.message(
      JSON.stringify({ kind: 'teamsheet.sign-in', accessToken: token }),
      'https://localhost:3000',
    );
    await expect(signIn).resolves.toEqual({
      token,
      personId: 'o-7',
      name: '王大区',
      roles: ['regional_head'],
    });
    expect(office.opened).toEqual([
      {
        url: 'https://localhost:3000/auth.html?prompt=select_account',
        options: { height: 60, width: 30, promptBeforeOpen: false },
      },
    ]);
    expect(office.closed()).toBe(1);
  });

  it("passes on the page's error (Entra's description), and refuses a token without the API's scope", async () => {
    const declined = officeWithDialog({ status: 'succeeded' });
    const first = dialogSignIn(settings, { paneUrl, globals: declined.globals });
    await declined.message(
      JSON.stringify({
        kind: 'teamsheet.sign-in',
        error: 'access_denied',
        description: 'AADSTS65004: User declined to consent.',
      }),
    );
    await expect(first).rejects.toThrow(
      'Microsoft sign-in through the Office dialog did not complete: AADSTS65004: User declined to consent.',
    );
    expect(declined.opened[0]?.url).toBe('https://localhost:3000/auth.html');

    const wrongScope = officeWithDialog({ status: 'succeeded' });
    const second = dialogSignIn(settings, { paneUrl, globals: wrongScope.globals });
    await wrongScope.message(
      JSON.stringify({ kind: 'teamsheet.sign-in', accessToken: jwt({ oid: 'o-1', scp: 'User.Read' }) }),
    );
    await expect(second).rejects.toThrow(
      /without the API's scope api:\/\/teamsheet-api\/access_as_user \(it has: User\.Read\)/,
    );

    const garbled = officeWithDialog({ status: 'succeeded' });
    const third = dialogSignIn(settings, { paneUrl, globals: garbled.globals });
    await garbled.message('<html>');
    await expect(third).rejects.toThrow(/unreadable answer/);
  });

  it('says what to do when the person closes the dialog or the browser blocks it', async () => {
    const closedByUser = officeWithDialog({ status: 'succeeded' });
    const first = dialogSignIn(settings, { paneUrl, globals: closedByUser.globals });
    await closedByUser.event(12006);
    await expect(first).rejects.toThrow(
      'The sign-in window was closed before sign-in finished; choose Sign in again.',
    );

    const blocked = officeWithDialog({
      status: 'failed',
      code: 12009,
      message: 'The user chose to ignore the dialog box.',
    });
    const second = dialogSignIn(settings, { paneUrl, globals: blocked.globals });
    await expect(second).rejects.toBeInstanceOf(SignInError);
    await expect(second).rejects.toThrow(/blocked the sign-in window; allow pop-ups/);

    const untrusted = officeWithDialog({ status: 'failed', code: 12004, message: 'Domain is not trusted.' });
    await expect(dialogSignIn(settings, { paneUrl, globals: untrusted.globals })).rejects.toThrow(
      /Office error 12004: Domain is not trusted\.\).*AppDomains/,
    );
  });

  it('refuses at once outside Office (no dialog API)', async () => {
    await expect(dialogSignIn(settings, { paneUrl, globals: {} })).rejects.toThrow(/cannot open dialogs/);
  });
});

describe('the dialog page hands its answer to the pane', () => {
  it("waits for Office.js, then sends with messageParent to the pane's origin only", async () => {
    const events: string[] = [];
    const office = new OfficeMockObject({
      onReady: async () => void events.push('ready'),
      context: {
        ui: {
          messageParent: (message: string, options: { targetOrigin: string }) =>
            void events.push(`message ${message} to ${options.targetOrigin}`),
        },
      },
    });
    await sendToTaskPane('{"kind":"teamsheet.sign-in"}', 'https://localhost:3000', { Office: office });
    expect(events).toEqual(['ready', 'message {"kind":"teamsheet.sign-in"} to https://localhost:3000']);
  });

  it('says so when the page is not open in an Office dialog', async () => {
    await expect(sendToTaskPane('x', 'https://localhost:3000', {})).rejects.toThrow(
      'This page is not open in an Office dialog (no messageParent).',
    );
  });
});
