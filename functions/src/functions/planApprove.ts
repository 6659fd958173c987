// POST /api/plans/{unitId}/{period}/approve {version}: the manager of the parent unit (or a regional
// head or administrator above it) approves the latest submitted version. The submitter cannot approve
// their own version; a version is approved once; the approval is its own append-only document.
import { z } from 'zod';
import type { HttpRequest } from '../azure';
import { allow, forbidden, signedInCaller } from '../auth';
import { handler, json, readJson } from '../http';
import { route } from '../registry';
import { assertPeriodOpen } from '../store/periods';
import { idempotent } from '../store';
import { approvePlanVersion, planAddress, planError, readPlanVersion } from '../store/plans';

const approveBody = z.object({ version: z.number().int().min(1) });

async function approve(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { locale, principal, tenantId: tenant, org: index } = caller;
  const { unitId, period } = planAddress(locale, request.params);
  allow(caller, { roles: ['manager', 'regional_head', 'admin'] });
  const unit = index.unit(unitId);
  if (principal.roles.includes('admin')) {
    if (!unit) throw planError(locale, 404, 'plan.unit-unknown', { unitId });
  } else {
    // Approval is from the parent unit's scope (its manager, or a regional head above it). Outside
    // it, a unit that does not exist, the root and a unit of another region get the same 403.
    const parentId = unit?.parentId ?? null;
    if (parentId === null || !index.canSeeUnit(principal.personId, parentId))
      throw forbidden(locale, 'authz.approve-scope', { unitId }, 'unitId');
  }
  await assertPeriodOpen(tenant, period, locale);
  const { version } = await readJson(request, approveBody);
  const key = request.headers.get('idempotency-key');
  const answer = await idempotent({
    tenantId: tenant,
    caller: principal.personId,
    key,
    request: { method: 'POST', action: 'approve', unitId, period, version },
    run: async () => {
      const stored = await readPlanVersion(tenant, unitId, period, version);
      const latest = await readPlanVersion(tenant, unitId, period);
      if (!stored || !latest) {
        throw planError(locale, 404, 'plan.version-missing', {
          unitId,
          period,
          version,
          latest: latest?.head.version ?? '-',
        });
      }
      if (stored.head.author === principal.personId)
        throw forbidden(locale, 'authz.approve-own', { version: String(version) });
      if (stored.approval) {
        throw planError(locale, 409, 'plan.already-approved', {
          unitId,
          period,
          version,
          by: stored.approval.approvedBy,
          at: stored.approval.approvedAt,
        });
      }
      if (latest.head.version !== version) {
        throw planError(locale, 409, 'plan.superseded', {
          unitId,
          period,
          version,
          latest: latest.head.version,
        });
      }
      const res = await approvePlanVersion({ head: stored.head, approvedBy: principal.personId });
      if (res.status === 'conflict') {
        throw planError(locale, 409, 'plan.already-approved', {
          unitId,
          period,
          version,
          by: res.approval?.approvedBy ?? '-',
          at: res.approval?.approvedAt ?? '-',
        });
      }
      const { approval } = res;
      const body = json(
        {
          unitId,
          period,
          version,
          status: 'approved',
          hash: approval.hash,
          approvedBy: approval.approvedBy,
          approvedAt: approval.approvedAt,
        },
        201,
        { etag: `"${version}"` },
      );
      return { status: 201, headers: body.headers as Record<string, string>, body: body.body as string };
    },
  });
  const { replayed: _replayed, ...response } = answer;
  return response;
}

export const planApprove = route({
  name: 'planApprove',
  methods: ['POST'],
  route: 'plans/{unitId}/{period}/approve',
  handler: handler(approve),
});
