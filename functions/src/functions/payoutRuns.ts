// POST /api/periods/{period}/payout-runs (finance): a draft payout run from stored data — body
// {plan} or {planId} of a plan an earlier run used, optionally {unitId} — snapshotted with its inputs,
// plan versions, engine version and content hash. GET lists the period's runs (heads) with status.
import { compPlan } from '@teamsheet/shared';
import { z } from 'zod';
import type { HttpRequest } from '../azure';
import { handler, json, readJson } from '../http';
import { route } from '../registry';
import { idempotent } from '../store';
import { createRun, findPlan, gatherRunInputs, listRuns, readRun, type StoredRun } from '../store/payoutRuns';
import { financeCaller } from '../auth';
import { payoutError, payoutText, periodParam } from '../store/payoutMessages';
import { assertPeriodOpen } from '../store/periods';

const id = z.string().min(1).max(200);
export const createRunBody = z.object({
  plan: compPlan.optional(),
  planId: id.optional(),
  unitId: id.optional(),
  /** A new run even when one of the same period, plan and inputs exists (by default that one is answered). */
  fresh: z.boolean().optional(),
});

/**
 * The first lines of the routes of one run (`periods/{period}/payout-runs/{runId}…`): a finance
 * caller, the period and run id of the address, and `readRunOr404`, which reads that run or refuses 404.
 */
export async function financeRunAddress(request: HttpRequest) {
  const caller = await financeCaller(request);
  const period = periodParam(request);
  const runId = request.params.runId ?? '';
  const readRunOr404 = async (): Promise<StoredRun> => {
    const run = await readRun(caller.tenantId, period, runId);
    if (!run) throw payoutError(caller.locale, 404, 'runs.not-found', { runId, period });
    return run;
  };
  return { ...caller, period, runId, readRunOr404 };
}

/** The answer describing a run; `lines` only when asked (a run's lines can be many). */
export function runView(run: StoredRun, withLines: boolean) {
  const { head } = run;
  return {
    runId: head.runId,
    period: head.period,
    status: run.status,
    unitId: head.unitId,
    hash: head.runHash,
    engineVersion: head.engineVersion,
    plan: head.plan,
    planVersions: head.planVersions,
    orgVersion: head.orgVersion,
    inputs: head.inputs,
    currency: head.currency,
    totals: head.totals,
    lineCount: head.lineCount,
    findingCounts: head.findingCounts,
    createdBy: head.createdBy,
    createdAt: head.createdAt,
    ...(run.approval ? { approvedBy: run.approval.approvedBy, approvedAt: run.approval.approvedAt } : {}),
    findings: run.findings,
    people: run.people,
    drawBalances: run.drawBalances,
    ...(withLines ? { lines: run.lines } : {}),
  };
}

async function create(request: HttpRequest) {
  const { locale, principal, tenantId, org } = await financeCaller(request);
  const period = periodParam(request);
  const body = await readJson(request, createRunBody, { maxBytes: 4 * 1024 * 1024 });
  const answer = await idempotent({
    tenantId,
    caller: principal.personId,
    key: request.headers.get('idempotency-key'),
    request: { method: 'POST', route: 'payout-runs', period, body },
    run: async () => {
      await assertPeriodOpen(tenantId, period, locale);
      const plan = body.plan ?? (body.planId ? await findPlan(tenantId, body.planId) : undefined);
      if (!plan) {
        if (body.planId)
          throw payoutError(locale, 404, 'runs.unknown-plan', { planId: body.planId }, [
            { path: 'planId', message: payoutText(locale, 'runs.unknown-plan', { planId: body.planId }) },
          ]);
        throw payoutError(locale, 400, 'runs.no-plan', {}, [
          { path: 'plan', message: payoutText(locale, 'runs.no-plan') },
        ]);
      }
      if (body.unitId && !org.unit(body.unitId))
        throw payoutError(locale, 400, 'runs.unknown-unit', { unitId: body.unitId }, [
          { path: 'unitId', message: payoutText(locale, 'runs.unknown-unit', { unitId: body.unitId }) },
        ]);
      const gathered = await gatherRunInputs(tenantId, period, plan, body.unitId ?? null);
      if (!gathered) throw payoutError(locale, 404, 'runs.unknown-unit', { unitId: body.unitId ?? '-' });
      const run = await createRun({
        tenantId,
        period,
        plan,
        unitId: body.unitId ?? null,
        gathered,
        who: principal.personId,
        fresh: body.fresh ?? false,
      });
      const status = run.existing ? 200 : 201;
      const response = json({ ...runView(run, true), existing: run.existing }, status, {
        location: `/api/periods/${period}/payout-runs/${run.head.runId}`,
      });
      return {
        status,
        headers: response.headers as Record<string, string>,
        body: response.body as string,
      };
    },
  });
  const { replayed, ...response } = answer;
  return replayed
    ? { ...response, headers: { ...response.headers, 'idempotent-replayed': 'true' } }
    : response;
}

async function list(request: HttpRequest) {
  const { tenantId } = await financeCaller(request);
  const period = periodParam(request);
  const runs = await listRuns(tenantId, period);
  return json({
    period,
    runs: runs.map((h) => ({
      runId: h.runId,
      status: h.status,
      hash: h.runHash,
      unitId: h.unitId,
      planId: h.plan.id,
      totals: h.totals,
      lineCount: h.lineCount,
      findingCounts: h.findingCounts,
      createdBy: h.createdBy,
      createdAt: h.createdAt,
    })),
  });
}

export const payoutRuns = route({
  name: 'payoutRuns',
  methods: ['GET', 'POST'],
  route: 'periods/{period}/payout-runs',
  maxBodyBytes: 4 * 1024 * 1024,
  handler: handler(async (request) => (request.method === 'POST' ? create(request) : list(request))),
});
