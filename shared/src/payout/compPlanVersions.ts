// Comp plans in force (docs/rules.md, Comp plans in force): a comp plan is stored in versions, each
// effective for a span of months and for units (with the units below them) and/or roles; a run pays
// each person under the version in effect on its period's first day for their unit and role.
import { z } from 'zod';
import { fieldMessages } from '../messages/fields';
import type { Locale } from '../messages/index';
import { translate } from '../messages/index';
import type { OrgIndex } from '../org';
import { periodStart } from '../period';
import {
  compPlan,
  role,
  type CompPlan,
  type FieldError,
  type Finding,
  type Person,
  type PayoutRequest,
  type Role,
} from '../schemas';
import { formatMinor, toSafeMinor } from '../money';
import { computePayouts, type PayoutOptions, type PayoutOutcome } from './engine';
import { PAID_ROLES } from './columnar';

const id = z.string().min(1).max(200);
/** A calendar month `YYYY-MM`: comp plans change from one month to the next. */
export const monthId = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, fieldMessages.en['field.month-id']);

/** What a version applies to: units (each with the units below it) and/or roles; none given: everyone. */
export const compPlanScope = z.object({
  unitIds: z.array(id).max(1000).optional(),
  roles: z.array(role).max(5).optional(),
});

/** The body of `PUT /api/comp-plans/{id}`: the plan (its id from the address) and when and to whom it applies. */
export const compPlanVersionBody = compPlan.extend({
  id: id.optional(),
  effectiveFrom: monthId,
  /** The last month in effect (inclusive); open-ended when absent. */
  effectiveTo: monthId.optional(),
  appliesTo: compPlanScope.default({}),
});
export type CompPlanVersionBody = z.infer<typeof compPlanVersionBody>;
export type CompPlanScope = z.infer<typeof compPlanScope>;

/** A stored version, as the rules read it. */
export type CompPlanVersion = {
  version: number;
  plan: CompPlan;
  effectiveFrom: string;
  effectiveTo?: string;
  appliesTo: CompPlanScope;
};

const ANY = '*';
/** The (unit, role) pairs a version names; `*` for "any unit" or "any role". */
function pairsOf(scope: CompPlanScope): [string, string][] {
  const units = scope.unitIds && scope.unitIds.length > 0 ? scope.unitIds : [ANY];
  const roles = scope.roles && scope.roles.length > 0 ? scope.roles : [ANY];
  return units.flatMap((u) => roles.map((r) => [u, r] as [string, string]));
}

const endOf = (v: { effectiveTo?: string }) => v.effectiveTo ?? '9999-12';

/**
 * Whether two versions naming the same (unit, role) are in effect in the same month. A later start
 * takes over an open-ended version from its first month (that is how a change applies from the next
 * period), so open-ended versions with different starts do not overlap; the same start does, and so
 * does a start inside another version's explicit span.
 */
function spansOverlap(a: CompPlanVersion | CompPlanVersionBody, b: CompPlanVersion | CompPlanVersionBody) {
  const [first, second] = a.effectiveFrom <= b.effectiveFrom ? [a, b] : [b, a];
  if (first.effectiveFrom === second.effectiveFrom) return true;
  // `first` starts earlier: it is cut at `second`'s start unless its own end says it runs on.
  return first.effectiveTo !== undefined && first.effectiveTo >= second.effectiveFrom;
}

/**
 * The rules a new version is held to against the stored ones, as field errors: effectiveTo not before
 * effectiveFrom; no stored version for the same unit and role in effect in the same month; one
 * currency per comp plan; units that exist.
 */
export function checkCompPlanVersion(
  body: CompPlanVersionBody,
  stored: readonly CompPlanVersion[],
  org: Pick<OrgIndex, 'unit'>,
  locale: Locale = 'en',
): FieldError[] {
  const errors: FieldError[] = [];
  const say = (key: string, params: Record<string, string | number>) => translate(locale, key, params);
  if (body.effectiveTo !== undefined && body.effectiveTo < body.effectiveFrom)
    errors.push({
      path: 'effectiveTo',
      message: say('comp-plan.ends-before-start', {
        effectiveTo: body.effectiveTo,
        effectiveFrom: body.effectiveFrom,
      }),
    });
  (body.appliesTo.unitIds ?? []).forEach((unitId, i) => {
    if (!org.unit(unitId))
      errors.push({ path: `appliesTo.unitIds[${i}]`, message: say('comp-plan.unknown-unit', { unitId }) });
  });
  const first = stored[0];
  if (first && first.plan.currency !== body.currency)
    errors.push({
      path: 'currency',
      message: say('comp-plan.one-currency', { currency: first.plan.currency }),
    });
  const mine = pairsOf(body.appliesTo);
  for (const other of stored) {
    const theirs = new Set(pairsOf(other.appliesTo).map(([u, r]) => `${u}\u0000${r}`));
    const shared = mine.find(([u, r]) => theirs.has(`${u}\u0000${r}`));
    if (!shared || !spansOverlap(body, other)) continue;
    errors.push({
      path: 'effectiveFrom',
      message: say('comp-plan.overlap', {
        version: other.version,
        unit: shared[0] === ANY ? say('comp-plan.every-unit', {}) : (org.unit(shared[0])?.name ?? shared[0]),
        role: say(shared[1] === ANY ? 'comp-plan.every-role' : `comp-plan.role.${shared[1]}`, {}),
        from: other.effectiveFrom,
        to: other.effectiveTo ?? '…',
      }),
    });
    break;
  }
  return errors;
}

/**
 * The version in effect for a person in `month`: among the versions whose span holds the month and
 * whose scope names the person's unit or a unit above it (or every unit), and their role (or every
 * role), the one naming the nearest unit wins, then the one naming the role; between versions of the
 * same unit and role (an open-ended one taken over) the latest start.
 */
export function versionInEffect(
  person: Pick<Person, 'unitId' | 'role'>,
  month: string,
  versions: readonly CompPlanVersion[],
  org: Pick<OrgIndex, 'ancestors'>,
): CompPlanVersion | undefined {
  const chain = [person.unitId, ...org.ancestors(person.unitId)];
  let best: { v: CompPlanVersion; rank: [number, number, string, number] } | undefined;
  for (const v of versions) {
    if (v.effectiveFrom > month || endOf(v) < month) continue;
    const units = v.appliesTo.unitIds?.length ? v.appliesTo.unitIds : null;
    const roles = v.appliesTo.roles?.length ? v.appliesTo.roles : null;
    if (roles && !roles.includes(person.role as Role)) continue;
    const distance = units
      ? Math.min(...units.map((u) => chain.indexOf(u)).filter((d) => d >= 0))
      : chain.length;
    if (!Number.isFinite(distance)) continue;
    // Lower is better for distance and role (0: named), higher for the start and the version.
    const rank: [number, number, string, number] = [distance, roles ? 0 : 1, v.effectiveFrom, v.version];
    if (!best || better(rank, best.rank)) best = { v, rank };
  }
  return best?.v;
}

function better(a: [number, number, string, number], b: [number, number, string, number]): boolean {
  if (a[0] !== b[0]) return a[0] < b[0];
  if (a[1] !== b[1]) return a[1] < b[1];
  if (a[2] !== b[2]) return a[2] > b[2];
  return a[3] > b[3];
}

/** The month whose versions are in effect for a period: that of its first day. */
export function monthInEffect(period: string): string {
  return periodStart(period).slice(0, 7);
}

export type VersionAssignment = { version: number; personIds: string[] };

/** Per person of a run, the version in effect; people of paid roles under none are listed apart. */
export function assignCompPlanVersions(
  people: readonly Person[],
  period: string,
  versions: readonly CompPlanVersion[],
  org: Pick<OrgIndex, 'ancestors'>,
): { assignments: VersionAssignment[]; unassigned: Person[] } {
  const month = monthInEffect(period);
  const byVersion = new Map<number, string[]>();
  const unassigned: Person[] = [];
  for (const p of people) {
    const v = versionInEffect(p, month, versions, org);
    if (v) byVersion.set(v.version, [...(byVersion.get(v.version) ?? []), p.id]);
    else if (PAID_ROLES.includes(p.role)) unassigned.push(p);
  }
  const assignments = [...byVersion]
    .sort((a, b) => a[0] - b[0])
    .map(([version, personIds]) => ({ version, personIds }));
  return { assignments, unassigned };
}

/**
 * One plan for what a run's request carries besides its versions (the components' labels, the quota
 * metrics): every version's components, the first of each id, in version order.
 */
export function combinedPlan(compPlanId: string, versions: readonly CompPlanVersion[]): CompPlan {
  const latest = versions[versions.length - 1]!;
  const components: CompPlan['components'] = [];
  const seen = new Set<string>();
  for (const v of versions)
    for (const c of v.plan.components)
      if (!seen.has(c.id)) {
        seen.add(c.id);
        components.push(c);
      }
  return { ...latest.plan, id: compPlanId, components };
}

/**
 * The payout of a request whose people are under several versions: each version's people computed
 * with that version (everyone else still counted as the engine counts them: teams, credit splits),
 * the lines and people merged in the request's order, findings once each. A person of a paid role
 * under no version is paid nothing, with a warning naming them.
 */
export function computePayoutsByVersion(
  request: PayoutRequest,
  args: {
    compPlanId: string;
    versions: readonly { version: number; plan: CompPlan }[];
    assignments: readonly VersionAssignment[];
    unassigned?: readonly Pick<Person, 'id' | 'role' | 'unitId'>[];
  },
  options: Omit<PayoutOptions, 'paidIds'> = {},
): PayoutOutcome {
  const order = new Map(request.people.map((p, i) => [p.id, i]));
  const pos = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const paid = new Set(args.assignments.flatMap((a) => a.personIds));
  const unassigned = new Set((args.unassigned ?? []).map((p) => p.id));
  const outcomes = args.assignments.map((a) => {
    const v = args.versions.find((x) => x.version === a.version);
    if (!v) throw new Error(`version ${a.version} of ${args.compPlanId} is not given`);
    return computePayouts({ ...request, plan: v.plan }, { ...options, paidIds: new Set(a.personIds) });
  });
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const f of outcomes.flatMap((o) => o.findings)) {
    const who = f.params?.personId;
    if (f.rule === 'payout.no-plan' && typeof who === 'string' && (paid.has(who) || unassigned.has(who)))
      continue;
    const key = JSON.stringify([f.rule, f.path, f.params ?? null]);
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(f);
  }
  const date = periodStart(request.period);
  for (const p of args.unassigned ?? []) {
    const params = { personId: p.id, role: p.role, unitId: p.unitId, compPlanId: args.compPlanId, date };
    findings.push({
      rule: 'payout.no-version-in-effect',
      severity: 'warning',
      path: `people[${pos(p.id)}]`,
      message: translate(options.locale ?? 'en', 'payout.no-version-in-effect', params),
      params,
    });
  }
  const lines = outcomes.flatMap((o) => o.lines).sort((a, b) => pos(a.personId) - pos(b.personId));
  const people = outcomes.flatMap((o) => o.people).sort((a, b) => pos(a.personId) - pos(b.personId));
  const drawBalances = outcomes
    .flatMap((o) => o.drawBalances)
    .sort((a, b) => pos(a.personId) - pos(b.personId));
  let total = 0n;
  for (const p of people) total += BigInt(p.amountMinor);
  const base = outcomes[0] ?? computePayouts({ ...request, people: [] }, { ...options, paidIds: new Set() });
  const scale = base.totals.amount.split('.')[1]?.length ?? 0;
  const totalMinor = toSafeMinor(total, 'total');
  return {
    ...base,
    lines,
    people,
    drawBalances,
    findings,
    totals: { amount: formatMinor(totalMinor, scale), amountMinor: totalMinor },
  };
}

/**
 * Whether a version may pay someone in `scope` (a manager's units): it names no unit, or a unit in the
 * scope, or a unit above one (a unit covers the units below it). Who may read a comp plan follows it.
 */
export function versionReaches(
  appliesTo: CompPlanScope,
  scope: ReadonlySet<string>,
  org: Pick<OrgIndex, 'ancestors'>,
): boolean {
  const units = appliesTo.unitIds ?? [];
  if (units.length === 0) return scope.size > 0;
  const above = new Set<string>();
  for (const s of scope) for (const a of org.ancestors(s)) above.add(a);
  return units.some((u) => scope.has(u) || above.has(u));
}
