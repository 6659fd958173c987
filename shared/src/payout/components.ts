// The lines of each comp-plan component (docs/rules.md, Pay), each an ordered run of the steps in steps.ts
// over one person's exact numbers; draws come last because they top up what the other lines paid.
import { asMinor, formatMinor, toMinor, type Minor } from '../money';
import type { Component } from '../schemas';
import type { PayoutColumns } from './columnar';
import { closedCustomersByManager, type CreditTotals } from './credit';
import * as q from './exact';
import type { FindingSink } from './findings';
import {
  attainmentStep,
  capAmountStep,
  compileTiers,
  creditStep,
  note,
  prorationStep,
  quotaStep,
  roundStep,
  thresholdGate,
  tierStep,
  type CommissionRule,
  type LineSettings,
  type Trace,
} from './steps';

/** Managers' teams as compressed rows: the members of m are `members[start[m] .. start[m+1])`. */
export type Teams = { start: Int32Array; members: Int32Array };

export function buildTeams(teamManager: Int32Array): Teams {
  const n = teamManager.length;
  const start = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) if (teamManager[p]! >= 0) start[teamManager[p]! + 1]! += 1;
  for (let m = 0; m < n; m++) start[m + 1]! += start[m]!;
  const fill = start.slice(0, n);
  const members = new Int32Array(start[n]!);
  for (let p = 0; p < n; p++) {
    const m = teamManager[p]!;
    if (m >= 0) members[fill[m]!++] = p;
  }
  return { start, members };
}

export interface LineContext {
  columns: PayoutColumns;
  settings: LineSettings;
  credits: CreditTotals;
  teams: Teams;
  sink: FindingSink;
  tracing: boolean;
  /** Writes a line; a person has at most one line per component. */
  emit(person: number, amount: Minor, trace: Trace): void;
  /** The sum of the person's lines written so far (for draws). */
  earnedSoFar(person: number): Minor;
}

type Of<T extends Component['type']> = Extract<Component, { type: T }>;

const newTrace = (ctx: LineContext): Trace => (ctx.tracing ? [] : null);
const moneyText = (amount: q.Ratio, ctx: LineContext) => q.formatMoneyRatio(amount, ctx.settings.scale);
const personPath = (p: number) => `people[${p}]`;

/** Plan amounts are major units converted once, half-up, like every amount of a request. */
const money = (value: number, ctx: LineContext): Minor => toMinor(value, ctx.settings.scale, 'half-up');

function scoreMissing(ctx: LineContext, p: number, component: string, trace: Trace): void {
  ctx.sink.add('payout.no-score', 'warning', personPath(p), {
    personId: ctx.columns.people.ids[p]!,
    component,
  });
  note(trace, 'grade', 'missing');
}

export function commissionLines(ctx: LineContext, c: Of<'commission'>): void {
  const { people, daysInPeriod, period } = ctx.columns;
  const metric = ctx.credits.metric(c.metric);
  const quotas = people.quotaMinor.get(c.metric);
  const rule: CommissionRule = {
    mode: c.mode,
    tiers: compileTiers(c.tiers),
    threshold: c.threshold === undefined ? null : q.decimalRatio(c.threshold),
    capAttainment: c.capAttainment === undefined ? null : q.decimalRatio(c.capAttainment),
    capAmountMinor: c.capAmount === undefined ? null : money(c.capAmount, ctx),
  };
  const fast = ctx.tracing ? null : fastCommission(rule, ctx.columns.actuals.shareScale, daysInPeriod);
  for (let p = 0; p < people.count; p++) {
    if (!people.covered[p]) continue;
    const quotaMinor = quotas ? quotas[p]! : NaN;
    if (people.roles[p] !== 'rep' && Number.isNaN(quotaMinor) && !ctx.credits.hasCredit(metric, p)) continue;
    if (fast && quotaMinor > 0) {
      const e = Math.min(people.daysEmployed[p]!, daysInPeriod);
      const amount = fast(ctx.credits.unitsNumber(metric, p), quotaMinor, e, ctx.settings.rounding);
      // roundDivSafe returns a whole number of minor units or NaN, and NaN was just ruled out.
      if (!Number.isNaN(amount)) {
        ctx.emit(p, amount as Minor, null);
        continue;
      }
    }
    const trace = newTrace(ctx);
    const credited = creditStep(
      ctx.credits.units(metric, p),
      ctx.columns.actuals.shareScale,
      ctx.settings,
      trace,
    );
    const quota = quotaStep(quotaMinor, people.daysEmployed[p]!, daysInPeriod, ctx.settings, trace);
    if (!quota) {
      ctx.sink.add('payout.no-quota', 'warning', personPath(p), {
        personId: people.ids[p]!,
        metric: c.metric,
        period,
        component: c.id,
      });
      ctx.emit(p, roundStep(q.ZERO, ctx.settings, trace), trace);
      continue;
    }
    const attainment = attainmentStep(credited, quota, rule.capAttainment, trace);
    let amount = tierStep(rule, attainment, quota, ctx.settings, trace);
    amount = thresholdGate(amount, attainment.attainment, rule.threshold, trace);
    amount = capAmountStep(amount, rule.capAmountMinor, ctx.settings, trace);
    ctx.emit(p, roundStep(amount, ctx.settings, trace), trace);
  }
}

/** A tier bound, cap or rate as an integer over `den` (a power of ten), or NaN if it is not one. */
function scaledTo(r: q.Ratio, den: bigint): number {
  return den % r.den === 0n ? q.safeNumber(r.num * (den / r.den)) : NaN;
}

/**
 * The commission line of the amounts-only run in float64 integer arithmetic, exactly as the steps
 * compute it in bigint: with L = shareScale × daysInPeriod × B (B the bounds' power of ten), credit C
 * and every bound b × Q of the prorated quota Q are whole numbers of 1/L (C·L = units × days × B,
 * b·Q·L = (b·B) × quota × daysEmployed × shareScale) and the amount a whole number of 1/(L·R) with R
 * the rates' power of ten. Returns NaN whenever a value could leave the safe-integer range, and the
 * caller then runs the bigint steps. null when the rule's decimals do not fit (never in practice).
 */
function fastCommission(
  rule: CommissionRule,
  shareScale: number,
  daysInPeriod: number,
):
  | ((units: number, quotaMinor: number, daysEmployed: number, rounding: LineSettings['rounding']) => number)
  | null {
  const bigMax = (values: bigint[]) => values.reduce((a, b) => (b > a ? b : a), 1n);
  const B = bigMax([
    ...rule.tiers.flatMap((t) => [t.from.den, ...(t.to ? [t.to.den] : [])]),
    ...(rule.capAttainment ? [rule.capAttainment.den] : []),
    ...(rule.threshold ? [rule.threshold.den] : []),
  ]);
  const R = bigMax(rule.tiers.map((t) => t.rate.den));
  const tiers = rule.tiers.map((t) => ({
    from: scaledTo(t.from, B),
    to: t.to ? scaledTo(t.to, B) : Infinity,
    rate: scaledTo(t.rate, R),
  }));
  const cap = rule.capAttainment ? scaledTo(rule.capAttainment, B) : Infinity;
  const threshold = rule.threshold ? scaledTo(rule.threshold, B) : -Infinity;
  const b = q.safeNumber(B);
  const r = q.safeNumber(R);
  const L = q.mulSafe(q.mulSafe(shareScale, daysInPeriod), b);
  const den = q.mulSafe(L, r);
  const capAmount = rule.capAmountMinor === null ? Infinity : q.mulSafe(rule.capAmountMinor, den);
  let maxBound = 0;
  let rateSum = 0;
  for (const t of tiers) {
    maxBound = Math.max(maxBound, Math.abs(t.from), Number.isFinite(t.to) ? Math.abs(t.to) : 0);
    rateSum += Math.abs(t.rate);
  }
  if (Number.isFinite(cap)) maxBound = Math.max(maxBound, Math.abs(cap));
  if (Number.isFinite(threshold)) maxBound = Math.max(maxBound, Math.abs(threshold));
  const inputs = [...tiers.flatMap((t) => [t.from, t.to, t.rate]), cap, threshold, den, capAmount, maxBound];
  if (inputs.some(Number.isNaN) || rateSum * 4 > Number.MAX_SAFE_INTEGER) return null;
  // Every value below is bounded by X = max(|C·L|, maxBound × base), every slice by 2X and the sum
  // of rate × slice by rateSum × 2X: one check of that bound makes each operation exact.
  const limit = Number.MAX_SAFE_INTEGER / (2 * Math.max(1, rateSum));
  const retroactive = rule.mode === 'retroactive';
  return (units, quotaMinor, daysEmployed, rounding) => {
    const credit = q.mulSafe(units, daysInPeriod * b);
    const base = q.mulSafe(q.mulSafe(quotaMinor, daysEmployed), shareScale);
    const top = q.mulSafe(maxBound, base);
    if (!(Math.abs(credit) <= limit && top <= limit)) return NaN;
    const capped = credit > cap * base ? cap * base : credit;
    let amount = 0;
    if (retroactive) {
      let rate = NaN;
      for (const t of tiers) if (capped >= t.from * base) rate = t.rate;
      amount = Number.isNaN(rate) ? 0 : capped * rate;
    } else {
      for (const t of tiers) {
        const high = t.to === Infinity ? capped : Math.min(capped, t.to * base);
        const slice = high - t.from * base;
        if (slice > 0) amount += slice * t.rate;
      }
    }
    if (!(credit >= threshold * base)) amount = 0;
    if (amount > capAmount) amount = capAmount;
    return q.roundDivSafe(amount, den, rounding);
  };
}

export function bonusLines(ctx: LineContext, c: Of<'bonus'>): void {
  const { people, daysInPeriod } = ctx.columns;
  const target = money(c.targetAmount, ctx);
  for (let p = 0; p < people.count; p++) {
    if (!people.covered[p]) continue;
    const trace = newTrace(ctx);
    const grade = people.grade[p];
    if (grade === null || grade === undefined) {
      scoreMissing(ctx, p, c.id, trace);
      ctx.emit(p, roundStep(q.ZERO, ctx.settings, trace), trace);
      continue;
    }
    note(trace, 'grade', grade);
    note(trace, 'targetAmount', () => formatMinor(target, ctx.settings.scale));
    const multiplier = Object.hasOwn(c.multipliers, grade) ? q.decimalRatio(c.multipliers[grade]!) : q.ZERO;
    note(trace, 'multiplier', () => q.formatRatio(multiplier));
    let amount = q.mul(q.minorRatio(target), multiplier);
    amount = prorationStep(
      amount,
      people.daysEmployed[p]!,
      daysInPeriod,
      ctx.settings,
      trace,
      'bonus.prorated',
    );
    ctx.emit(p, roundStep(amount, ctx.settings, trace), trace);
  }
}

export function performanceLines(ctx: LineContext, c: Of<'performance'>): void {
  const { people } = ctx.columns;
  for (let p = 0; p < people.count; p++) {
    if (!people.covered[p]) continue;
    const trace = newTrace(ctx);
    const grade = people.grade[p];
    const base = people.baseSalaryMinor[p]!;
    // Built by amountToMinor (a safe integer) or NaN, and NaN is ruled out before it is used.
    const baseMinor = base as Minor;
    if (grade === null || grade === undefined) scoreMissing(ctx, p, c.id, trace);
    if (Number.isNaN(base)) {
      ctx.sink.add('payout.no-base-salary', 'warning', personPath(p), {
        personId: people.ids[p]!,
        component: c.id,
      });
      note(trace, 'baseSalary', 'missing');
    }
    if (grade === null || grade === undefined || Number.isNaN(base)) {
      ctx.emit(p, roundStep(q.ZERO, ctx.settings, trace), trace);
      continue;
    }
    note(trace, 'grade', grade);
    note(trace, 'baseSalary', () => formatMinor(baseMinor, ctx.settings.scale));
    const coefficient = Object.hasOwn(c.coefficients, grade)
      ? q.decimalRatio(c.coefficients[grade]!)
      : q.ZERO;
    note(trace, 'coefficient', () => q.formatRatio(coefficient));
    ctx.emit(p, roundStep(q.mul(q.minorRatio(baseMinor), coefficient), ctx.settings, trace), trace);
  }
}

/** Sum of exact credit units over a list of people. */
function groupUnits(ctx: LineContext, metric: number, people: Iterable<number>): bigint {
  let units = 0n;
  for (const p of people) units += ctx.credits.units(metric, p);
  return units;
}

function teamOf(ctx: LineContext, m: number): Int32Array {
  return ctx.teams.members.subarray(ctx.teams.start[m]!, ctx.teams.start[m + 1]!);
}

/**
 * Override: rate × the credited amount of the manager's team (the manager's own credit excluded),
 * floored at 0, then the gate: visits (or the gate's metric) per closed customer at least `min`.
 */
export function overrideLines(ctx: LineContext, c: Of<'override'>): void {
  const { people, actuals } = ctx.columns;
  const metric = ctx.credits.metric(c.metric ?? 'revenue');
  const rate = q.decimalRatio(c.rate);
  const closed = c.gate
    ? (ctx.credits.closedByManager(metric, people.teamManager) ??
      closedCustomersByManager(actuals, metric, people.teamManager))
    : null;
  const minPerCustomer = c.gate ? q.decimalRatio(c.gate.min) : null;
  const visitsOf = c.gate ? people.activity.get(c.gate.metric) : undefined;
  // Amounts only: team credit summed as safe integers, the gate compared on whole visits; a gated
  // manager, fractional visits or anything past the safe range take the bigint steps below.
  const shareScale = actuals.shareScale;
  const rateNum = q.safeNumber(rate.num);
  const rateDen = q.mulSafe(shareScale, q.safeNumber(rate.den));
  const minNum = minPerCustomer ? q.safeNumber(minPerCustomer.num) : 0;
  const minDen = minPerCustomer ? q.safeNumber(minPerCustomer.den) : 1;
  const fast =
    ctx.tracing || Number.isNaN(rateNum + rateDen + minNum + minDen)
      ? null
      : (m: number, team: Int32Array): number => {
          if (closed) {
            const visits = visitsOf ? visitsOf[m]! : 0;
            if (!Number.isInteger(visits)) return NaN;
            const passed = q.mulSafe(visits, minDen) >= q.mulSafe(minNum, closed[m]!);
            if (!passed) return NaN;
          }
          let units = 0;
          for (let i = 0; i < team.length; i++)
            units = q.addSafe(units, ctx.credits.unitsNumber(metric, team[i]!));
          return q.roundDivSafe(q.mulSafe(Math.max(0, units), rateNum), rateDen, ctx.settings.rounding);
        };
  for (let m = 0; m < people.count; m++) {
    // Most people lead no team: skip them before making a view of their (empty) team.
    if (!people.covered[m] || ctx.teams.start[m + 1] === ctx.teams.start[m]) continue;
    const team = teamOf(ctx, m);
    if (fast) {
      const amount = fast(m, team);
      // roundDivSafe returns a whole number of minor units or NaN, and NaN was just ruled out.
      if (!Number.isNaN(amount)) {
        ctx.emit(m, amount as Minor, null);
        continue;
      }
    }
    const trace = newTrace(ctx);
    note(trace, 'team', team.length);
    const credited = creditStep(
      groupUnits(ctx, metric, team),
      actuals.shareScale,
      ctx.settings,
      trace,
      'teamCredit',
    );
    note(trace, 'rate', () => q.formatRatio(rate));
    let amount = q.mul(credited, rate);
    if (q.compare(amount, q.ZERO) < 0) {
      note(trace, 'floor', () => moneyText(amount, ctx));
      amount = q.ZERO;
    }
    if (c.gate && closed && minPerCustomer) {
      const visits = visitsOf ? visitsOf[m]! : 0;
      const customers = closed[m]!;
      note(trace, 'gate.visits', visits);
      note(trace, 'gate.closedCustomers', customers);
      const required = q.mul(minPerCustomer, q.ratio(BigInt(customers)));
      const passed = q.compare(q.decimalRatio(visits), required) >= 0;
      const perCustomer = () =>
        customers > 0 ? q.formatRatio(q.div(q.decimalRatio(visits), q.ratio(BigInt(customers))), 0, 4) : '-';
      note(trace, 'gate', () => `${perCustomer()} ${passed ? '≥' : '<'} ${q.formatRatio(minPerCustomer)}`);
      if (!passed) {
        amount = q.ZERO;
        ctx.sink.add('payout.override-gated', 'info', personPath(m), {
          personId: people.ids[m]!,
          metric: c.gate.metric,
          visits,
          customers,
          perCustomer: perCustomer(),
          min: c.gate.min,
        });
      }
    }
    ctx.emit(m, roundStep(amount, ctx.settings, trace), trace);
  }
}

/** SPIFF: the fixed amount per new customer, split by the credit shares of the deal that opened it. */
export function spiffLines(ctx: LineContext, c: Of<'spiff'>): void {
  const { people, actuals } = ctx.columns;
  const perCustomer = money(c.amount, ctx);
  const spiff = ctx.credits.spiffUnits;
  for (let p = 0; p < people.count; p++) {
    if (!people.covered[p] || spiff[p] === 0) continue;
    if (!ctx.tracing) {
      // Amounts only: share units × amount per customer ÷ share scale, rounded once, in safe integers.
      const amount = q.roundDivSafe(
        q.mulSafe(spiff[p]!, perCustomer),
        actuals.shareScale,
        ctx.settings.rounding,
      );
      // roundDivSafe returns a whole number of minor units or NaN, and NaN was just ruled out.
      if (!Number.isNaN(amount)) {
        ctx.emit(p, amount as Minor, null);
        continue;
      }
    }
    const trace = newTrace(ctx);
    const customers = q.ratio(BigInt(spiff[p]!), BigInt(actuals.shareScale));
    note(trace, 'newCustomers', () => q.formatRatio(customers));
    note(trace, 'perCustomer', () => formatMinor(perCustomer, ctx.settings.scale));
    ctx.emit(p, roundStep(q.mul(customers, q.minorRatio(perCustomer)), ctx.settings, trace), trace);
  }
}

/**
 * Team bonus pool: pool = rate × the credited amount of the manager and the members who lead no team
 * of their own (a team leader shares in the pool of the team they lead), floored at 0 and rounded
 * once; then split by final score with the largest-remainder method so the shares sum to the pool.
 */
export function poolLines(ctx: LineContext, c: Of<'pool'>): void {
  const { people, actuals } = ctx.columns;
  const metric = ctx.credits.metric(c.metric ?? 'revenue');
  const rate = q.decimalRatio(c.rate);
  const leads = (p: number) => ctx.teams.start[p + 1]! > ctx.teams.start[p]!;
  for (let m = 0; m < people.count; m++) {
    if (!leads(m)) continue;
    const group = [m, ...Array.from(teamOf(ctx, m)).filter((p) => !leads(p))];
    const groupCredit = q.ratio(groupUnits(ctx, metric, group), BigInt(actuals.shareScale));
    const pool = q.max(q.ZERO, q.mul(groupCredit, rate));
    const poolRounded = q.roundToMinor(pool, ctx.settings.rounding);
    const poolMinor = BigInt(poolRounded);
    const recipients = group.filter((p) => people.covered[p]);
    const scored = recipients.filter((p) => people.score[p] !== null && people.score[p] !== undefined);
    if (recipients.length === 0) continue;
    if (scored.length === 0) {
      ctx.sink.add('payout.pool-no-scores', 'warning', personPath(m), {
        personId: people.ids[m]!,
        component: c.id,
        pool: formatMinor(poolRounded, ctx.settings.scale),
      });
      continue;
    }
    // Scores as exact decimals on one scale; all-zero scores share equally.
    const decimals = scored.map((p) => q.decimalRatio(Math.max(0, people.score[p]!)));
    const common = decimals.reduce((d, r) => (r.den > d ? r.den : d), 1n);
    let weights = decimals.map((r) => (r.num * common) / r.den);
    let weightTotal = weights.reduce((a, b) => a + b, 0n);
    if (weightTotal === 0n) {
      weights = weights.map(() => 1n);
      weightTotal = BigInt(weights.length);
    }
    const floors = weights.map((w) => (poolMinor * w) / weightTotal);
    const remainders = weights.map((w) => (poolMinor * w) % weightTotal);
    let left = poolMinor - floors.reduce((a, b) => a + b, 0n);
    const order = scored
      .map((_, i) => i)
      .sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
    const extra = new Array<bigint>(scored.length).fill(0n);
    for (const i of order) {
      if (left <= 0n) break;
      extra[i] = 1n;
      left -= 1n;
    }
    for (const p of recipients) {
      const trace = newTrace(ctx);
      note(trace, 'team', group.length);
      note(trace, 'teamCredit', () => moneyText(groupCredit, ctx));
      note(trace, 'rate', () => q.formatRatio(rate));
      note(
        trace,
        'pool',
        () =>
          `${moneyText(pool, ctx)} → ${formatMinor(poolRounded, ctx.settings.scale)} (${ctx.settings.rounding})`,
      );
      const i = scored.indexOf(p);
      if (i < 0) {
        scoreMissing(ctx, p, c.id, trace);
        ctx.emit(p, asMinor(0), trace);
        continue;
      }
      note(
        trace,
        'score',
        () =>
          `${q.formatRatio(q.ratio(weights[i]!, common))} / ${q.formatRatio(q.ratio(weightTotal, common))}`,
      );
      note(trace, 'share', () => `${moneyText(q.ratio(poolMinor * weights[i]!, weightTotal), ctx)}`);
      note(trace, 'largestRemainder', () => formatMinor(asMinor(extra[i]!), ctx.settings.scale));
      ctx.emit(p, asMinor(floors[i]! + extra[i]!, 'pool share'), trace);
    }
  }
}

/**
 * Draw (保底), prorated by days employed. Non-recoverable: top up earnings to the draw. Recoverable:
 * the top-up is added to what the person owes (the balance goes more negative) and is recovered from
 * earnings above the draw in later runs, never taking pay below the draw.
 */
export function drawLines(ctx: LineContext, c: Of<'draw'>, closing: Float64Array): void {
  const { people, daysInPeriod } = ctx.columns;
  const guaranteed = money(c.amount, ctx);
  for (let p = 0; p < people.count; p++) {
    if (!people.covered[p]) continue;
    const trace = newTrace(ctx);
    const earned = q.minorRatio(ctx.earnedSoFar(p));
    note(trace, 'earnings', () => moneyText(earned, ctx));
    note(trace, 'draw', () => formatMinor(guaranteed, ctx.settings.scale));
    const draw = prorationStep(
      q.minorRatio(guaranteed),
      people.daysEmployed[p]!,
      daysInPeriod,
      ctx.settings,
      trace,
      'draw.prorated',
    );
    const shortfall = q.sub(draw, earned);
    if (!c.recoverable) {
      const topUp = q.max(q.ZERO, shortfall);
      note(trace, 'topUp', () => moneyText(topUp, ctx));
      ctx.emit(p, roundStep(topUp, ctx.settings, trace), trace);
      continue;
    }
    const opening = asMinor(closing[p]!, 'draw balance');
    note(trace, 'balance.opening', () => formatMinor(opening, ctx.settings.scale));
    let line: Minor;
    if (q.compare(shortfall, q.ZERO) > 0) {
      note(trace, 'topUp', () => moneyText(shortfall, ctx));
      line = roundStep(shortfall, ctx.settings, trace);
    } else {
      const recovery = q.min(q.ratio(-BigInt(opening)), q.sub(earned, draw));
      note(trace, 'recovery', () => moneyText(recovery, ctx));
      const recovered = roundStep(recovery, ctx.settings, trace);
      // The negation of a safe integer is one; a zero stays +0.
      line = (recovered === 0 ? 0 : -recovered) as Minor;
    }
    closing[p] = opening - line;
    note(trace, 'balance.closing', () =>
      formatMinor(asMinor(closing[p]!, 'draw balance'), ctx.settings.scale),
    );
    ctx.emit(p, line, trace);
  }
}
