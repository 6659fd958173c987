// GET /api/rollup/{unitId}/{period}: the consolidation (docs/rules.md, Consolidation) of the latest submitted
// or approved plans below a unit, for a manager or regional head in scope (finance and admin: all). The ETag
// stands for the inputs (plan versions, statuses, org version); If-None-Match answers 304, and `?since=<ETag
// or ISO time>` answers only the rows of units whose plan changed since then.
import { consolidate, parsePeriod, TEMPLATE_VERSION, type OrgIndex, type Target } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { allow, signedInCaller } from '../auth';
import { handler, json } from '../http';
import { route } from '../registry';
import { contentHash } from '../store';
import { listLatestPlans } from '../repositories/plans';
import { refuse } from '../xlsx/messages';

type Listed = Awaited<ReturnType<typeof listLatestPlans>>[number];

/** Writers' clocks may differ a little: a delta re-sends plans this much older than `since`. */
export const SINCE_SKEW_MS = 2 * 60 * 1000;

const ETAG = /^(?:W\/)?"?o(\d+)\.t([0-9a-z]+)\.([0-9a-f]{16})"?$/;

/** The ETag of a rollup's inputs: org version and newest submission time readable, then a hash. */
export function rollupEtag(orgVersion: number, asOfMs: number, hash: string): string {
  return `"o${orgVersion}.t${asOfMs.toString(36)}.${hash.slice(0, 16)}"`;
}

/** The periods whose partitions may hold plans counting for `period`: itself and its year. */
function periodsToRead(period: string): string[] {
  const year = period.slice(0, 4);
  return year === period ? [period] : [period, year];
}

/**
 * The unit's own target: its own plan's rows about itself when it has any (consolidate takes those
 * itself), else the rows its parent's plan hands down to it, the plan for the exact period first.
 */
function handedDownTargets(
  index: OrgIndex,
  unitId: string,
  period: string,
  plans: readonly Listed[],
): Target[] | undefined {
  const ownRows = plans.some(
    (p) => p.plan.unitId === unitId && p.plan.targets.some((t) => t.owner === unitId),
  );
  if (ownRows) return undefined;
  const parentId = index.unit(unitId)?.parentId;
  if (!parentId) return undefined;
  const parentPlans = plans
    .filter((p) => p.plan.unitId === parentId)
    .sort((a, b) => Number(b.plan.period === period) - Number(a.plan.period === period));
  for (const p of parentPlans) {
    const rows = p.plan.targets.filter((t) => t.owner === unitId);
    if (rows.length > 0) return rows;
  }
  return undefined;
}

async function getRollup(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { locale, tenantId: tenant, org: index, orgVersion: org } = caller;
  const unitId = request.params.unitId ?? '';
  const period = request.params.period ?? '';
  if (!parsePeriod(period)) throw refuse(locale, 400, 'rollup.bad-period', { period }, 'period');
  // Scope first: outside it, a unit that exists and one that does not get the same 403.
  allow(caller, { roles: ['manager', 'regional_head', 'finance', 'admin'], unitId });
  if (!index.unit(unitId))
    throw refuse(locale, 404, 'rollup.unknown-unit', { unitId, version: org.version }, 'unitId');

  const subtree = new Set(index.subtree(unitId));
  const parentId = index.unit(unitId)?.parentId ?? null;
  const listed = (await Promise.all(periodsToRead(period).map((p) => listLatestPlans(tenant, p)))).flat();
  const plans = listed.filter((p) => subtree.has(p.plan.unitId) || p.plan.unitId === parentId);
  const unitTargets = handedDownTargets(index, unitId, period, plans);

  // ---- the ETag: what the answer is computed from
  const inputs = plans.map((p) => `${p.plan.unitId}|${p.plan.period}|${p.version}|${p.status}`).sort();
  let asOfMs = 0;
  for (const p of plans) {
    const t = p.submittedAt ? Date.parse(p.submittedAt) : Number.NaN;
    if (subtree.has(p.plan.unitId) && Number.isFinite(t)) asOfMs = Math.max(asOfMs, t);
  }
  const hash = contentHash([org.version, TEMPLATE_VERSION, locale, unitId, period, inputs]);
  const etag = rollupEtag(org.version, asOfMs, hash);
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*'))
    return { status: 304, headers: { etag, 'cache-control': 'no-store' } };

  // ---- since: a delta against an earlier answer
  const since = request.query.get('since');
  let sinceMs: number | null = null;
  if (since) {
    const tag = ETAG.exec(since.trim());
    if (tag) {
      if (`"${since.trim().replace(/^W\//, '').replace(/"/g, '')}"` === etag)
        return { status: 304, headers: { etag, 'cache-control': 'no-store' } };
      // Another org version may move units around: then only a whole answer is right.
      if (Number(tag[1]) === org.version) sinceMs = parseInt(tag[2] ?? '0', 36);
    } else if (/^\d{4}-\d{2}-\d{2}T/.test(since) && Number.isFinite(Date.parse(since))) {
      sinceMs = Date.parse(since);
    } else {
      throw refuse(locale, 400, 'rollup.bad-since', { since }, 'since');
    }
  }

  const rollup = consolidate({
    unitId,
    period,
    org: org.org,
    plans,
    ...(unitTargets ? { unitTargets } : {}),
    currentTemplateVersion: TEMPLATE_VERSION,
    locale,
  });
  const meta = { orgVersion: org.version, asOf: asOfMs > 0 ? new Date(asOfMs).toISOString() : null, etag };
  if (sinceMs === null) return json({ ...rollup, ...meta, delta: false }, 200, { etag });

  // Units whose counted plan is new since then, and the units above them whose sums move with them.
  const threshold = sinceMs - SINCE_SKEW_MS;
  const changed = new Set<string>();
  for (const p of plans) {
    const t = p.submittedAt ? Date.parse(p.submittedAt) : Number.NaN;
    if (subtree.has(p.plan.unitId) && !(t < threshold)) changed.add(p.plan.unitId);
  }
  const affected = new Set<string>([unitId]);
  for (const id of changed) {
    affected.add(id);
    for (const up of index.ancestors(id)) if (subtree.has(up)) affected.add(up);
  }
  return json(
    {
      ...rollup,
      ...meta,
      rows: rollup.rows.filter((r) => affected.has(r.unitId)),
      delta: true,
      since,
      changedUnits: [...changed].sort(),
    },
    200,
    { etag },
  );
}

export const rollup = route({
  name: 'rollup',
  methods: ['GET'],
  route: 'rollup/{unitId}/{period}',
  handler: handler(getRollup),
});
