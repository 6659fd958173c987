// The first lines of almost every route: who is calling, in which language, for which tenant, against
// which organisation in force — and, when the route says so, whether they may (roles, unit, person).
import type { OrgIndex, Role } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { HttpError, localeOf, type HttpLocale } from '../http';
import { currentTenant, readLatestOrg, type OrgVersion } from '../repositories/org';
import { authenticate, type Principal } from './authenticate';
import { authorize, type AuthorizeOptions } from './authorize';

export type Caller = {
  principal: Principal;
  tenantId: string;
  locale: HttpLocale;
  /** The organisation in force, indexed. */
  org: OrgIndex;
  /** The stored version of that organisation (number, hash, units and people as uploaded). */
  orgVersion: OrgVersion;
};

/** What the caller must be allowed: checked against the org in force, refused in the caller's language. */
export type CallerGate = Omit<AuthorizeOptions, 'org' | 'locale'>;

/** Checks a gate for a caller already known: a 403 naming what was refused. */
export function allow(caller: Caller, gate: CallerGate): void {
  authorize(caller.principal, { ...gate, org: caller.org, locale: caller.locale });
}

/** The organisation in force of a tenant, or 404 `org.missing` before the first upload. */
export async function orgInForce(tenantId: string = currentTenant()) {
  const latest = await readLatestOrg(tenantId);
  if (!latest) throw HttpError.of(404, 'org.missing', { tenant: tenantId });
  return latest;
}

/**
 * authenticate (401) → the tenant and the caller's language → the org in force (404 `org.missing`)
 * → the gate, when one is given (403).
 */
export async function signedInCaller(request: HttpRequest, gate?: CallerGate): Promise<Caller> {
  const locale = localeOf(request);
  const principal = await authenticate(request);
  const tenantId = currentTenant();
  const latest = await orgInForce(tenantId);
  const caller: Caller = { principal, tenantId, locale, org: latest.index, orgVersion: latest.version };
  if (gate) allow(caller, gate);
  return caller;
}

/** A signed-in caller holding one of `roles` (finance by default): the finance routes of payouts and periods. */
export function financeCaller(request: HttpRequest, roles: Role[] = ['finance']): Promise<Caller> {
  return signedInCaller(request, { roles });
}
