// What every registered route gets around its handler, on Azure and on the local host alike: the body
// read within the route's declared limit (413 otherwise, before the handler runs) and the headers
// every API answer carries.
import { HttpResponse, type HttpHandler, type HttpResponseInit } from '../azure';
import { withinBodyLimit } from './body';
import { HttpError, localeOf, problemFor } from './problem';

/**
 * Headers on every API answer, errors included. `nosniff`: a browser never guesses a type other than
 * the one declared (a JSON or CSV answer is never run as a script or rendered as HTML).
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
};

type Answer = HttpResponseInit | HttpResponse;

/** The answer with `API_SECURITY_HEADERS` set (over whatever the handler put there). */
export function withSecurityHeaders(answer: Answer | undefined | void): Answer {
  if (answer instanceof HttpResponse) {
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) answer.headers.set(name, value);
    return answer;
  }
  const init: HttpResponseInit = answer ?? {};
  const headers = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]);
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) headers.set(name, value);
  return { ...init, headers: Object.fromEntries(headers) };
}

/** The handler as it is registered: body within `maxBodyBytes`, security headers on the answer. */
export function served(handler: HttpHandler, maxBodyBytes: number): HttpHandler {
  return async (request, context) => {
    let answer: Answer | undefined | void;
    try {
      answer = await handler(await withinBodyLimit(request, maxBodyBytes), context);
    } catch (error) {
      // Handlers answer their own refusals (handler()); what reaches here is the body limit's 413.
      if (!(error instanceof HttpError)) throw error;
      answer = problemFor(error, localeOf(request));
    }
    return withSecurityHeaders(answer);
  };
}
