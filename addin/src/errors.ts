// Turns any failure into what the MessageBar shows: what happened, what to do, and which fields,
// in the user's language. Server detail text is shown as the server wrote it.
import { ApiError, NetworkError } from './api';
import { SignInError } from './auth';
import type { Translate, UiKey } from './i18n';

export interface UiError {
  title: string;
  detail?: string;
  action: string;
  fields?: string[];
}

function actionFor(status: number): UiKey {
  if (status >= 500) return 'error.http.5xx';
  const known: Record<number, UiKey> = {
    400: 'error.http.400',
    401: 'error.http.401',
    403: 'error.http.403',
    404: 'error.http.404',
    409: 'error.http.409',
    412: 'error.http.412',
    422: 'error.http.422',
    429: 'error.http.429',
  };
  return known[status] ?? 'error.http.other';
}

export function describeError(error: unknown, tr: Translate): UiError {
  if (error instanceof ApiError) {
    const fields = error.fieldLines;
    const detail = error.problem.detail ?? error.problem.title;
    return {
      title: tr('error.http.title', { status: error.status }),
      ...(detail ? { detail } : {}),
      action: tr(actionFor(error.status)),
      ...(fields.length > 0 ? { fields } : {}),
    };
  }
  if (error instanceof NetworkError) {
    return { title: tr('error.network.title'), detail: error.message, action: tr('error.network.action') };
  }
  if (error instanceof SignInError) {
    // The reason in the user's language; the English message only for a failure without one.
    const detail = error.reason ? tr(error.reason.key as UiKey, error.reason.params) : error.message;
    return { title: tr('signIn.failed.title'), detail, action: tr('signIn.failed.action') };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { title: tr('error.unexpected.title'), detail: message, action: tr('error.unexpected.action') };
}

/** For failures inside the workbook layer (Office.js errors), where the useful advice differs. */
export function describeWorkbookError(error: unknown, tr: Translate): UiError {
  const message = error instanceof Error ? error.message : String(error);
  return { title: tr('error.workbook.title'), detail: message, action: tr('error.workbook.action') };
}
