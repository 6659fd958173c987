// GET /api/me: who is calling — their person, roles, the units in their scope (names, not only ids)
// and the task-pane sections their roles open — so the pane shows each user only their own jobs.
import { signedInCaller } from '../auth';
import { sectionsFor } from '../auth/sections';
import { handler, json } from '../http';
import { route } from '../registry';

export const me = route({
  name: 'me',
  methods: ['GET'],
  route: 'me',
  handler: handler(async (request) => {
    const caller = await signedInCaller(request);
    const { principal, org, orgVersion } = caller;
    const person = org.person(principal.personId);
    const all = principal.roles.includes('admin') || principal.roles.includes('finance');
    const scope = org.scopeOf(principal.personId);
    const units = orgVersion.org.units
      .filter((u) => all || scope.has(u.id))
      .map((u) => ({
        id: u.id,
        name: u.name,
        kind: u.kind,
        ...(u.parentId ? { parentId: u.parentId } : {}),
      }));
    const unit = person ? org.unit(person.unitId) : undefined;
    return json({
      personId: principal.personId,
      name: person?.name ?? principal.name ?? principal.personId,
      roles: principal.roles,
      unit: unit ? { id: unit.id, name: unit.name } : null,
      units,
      sections: sectionsFor(principal.roles),
    });
  }),
});
