// POST /api/plans/{unitId}/{period}/approve {version}: the manager of the parent unit (or a regional
// head or administrator above it) approves the latest submitted version. The submitter cannot approve
// their own version; a version is approved once; the approval is its own append-only document.
import { z } from 'zod';
import type { HttpRequest } from '../azure';
import { allow, signedInCaller, type Principal } from '../auth';
import { HttpError, handler, json, readJson } from '../http';
import { route } from '../registry';
import { assertPeriodOpen } from '../store/periods';
import { idempotent } from '../store';
import { approvePlanVersion, planAddress, planError, readPlanVersion } from '../store/plans';

const approveBody = z.object({ version: z.number().int().min(1) });

function who(p: Principal): string {
  return p.name ? `${p.name} (${p.personId})` : p.personId;
}

async function approve(request: HttpRequest) {
  const caller = await signedInCaller(request);
  const { locale, principal, tenantId: tenant, org: index } = caller;
  const { unitId, period } = planAddress(locale, request.params);
  if (!index.unit(unitId)) {
    allow(caller, { roles: ['admin'] });
    throw planError(locale, 404, 'plan.unit-unknown', { unitId });
  }
  const parentId = index.unit(unitId)?.parentId ?? null;
  if (parentId === null) {
    if (!principal.roles.includes('admin')) throw planError(locale, 403, 'plan.approve-root', { unitId });
  } else {
    try {
      allow(caller, { roles: ['manager', 'regional_head', 'admin'], unitId: parentId });
    } catch (error) {
      if (error instanceof HttpError && error.status === 403)
        throw planError(locale, 403, 'plan.approve-scope', { who: who(principal), unitId, parentId });
      throw error;
    }
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
      if (stored.head.author === principal.personId) {
        throw planError(locale, 403, 'plan.approve-own', { who: who(principal), version });
      }
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
