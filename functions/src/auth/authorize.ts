// What the caller may do: a role gate and the org scope of docs/rules.md, Organisation (a manager sees the
// subtree they manage, a regional head their region, finance and admin everything, a rep only themselves).
import type { Person, Role } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { HttpError, localeOf, statusTitle, type HttpLocale } from '../http';
import { authenticate, type Principal } from './authenticate';
import { serverText, type ServerMessageKey } from '../messages';

/** The part of the core's OrgIndex that authorisation reads. */
export type OrgScope = {
  person(id: string): Person | undefined;
  canSeeUnit(personId: string, unitId: string): boolean;
};

export type AuthorizeOptions = {
  /** The caller needs at least one of these roles. */
  roles?: Role[];
  /** The caller must be allowed to see this unit. */
  unitId?: string;
  /** The caller must be allowed to see this person (themselves, or someone in their scope). */
  personId?: string;
  /** The caller must be allowed to see this id as a person or as a unit (a metric actual's owner). */
  ownerId?: string;
  /** Where the refused id sits in the request (`unitId`, `transactions[3].credits[0].personId`), for errors[]. */
  path?: string;
  org: OrgScope;
  /** Language of the refusal's detail; `requireSignedIn` takes it from Accept-Language. */
  locale?: HttpLocale;
};

const seesEverything: Role[] = ['admin', 'finance'];
const managesPeople: Role[] = ['manager', 'regional_head'];

function has(principal: Principal, roles: Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

/**
 * A 403 that names what was asked for and never who asked, nor their roles. Outside the caller's
 * scope an id that exists and one that does not get the same answer, so a refusal reveals nothing.
 */
export function forbidden(
  locale: HttpLocale,
  key: ServerMessageKey,
  params: Record<string, string>,
  path?: string,
): HttpError {
  const detail = serverText(locale, key, params);
  return new HttpError(403, statusTitle('en', 403), detail, path ? [{ path, message: detail }] : [], {
    code: key,
  });
}

function seesPerson(principal: Principal, org: OrgScope, personId: string): boolean {
  if (personId === principal.personId) return true;
  const person = org.person(personId);
  return !!person && has(principal, managesPeople) && org.canSeeUnit(principal.personId, person.unitId);
}

function seesUnit(principal: Principal, org: OrgScope, unitId: string): boolean {
  return has(principal, managesPeople) && org.canSeeUnit(principal.personId, unitId);
}

/**
 * Returns when allowed; otherwise throws a 403 naming what was refused. Finance and admin see every
 * unit and person (an id that does not exist is then the route's 404 or 400 to tell); everyone else
 * gets this same 403 for an id outside their scope and for one that does not exist.
 */
export function authorize(principal: Principal, options: AuthorizeOptions): void {
  const { roles, unitId, personId, ownerId, path, org, locale = 'en' } = options;
  if (roles && roles.length > 0 && !has(principal, roles))
    throw forbidden(locale, 'authz.role', { roles: roles.join(' / ') });
  if (has(principal, seesEverything)) return;
  if (unitId !== undefined && !seesUnit(principal, org, unitId))
    throw forbidden(locale, 'authz.unit', { unitId }, path ?? 'unitId');
  if (personId !== undefined && !seesPerson(principal, org, personId))
    throw forbidden(locale, 'authz.person', { personId }, path ?? 'personId');
  if (
    ownerId !== undefined &&
    !seesPerson(principal, org, ownerId) &&
    !(org.person(ownerId) === undefined && seesUnit(principal, org, ownerId))
  )
    throw forbidden(locale, 'authz.owner', { ownerId }, path ?? 'owner');
}

/** authenticate, then authorize when options are given: the usual first line of a route. */
export async function requireSignedIn(request: HttpRequest, options?: AuthorizeOptions): Promise<Principal> {
  const principal = await authenticate(request);
  if (options) authorize(principal, { locale: localeOf(request), ...options });
  return principal;
}
