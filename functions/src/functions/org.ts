// GET /api/org: the units and people the caller may see (auth/orgView.ts). PUT /api/org: an administrator
// replaces the organisation (workflows/storeOrg.ts): a new append-only version, If-Match naming the one it
// was based on, Idempotency-Key making a retry safe.
import { org as orgSchema } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { signedInCaller, visibleOrg } from '../auth';
import { handler, json, readJson } from '../http';
import { command } from '../http/command';
import { route } from '../registry';
import { ifMatchOf, versionTag } from '../address';
import { orgAdmin } from '../auth/orgAdmin';
import { storeOrg } from '../workflows/storeOrg';

const MAX_ORG_BYTES = 32 * 1024 * 1024;

const getOrg = handler(async (request: HttpRequest) => {
  const caller = await signedInCaller(request);
  const { units, people } = visibleOrg(caller);
  return json({ tenantId: caller.tenantId, version: caller.orgVersion.version, units, people }, 200, {
    etag: versionTag(caller.orgVersion.version, caller.orgVersion.hash),
  });
});

const putOrg = command('org.store', {
  signIn: orgAdmin,
  parse: async (request, caller) => ({
    base: ifMatchOf(caller.locale, request.headers.get('if-match')),
    org: await readJson(request, orgSchema, { maxBytes: MAX_ORG_BYTES }),
  }),
  period: () => null,
  run: storeOrg,
});

export const org = route({
  name: 'org',
  methods: ['GET', 'PUT'],
  route: 'org',
  maxBodyBytes: MAX_ORG_BYTES,
  handler: (request, context) => (request.method === 'PUT' ? putOrg : getOrg)(request, context),
});
