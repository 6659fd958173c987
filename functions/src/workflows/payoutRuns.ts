// The payout-run commands (docs/rules.md, Payouts): create a draft run from stored data, approve it
// (four eyes), close the period with the approved run. The run's content and storage are the store's
// (repositories/payoutRuns.ts); who may do what is the core's (policies.ts).
import {
  assignCompPlanVersions,
  combinedPlan,
  mayApproveRun,
  mayClosePeriod,
  periodStart,
  type CompPlan,
} from '@teamsheet/shared';
import type { Caller } from '../auth';
import type { CommandAnswer } from './answer';
import { serverText } from '../messages';
import { refusal } from '../refusal';
import {
  approveRun as storeApproval,
  createRun as storeRun,
  findPlan,
  gatherRunInputs,
  readApproval,
  readRun,
  type RunByVersion,
  type StoredRun,
} from '../repositories/payoutRuns';
import { asVersion, listCompPlanVersions } from '../repositories/compPlans';
import { closePeriod as storeClose } from '../repositories/periods';
import { runView } from './runView';

export type CreateRunInput = {
  period: string;
  plan?: CompPlan;
  planId?: string;
  /** A stored comp plan: each person paid under its version in effect (docs/rules.md, Comp plans in force). */
  compPlanId?: string;
  unitId?: string;
  fresh?: boolean;
};

/** The stored comp plan a run names, as one plan for the request and its versions; 404 when none is stored. */
async function storedCompPlan(caller: Caller, compPlanId: string) {
  const docs = await listCompPlanVersions(caller.tenantId, compPlanId);
  if (docs.length === 0)
    throw refusal('not-found', 'runs.unknown-comp-plan', { compPlanId }, [
      { path: 'compPlanId', message: serverText(caller.locale, 'runs.unknown-comp-plan', { compPlanId }) },
    ]);
  return { docs, plan: combinedPlan(compPlanId, docs.map(asVersion)) };
}

/** Per person of the gathered run, the version in effect on the period's first day; only the versions used. */
function byVersionOf(
  caller: Caller,
  compPlanId: string,
  docs: Awaited<ReturnType<typeof storedCompPlan>>['docs'],
  people: Parameters<typeof assignCompPlanVersions>[0],
  period: string,
): RunByVersion {
  const { assignments, unassigned } = assignCompPlanVersions(people, period, docs.map(asVersion), caller.org);
  const used = new Set(assignments.map((a) => a.version));
  return {
    compPlanId,
    versions: docs
      .filter((d) => used.has(d.version))
      .map((d) => ({
        version: d.version,
        plan: d.plan,
        effectiveFrom: d.effectiveFrom,
        ...(d.effectiveTo ? { effectiveTo: d.effectiveTo } : {}),
        appliesTo: d.appliesTo,
        hash: d.hash,
      })),
    assignments,
    unassigned: unassigned.map((p) => ({ id: p.id, role: p.role, unitId: p.unitId })),
  };
}

/** A run of the address, or 404. */
export async function runOr404(caller: Caller, period: string, runId: string): Promise<StoredRun> {
  const run = await readRun(caller.tenantId, period, runId);
  if (!run) throw refusal('not-found', 'runs.not-found', { runId, period });
  return run;
}

/**
 * A draft run from stored data; the same period, plan and inputs answer the run made before (200,
 * `existing: true`) unless `fresh` asks for a new one.
 */
export async function createRun(caller: Caller, input: CreateRunInput): Promise<CommandAnswer> {
  const { tenantId, locale, org } = caller;
  const { period } = input;
  const named = [input.plan, input.planId, input.compPlanId].filter((x) => x !== undefined).length;
  if (named > 1)
    throw refusal('invalid', 'runs.one-plan', {}, [
      { path: 'compPlanId', message: serverText(locale, 'runs.one-plan') },
    ]);
  const stored = input.compPlanId ? await storedCompPlan(caller, input.compPlanId) : undefined;
  const plan =
    stored?.plan ?? input.plan ?? (input.planId ? await findPlan(tenantId, input.planId) : undefined);
  if (!plan) {
    if (input.planId)
      throw refusal('not-found', 'runs.unknown-plan', { planId: input.planId }, [
        { path: 'planId', message: serverText(locale, 'runs.unknown-plan', { planId: input.planId }) },
      ]);
    throw refusal('invalid', 'runs.no-plan', {}, [
      { path: 'plan', message: serverText(locale, 'runs.no-plan') },
    ]);
  }
  const unitId = input.unitId ?? null;
  if (unitId && !org.unit(unitId))
    throw refusal('invalid', 'runs.unknown-unit', { unitId }, [
      { path: 'unitId', message: serverText(locale, 'runs.unknown-unit', { unitId }) },
    ]);
  const gathered = await gatherRunInputs(tenantId, period, plan, unitId);
  if (!gathered) throw refusal('not-found', 'runs.unknown-unit', { unitId: unitId ?? '-' });
  const byVersion =
    stored && input.compPlanId
      ? byVersionOf(caller, input.compPlanId, stored.docs, gathered.request.people, period)
      : undefined;
  if (byVersion && byVersion.assignments.length === 0) {
    const params = { compPlanId: byVersion.compPlanId, date: periodStart(period) };
    throw refusal('unprocessable', 'runs.no-version-in-effect', params, [
      { path: 'compPlanId', message: serverText(locale, 'runs.no-version-in-effect', params) },
    ]);
  }
  const run = await storeRun({
    ...(byVersion ? { byVersion } : {}),
    tenantId,
    period,
    plan,
    unitId,
    gathered,
    who: caller.principal.personId,
    fresh: input.fresh ?? false,
  });
  return {
    status: run.existing ? 200 : 201,
    body: { ...runView(run, true), existing: run.existing },
    headers: { location: `/api/periods/${period}/payout-runs/${run.head.runId}` },
  };
}

/** Approve a draft run: not by its creator; one approved run per period (409 for a second). */
export async function approveRun(
  caller: Caller,
  input: { period: string; runId: string },
): Promise<CommandAnswer> {
  const { period, runId } = input;
  const run = await runOr404(caller, period, runId);
  const who = caller.principal.personId;
  // The refusal names the run, never the caller (who is its creator).
  if (!mayApproveRun({ approver: who, createdBy: run.head.createdBy }).ok)
    throw refusal('forbidden', 'authz.approve-own-run', { runId });
  const approval = await storeApproval({
    tenantId: caller.tenantId,
    run: run.head,
    who,
    locale: caller.locale,
  });
  return {
    status: 200,
    body: {
      runId,
      period,
      status: 'approved',
      hash: approval.runHash,
      approvedBy: approval.approvedBy,
      approvedAt: approval.approvedAt,
    },
  };
}

/** Close a period with its approved run (409 without one); afterwards nothing of it changes. */
export async function closePeriod(caller: Caller, input: { period: string }): Promise<CommandAnswer> {
  const { period } = input;
  const approval = await readApproval(caller.tenantId, period);
  if (!mayClosePeriod({ approvedRun: approval }).ok || !approval)
    throw refusal('conflict', 'period.no-approved-run', { period });
  const doc = await storeClose({
    tenantId: caller.tenantId,
    period,
    runId: approval.runId,
    runHash: approval.runHash,
    who: caller.principal.personId,
    locale: caller.locale,
  });
  return {
    status: 200,
    body: {
      period,
      state: 'closed',
      runId: doc.runId,
      hash: doc.runHash,
      closedBy: doc.closedBy,
      closedAt: doc.closedAt,
    },
  };
}
