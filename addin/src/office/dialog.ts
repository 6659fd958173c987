// The Office dialog API (Office.context.ui) as sign-in uses it: the task pane opens a page of its own
// origin in a dialog and waits for the one message that page sends back; the page sends it with
// messageParent. Office.js is read here, not in the sign-in module, like every other Office call.

/** Office's dialog error codes this add-in explains (Office.context.ui docs, "Errors and events"). */
export const DIALOG_ERRORS = {
  /** The dialog page could not be found or loaded. */
  pageNotFound: 12002,
  /** The dialog was pointed at an http (not https) URL. */
  notHttps: 12003,
  /** The domain of the URL is not in the manifest's AppDomains. */
  domainNotTrusted: 12004,
  /** The user closed the dialog (the X). */
  closed: 12006,
  /** A dialog is already open from this pane. */
  alreadyOpen: 12007,
  /** The user chose to ignore the dialog (Office on the web's pop-up prompt). */
  ignored: 12009,
  /** The browser blocks pop-ups (Office on the web). */
  blocked: 12011,
} as const;

/** The dialog did not deliver a message: Office's error code and message. */
export class OfficeDialogError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeDialogError';
  }
}

type DialogArg = { message?: string; origin?: string; error?: number };

interface OfficeDialog {
  addEventHandler(eventType: string, handler: (arg: DialogArg) => void): void;
  close(): void;
}

interface OfficeDialogGlobal {
  context?: {
    ui?: {
      displayDialogAsync?(
        url: string,
        options: { height: number; width: number; promptBeforeOpen?: boolean },
        callback: (result: {
          status: string;
          value: OfficeDialog;
          error?: { code: number; message: string };
        }) => void,
      ): void;
      messageParent?(message: string, options?: { targetOrigin: string }): void;
    };
  };
  onReady?(): Promise<unknown>;
}

// Office.EventType's values, so this works before (and without) the Office global's enums.
const DIALOG_MESSAGE_RECEIVED = 'dialogMessageReceived';
const DIALOG_EVENT_RECEIVED = 'dialogEventReceived';

function officeOf(globals: Record<string, unknown>): OfficeDialogGlobal | undefined {
  return globals.Office as OfficeDialogGlobal | undefined;
}

/** True when this Office host can open dialogs (DialogApi 1.1; every host that runs this add-in). */
export function officeDialogAvailable(globals: Record<string, unknown> = globalThis as never): boolean {
  return typeof officeOf(globals)?.context?.ui?.displayDialogAsync === 'function';
}

/**
 * Opens `url` in an Office dialog (percent of the window) and resolves with the first message the page
 * sends; the dialog is closed then. Rejects with OfficeDialogError when it cannot open, the user
 * closes it, or the page fails to load. A message from another origin than `expectedOrigin` is ignored.
 */
export function messageFromDialog(
  url: string,
  options: { height: number; width: number; expectedOrigin: string },
  globals: Record<string, unknown> = globalThis as never,
): Promise<string> {
  const display = officeOf(globals)?.context?.ui?.displayDialogAsync;
  if (typeof display !== 'function')
    return Promise.reject(
      new OfficeDialogError(0, 'This Office host cannot open dialogs (Office.context.ui is missing).'),
    );
  return new Promise<string>((resolve, reject) => {
    display(url, { height: options.height, width: options.width, promptBeforeOpen: false }, (result) => {
      if (result.status !== 'succeeded') {
        const code = result.error?.code ?? 0;
        reject(new OfficeDialogError(code, result.error?.message ?? `The dialog did not open (${code}).`));
        return;
      }
      const dialog = result.value;
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        try {
          dialog.close();
        } catch {
          // already closed by the user
        }
        settle();
      };
      dialog.addEventHandler(DIALOG_MESSAGE_RECEIVED, (arg) => {
        // Office passes the sender's origin (DialogApi 1.2 hosts); older hosts send only pages of AppDomains.
        if (arg.origin !== undefined && arg.origin !== options.expectedOrigin) return;
        finish(() => resolve(arg.message ?? ''));
      });
      dialog.addEventHandler(DIALOG_EVENT_RECEIVED, (arg) => {
        const code = arg.error ?? 0;
        finish(() =>
          reject(
            new OfficeDialogError(
              code,
              code === DIALOG_ERRORS.closed ? 'The dialog was closed.' : `Dialog event ${code}.`,
            ),
          ),
        );
      });
    });
  });
}

/** Inside a dialog page: waits for Office.js, then sends `message` to the task pane at `targetOrigin`. */
export async function sendToTaskPane(
  message: string,
  targetOrigin: string,
  globals: Record<string, unknown> = globalThis as never,
): Promise<void> {
  const office = officeOf(globals);
  await office?.onReady?.();
  const send = office?.context?.ui?.messageParent;
  if (typeof send !== 'function')
    throw new OfficeDialogError(0, 'This page is not open in an Office dialog (no messageParent).');
  send(message, { targetOrigin });
}
