// The organisation as the server lets the caller see it (GET /api/org), fetched once per page, and
// the teams the sections work on: a unit's people below it, the unit a signed-in person plans for.
import { useEffect, useState } from 'react';
import { OrgIndex, type Org, type OrgData, type Person } from '@teamsheet/shared';
import type { Api } from '../../api';

/** The units and people the caller may see. */
export type OrgView = Pick<Org, 'units' | 'people'>;

export function fetchOrg(api: Api): Promise<OrgView> {
  return api.get<OrgView>('/api/org');
}

/** The organisation for a page: null until it arrives; a failure goes to the shell's MessageBar. */
export function useOrg(api: Api, onError: (error: unknown, source: 'api') => void): OrgView | null {
  const [org, setOrg] = useState<OrgView | null>(null);
  useEffect(() => {
    let live = true;
    fetchOrg(api).then(
      (o) => live && setOrg(o),
      (error: unknown) => live && onError(error, 'api'),
    );
    return () => {
      live = false;
    };
  }, [api, onError]);
  return org;
}

/** The reps of `unitId` and of every unit below it. */
export function repsBelow(org: OrgData, unitId: string): Person[] {
  const index = new OrgIndex(org);
  const below = new Set(index.unit(unitId) ? index.subtree(unitId) : [unitId]);
  return org.people.filter((p) => p.role === 'rep' && below.has(p.unitId));
}

/** The units in scope, parents before their units below, with their depth for indenting. */
export function unitChoices(org: OrgView): { id: string; name: string; depth: number }[] {
  const index = new OrgIndex(org);
  const ids = new Set(org.units.map((u) => u.id));
  const roots = org.units.filter((u) => !u.parentId || !ids.has(u.parentId));
  return roots.flatMap((r) =>
    index.subtree(r.id).map((id) => ({
      id,
      name: index.unit(id)?.name ?? id,
      depth: index.ancestors(id).filter((a) => ids.has(a)).length,
    })),
  );
}
