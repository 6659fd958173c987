// Errors as RFC 9457 problem documents (application/problem+json): a title, a detail a person can act
// on, and for bad input `errors[]` of `{path, message}`; never a stack trace.
import type { HttpRequest, HttpResponseInit } from '../azure';
import { type HttpLocale, type MessageParams } from './messages';
import { messageText } from '../messages';

export type FieldError = { path: string; message: string };

/** An error that becomes exactly this HTTP answer; anything else thrown by a handler is a 500. */
export class HttpError extends Error {
  /** When set, title and detail are re-rendered in the caller's language from these keys. */
  messageKey?: string;
  messageParams?: MessageParams;

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'HttpError';
  }

  /** An error whose detail comes from the HTTP message catalog, so it can answer in either language. */
  static of(
    status: number,
    key: string,
    params: MessageParams = {},
    errors?: FieldError[],
    extra?: Record<string, unknown>,
  ): HttpError {
    const e = new HttpError(status, statusTitle('en', status), messageText('en', key, params), errors, extra);
    e.messageKey = key;
    e.messageParams = params;
    return e;
  }
}

/** `zh-CN` when the caller's first preferred language is Chinese, else English. */
export function localeOf(request: Pick<HttpRequest, 'headers'> | undefined): HttpLocale {
  const accept = request?.headers.get('accept-language') ?? '';
  return accept.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function statusTitle(locale: HttpLocale, status: number): string {
  const key = `status.${status}`;
  const text = messageText(locale, key);
  return text === key ? messageText(locale, `status.${status >= 500 ? 500 : 400}`) : text;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** A problem response (RFC 9457). `extra` members sit beside the standard ones, e.g. `currentVersion`. */
export function problem(
  status: number,
  title: string,
  detail: string,
  errors?: FieldError[],
  extra?: Record<string, unknown> & { instance?: string; type?: string },
): HttpResponseInit {
  const { type, instance, ...rest } = extra ?? {};
  const body = {
    type: type ?? 'about:blank',
    title,
    status,
    detail,
    ...(instance ? { instance } : {}),
    errors: errors ?? [],
    ...rest,
  };
  return {
    status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

/** The problem response for an HttpError, in the caller's language where the error carries a message key. */
export function problemFor(error: HttpError, locale: HttpLocale, instance?: string): HttpResponseInit {
  const localised = locale !== 'en';
  const title =
    localised && (error.messageKey || error.title === statusTitle('en', error.status))
      ? statusTitle(locale, error.status)
      : error.title;
  const detail =
    localised && error.messageKey ? messageText(locale, error.messageKey, error.messageParams) : error.detail;
  // Every problem names its kind in `code`: the message key, or the status's own (`http.403`).
  const code = (error.extra?.code as string | undefined) ?? error.messageKey ?? `http.${error.status}`;
  const response = problem(error.status, title, detail, error.errors, {
    code,
    ...(error.extra ?? {}),
    ...(instance ? { instance } : {}),
  });
  if (error.status === 401) {
    // authenticate() puts the full RFC 6750 challenge on its error; keep it rather than a bare scheme.
    const challenge = (error as { headers?: Record<string, string> }).headers?.['WWW-Authenticate'];
    response.headers = {
      ...(response.headers as Record<string, string>),
      'www-authenticate': challenge ?? 'Bearer',
    };
  }
  return response;
}
