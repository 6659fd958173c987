// What the workbook routes say when they refuse an upload or a request, in both product languages.
import { HttpError, statusTitle, type HttpLocale } from '../http';
import { serverText, type ServerMessageKey } from '../messages';

/** A refused request (not a refused workbook) as an HttpError in the caller's language. */
export function refuse(
  locale: HttpLocale,
  status: number,
  key: ServerMessageKey,
  params: Record<string, string | number>,
  path: string,
): HttpError {
  const detail = serverText(locale, key, params);
  return new HttpError(status, statusTitle(locale, status), detail, [{ path, message: detail }], {
    code: key,
  });
}
