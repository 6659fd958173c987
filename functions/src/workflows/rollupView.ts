// The consolidation of a unit's plans (docs/rules.md, Consolidation) as GET /api/rollup/{unitId}/{period}
// answers it: the plans below the unit it counts (the latest approved version where one exists, else the
// latest submitted), an ETag standing for the inputs
// (plan versions, statuses, org version), 304 for a current If-None-Match, and with `since=<ETag or
// ISO time>` only the rows of units whose plan changed since then.
import { consolidate, TEMPLATE_VERSION, type Locale, type OrgIndex, type Target } from '@teamsheet/shared';
import type { Caller } from '../auth';
import { serverText } from '../messages';
import { refusal } from '../refusal';
import { listCountedPlans } from '../repositories/plans';
import { contentHash } from '../store';
import type { CommandAnswer } from './answer';

function notFound(locale: Locale, unitId: string, version: number) {
  const params = { unitId, version };
  const message = serverText(locale, 'rollup.unknown-unit', params);
  return refusal('not-found', 'rollup.unknown-unit', params, [{ path: 'unitId', message }]);
}

function badSince(locale: Locale, since: string) {
  const message = serverText(locale, 'rollup.bad-since', { since });
  return refusal('invalid', 'rollup.bad-since', { since }, [{ path: 'since', message }]);
}

type Listed = Awaited<ReturnType<typeof listCountedPlans>>[number];

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

/** What a rollup request asks beside its address: an If-None-Match and a `since` to answer a delta against. */
export type RollupAsk = { unitId: string; period: string; ifNoneMatch: string | null; since: string | null };

/**
 * The consolidation of `unitId` (in the caller's scope, checked by the route) for `period`: 404 for
 * an unknown unit, 304 when the caller's ETag is current, the rows that changed since `since`.
 */
export async function rollupView(caller: Caller, ask: RollupAsk): Promise<CommandAnswer> {
  const { locale, tenantId: tenant, org: index, orgVersion: org } = caller;
  const { unitId, period } = ask;
  if (!index.unit(unitId)) throw notFound(locale, unitId, org.version);

  const subtree = new Set(index.subtree(unitId));
  const parentId = index.unit(unitId)?.parentId ?? null;
  const listed = (await Promise.all(periodsToRead(period).map((p) => listCountedPlans(tenant, p)))).flat();
  const plans = listed.filter((p) => subtree.has(p.plan.unitId) || p.plan.unitId === parentId);
  const unitTargets = handedDownTargets(index, unitId, period, plans);

  // ---- the ETag: what the answer is computed from
  const inputs = plans
    .map((p) => `${p.plan.unitId}|${p.plan.period}|${p.version}|${p.status}|${p.latestVersion}`)
    .sort();
  let asOfMs = 0;
  for (const p of plans) {
    const t = p.submittedAt ? Date.parse(p.submittedAt) : Number.NaN;
    if (subtree.has(p.plan.unitId) && Number.isFinite(t)) asOfMs = Math.max(asOfMs, t);
  }
  const hash = contentHash([org.version, TEMPLATE_VERSION, locale, unitId, period, inputs]);
  const etag = rollupEtag(org.version, asOfMs, hash);
  const { ifNoneMatch, since } = ask;
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*'))
    return { status: 304, body: null, headers: { etag, 'cache-control': 'no-store' } };

  // ---- since: a delta against an earlier answer
  let sinceMs: number | null = null;
  if (since) {
    const tag = ETAG.exec(since.trim());
    if (tag) {
      if (`"${since.trim().replace(/^W\//, '').replace(/"/g, '')}"` === etag)
        return { status: 304, body: null, headers: { etag, 'cache-control': 'no-store' } };
      // Another org version may move units around: then only a whole answer is right.
      if (Number(tag[1]) === org.version) sinceMs = parseInt(tag[2] ?? '0', 36);
    } else if (/^\d{4}-\d{2}-\d{2}T/.test(since) && Number.isFinite(Date.parse(since))) {
      sinceMs = Date.parse(since);
    } else {
      throw badSince(locale, since);
    }
  }

  const rollup = consolidate({
    unitId,
    period,
    org: org.org,
    // An approved version counts as approved; without one, the latest version counts as submitted —
    // a rejected one too, as it holds the team's latest figures until the resubmission (docs/rules.md,
    // Planning cycle); the ETag keeps the status.
    plans: plans.map((p) => ({ ...p, status: p.status === 'approved' ? 'approved' : 'submitted' })),
    ...(unitTargets ? { unitTargets } : {}),
    currentTemplateVersion: TEMPLATE_VERSION,
    locale,
  });
  const meta = { orgVersion: org.version, asOf: asOfMs > 0 ? new Date(asOfMs).toISOString() : null, etag };
  if (sinceMs === null) return { status: 200, body: { ...rollup, ...meta, delta: false }, headers: { etag } };

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
  return {
    status: 200,
    body: {
      ...rollup,
      ...meta,
      rows: rollup.rows.filter((r) => affected.has(r.unitId)),
      delta: true,
      since,
      changedUnits: [...changed].sort(),
    },
    headers: { etag },
  };
}
