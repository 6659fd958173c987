// A person's pay statement of a month (docs/rules.md, Statements and questions): their lines of the
// approved (or locked) run with each line's trace, attainment against quota, the year to date from the
// approved runs of the year's earlier months, and their questions with the answers. Reps never see a
// draft; the people above them and finance may see the latest draft, marked `draft`.
import {
  currencyScale,
  formatMinor,
  monthsOf,
  parsePeriod,
  type Minor,
  type PayoutLine,
} from '@teamsheet/shared';
import { allow, type Caller } from '../auth';
import { serverText } from '../messages';
import { refusal } from '../refusal';
import { approvedRun, listRuns, readApproval, readRun, type StoredRun } from '../repositories/payoutRuns';
import { listQuestions, type StoredQuestion } from '../repositories/questions';

export type StatementAddress = { personId: string; period: string };

/** The month of a statement: a month id, else 400 naming `period`. */
export function statementPeriod(caller: Caller, period: string): string {
  if (parsePeriod(period)?.kind !== 'month')
    throw refusal('invalid', 'statement.month', { period }, [
      { path: 'period', message: serverText(caller.locale, 'statement.month', { period }) },
    ]);
  return period;
}

/**
 * Who may read the statement: the person, managers above them in scope, finance and admin. Outside
 * the scope an id that exists and one that does not get the same 403; finance asking about nobody, 404.
 */
export function authorizeStatement(caller: Caller, personId: string): void {
  allow(caller, { personId, path: 'personId' });
  if (!caller.org.person(personId)) throw refusal('not-found', 'statement.unknown-person', { personId });
}

/** May this caller see a draft of this person's statement (not the person themselves, not a rep)? */
export function seesDrafts(caller: Caller, personId: string): boolean {
  if (caller.principal.personId === personId) return false;
  return caller.principal.roles.some((r) => ['finance', 'admin', 'manager', 'regional_head'].includes(r));
}

/**
 * The runs of a period a statement may read, each read at most once however many people are asked
 * about: the approved one, and the drafts newest first, read only as far as someone needs.
 */
export function periodRuns(tenantId: string, period: string) {
  let approved: Promise<StoredRun | undefined> | undefined;
  let heads: Promise<{ runId: string }[]> | undefined;
  const drafts = new Map<string, Promise<StoredRun | undefined>>();
  return {
    approved: () => (approved ??= approvedRun(tenantId, period)),
    async *drafts(): AsyncGenerator<StoredRun> {
      for (const head of await (heads ??= listRuns(tenantId, period))) {
        let run = drafts.get(head.runId);
        if (!run) drafts.set(head.runId, (run = readRun(tenantId, period, head.runId)));
        const read = await run;
        if (read) yield read;
      }
    },
  };
}
export type PeriodRuns = ReturnType<typeof periodRuns>;

/** The run a statement reads: the approved one, else (for those who may) the newest draft paying the person. */
export async function statementRun(
  caller: Caller,
  personId: string,
  period: string,
  runs: PeriodRuns = periodRuns(caller.tenantId, period),
): Promise<StoredRun | undefined> {
  const approved = await runs.approved();
  if (approved) return approved;
  if (!seesDrafts(caller, personId)) return undefined;
  for await (const run of runs.drafts()) if (run.lines.some((l) => l.personId === personId)) return run;
  return undefined;
}

export type StatementLine = Omit<PayoutLine, 'amountMinor'> & {
  lineId: string;
  amountMinor: number;
  /** The metric of a commission or override line, for its label. */
  metric?: string;
  /** A question on the line, the newest, with its answer. */
  question?: QuestionView;
};

/** The line ids of a run for a person: the component id (one line per component and person). */
export function statementLines(run: StoredRun, personId: string): StatementLine[] {
  const metricOf = new Map(
    run.head.plan.components.map((c) => [c.id, 'metric' in c && c.metric ? c.metric : undefined]),
  );
  return run.lines
    .filter((l) => l.personId === personId)
    .map((l) => {
      const metric = metricOf.get(l.component);
      return { ...l, lineId: l.component, ...(metric ? { metric } : {}) };
    });
}

export type QuestionView = ReturnType<typeof questionView>;

/** A question as the API answers it: names beside the ids, the answer when there is one. */
export function questionView(caller: Caller, q: StoredQuestion) {
  const name = (id: string) => caller.org.person(id)?.name ?? id;
  return {
    questionId: q.questionId,
    personId: q.personId,
    personName: name(q.personId),
    period: q.period,
    lineId: q.lineId,
    component: q.component,
    lineType: q.lineType,
    ...(q.lineMetric ? { lineMetric: q.lineMetric } : {}),
    lineAmount: q.lineAmount,
    lineAmountMinor: q.lineAmountMinor,
    currency: q.currency,
    comment: q.comment,
    askedAt: q.askedAt,
    status: q.answer ? 'answered' : 'open',
    ...(q.answer
      ? {
          answer: {
            decision: q.answer.decision,
            comment: q.answer.comment,
            ...(q.answer.amount !== undefined
              ? {
                  amount: q.answer.amount,
                  amountMinor: q.answer.amountMinor,
                  adjustmentPeriod: q.answer.adjustmentPeriod,
                }
              : {}),
            answeredBy: q.answer.answeredBy,
            answeredByName: name(q.answer.answeredBy),
            answeredAt: q.answer.answeredAt,
          },
        }
      : {}),
  };
}

/** The months of the year up to and including `period`, each with whether an approved run pays it. */
async function yearToDate(caller: Caller, personId: string, period: string, currency: string) {
  const year = period.slice(0, 4);
  const months = monthsOf(year).filter((m) => m <= period);
  const out: { period: string; amount: string; amountMinor: number; status: string }[] = [];
  let total = 0;
  for (const month of months) {
    const run = await approvedRun(caller.tenantId, month);
    if (!run) continue;
    const person = run.people.find((p) => p.personId === personId);
    const minor = Number(person?.amountMinor ?? 0);
    total += minor;
    out.push({ period: month, amount: person?.amount ?? '0.00', amountMinor: minor, status: run.status });
  }
  return { months: out, amountMinor: total, amount: formatMinor(total as Minor, currencyScale(currency)) };
}

/** The months of the period's year whose approved run exists: the statement's period picker. */
async function availableMonths(caller: Caller, period: string): Promise<string[]> {
  const months = monthsOf(period.slice(0, 4));
  const approvals = await Promise.all(months.map((m) => readApproval(caller.tenantId, m)));
  return months.filter((_m, i) => approvals[i] !== undefined);
}

/** The statement of a person and month (200), `status: 'none'` with a message when no run pays it yet. */
export async function readStatement(caller: Caller, address: StatementAddress) {
  const { personId, period } = address;
  const person = caller.org.person(personId)!;
  const unit = caller.org.unit(person.unitId);
  const who = { personId, name: person.name ?? personId, unit: unit ? unit.name : null };
  const available = await availableMonths(caller, period);
  const run = await statementRun(caller, personId, period);
  if (!run)
    return {
      status: 'none' as const,
      period,
      person: who,
      available,
      message: serverText(caller.locale, 'statement.none', { period, name: who.name }),
    };
  const questions = (await listQuestions(caller.tenantId, { personId, period })).map((q) =>
    questionView(caller, q),
  );
  const lines = statementLines(run, personId).map((line) => {
    const asked = questions.filter((q) => q.lineId === line.lineId).at(-1);
    return asked ? { ...line, question: asked } : line;
  });
  const summary = run.people.find((p) => p.personId === personId);
  const ytd = await yearToDate(caller, personId, period, run.head.currency);
  return {
    status: run.status,
    period,
    person: who,
    available,
    currency: run.head.currency,
    planName: run.head.plan.name,
    approvedAt: run.approval?.approvedAt ?? null,
    lines,
    total: { amount: summary?.amount ?? '0.00', amountMinor: Number(summary?.amountMinor ?? 0) },
    attainment: {
      credited: summary?.credited ?? '0.00',
      quota: summary?.quota ?? null,
      attainment: summary?.attainment ?? null,
    },
    yearToDate: ytd,
    questions,
  };
}
