// POST /api/lookups (docs/rules.md, Teamsheet formulas): a recalculation's formula cells answered one
// by one within the caller's rights — a cell about someone out of scope says so and the others are
// answered. Each distinct source is read once per request (a unit's plan version, a period's actuals
// of the people asked about, a period's runs, a unit's stored scores), and the answer's ETag is the
// hash of what was read, so an unchanged recalculation is a 304.
import {
  asMinor,
  completionRate,
  currencyScale,
  formatMinor,
  getMetric,
  ownerFinder,
  parseLookupCell,
  periodValue,
  translate,
  type LookupAnswer,
  type LookupCell,
  type LookupErrorKind,
  type LookupQuery,
  type OwnerRef,
  type Person,
  type Target,
  type TargetStatus,
} from '@teamsheet/shared';
import { allow, type Caller } from '../auth';
import { refusal } from '../refusal';
import { contentHash } from '../store/hash';
import { listPlanVersions, readPlanVersion } from '../repositories/plans';
import { readScores, readStoredActuals, type ScoresVersion } from '../repositories/scores';
import { periodRuns, statementRun, type PeriodRuns } from './statement';

/** A cell without a value: which Excel error it becomes and the sentence shown with it. */
class NoValue extends Error {
  constructor(
    readonly kind: LookupErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export type LookupsAnswer = { cells: LookupAnswer[]; etag: string };

/** Bad arguments refuse the request (400, `cells[i].args[j]`): a conforming client never sends them. */
function parseAll(caller: Caller, cells: readonly LookupCell[]): LookupQuery[] {
  const errors: { path: string; message: string }[] = [];
  const queries: LookupQuery[] = [];
  for (const [i, cell] of cells.entries()) {
    const parsed = parseLookupCell(cell, caller.locale);
    if (parsed.ok) queries.push(parsed.query);
    else errors.push({ path: `cells[${i}].args[${parsed.problem.arg}]`, message: parsed.problem.message });
  }
  if (errors.length > 0) throw refusal('invalid', 'http.body-invalid', { count: errors.length }, errors);
  return queries;
}

/** Rows by owner, so each cell looks at its own owner's rows rather than the whole source. */
type RowsByOwner = Map<string, Target[]>;
function byOwner(rows: readonly Target[]): RowsByOwner {
  const out: RowsByOwner = new Map();
  for (const row of rows) {
    let list = out.get(row.owner);
    if (!list) out.set(row.owner, (list = []));
    list.push(row);
  }
  return out;
}
const NO_ROWS: Target[] = [];

/** Everything one request reads, each source once, and the list of what was read for the ETag. */
class Sources {
  readonly read: string[] = [];
  private readonly plans = new Map<string, Promise<RowsByOwner | undefined>>();
  private readonly actuals = new Map<string, Promise<RowsByOwner>>();
  private readonly runs = new Map<string, PeriodRuns>();
  private readonly scores = new Map<string, Promise<ScoresVersion | undefined>>();

  constructor(
    private readonly caller: Caller,
    /** The people whose actuals each period is asked about, known before any is read. */
    private readonly actualPeople: Map<string, Set<string>>,
  ) {}

  /** The targets of a unit's plan for a horizon, by owner: its latest version, or its latest approved one. */
  plan(unitId: string, horizon: string, status: TargetStatus): Promise<RowsByOwner | undefined> {
    const key = `${unitId}|${horizon}|${status}`;
    let p = this.plans.get(key);
    if (!p) {
      p = (async () => {
        const { tenantId } = this.caller;
        let version: number | undefined;
        if (status === 'approved') {
          const versions = await listPlanVersions(tenantId, unitId, horizon);
          version = versions.filter((v) => v.status === 'approved').at(-1)?.version;
          if (version === undefined) return undefined;
        }
        const stored = await readPlanVersion(tenantId, unitId, horizon, version);
        if (stored)
          this.read.push(
            `plan:${unitId}:${horizon}:v${stored.head.version}:${stored.head.hash}:${stored.status}`,
          );
        return stored ? byOwner(stored.plan.targets) : undefined;
      })();
      this.plans.set(key, p);
    }
    return p;
  }

  /** The actuals rows of a period of every person asked about in it (one read per period). */
  actualRows(period: string): Promise<RowsByOwner> {
    let p = this.actuals.get(period);
    if (!p) {
      p = (async () => {
        const ids = [...(this.actualPeople.get(period) ?? [])];
        const people = ids.map((id) => this.caller.org.person(id)).filter((x): x is Person => !!x);
        const { actuals } = await readStoredActuals(this.caller.tenantId, period, people);
        this.read.push(`actuals:${period}:${contentHash(actuals)}`);
        return byOwner(actuals);
      })();
      this.actuals.set(period, p);
    }
    return p;
  }

  periodRuns(period: string): PeriodRuns {
    let r = this.runs.get(period);
    if (!r) this.runs.set(period, (r = periodRuns(this.caller.tenantId, period)));
    return r;
  }

  storedScores(unitId: string, period: string): Promise<ScoresVersion | undefined> {
    const key = `${unitId}|${period}`;
    let p = this.scores.get(key);
    if (!p) {
      p = readScores(this.caller.tenantId, unitId, period).then((s) => {
        if (s) this.read.push(`scores:${unitId}:${period}:v${s.version}:${s.hash}`);
        return s;
      });
      this.scores.set(key, p);
    }
    return p;
  }
}

const maySee = (caller: Caller, ref: OwnerRef): boolean => {
  try {
    allow(caller, ref.kind === 'person' ? { personId: ref.id } : { unitId: ref.id });
    return true;
  } catch {
    return false;
  }
};
const seesEverything = (caller: Caller) =>
  caller.principal.roles.some((r) => r === 'finance' || r === 'admin');

export class Lookups {
  private readonly text: (key: string, params?: Record<string, string | number>) => string;
  private readonly resolved = new Map<string, OwnerRef | NoValue>();
  private readonly ownersNamed: (text: string) => OwnerRef[];

  constructor(private readonly caller: Caller) {
    this.text = (key, params) => translate(caller.locale, key, params);
    this.ownersNamed = ownerFinder(caller.org);
  }

  /**
   * The person or unit an owner argument means, among those the caller may see. Out of scope and
   * unknown are the same "no rights" for a scoped caller, so a cell tells nobody what exists outside
   * their scope; finance and admin are told a name is unknown.
   */
  owner(text: string): OwnerRef | NoValue {
    let found = this.resolved.get(text);
    if (found) return found;
    const named = this.ownersNamed(text);
    const visible = named.filter((ref) => maySee(this.caller, ref));
    if (visible.length === 1) found = visible[0]!;
    else if (visible.length > 1)
      found = new NoValue(
        'value',
        this.text('lookup.owner-ambiguous', { owner: text, ids: visible.map((r) => r.id).join(', ') }),
      );
    else if (named.length === 0 && seesEverything(this.caller))
      found = new NoValue('value', this.text('lookup.owner-unknown', { owner: text }));
    else found = new NoValue('forbidden', this.text('lookup.forbidden', { owner: text }));
    this.resolved.set(text, found);
    return found;
  }

  private person(text: string, fn: string): OwnerRef {
    const ref = this.owner(text);
    if (ref instanceof NoValue) throw ref;
    if (ref.kind !== 'person')
      throw new NoValue('value', this.text('lookup.not-a-person', { owner: text, fn }));
    return ref;
  }

  private nameOf(ref: OwnerRef): string {
    const { org } = this.caller;
    return (ref.kind === 'person' ? org.person(ref.id)?.name : org.unit(ref.id)?.name) ?? ref.id;
  }

  /** The people whose actuals make up an owner's: the person, or everyone in the unit's subtree. */
  membersOf(ref: OwnerRef): string[] {
    return ref.kind === 'person'
      ? [ref.id]
      : this.caller.org.peopleIn(ref.id, { deep: true }).map((p) => p.id);
  }

  async answer(queries: readonly LookupQuery[]): Promise<LookupsAnswer> {
    // Whose actuals each period needs, gathered first so that a period is read once for all cells.
    const actualPeople = new Map<string, Set<string>>();
    for (const q of queries) {
      if (q.fn !== 'ACTUAL' && q.fn !== 'ATTAINMENT') continue;
      const ref = this.owner(q.owner);
      if (ref instanceof NoValue) continue;
      let set = actualPeople.get(q.period);
      if (!set) actualPeople.set(q.period, (set = new Set()));
      for (const id of this.membersOf(ref)) set.add(id);
    }
    const sources = new Sources(this.caller, actualPeople);
    const cells = await Promise.all(
      queries.map(async (q): Promise<LookupAnswer> => {
        try {
          return { value: await this.value(q, sources) };
        } catch (error) {
          if (error instanceof NoValue) return { error: error.kind, message: error.message };
          throw error;
        }
      }),
    );
    const { principal, locale, orgVersion } = this.caller;
    const etag = `"${contentHash({
      who: principal.personId,
      roles: principal.roles,
      locale,
      org: orgVersion.hash,
      queries,
      read: [...sources.read].sort(),
    })}"`;
    return { cells, etag };
  }

  private async value(q: LookupQuery, sources: Sources): Promise<number | string> {
    switch (q.fn) {
      case 'TARGET':
        return this.target(q.owner, q.metric, q.period, q.status, sources);
      case 'ACTUAL':
        return this.actual(q.owner, q.metric, q.period, sources);
      case 'ATTAINMENT': {
        const [actual, target] = await Promise.all([
          this.actual(q.owner, q.metric, q.period, sources).catch(() => null),
          this.target(q.owner, q.metric, q.period, 'approved', sources).catch(() => null),
        ]);
        const ref = this.owner(q.owner);
        if (ref instanceof NoValue) throw ref;
        const rate = completionRate(actual, target);
        if (rate === null)
          throw new NoValue('na', this.text('lookup.no-attainment', this.params(ref, q.metric, q.period)));
        return rate;
      }
      case 'PAYOUT':
      case 'PAYOUTSTATUS':
        return this.payout(q, sources);
      case 'SCORE':
      case 'GRADE': {
        const ref = this.person(q.owner, q.fn);
        const { org } = this.caller;
        const unitId = org.person(ref.id)!.unitId;
        // Scores are stored per scored unit: the person's team, or a unit above it that was scored whole.
        for (const unit of [unitId, ...org.ancestors(unitId)]) {
          const stored = await sources.storedScores(unit, q.period);
          const row = stored?.people.find((p) => p.personId === ref.id);
          if (row) return q.fn === 'SCORE' ? Math.round(row.final * 100) / 100 : row.grade;
        }
        throw new NoValue('na', this.text('lookup.no-scores', { owner: this.nameOf(ref), period: q.period }));
      }
    }
  }

  private params(ref: OwnerRef, metric: string, period: string) {
    const def = getMetric(metric);
    return { owner: this.nameOf(ref), metric: def ? def.label[this.caller.locale] : metric, period };
  }

  /**
   * An owner's target from the nearest plan that holds it: the owner unit's own (or the person's
   * unit's), then the units above (a plan holds the targets of its unit, its sub-units and people),
   * each stored under the period itself or under its year.
   */
  private async target(
    owner: string,
    metric: string,
    period: string,
    status: TargetStatus,
    sources: Sources,
  ): Promise<number> {
    const ref = this.owner(owner);
    if (ref instanceof NoValue) throw ref;
    const { org } = this.caller;
    const home = ref.kind === 'person' ? org.person(ref.id)!.unitId : ref.id;
    const horizons = [...new Set([period, period.slice(0, 4)])];
    for (const unitId of [home, ...org.ancestors(home)])
      for (const horizon of horizons) {
        const stored = await sources.plan(unitId, horizon, status);
        if (!stored) continue;
        const value = periodValue(stored.get(ref.id) ?? NO_ROWS, ref.id, metric, period);
        if (value !== null) return value;
      }
    throw new NoValue(
      'na',
      this.text('lookup.no-target', {
        ...this.params(ref, metric, period),
        status: this.text(`lookup.status.${status}`),
      }),
    );
  }

  /** Credited actuals: the owner's own rows, else (a unit) the sum of its people's, as the catalog adds over units. */
  private async actual(owner: string, metric: string, period: string, sources: Sources): Promise<number> {
    const ref = this.owner(owner);
    if (ref instanceof NoValue) throw ref;
    const rows = await sources.actualRows(period);
    const own = periodValue(rows.get(ref.id) ?? NO_ROWS, ref.id, metric, period);
    if (own !== null) return own;
    if (ref.kind === 'unit') {
      const values = this.membersOf(ref)
        .map((id) => periodValue(rows.get(id) ?? NO_ROWS, id, metric, period))
        .filter((v): v is number => v !== null);
      if (values.length > 0 && getMetric(metric)?.aggregation !== 'ratio')
        return values.reduce((s, v) => s + v, 0);
    }
    throw new NoValue('na', this.text('lookup.no-actual', this.params(ref, metric, period)));
  }

  /** A person's pay of a month from the run their statement reads (approved, else the newest draft for those who may see it). */
  private async payout(
    q: Extract<LookupQuery, { fn: 'PAYOUT' | 'PAYOUTSTATUS' }>,
    sources: Sources,
  ): Promise<number | string> {
    const ref = this.person(q.owner, q.fn);
    const runs = sources.periodRuns(q.period);
    const run =
      q.fn === 'PAYOUT' && q.source === 'approved'
        ? await runs.approved()
        : await statementRun(this.caller, ref.id, q.period, runs);
    if (!run)
      throw new NoValue(
        'na',
        this.text(q.fn === 'PAYOUT' && q.source === 'approved' ? 'lookup.no-approved-run' : 'lookup.no-run', {
          period: q.period,
        }),
      );
    sources.read.push(`run:${q.period}:${run.head.runId}:${run.head.hash}:${run.status}`);
    const status = this.text(`lookup.status.${run.status}`);
    const owner = this.nameOf(ref);
    const person = run.people.find((p) => p.personId === ref.id);
    if (!person) throw new NoValue('na', this.text('lookup.not-paid', { owner, status, period: q.period }));
    if (q.fn === 'PAYOUTSTATUS') return status;
    const scale = currencyScale(run.head.currency);
    if (q.component === null) return Number(formatMinor(asMinor(Number(person.amountMinor)), scale));
    const line = run.lines.find((l) => l.personId === ref.id && l.component === q.component);
    if (!line)
      throw new NoValue(
        'na',
        this.text('lookup.no-component', { owner, component: q.component, period: q.period }),
      );
    return Number(formatMinor(asMinor(Number(line.amountMinor)), scale));
  }
}

/** Answers a batch of formula cells for a caller: 400 for bad arguments, otherwise one answer per cell. */
export async function answerLookups(caller: Caller, cells: readonly LookupCell[]): Promise<LookupsAnswer> {
  return new Lookups(caller).answer(parseAll(caller, cells));
}
