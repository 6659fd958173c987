// What the caller may do: a role gate and the org scope of docs/rules.md, Organisation (a manager sees the
// subtree they manage, a regional head their region, finance and admin everything, a rep only themselves).
import type { Person, Role } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { HttpError, localeOf, statusTitle, type HttpLocale } from '../http';
import { authenticate, type Principal } from './authenticate';
import { authText, type AuthMessageKey } from './messages';

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
  org: OrgScope;
  /** Language of the refusal's detail; `requireSignedIn` takes it from Accept-Language. */
  locale?: HttpLocale;
};

const seesEverything: Role[] = ['admin', 'finance'];
const managesPeople: Role[] = ['manager', 'regional_head'];

function has(principal: Principal, roles: Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

function who(principal: Principal): string {
  return principal.name ? `${principal.name} (${principal.personId})` : principal.personId;
}

function forbidden(locale: HttpLocale, key: AuthMessageKey, params: Record<string, string>): HttpError {
  return new HttpError(403, statusTitle('en', 403), authText(locale, key, params));
}

/** Returns when allowed; otherwise throws a 403 naming what was refused. */
export function authorize(principal: Principal, options: AuthorizeOptions): void {
  const { roles, unitId, personId, org, locale = 'en' } = options;
  if (roles && roles.length > 0 && !has(principal, roles)) {
    const held = principal.roles.length > 0 ? principal.roles.join(', ') : '-';
    throw forbidden(locale, 'authz.role', { roles: roles.join(' / '), who: who(principal), held });
  }
  const all = has(principal, seesEverything);
  if (
    unitId !== undefined &&
    !all &&
    !(has(principal, managesPeople) && org.canSeeUnit(principal.personId, unitId))
  ) {
    throw forbidden(locale, 'authz.unit', { who: who(principal), unitId });
  }
  if (personId !== undefined && personId !== principal.personId && !all) {
    const person = org.person(personId);
    if (!person || !has(principal, managesPeople) || !org.canSeeUnit(principal.personId, person.unitId)) {
      throw forbidden(locale, 'authz.person', { who: who(principal), personId });
    }
  }
}

/** authenticate, then authorize when options are given: the usual first line of a route. */
export async function requireSignedIn(request: HttpRequest, options?: AuthorizeOptions): Promise<Principal> {
  const principal = await authenticate(request);
  if (options) authorize(principal, { locale: localeOf(request), ...options });
  return principal;
}
