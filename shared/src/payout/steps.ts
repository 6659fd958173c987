// The ordered steps of a payout line (credit → quota and proration → attainment → tiers → gates →
// caps → rounding): small pure functions on exact ratios, each appending what it did to the trace.
import { asMinor, formatMinor, type Minor, type Rounding } from '../money';
import type { Component } from '../schemas';
import * as q from './exact';
import type { Ratio } from './exact';

export type TraceStep = { step: string; value: string | number };
/** A line's trace, or null when the caller asked for amounts only (the benchmark path). */
export type Trace = TraceStep[] | null;

/** Append a step; a value that takes formatting is passed as a function, so amounts-only runs skip it. */
export function note(trace: Trace, step: string, value: string | number | (() => string | number)): void {
  if (trace) trace.push({ step, value: typeof value === 'function' ? value() : value });
}

/** What a line's steps share: the currency's minor-unit digits and the plan's rounding. */
export type LineSettings = { scale: number; rounding: Rounding };

export type CompiledTier = { from: Ratio; to: Ratio | null; rate: Ratio; text: string };
export type CommissionRule = {
  mode: 'marginal' | 'retroactive';
  tiers: readonly CompiledTier[];
  threshold: Ratio | null;
  capAttainment: Ratio | null;
  capAmountMinor: Minor | null;
};

type CommissionComponent = Extract<Component, { type: 'commission' }>;

/** Tiers sorted by their lower bound, every bound and rate an exact decimal. */
export function compileTiers(tiers: CommissionComponent['tiers']): CompiledTier[] {
  return tiers
    .map((t) => ({
      from: q.decimalRatio(t.from),
      to: t.to === null || t.to === undefined ? null : q.decimalRatio(t.to),
      rate: q.decimalRatio(t.rate),
      text: `[${t.from}, ${t.to ?? '∞'}) × ${t.rate}`,
    }))
    .sort((a, b) => q.compare(a.from, b.from));
}

const money = (amount: Ratio, s: LineSettings) => q.formatMoneyRatio(amount, s.scale);

/** Step 1, credit: the exact credited amount in minor units (credit units ÷ share scale). */
export function creditStep(
  units: bigint,
  shareScale: number,
  s: LineSettings,
  trace: Trace,
  step = 'credit',
): Ratio {
  const credited = q.ratio(units, BigInt(shareScale));
  note(trace, step, () => money(credited, s));
  return credited;
}

/** The fraction of the period a person is employed, both the hire and the exit day counted. */
function prorationRatio(daysEmployed: number, daysInPeriod: number): Ratio {
  return q.ratio(BigInt(daysEmployed), BigInt(daysInPeriod));
}

/**
 * Step 2, proration: an amount scaled by days employed / days in period, kept exact (the line's one
 * rounding comes last). Nothing is noted when the person worked the whole period.
 */
export function prorationStep(
  amount: Ratio,
  daysEmployed: number,
  daysInPeriod: number,
  s: LineSettings,
  trace: Trace,
  step: string,
): Ratio {
  if (daysEmployed >= daysInPeriod) return amount;
  const prorated = q.mul(amount, prorationRatio(daysEmployed, daysInPeriod));
  note(trace, 'proration', () => `${daysEmployed}/${daysInPeriod}`);
  note(trace, step, () => money(prorated, s));
  return prorated;
}

/** Step 2, quota: the period's quota in minor units, prorated; null (and noted) when there is none. */
export function quotaStep(
  quotaMinor: number,
  daysEmployed: number,
  daysInPeriod: number,
  s: LineSettings,
  trace: Trace,
): Ratio | null {
  if (Number.isNaN(quotaMinor) || quotaMinor <= 0) {
    note(trace, 'quota', () =>
      Number.isNaN(quotaMinor) ? 'missing' : formatMinor(asMinor(quotaMinor, 'quota'), s.scale),
    );
    return null;
  }
  const quota = q.minorRatio(asMinor(quotaMinor, 'quota'));
  note(trace, 'quota', () => money(quota, s));
  return prorationStep(quota, daysEmployed, daysInPeriod, s, trace, 'quota.prorated');
}

export type Attainment = { attainment: Ratio; counted: Ratio; countedCredit: Ratio };

/**
 * Step 3, attainment `a = credited / quota`; with `capAttainment`, attainment counts at most the cap
 * and so does the credit paid on (`min(credited, cap × quota)`).
 */
export function attainmentStep(credited: Ratio, quota: Ratio, cap: Ratio | null, trace: Trace): Attainment {
  const attainment = q.div(credited, quota);
  note(trace, 'attainment', () => q.formatRatio(attainment, 0, 6));
  if (cap && q.compare(attainment, cap) > 0) {
    note(trace, 'attainment.capped', () => q.formatRatio(cap));
    return { attainment, counted: cap, countedCredit: q.mul(cap, quota) };
  }
  return { attainment, counted: attainment, countedCredit: credited };
}

/**
 * Step 4, tiers. Marginal: `Σ rate_i × max(0, min(C', to_i·quota) − from_i·quota)` with C' the
 * counted credit, i.e. each slice of attainment at its own rate, in money. Retroactive: the whole
 * counted credit at the rate of the highest tier whose `from` the counted attainment reached.
 */
export function tierStep(
  rule: CommissionRule,
  a: Attainment,
  quota: Ratio,
  s: LineSettings,
  trace: Trace,
): Ratio {
  if (rule.mode === 'retroactive') {
    let reached: CompiledTier | null = null;
    for (const tier of rule.tiers) if (q.compare(a.counted, tier.from) >= 0) reached = tier;
    if (!reached) {
      note(trace, 'tier', 'none');
      return q.ZERO;
    }
    const amount = q.mul(a.countedCredit, reached.rate);
    note(
      trace,
      'tier',
      () =>
        `${reached.text}: ${money(a.countedCredit, s)} × ${q.formatRatio(reached.rate)} = ${money(amount, s)}`,
    );
    return amount;
  }
  let total = q.ZERO;
  let paid = false;
  for (const tier of rule.tiers) {
    const low = q.mul(tier.from, quota);
    const high = tier.to ? q.min(a.countedCredit, q.mul(tier.to, quota)) : a.countedCredit;
    const slice = q.sub(high, low);
    if (q.compare(slice, q.ZERO) <= 0) continue;
    const amount = q.mul(slice, tier.rate);
    note(
      trace,
      'tier',
      () => `${tier.text}: ${money(slice, s)} × ${q.formatRatio(tier.rate)} = ${money(amount, s)}`,
    );
    total = q.add(total, amount);
    paid = true;
  }
  if (!paid) note(trace, 'tier', 'none');
  return total;
}

/** Step 5, gate: below the threshold attainment nothing is paid. */
export function thresholdGate(
  amount: Ratio,
  attainment: Ratio,
  threshold: Ratio | null,
  trace: Trace,
): Ratio {
  if (!threshold) return amount;
  const passed = q.compare(attainment, threshold) >= 0;
  note(
    trace,
    'threshold',
    () => `${q.formatRatio(attainment, 0, 6)} ${passed ? '≥' : '<'} ${q.formatRatio(threshold)}`,
  );
  return passed ? amount : q.ZERO;
}

/** Step 6, cap: an amount above `capAmount` is paid at the cap. */
export function capAmountStep(amount: Ratio, capMinor: Minor | null, s: LineSettings, trace: Trace): Ratio {
  if (capMinor === null) return amount;
  const cap = q.minorRatio(capMinor);
  if (q.compare(amount, cap) <= 0) return amount;
  note(trace, 'capAmount', () => money(cap, s));
  return cap;
}

/** Step 7, rounding: the line's one rounding to a whole minor unit, by the plan's rule. */
export function roundStep(amount: Ratio, s: LineSettings, trace: Trace): Minor {
  const rounded = q.roundToMinor(amount, s.rounding);
  note(trace, 'rounding', () => `${money(amount, s)} → ${formatMinor(rounded, s.scale)} (${s.rounding})`);
  return rounded;
}
