// What an answer says about a stored payout run: its head, findings and people, and its lines when asked.
import type { StoredRun } from '../repositories/payoutRuns';

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
    ...(head.compPlanVersions ? { compPlanVersions: head.compPlanVersions } : {}),
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
