// GET /api/dev/token: the development issuer's front door. Lists the people one can sign in as, or
// signs a token for `?person=<id>`. Answers 404, like an unknown route, unless TEAMSHEET_DEV_AUTH=1.
import type { Org } from '@teamsheet/shared';
import { devAuthEnabled, devIssuer, issueDevToken } from '../auth';
import { currentTenant, readLatestOrg } from '../repositories';
import { HttpError, handler, json } from '../http';
import { route } from '../registry';

/**
 * The people one can sign in as: those of the organisation in force. Before one is stored (the host
 * is still seeding the demo) the answer is 503 `org.missing`: try again in a moment.
 */
async function loadOrg(): Promise<Org> {
  const latest = await readLatestOrg(currentTenant());
  if (!latest) throw HttpError.of(503, 'org.missing', { tenant: currentTenant() });
  return latest.version.org;
}

const devTokenSeconds = 8 * 3600;

export const devToken = route({
  name: 'devToken',
  methods: ['GET'],
  route: 'dev/token',
  handler: handler(async (request) => {
    if (!devAuthEnabled())
      throw HttpError.of(404, 'http.not-found', { method: 'GET', path: '/api/dev/token' });
    const org = await loadOrg();
    const personId = request.query.get('person');
    if (personId === null || personId === '') {
      const unitName = new Map(org.units.map((u) => [u.id, u.name]));
      const people = org.people.map((p) => ({
        id: p.id,
        name: p.name,
        role: p.role,
        unitId: p.unitId,
        unitName: unitName.get(p.unitId),
      }));
      return json({ issuer: devIssuer, people });
    }
    const token = await issueDevToken(personId, org);
    return json({ token, tokenType: 'Bearer', expiresIn: devTokenSeconds });
  }),
});
