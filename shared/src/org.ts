// The organisation tree (docs/rules.md, Organisation) indexed once for fast look-ups, who may see which units
// and people (the scope rules every route authorises with), and the checks an uploaded org must pass.
import { makeFinding, type Locale } from './messages/index';
import type { Finding, Person, Unit } from './schemas';

export type OrgData = { units: readonly Unit[]; people: readonly Person[] };

function cycleError(unitId: string): RangeError {
  return new RangeError(
    `the organisation has a cycle through unit "${unitId}"; a unit cannot be its own ancestor`,
  );
}

/**
 * Units and people by id, children and members by unit, built once. Where ids repeat, the first
 * occurrence wins (validateOrg reports the repeats). Scopes are cached: the index is read-only.
 */
export class OrgIndex {
  private readonly unitsById = new Map<string, Unit>();
  private readonly peopleById = new Map<string, Person>();
  private readonly childrenOf = new Map<string, string[]>();
  private readonly membersOf = new Map<string, Person[]>();
  private readonly managedBy = new Map<string, string[]>();
  private readonly roots: string[] = [];
  private readonly scopes = new Map<string, Set<string>>();

  constructor(org: OrgData) {
    for (const u of org.units) if (!this.unitsById.has(u.id)) this.unitsById.set(u.id, u);
    for (const p of org.people) if (!this.peopleById.has(p.id)) this.peopleById.set(p.id, p);
    for (const u of this.unitsById.values()) {
      if (u.parentId != null && this.unitsById.has(u.parentId)) push(this.childrenOf, u.parentId, u.id);
      else this.roots.push(u.id);
      if (u.managerId != null) push(this.managedBy, u.managerId, u.id);
    }
    for (const p of this.peopleById.values()) push(this.membersOf, p.unitId, p);
  }

  unit(id: string): Unit | undefined {
    return this.unitsById.get(id);
  }

  person(id: string): Person | undefined {
    return this.peopleById.get(id);
  }

  allUnits(): Unit[] {
    return [...this.unitsById.values()];
  }

  allPeople(): Person[] {
    return [...this.peopleById.values()];
  }

  /** Units with no parent (or a parent that does not exist), in input order. */
  rootUnits(): string[] {
    return [...this.roots];
  }

  /** Direct child unit ids, in input order. */
  children(unitId: string): string[] {
    return [...(this.childrenOf.get(unitId) ?? [])];
  }

  /** The unit and every unit below it, depth first in input order; empty for an unknown unit. */
  subtree(unitId: string): string[] {
    if (!this.unitsById.has(unitId)) return [];
    const out: string[] = [];
    const seen = new Set<string>();
    const stack = [unitId];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id)) throw cycleError(id);
      seen.add(id);
      out.push(id);
      const kids = this.childrenOf.get(id);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as string);
    }
    return out;
  }

  /** People whose unit is `unitId` or, with `deep`, any unit of its subtree. */
  peopleIn(unitId: string, opts: { deep?: boolean } = {}): Person[] {
    const units = opts.deep ? this.subtree(unitId) : [unitId];
    return units.flatMap((id) => this.membersOf.get(id) ?? []);
  }

  /** Unit ids whose `managerId` is this person. */
  unitsManagedBy(personId: string): string[] {
    return [...(this.managedBy.get(personId) ?? [])];
  }

  /** Parent, grandparent … up to the root (nearest first, the unit itself excluded). */
  ancestors(unitId: string): string[] {
    const out: string[] = [];
    const seen = new Set<string>([unitId]);
    let parent = this.unitsById.get(unitId)?.parentId;
    while (parent != null && this.unitsById.has(parent)) {
      if (seen.has(parent)) throw cycleError(parent);
      seen.add(parent);
      out.push(parent);
      parent = this.unitsById.get(parent)?.parentId;
    }
    return out;
  }

  /**
   * The person responsible for a unit: its own manager, or, when it has none, the manager of the
   * nearest unit above it that has one (a team without a leader answers to its area manager).
   */
  managerOf(unitId: string): Person | undefined {
    for (const id of [unitId, ...this.ancestors(unitId)]) {
      const managerId = this.unitsById.get(id)?.managerId;
      const manager = managerId == null ? undefined : this.peopleById.get(managerId);
      if (manager) return manager;
    }
    return undefined;
  }

  /** The nearest unit of kind `region` at or above a unit, if any. */
  regionOf(unitId: string): string | undefined {
    if (!this.unitsById.has(unitId)) return undefined;
    return [unitId, ...this.ancestors(unitId)].find((id) => this.unitsById.get(id)?.kind === 'region');
  }

  /**
   * The unit ids a person may see (docs/rules.md, Organisation). finance and admin: every unit. manager: the
   * subtrees of the units they manage, or their own unit's subtree when they manage none. regional_head: the
   * subtrees of the units they manage, else their region (the region-kind unit at or above their unit), else
   * their own unit's subtree. rep: no unit at all, only themselves (see canSeePerson).
   */
  scopeOf(personId: string): Set<string> {
    const cached = this.scopes.get(personId);
    if (cached) return cached;
    const person = this.peopleById.get(personId);
    const scope = new Set<string>();
    if (person) {
      const add = (unitId: string): void => {
        for (const id of this.subtree(unitId)) scope.add(id);
      };
      if (person.role === 'finance' || person.role === 'admin') {
        for (const id of this.unitsById.keys()) scope.add(id);
      } else if (person.role === 'manager' || person.role === 'regional_head') {
        const managed = this.managedBy.get(personId) ?? [];
        const region = person.role === 'regional_head' ? this.regionOf(person.unitId) : undefined;
        if (managed.length > 0) managed.forEach(add);
        else add(region ?? person.unitId);
      }
    }
    this.scopes.set(personId, scope);
    return scope;
  }

  canSeeUnit(personId: string, unitId: string): boolean {
    return this.scopeOf(personId).has(unitId);
  }

  /** Self always; finance and admin everyone; managers the people of the units in their scope. */
  canSeePerson(viewerId: string, personId: string): boolean {
    const viewer = this.peopleById.get(viewerId);
    const person = this.peopleById.get(personId);
    if (!viewer || !person) return false;
    if (viewerId === personId || viewer.role === 'finance' || viewer.role === 'admin') return true;
    return this.scopeOf(viewerId).has(person.unitId);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The errors that make an org unusable: repeated ids, parents, managers or units that do not exist,
 * and parent loops. Each finding points at the offending field (`units[3].parentId`).
 */
export function validateOrg(org: OrgData, locale: Locale = 'en'): Finding[] {
  const findings: Finding[] = [];
  const error = (rule: string, path: string, params: Record<string, string | number>): void => {
    findings.push(makeFinding(rule, 'error', path, params, locale));
  };

  const duplicates = (items: readonly { id: string }[], collection: 'units' | 'people'): void => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(item.id, (counts.get(item.id) ?? 0) + 1);
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) {
        const kind = collection === 'units' ? 'unit' : 'person';
        error('org.duplicate-id', `${collection}[${i}].id`, {
          id: item.id,
          count: counts.get(item.id) ?? 0,
          kind,
        });
      }
      seen.add(item.id);
    });
  };
  duplicates(org.units, 'units');
  duplicates(org.people, 'people');

  const parentOf = new Map<string, string | null | undefined>();
  const indexOf = new Map<string, number>();
  org.units.forEach((u, i) => {
    if (!parentOf.has(u.id)) {
      parentOf.set(u.id, u.parentId);
      indexOf.set(u.id, i);
    }
  });
  const personIds = new Set(org.people.map((p) => p.id));

  org.units.forEach((u, i) => {
    if (u.parentId != null && !parentOf.has(u.parentId)) {
      error('org.unknown-parent', `units[${i}].parentId`, { unitId: u.id, parentId: u.parentId });
    }
    if (u.managerId != null && !personIds.has(u.managerId)) {
      error('org.unknown-manager', `units[${i}].managerId`, {
        id: u.id,
        managerId: u.managerId,
        kind: 'unit',
      });
    }
  });
  org.people.forEach((p, i) => {
    if (!parentOf.has(p.unitId))
      error('org.unknown-unit', `people[${i}].unitId`, { personId: p.id, unitId: p.unitId });
    if (p.managerId != null && !personIds.has(p.managerId)) {
      error('org.unknown-manager', `people[${i}].managerId`, {
        id: p.id,
        managerId: p.managerId,
        kind: 'person',
      });
    }
  });

  // Walk up from every unit; a walk that meets itself has found a loop, reported once at the loop's
  // first unit in input order. 'done' marks units already known to reach a root or a known loop.
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    let id: string | null | undefined = start;
    while (id != null && parentOf.has(id) && state.get(id) !== 'done') {
      if (state.get(id) === 'walking') {
        const loop = path.slice(path.indexOf(id));
        const first = loop.reduce((a, b) => ((indexOf.get(a) ?? 0) <= (indexOf.get(b) ?? 0) ? a : b));
        const from = loop.indexOf(first);
        const chain = [...loop.slice(from), ...loop.slice(0, from), first].join(' → ');
        error('org.cycle', `units[${indexOf.get(first) ?? 0}].parentId`, { unitId: first, chain });
        break;
      }
      state.set(id, 'walking');
      path.push(id);
      id = parentOf.get(id);
    }
    for (const p of path) state.set(p, 'done');
  }
  return findings;
}
