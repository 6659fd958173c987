// What GET /api/org shows a caller: finance and admin the whole organisation; managers and regional
// heads the units of their scope with the people in them, and themselves; a rep (anyone whose scope
// holds no unit) themselves, their own unit, and of their manager only the name: who their manager
// is, never the team's hire, exit or probation dates.
import type { OrgIndex, Person, Unit } from '@teamsheet/shared';
import type { OrgVersion } from '../repositories/org';
import type { Principal } from './authenticate';

export type OrgView = { units: Unit[]; people: Person[] };

/** A person as someone outside their scope may see them: who they are and where, nothing more. */
function nameOnly(p: Person): Person {
  return { id: p.id, ...(p.name !== undefined ? { name: p.name } : {}), unitId: p.unitId, role: p.role };
}

export function visibleOrg(caller: {
  principal: Principal;
  org: OrgIndex;
  orgVersion: Pick<OrgVersion, 'org'>;
}): OrgView {
  const { principal, org: index } = caller;
  const { units, people } = caller.orgVersion.org;
  if (principal.roles.includes('admin') || principal.roles.includes('finance')) return { units, people };
  const scope = index.scopeOf(principal.personId);
  const me = index.person(principal.personId);
  const visible = people.filter((p) => scope.has(p.unitId) || p.id === principal.personId);
  // Someone outside every scope still sees the unit they belong to, so the task pane can name it.
  const ownUnit = me && !scope.has(me.unitId) ? units.filter((u) => u.id === me.unitId) : [];
  // Managers list only their scope (the task pane takes it as the team); a rep sees who leads them.
  const managerId = me && scope.size === 0 ? (me.managerId ?? index.managerOf(me.unitId)?.id) : undefined;
  const manager = managerId ? index.person(managerId) : undefined;
  const showManager = manager && manager.id !== me?.id ? [nameOnly(manager)] : [];
  return {
    units: [...units.filter((u) => scope.has(u.id)), ...ownUnit],
    people: [...visible, ...showManager],
  };
}
