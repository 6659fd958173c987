// The shell's string catalog: pick the language (Office's display language in Excel, the browser's in
// preview) and fill `{name}` placeholders.
import { translateIn } from '@teamsheet/shared';
import { en as shellEn } from './en';
import { zhCN as shellZhCN } from './zh-CN';
import { planStrings } from './plan';
import { consolidateStrings } from './consolidate';
import { payoutsStrings } from './payouts';
import { reviewStrings } from './review';
import { signInStrings } from './signIn';
import { statementStrings } from './statement';

// Per-feature catalogs (same shape as en.ts / zh-CN.ts) merge here: one import and one spread each.
const en = {
  ...shellEn,
  ...planStrings.en,
  ...consolidateStrings.en,
  ...payoutsStrings.en,
  ...reviewStrings.en,
  ...signInStrings.en,
  ...statementStrings.en,
};
const zhCN = {
  ...shellZhCN,
  ...planStrings['zh-CN'],
  ...consolidateStrings['zh-CN'],
  ...payoutsStrings['zh-CN'],
  ...reviewStrings['zh-CN'],
  ...signInStrings['zh-CN'],
  ...statementStrings['zh-CN'],
};

export type Locale = 'en' | 'zh-CN';
export type UiKey = keyof typeof en;
export type UiParams = Record<string, string | number>;

export const uiStrings: Record<Locale, Record<UiKey, string>> = { en, 'zh-CN': zhCN };
export const locales: readonly Locale[] = ['en', 'zh-CN'];
export const localeNames: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** Any Chinese tag (zh, zh-CN, zh-Hans-CN, zh-TW…) maps to zh-CN, the only Chinese catalog; everything else to English. */
export function pickLocale(tag: string | null | undefined): Locale {
  return tag && /^zh\b/i.test(tag.trim()) ? 'zh-CN' : 'en';
}

export function t(locale: Locale, key: UiKey, params: UiParams = {}): string {
  return translateIn(uiStrings, locale, key, params);
}

export type Translate = (key: UiKey, params?: UiParams) => string;
export const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    t(locale, key, params);
