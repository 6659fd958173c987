// The cells that changed between two versions of a unit's plan (GET /api/plans/{unitId}/{period}/diff),
// as the core's diffPlans lists them: `to` defaults to the latest version, `from` to the one before it,
// and version 0 is the empty plan before the first submission.
import { diffPlans } from '@teamsheet/shared';
import type { Caller } from '../auth';
import { refusal } from '../refusal';
import { readPlanVersion } from '../repositories/plans';
import type { CommandAnswer } from './answer';

export type PlanDiffAsk = { unitId: string; period: string; from?: number; to?: number };

export async function planDiffView(caller: Caller, ask: PlanDiffAsk): Promise<CommandAnswer> {
  const { tenantId: tenant } = caller;
  const { unitId, period, from, to } = ask;
  const latest = await readPlanVersion(tenant, unitId, period, to);
  if (!latest) {
    if (to === undefined) throw refusal('not-found', 'plan.none', { unitId, period });
    const newest = await readPlanVersion(tenant, unitId, period);
    throw refusal('not-found', 'plan.version-missing', {
      unitId,
      period,
      version: to,
      latest: newest?.head.version ?? '-',
    });
  }
  const fromVersion = from ?? latest.head.version - 1;
  // Version 0 is the empty plan before the first submission: everything in v1 shows as added.
  const before =
    fromVersion === 0
      ? { plan: { targets: [], goals: [] } }
      : await readPlanVersion(tenant, unitId, period, fromVersion);
  if (!before) {
    throw refusal('not-found', 'plan.version-missing', {
      unitId,
      period,
      version: fromVersion,
      latest: latest.head.version,
    });
  }
  return {
    status: 200,
    body: diffPlans(before.plan, latest.plan),
    headers: { etag: `"${fromVersion}-${latest.head.version}"` },
  };
}
