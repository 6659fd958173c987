// The statement and its questions as the pane uses them: the API's answers (GET /api/statements,
// GET /api/questions), the calls that write (a question, an answer), and how lines, months, money and
// times read in the user's language — component labels, never ids. Pure apart from the API calls.
import {
  componentLabel,
  currencyScale,
  fixedLists,
  type Component,
  type PayoutLine,
} from '@teamsheet/shared';
import type { Api } from '../../api';
import type { Locale, Translate, UiKey, UiParams } from '../../i18n';
import { explainTrace } from '../payouts/explain';

export type Answer = {
  decision: 'accepted' | 'declined';
  comment: string;
  amount?: string;
  amountMinor?: number;
  adjustmentPeriod?: string;
  answeredByName: string;
  answeredAt: string;
};

export type Question = {
  questionId: string;
  personId: string;
  personName: string;
  period: string;
  lineId: string;
  component: string;
  lineType: string;
  lineMetric?: string;
  lineAmount: string;
  currency: string;
  comment: string;
  askedAt: string;
  status: 'open' | 'answered';
  answer?: Answer;
};

export type StatementLine = PayoutLine & { lineId: string; metric?: string; question?: Question };

export type Statement =
  | { status: 'none'; period: string; available: string[]; person: { name: string } }
  | {
      status: 'approved' | 'locked' | 'draft';
      period: string;
      available: string[];
      person: { personId: string; name: string };
      currency: string;
      lines: StatementLine[];
      total: { amount: string };
      attainment: { credited: string; quota: string | null; attainment: number | null };
      yearToDate: { months: { period: string; amount: string }[]; amount: string };
    };

/** A message kept as a key and its parameters, rendered with `tr` when shown (so it follows the language). */
export type Notice = {
  intent: 'success' | 'warning' | 'error' | 'info';
  key: UiKey;
  params?: UiParams;
} | null;

const enc = encodeURIComponent;

export const readStatement = (api: Api, personId: string, period: string) =>
  api.get<Statement>(`/api/statements/${enc(personId)}/${enc(period)}`);

export const askQuestion = (
  api: Api,
  address: { personId: string; period: string },
  body: { lineId: string; comment: string },
  idempotencyKey: string,
) =>
  api.post<Question>(`/api/statements/${enc(address.personId)}/${enc(address.period)}/questions`, body, {
    idempotencyKey,
  });

export const openQuestions = (api: Api) =>
  api.get<{ questions: Question[] }>('/api/questions?status=open').then((r) => r.questions);

export const answerQuestion = (
  api: Api,
  questionId: string,
  body: { decision: 'accepted'; amount: number; comment: string } | { decision: 'declined'; comment: string },
  idempotencyKey: string,
) => api.post<Question>(`/api/questions/${enc(questionId)}/answer`, body, { idempotencyKey });

// ---- reading in the user's language

/** `2026-03` → "March 2026" / "2026年3月". */
export function monthName(period: string, locale: Locale): string {
  const [y, m] = period.split('-').map(Number);
  if (!y || !m) return period;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** An amount's decimal text in the currency's format of the locale ("¥5,000.00"). */
export function money(amount: string, currency: string, locale: Locale): string {
  const scale = currencyScale(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: scale,
    maximumFractionDigits: scale,
    // The exact decimal text: Intl reads a string without passing it through a float.
  }).format(amount as unknown as number);
}

/** The currency's symbol in the locale ("¥"), for a field label. */
export function currencySymbol(currency: string, locale: Locale): string {
  const part = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
    .formatToParts(0)
    .find((p) => p.type === 'currency');
  return part?.value ?? currency;
}

/** A stored time (ISO) as a date and time of the locale. */
export function when(iso: string, locale: Locale): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A ratio as a percentage of the locale ("100.0%"). */
export function percentOf(ratio: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(ratio);
}

/** The kinds a comp plan's component can be (an adjustment line is a correction, not a component). */
const COMPONENT_TYPES = new Set(fixedLists.componentTypes.map((t) => t.value));

/**
 * A line's name in the user's words, as the rest of the product names a component (the core's
 * componentLabel: its kind, with its metric where that is not revenue), never the plan's component id.
 */
export function lineLabel(line: { type: string; metric?: string }, tr: Translate, locale: Locale): string {
  if (line.type === 'adjustment') return tr('component.adjustment');
  if (!COMPONENT_TYPES.has(line.type)) return tr('component.other');
  return componentLabel(line as Component, locale);
}

/** A line's Explain: the core's trace as steps in the user's language; an adjustment by its question. */
export function explainLine(line: StatementLine, tr: Translate, locale: Locale, currency: string): string[] {
  if (line.type === 'adjustment') {
    // The trace names the corrected line by period and component, and by type and metric for its name.
    const value = (step: string) => String(line.trace.find((s) => s.step === step)?.value ?? '');
    const [period] = value('corrects').split(' ');
    const [type, metric] = value('corrects.line').split(' ');
    const amount = money(line.amount, currency, locale);
    return period && type
      ? [
          tr('statement.adjustment.explain', {
            month: monthName(period, locale),
            line: lineLabel({ type, ...(metric ? { metric } : {}) }, tr, locale),
            amount,
          }),
        ]
      : [tr('statement.adjustment.explainAny', { amount })];
  }
  // The rounding rule by its name in the language, not the plan's word for it.
  return explainTrace(line.trace, tr).map((s) =>
    s.replace(/\bhalf-(up|even)\b/g, (m) => tr(`rounding.${m}` as UiKey)),
  );
}

/** What became of a question, in a sentence for the person who asked. */
export function questionStatus(q: Question, tr: Translate, locale: Locale): string {
  const a = q.answer;
  if (!a) return tr('statement.question.open', { when: when(q.askedAt, locale), comment: q.comment });
  const base = { by: a.answeredByName, when: when(a.answeredAt, locale), comment: a.comment };
  if (a.decision === 'declined') return tr('statement.question.declined', base);
  const params = {
    ...base,
    amount: money(a.amount ?? '0', q.currency, locale),
    month: a.adjustmentPeriod ? monthName(a.adjustmentPeriod, locale) : '',
  };
  return tr(a.comment ? 'statement.question.accepted' : 'statement.question.acceptedNoComment', params);
}

/** The current calendar month, `YYYY-MM`, as the statement's first ask. */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}
