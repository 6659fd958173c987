// Entry of auth.html, the page the Office sign-in dialog opens: runs MSAL's redirect flow and sends the
// result to the task pane. It never renders the pane; Office.js is loaded by the page's script tag.
// Imports name the modules themselves, so this page's bundle holds MSAL and no part of the pane.
import { runSignInDialog } from './auth/dialogPage';
import { readAuthSettings } from './auth/settings';
import { sendToTaskPane } from './office/dialog';

const send = (reply: string) => sendToTaskPane(reply, location.origin);
const status = document.getElementById('status');

try {
  const outcome = await runSignInDialog({ settings: readAuthSettings(), pageUrl: location.href, send });
  if (status)
    status.textContent =
      outcome === 'answered' ? 'Signed in. This window closes.' : 'Opening Microsoft sign-in…';
} catch (error) {
  const description = error instanceof Error ? error.message : String(error);
  await send(JSON.stringify({ kind: 'teamsheet.sign-in', error: 'not_configured', description })).catch(
    () => {
      if (status) status.textContent = description;
    },
  );
}
