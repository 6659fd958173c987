// What a section says after an action, kept as a message key and its parameters rather than as text,
// and put into words when drawn: a notice shown in English reads Chinese after a language switch.
// Dates are kept as ISO text and written in the user's locale; findings by their rule and params.
import type { Finding, Locale } from '@teamsheet/shared';

/** A parameter of a notice: plain text or a number, or a moment written in the reader's locale. */
export type NoticeParam = string | number | { date: string };

export interface Notice<Key extends string = string> {
  intent: 'success' | 'info' | 'warning' | 'error';
  key: Key;
  params?: Record<string, NoticeParam>;
  /** Findings listed under the text, each worded by the core (findingInWords) in the reader's language. */
  findings?: readonly Finding[];
  /** Names of the people and units a finding's params may hold by id (id → name). */
  names?: Readonly<Record<string, string>>;
  /** Lines listed under the text (names, not ids), each a key and params like the notice itself. */
  lines?: readonly { key: Key; params?: Record<string, NoticeParam> }[];
}

/** A date and time in the reader's locale (2026/12/6 20:41 in zh-CN, 12/6/2026, 8:41 PM in en). */
export const localTime = (iso: string, locale: Locale) =>
  Number.isNaN(Date.parse(iso))
    ? iso
    : new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

const paramsIn = (params: Notice['params'], locale: Locale) =>
  Object.fromEntries(
    Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? localTime(v.date, locale) : v]),
  );

/** The notice's text in `locale`, with `tr` the section's catalog. */
export function noticeText<Key extends string>(
  notice: { key: Key; params?: Notice['params'] },
  tr: (key: Key, params?: Record<string, string | number>) => string,
  locale: Locale,
): string {
  return tr(notice.key, paramsIn(notice.params, locale));
}

/** A failure of an action, kept as it came (not as text) so it is worded in the language on show. */
export interface Failure {
  error: unknown;
  source: 'api' | 'workbook';
}
