// Score a unit's reps for a period from stored data (docs/rules.md, Scores): the stored targets
// (latest plan versions) and actuals (transactions, metric actuals, activity logs) with the scorecard,
// ratings and deductions sent; stored as a new append-only version.
import { computeScores, type Deduction, type Rating, type Scorecard } from '@teamsheet/shared';
import type { Caller } from '../auth';
import type { CommandAnswer } from './answer';
import { refusal } from '../refusal';
import { versionTag } from '../address';
import { contentHash } from '../store/hash';
import { readScoringInputs, saveScores } from '../repositories/scores';

export type RunScoresInput = {
  period: string;
  unitId: string;
  scorecard: Scorecard;
  ratings?: Rating[];
  deductions?: Deduction[];
};

export async function runScores(caller: Caller, body: RunScoresInput): Promise<CommandAnswer> {
  const { locale, principal, tenantId, org } = caller;
  const { period } = body;
  const people = org.peopleIn(body.unitId, { deep: true }).filter((p) => p.role === 'rep');
  if (people.length === 0) throw refusal('unprocessable', 'scores.no-people', { unitId: body.unitId });
  const inputs = await readScoringInputs(tenantId, period, org.subtree(body.unitId), people);
  const ids = new Set(people.map((p) => p.id));
  const targets = inputs.targets.filter((t) => ids.has(t.owner));
  if (targets.length === 0)
    throw refusal('unprocessable', 'scores.no-targets', { unitId: body.unitId, period });
  const actuals = inputs.actuals.filter((a) => ids.has(a.owner));
  const scoreInput = {
    scorecard: body.scorecard,
    period,
    people,
    targets,
    actuals,
    ...(body.ratings ? { ratings: body.ratings } : {}),
    ...(body.deductions ? { deductions: body.deductions } : {}),
  };
  const result = computeScores(scoreInput, { locale });
  const saved = await saveScores({
    tenantId,
    unitId: body.unitId,
    period,
    scorecard: body.scorecard,
    inputs: {
      people: people.length,
      targets: targets.length,
      actuals: actuals.length,
      ratings: body.ratings?.length ?? 0,
      deductions: body.deductions?.length ?? 0,
      planVersions: inputs.planVersions,
      activityBatches: inputs.activityBatches,
      inputsHash: contentHash(scoreInput),
    },
    result,
    who: principal.personId,
  });
  if (saved.status === 'conflict') throw refusal('conflict', 'scores.conflict', { version: saved.version });
  return { status: 201, body: saved.version, headers: { etag: versionTag(saved.version.version) } };
}
