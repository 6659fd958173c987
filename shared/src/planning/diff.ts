// The cell-level difference between two versions of a plan: which target values and which goal
// fields were added, removed or changed, in a stable order, so History can write it as a sheet.
import type { Goal, Plan, Target } from '../schemas';

export type TargetKey = { owner: string; metric: string; period: string };
export type GoalKey = { id: string };
export type PlanCellValue = string | number | null;

export type PlanChange =
  | {
      sheet: 'Targets';
      key: TargetKey;
      field: 'value';
      before: PlanCellValue;
      after: PlanCellValue;
      kind: PlanChangeKind;
    }
  | {
      sheet: 'Goals';
      key: GoalKey;
      field: GoalField;
      before: PlanCellValue;
      after: PlanCellValue;
      kind: PlanChangeKind;
    };
export type PlanChangeKind = 'added' | 'removed' | 'changed';

/** Goal fields in the Goals sheet's column order (the id is the row's key, not a compared cell). */
export const goalFields = [
  'owner',
  'objective',
  'metric',
  'baseline',
  'target',
  'unit',
  'deadline',
  'parentId',
  'strategy',
  'measure',
] as const;
export type GoalField = (typeof goalFields)[number];

const cell = (v: string | number | undefined | null): PlanCellValue => (v === undefined ? null : v);
const same = (a: PlanCellValue, b: PlanCellValue): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

function kindOf(before: PlanCellValue, after: PlanCellValue): PlanChangeKind {
  if (before === null) return 'added';
  if (after === null) return 'removed';
  return 'changed';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Target rows by (owner, metric, period). A key that occurs more than once in a plan (a repeated
 * month, which validation reports) is compared occurrence by occurrence, so no row goes unseen.
 */
function targetsByKey(targets: readonly Target[]): Map<string, { key: TargetKey; values: number[] }> {
  const out = new Map<string, { key: TargetKey; values: number[] }>();
  for (const t of targets) {
    const k = `${t.owner}\u0000${t.metric}\u0000${t.period}`;
    const entry = out.get(k);
    if (entry) entry.values.push(t.value);
    else out.set(k, { key: { owner: t.owner, metric: t.metric, period: t.period }, values: [t.value] });
  }
  return out;
}

function diffTargets(before: readonly Target[], after: readonly Target[]): PlanChange[] {
  const a = targetsByKey(before);
  const b = targetsByKey(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort(compareText);
  const changes: PlanChange[] = [];
  for (const k of keys) {
    const left = a.get(k);
    const right = b.get(k);
    const key = (left ?? right)!.key;
    const n = Math.max(left?.values.length ?? 0, right?.values.length ?? 0);
    for (let i = 0; i < n; i++) {
      const x = cell(left?.values[i]);
      const y = cell(right?.values[i]);
      if (same(x, y)) continue;
      changes.push({ sheet: 'Targets', key, field: 'value', before: x, after: y, kind: kindOf(x, y) });
    }
  }
  return changes;
}

function diffGoals(before: readonly Goal[], after: readonly Goal[]): PlanChange[] {
  // Goal ids are unique in a valid plan; a repeated id keeps its first row here.
  const index = (goals: readonly Goal[]) => {
    const m = new Map<string, Goal>();
    for (const g of goals) if (!m.has(g.id)) m.set(g.id, g);
    return m;
  };
  const a = index(before);
  const b = index(after);
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort(compareText);
  const changes: PlanChange[] = [];
  for (const id of ids) {
    const left = a.get(id);
    const right = b.get(id);
    for (const field of goalFields) {
      const x = cell(left?.[field]);
      const y = cell(right?.[field]);
      if (same(x, y)) continue;
      changes.push({ sheet: 'Goals', key: { id }, field, before: x, after: y, kind: kindOf(x, y) });
    }
  }
  return changes;
}

/**
 * Every cell that differs between two versions of a plan: Targets first (by owner, metric, period),
 * then Goals (by id, fields in column order). Row order inside a plan does not matter.
 */
export function diffPlans(
  before: Pick<Plan, 'targets' | 'goals'>,
  after: Pick<Plan, 'targets' | 'goals'>,
): PlanChange[] {
  return [...diffTargets(before.targets, after.targets), ...diffGoals(before.goals ?? [], after.goals ?? [])];
}
