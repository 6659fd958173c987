// The payout engine (docs/rules.md, Pay): one columnar core that sums credit rows and runs each component's
// steps per person, and the object API that converts a PayoutRequest into columns and back.
import type { Locale } from '../messages/index';
import { asMinor, formatMinor, toSafeMinor, type Minor } from '../money';
import type { Component, Finding, PayoutLine, PayoutRequest, PayoutResult } from '../schemas';
import { toColumnar, type PayoutColumns, type TransactionColumns } from './columnar';
import {
  bonusLines,
  buildTeams,
  commissionLines,
  drawLines,
  overrideLines,
  performanceLines,
  poolLines,
  spiffLines,
  type LineContext,
} from './components';
import { sumCredits, type CreditTotals } from './credit';
import * as q from './exact';
import { FindingSink } from './findings';
import { quotaStep, type TraceStep } from './steps';

export const PAYOUT_ENGINE_VERSION = '1.0.0';

export type PayoutOptions = {
  locale?: Locale;
  engineVersion?: string;
  /** The request's transactions as columns (a ledger's), read instead of `request.transactions`. */
  transactions?: TransactionColumns;
  /**
   * Only these people are paid by `request.plan` (the others still count: a manager's team, credit
   * splits): a run whose people are under several comp-plan versions computes each version's people.
   */
  paidIds?: ReadonlySet<string>;
};
export type ColumnarPayoutOptions = { locale?: Locale; trace?: boolean };

export interface ColumnarPayoutResult {
  components: readonly Component[];
  people: number;
  /** Line amounts in minor units at `[component × people + person]`; NaN where there is no line. */
  lineMinor: Float64Array;
  /** Traces in the same layout, when asked for. */
  traces: (TraceStep[] | undefined)[] | null;
  /** Σ of each person's lines. */
  personMinor: Float64Array;
  /** Σ of all lines. */
  totalMinor: Minor;
  credits: CreditTotals;
  /** Recoverable draw balance carried forward per person (negative: owed by the person). */
  drawClosingMinor: Float64Array;
  findings: Finding[];
}

/** Person paid by no plan: credited or given a quota, but not a paid role employed in the period. */
function noPlanFindings(columns: PayoutColumns, credits: CreditTotals, sink: FindingSink): void {
  const { people, period } = columns;
  for (let p = 0; p < people.count; p++) {
    if (people.covered[p]) continue;
    let involved = false;
    for (let m = 0; m < credits.metrics.length && !involved; m++) involved = credits.hasCredit(m, p);
    for (const quotas of people.quotaMinor.values()) involved ||= !Number.isNaN(quotas[p]!);
    if (involved) {
      sink.add('payout.no-plan', 'warning', `people[${p}]`, {
        personId: people.ids[p]!,
        role: people.roles[p]!,
        daysEmployed: people.daysEmployed[p]!,
        period,
      });
    }
  }
}

/** The columnar core: every payout goes through here, the object API included. */
export function computePayoutsColumnar(
  columns: PayoutColumns,
  options: ColumnarPayoutOptions = {},
): ColumnarPayoutResult {
  const sink = new FindingSink(options.locale);
  const P = columns.people.count;
  const components = columns.plan.components;
  const gated = components.find(
    (c): c is Extract<Component, { type: 'override' }> => c.type === 'override' && c.gate !== undefined,
  );
  const credits = sumCredits(
    columns.actuals,
    P,
    gated ? { metric: gated.metric ?? 'revenue', teamManager: columns.people.teamManager } : undefined,
  );
  noPlanFindings(columns, credits, sink);
  const lineMinor = new Float64Array(components.length * P).fill(NaN);
  const personMinor = new Float64Array(P);
  const traces = options.trace ? new Array<TraceStep[] | undefined>(components.length * P) : null;
  const drawClosingMinor = Float64Array.from(columns.people.drawOpeningMinor);
  let current = 0;
  const ctx: LineContext = {
    columns,
    settings: { scale: columns.scale, rounding: columns.rounding },
    credits,
    teams: buildTeams(columns.people.teamManager),
    sink,
    tracing: Boolean(options.trace),
    emit(p, amount, trace) {
      const k = current * P + p;
      lineMinor[k] = amount;
      // Safe integers add exactly while the sum stays safe, and a sum past it is never safe: checked.
      const sum = personMinor[p]! + amount;
      if (!Number.isSafeInteger(sum))
        throw new RangeError(`the pay of ${columns.people.ids[p]} leaves the safe range of minor units`);
      personMinor[p] = sum;
      if (traces && trace) traces[k] = trace;
    },
    // Every sum was checked a safe integer in emit.
    earnedSoFar: (p) => personMinor[p]! as Minor,
  };
  // Draws top up what everything else paid, so they run after the other components.
  const order = components.map((_, i) => i);
  order.sort(
    (a, b) => Number(components[a]!.type === 'draw') - Number(components[b]!.type === 'draw') || a - b,
  );
  for (const i of order) {
    current = i;
    const c = components[i]!;
    switch (c.type) {
      case 'commission':
        commissionLines(ctx, c);
        break;
      case 'bonus':
        bonusLines(ctx, c);
        break;
      case 'override':
        overrideLines(ctx, c);
        break;
      case 'spiff':
        spiffLines(ctx, c);
        break;
      case 'pool':
        poolLines(ctx, c);
        break;
      case 'performance':
        performanceLines(ctx, c);
        break;
      case 'draw':
        drawLines(ctx, c, drawClosingMinor);
        break;
    }
  }
  let total = 0n;
  for (let p = 0; p < P; p++) total += BigInt(personMinor[p]!);
  return {
    components,
    people: P,
    lineMinor,
    traces,
    personMinor,
    totalMinor: toSafeMinor(total, 'total'),
    credits,
    drawClosingMinor,
    findings: [...columns.findings, ...sink.finish()],
  };
}

export type PayoutMoney = { amount: string; amountMinor: Minor };
/**
 * PayoutResult with every amount typed `Minor` (the contract's schema says `number`), and what the
 * contract leaves optional always present: the engine version and the recoverable draw balances to
 * store with the run and pass as `drawBalances` to the next one.
 */
export type PayoutOutcome = Omit<
  PayoutResult,
  'lines' | 'people' | 'totals' | 'engineVersion' | 'drawBalances'
> & {
  lines: (Omit<PayoutLine, 'amountMinor'> & PayoutMoney)[];
  people: (Omit<PayoutResult['people'][number], 'amountMinor'> & PayoutMoney)[];
  totals: PayoutMoney;
  engineVersion: string;
  drawBalances: ({ personId: string } & PayoutMoney)[];
};

/** The payout of a request: lines with traces, people, totals as sums of lines, findings. */
export function computePayouts(request: PayoutRequest, options: PayoutOptions = {}): PayoutOutcome {
  const columns = toColumnar(request, { locale: options.locale, transactions: options.transactions });
  if (options.paidIds) {
    const { ids, covered } = columns.people;
    for (let p = 0; p < columns.people.count; p++) if (!options.paidIds.has(ids[p]!)) covered[p] = 0;
  }
  const result = computePayoutsColumnar(columns, { locale: options.locale, trace: true });
  const { people, scale, rounding, actuals, daysInPeriod } = columns;
  const settings = { scale, rounding };
  const money = (m: Minor): PayoutMoney => ({ amount: formatMinor(m, scale), amountMinor: m });
  const components = columns.plan.components;
  const lines: PayoutOutcome['lines'] = [];
  const out: PayoutOutcome['people'] = [];
  const drawBalances: PayoutOutcome['drawBalances'] = [];
  // The statement's credited, quota and attainment are those of the plan's first commission metric.
  const primary =
    components.find((c) => c.type === 'commission')?.metric ??
    components.flatMap((c) => ('metric' in c && c.metric ? [c.metric] : []))[0] ??
    'revenue';
  const metric = result.credits.metric(primary);
  const quotas = people.quotaMinor.get(primary);
  const hasRecoverableDraw = components.some((c) => c.type === 'draw' && c.recoverable);
  for (let p = 0; p < people.count; p++) {
    if (!people.covered[p]) continue;
    const personId = people.ids[p]!;
    components.forEach((c, i) => {
      const k = i * people.count + p;
      // A cell holds a Minor that emit wrote, or NaN for no line (ruled out here).
      const amount = result.lineMinor[k]! as Minor;
      if (Number.isNaN(amount)) return;
      lines.push({
        personId,
        component: c.id,
        type: c.type,
        ...money(amount),
        trace: result.traces?.[k] ?? [],
      });
    });
    const credited = q.ratio(result.credits.units(metric, p), BigInt(actuals.shareScale));
    const entry: PayoutOutcome['people'][number] = {
      personId,
      credited: q.formatRoundedMoney(credited, scale, rounding),
      // Sums of lines, each checked a safe integer in emit.
      ...money(result.personMinor[p]! as Minor),
    };
    const quota = quotaStep(quotas ? quotas[p]! : NaN, people.daysEmployed[p]!, daysInPeriod, settings, null);
    if (quota) {
      entry.quota = q.formatRoundedMoney(quota, scale, rounding);
      entry.attainment = Number(q.formatRatio(q.div(credited, quota), 0, 6));
    }
    out.push(entry);
    if (hasRecoverableDraw)
      drawBalances.push({ personId, ...money(asMinor(result.drawClosingMinor[p]!, 'draw balance')) });
  }
  return {
    period: request.period,
    currency: request.plan.currency,
    lines,
    people: out,
    totals: money(result.totalMinor),
    findings: result.findings,
    engineVersion: options.engineVersion ?? PAYOUT_ENGINE_VERSION,
    drawBalances,
  };
}
