// A `since` answer of the rollup route carries only the rows of units whose plans changed (and the
// units above them); merged into the previous full roll-up it gives the new full one.
import { OrgIndex, type OrgData, type Rollup, type RollupRow } from '@teamsheet/shared';

/** The rollup route's answer: the core's Rollup plus what the pull needs to ask again. */
export type RollupAnswer = Rollup & {
  etag?: string;
  delta?: boolean;
  changedUnits?: string[];
};

/**
 * The full roll-up after a delta: rows of the root, the changed units and their ancestors come from
 * the delta (even when it has none for them); every other unit keeps its previous rows. Rows follow
 * the org's depth-first order, as the core returns them.
 */
export function mergeDelta(previous: Rollup, delta: RollupAnswer, org: OrgData): Rollup {
  const index = new OrgIndex(org);
  const subtree = index.subtree(delta.unitId);
  const inScope = new Set(subtree);
  const affected = new Set<string>([delta.unitId]);
  for (const id of delta.changedUnits ?? []) {
    affected.add(id);
    for (const up of index.ancestors(id)) if (inScope.has(up)) affected.add(up);
  }
  for (const row of delta.rows) affected.add(row.unitId);
  const byUnit = new Map<string, RollupRow[]>();
  const keep = (row: RollupRow) => {
    const list = byUnit.get(row.unitId) ?? [];
    list.push(row);
    byUnit.set(row.unitId, list);
  };
  for (const row of previous.rows) if (!affected.has(row.unitId)) keep(row);
  for (const row of delta.rows) keep(row);
  const rows = subtree.flatMap((id) => byUnit.get(id) ?? []);
  const { etag: _etag, delta: _delta, changedUnits: _changed, ...rest } = delta;
  return { ...rest, rows };
}
