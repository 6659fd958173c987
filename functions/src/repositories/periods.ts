// Period state (docs/rules.md, Periods) in the `history` container: a period is open until a close document
// `period-close:<period>` is written in its partition; closing is append-only and audited. A period is
// also closed when a period CONTAINING it is closed (closing 2026-Q1 locks 2026-01..03; closing 2026
// locks every quarter and month of it); closing a month does not lock its quarter or year.
import { parsePeriod, type Locale } from '@teamsheet/shared';
import { getStore } from '../store/client';
import { appendAudit, createImmutable, readOne } from '../store/docs';
import { contentHash } from '../store/hash';
import { refusal } from '../refusal';

export type PeriodCloseDoc = {
  id: string;
  pk: string;
  type: 'period-close';
  tenantId: string;
  period: string;
  /** The approved payout run the period was closed with. */
  runId: string;
  runHash: string;
  closedBy: string;
  closedAt: string;
};

export type PeriodState =
  | { period: string; state: 'open' }
  | {
      period: string;
      state: 'closed';
      /** The period whose close locks this one: itself, its quarter or its year. */
      closedBy: string;
      closedAt: string;
      closedPeriod: string;
      runId: string;
      runHash: string;
    };

export const periodPartition = (tenantId: string, period: string): string => `${tenantId}|${period}`;
export const periodCloseId = (period: string): string => `period-close:${period}`;

/** The period and the periods containing it, innermost first: 2026-03 → 2026-03, 2026-Q1, 2026. */
export function periodAndContainers(period: string): string[] {
  const p = parsePeriod(period);
  if (!p) return [period];
  const year = String(p.year).padStart(4, '0');
  if (p.kind === 'year') return [period];
  if (p.kind === 'quarter') return [period, year];
  return [period, `${year}-Q${Math.ceil(p.index / 3)}`, year];
}

async function readClose(tenantId: string, period: string): Promise<PeriodCloseDoc | undefined> {
  const { containers } = await getStore();
  return readOne<PeriodCloseDoc>(
    containers.history,
    periodCloseId(period),
    periodPartition(tenantId, period),
  );
}

/** Open, or closed with who closed which (containing) period, when, and with which run. */
export async function periodState(tenantId: string, period: string): Promise<PeriodState> {
  const closes = await Promise.all(periodAndContainers(period).map((p) => readClose(tenantId, p)));
  const close = closes.find((c) => c !== undefined);
  if (!close) return { period, state: 'open' };
  return {
    period,
    state: 'closed',
    closedBy: close.closedBy,
    closedAt: close.closedAt,
    closedPeriod: close.period,
    runId: close.runId,
    runHash: close.runHash,
  };
}

/**
 * Returns when `period` may still change; otherwise throws 409 `period.closed` naming the closed
 * period, who closed it and when. Every mutating route of a period calls this before writing.
 */
export async function assertPeriodOpen(tenantId: string, period: string): Promise<void> {
  const state = await periodState(tenantId, period);
  if (state.state === 'closed') {
    throw refusal(
      'closed',
      'period.closed',
      { period, closed: state.closedPeriod, closedBy: state.closedBy, closedAt: state.closedAt },
      undefined,
      { period, closedPeriod: state.closedPeriod },
    );
  }
}

/**
 * Writes the close document of `period` and its audit entry. A second close of the same period
 * loses on the document id and gets the 409 of assertPeriodOpen.
 */
export async function closePeriod(args: {
  tenantId: string;
  period: string;
  runId: string;
  runHash: string;
  who: string;
  at?: string;
  locale?: Locale;
}): Promise<PeriodCloseDoc> {
  const { containers } = await getStore();
  const doc: PeriodCloseDoc = {
    id: periodCloseId(args.period),
    pk: periodPartition(args.tenantId, args.period),
    type: 'period-close',
    tenantId: args.tenantId,
    period: args.period,
    runId: args.runId,
    runHash: args.runHash,
    closedBy: args.who,
    closedAt: args.at ?? new Date().toISOString(),
  };
  const res = await createImmutable(containers.history, doc);
  if (res.status === 'conflict') {
    await assertPeriodOpen(args.tenantId, args.period);
    throw new Error(`period ${args.period} close document conflicts but cannot be read`);
  }
  await appendAudit({
    tenantId: args.tenantId,
    who: args.who,
    action: 'period.close',
    entity: `period:${args.tenantId}:${args.period}`,
    beforeHash: contentHash({ period: args.period, state: 'open' }),
    afterHash: contentHash(doc),
    at: doc.closedAt,
    details: { runId: args.runId, runHash: args.runHash },
  });
  return doc;
}
