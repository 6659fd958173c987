// The sign-in of storing the organisation: an administrator, whether or not an organisation is stored
// yet (the very first upload has no org to check the role against, so the check runs on an empty one).
import { OrgIndex } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { localeOf, type HttpLocale } from '../http';
import { currentTenant, readLatestOrg, type OrgVersion } from '../repositories';
import { authenticate, type Principal } from './authenticate';
import { authorize } from './authorize';

/** An administrator, signed in whether or not an organisation is stored yet (the first upload). */
export type OrgAdmin = {
  principal: Principal;
  tenantId: string;
  locale: HttpLocale;
  latest: OrgVersion | null;
};

export async function orgAdmin(request: HttpRequest): Promise<OrgAdmin> {
  const principal = await authenticate(request);
  const tenantId = currentTenant();
  const locale = localeOf(request);
  const latest = (await readLatestOrg(tenantId)) ?? null;
  authorize(principal, {
    roles: ['admin'],
    org: latest?.index ?? new OrgIndex({ units: [], people: [] }),
    locale,
  });
  return { principal, tenantId, locale, latest: latest?.version ?? null };
}
