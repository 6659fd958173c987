// A refusal: the typed answer of a workflow or a repository that will not do what was asked. It names
// what kind of refusal it is and the message of the server's catalog that explains it; the route
// wrapper (http/handler.ts) renders it as problem+json in the caller's language, with `code` = key.
// Nothing below the routes imports the HTTP layer: this is how they say no.
import type { FieldError } from '@teamsheet/shared';
import { serverText, type MessageParams, type ServerMessageKey } from './messages';

export type RefusalKind =
  | 'invalid' // the request itself is malformed: 400
  | 'forbidden' // the caller may not do this: 403
  | 'not-found' // what the address names does not exist (in the caller's scope): 404
  | 'conflict' // it contradicts what is stored: 409
  | 'closed' // the period is closed: 409
  | 'stale' // the version it was based on is no longer the latest: 412
  | 'unprocessable'; // well-formed, but the content breaks a rule: 422

export const refusalStatus: Readonly<Record<RefusalKind, number>> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  closed: 409,
  stale: 412,
  unprocessable: 422,
};

export class Refusal extends Error {
  readonly status: number;
  constructor(
    readonly kind: RefusalKind,
    readonly code: ServerMessageKey,
    readonly params: MessageParams = {},
    readonly errors: FieldError[] = [],
    /** Members of the problem answer beside the standard ones, e.g. `currentVersion`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(serverText('en', code, params));
    this.name = 'Refusal';
    this.status = refusalStatus[kind];
  }
}

/** A refusal; shorthand for `new Refusal(…)` where a workflow or repository throws one. */
export function refusal(
  kind: RefusalKind,
  code: ServerMessageKey,
  params: MessageParams = {},
  errors: FieldError[] = [],
  extra: Record<string, unknown> = {},
): Refusal {
  return new Refusal(kind, code, params, errors, extra);
}
