// POST /api/periods/{period}/payout-runs (finance): a draft payout run from stored data — body
// {plan}, {planId} of a plan an earlier run used, or {compPlanId} of a stored comp plan (each person
// under its version in effect), optionally {unitId} — snapshotted with its inputs,
// plan versions, engine version and content hash (workflows/payoutRuns.ts). GET lists the period's
// runs (heads) with status.
import { compPlan } from '@teamsheet/shared';
import { z } from 'zod';
import type { HttpRequest } from '../azure';
import { financeCaller } from '../auth';
import { routePeriod } from '../address';
import { handler, json, readJson } from '../http';
import { command } from '../http/command';
import { route } from '../registry';
import { listRuns } from '../repositories/payoutRuns';
import { createRun, runOr404 } from '../workflows/payoutRuns';

const id = z.string().min(1).max(200);
export const createRunBody = z.object({
  plan: compPlan.optional(),
  planId: id.optional(),
  /** A stored comp plan (PUT /api/comp-plans/{id}): each person paid under its version in effect. */
  compPlanId: id.optional(),
  unitId: id.optional(),
  /** A new run even when one of the same period, plan and inputs exists (by default that one is answered). */
  fresh: z.boolean().optional(),
});

const MAX_RUN_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The first lines of the routes of one run (`periods/{period}/payout-runs/{runId}…`): a finance
 * caller, the period and run id of the address, and `readRunOr404`, which reads that run or refuses 404.
 */
export async function financeRunAddress(request: HttpRequest) {
  const caller = await financeCaller(request);
  const period = routePeriod(request);
  const runId = request.params.runId ?? '';
  return { ...caller, caller, period, runId, readRunOr404: () => runOr404(caller, period, runId) };
}

const create = command('payout-run.create', {
  roles: ['finance'],
  parse: async (request) => ({
    period: routePeriod(request),
    ...(await readJson(request, createRunBody, { maxBytes: MAX_RUN_BODY_BYTES })),
  }),
  period: (input) => input.period,
  run: createRun,
});

async function list(request: HttpRequest) {
  const { tenantId } = await financeCaller(request);
  const period = routePeriod(request);
  const runs = await listRuns(tenantId, period);
  return json({
    period,
    runs: runs.map((h) => ({
      runId: h.runId,
      status: h.status,
      hash: h.runHash,
      unitId: h.unitId,
      planId: h.plan.id,
      ...(h.compPlanVersions ? { compPlanVersions: h.compPlanVersions } : {}),
      totals: h.totals,
      lineCount: h.lineCount,
      findingCounts: h.findingCounts,
      createdBy: h.createdBy,
      createdAt: h.createdAt,
    })),
  });
}
const listHandler = handler(list);

export const payoutRuns = route({
  name: 'payoutRuns',
  methods: ['GET', 'POST'],
  route: 'periods/{period}/payout-runs',
  maxBodyBytes: MAX_RUN_BODY_BYTES,
  handler: (request, context) => (request.method === 'POST' ? create : listHandler)(request, context),
});
