// GET /api/org: the units and people the caller may see (auth/orgView.ts). PUT /api/org: an administrator replaces the
// organisation; it is checked by the core, stored as a new append-only version, and audited.
import { org as orgSchema, OrgIndex, validateOrg, type Finding } from '@teamsheet/shared';
import { authenticate, authorize, signedInCaller, visibleOrg } from '../auth';
import { HttpError, handler, json, localeOf, readJson } from '../http';
import { route } from '../registry';
import { currentTenant, readLatestOrg, saveOrg } from '../store';

const MAX_ORG_BYTES = 32 * 1024 * 1024;

function versionTag(version: number): string {
  return `"${version}"`;
}

/** `If-Match: "3"` (or `3`, `W/"3"`) → 3; `*` or absent → no precondition. */
function baseVersion(header: string | null): number | undefined {
  if (header === null || header.trim() === '*') return undefined;
  const m = /^(?:W\/)?"?v?(\d+)"?$/.exec(header.trim());
  if (!m)
    throw new HttpError(400, 'Bad request', `If-Match must name an org version such as "3"; got ${header}.`);
  return Number(m[1]);
}

async function getOrg(request: Parameters<typeof authenticate>[0]) {
  const caller = await signedInCaller(request);
  const { units, people } = visibleOrg(caller);
  return json({ tenantId: caller.tenantId, version: caller.orgVersion.version, units, people }, 200, {
    etag: versionTag(caller.orgVersion.version),
  });
}

async function putOrg(request: Parameters<typeof authenticate>[0]) {
  const principal = await authenticate(request);
  const tenant = currentTenant();
  const latest = await readLatestOrg(tenant);
  authorize(principal, { roles: ['admin'], org: latest?.index ?? new OrgIndex({ units: [], people: [] }) });
  const base = baseVersion(request.headers.get('if-match'));
  const body = await readJson(request, orgSchema, { maxBytes: MAX_ORG_BYTES });
  const locale = localeOf(request);
  const findings: Finding[] = validateOrg(body, locale);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw HttpError.of(
      422,
      'org.invalid',
      { count: errors.length },
      errors.map((f) => ({ path: f.path, message: f.message })),
      { findings },
    );
  }
  const result = await saveOrg(body, principal.personId, { tenantId: tenant, baseVersion: base });
  if (result.status === 'stale') {
    throw HttpError.of(
      412,
      'org.stale',
      { base: result.baseVersion, current: result.currentVersion },
      undefined,
      { currentVersion: result.currentVersion },
    );
  }
  const { version } = result;
  const status = result.status === 'created' ? 201 : 200;
  return json(
    {
      tenantId: tenant,
      version: version.version,
      hash: version.hash,
      changed: result.status === 'created',
      findings,
    },
    status,
    { etag: versionTag(version.version) },
  );
}

export const org = route({
  name: 'org',
  methods: ['GET', 'PUT'],
  route: 'org',
  maxBodyBytes: MAX_ORG_BYTES,
  handler: handler(async (request) => (request.method === 'PUT' ? putOrg(request) : getOrg(request))),
});
