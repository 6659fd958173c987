// Messages in the users' languages (en, zh-CN): each capability keeps its own catalog keyed by rule id;
// this module merges them and turns a rule and its numbers into a Finding a person can read.
import type { Finding, Severity } from '../schemas';
import { commonMessages } from './common';
import { consolidationMessages } from './consolidation';
import { fieldMessages } from './fields';
import { lookupMessages } from './lookups';
import { formatParam, paramKind } from './numbers';
import { payoutMessages } from './payout';
import { planningMessages } from './planning';
import { scoringMessages } from './scoring';

export type Locale = 'en' | 'zh-CN';
export const locales: readonly Locale[] = ['en', 'zh-CN'];
export type MessageCatalog = Record<Locale, Record<string, string>>;
export type MessageParams = Record<string, string | number | boolean | null>;
export { formatParam, paramKind, type ParamKind } from './numbers';

/** Every capability's catalog by name, so tests can check each one is complete in both languages. */
export const messageCatalogs: Readonly<Record<string, MessageCatalog>> = {
  common: commonMessages,
  planning: planningMessages,
  payout: payoutMessages,
  scoring: scoringMessages,
  consolidation: consolidationMessages,
  fields: fieldMessages,
  lookups: lookupMessages,
};

function merge(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const catalog of Object.values(messageCatalogs)) Object.assign(out, catalog[locale]);
  return out;
}
const merged: Record<Locale, Record<string, string>> = { en: merge('en'), 'zh-CN': merge('zh-CN') };

/**
 * The supported locale closest to a language tag or an Accept-Language header: any Chinese tag
 * (zh, zh-CN, zh-Hans, zh-TW…) → zh-CN, because zh-CN is our only Chinese catalog; anything else → en.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  const first = (tag ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first === 'zh' || first.startsWith('zh-') ? 'zh-CN' : 'en';
}

/**
 * The message of `key` in `locale` with its `{name}` placeholders filled from `params`. A key missing
 * in zh-CN falls back to English; a key missing everywhere comes back as the key itself, so a
 * forgotten message is visible but never breaks a response. Unknown placeholders stay as written.
 * Numbers are written in the locale (formatParam): 1,100,000; 2026 as a period stays 2026.
 */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const template = merged[locale]?.[key] ?? merged.en[key];
  if (template === undefined) return key;
  return fill(template, locale, key, params);
}

/** Whether the core's catalogs word `key` (a rule id or a rule's own wording). */
export const hasMessage = (key: string): boolean => merged.en[key] !== undefined;

/** Fills `{name}` placeholders; the one interpolation of every catalog (the core's and an app's own). */
function fill(
  template: string,
  locale: Locale,
  key: string,
  params?: Readonly<Record<string, unknown>>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && Object.hasOwn(params, name) && params[name] !== undefined
      ? formatParam(params[name] as MessageParams[string], locale, paramKind(key, name))
      : whole,
  );
}

/**
 * The message of `key` from an application's own catalog (the server's refusals, say), filled as
 * `translate` fills the core's: zh-CN falls back to English, and a key the catalog lacks is looked up
 * in the core's catalogs (rule ids of findings), so one call renders either.
 */
export function translateIn(
  catalog: MessageCatalog,
  locale: Locale,
  key: string,
  params?: Readonly<Record<string, unknown>>,
): string {
  const template = catalog[locale][key] ?? catalog.en[key];
  if (template === undefined) return translate(locale, key, params as MessageParams | undefined);
  return fill(template, locale, key, params);
}

/** A finding of the contract: rule id, severity, the field path, and the message with its numbers. */
export function makeFinding(
  rule: string,
  severity: Severity,
  path: string,
  params: MessageParams = {},
  locale: Locale = 'en',
): Finding {
  return { rule, severity, path, message: translate(locale, rule, params), params };
}
