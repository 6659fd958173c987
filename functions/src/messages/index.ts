// The server's one message catalog, in both languages of the product: what the API says when it
// refuses a request. Each area keeps its part in a file of this folder; a key is also the `code` of the
// problem answer, so a client can tell refusals apart without reading the text. Rendering is the
// core's (`translateIn`): one interpolation for every message, and the core's own catalogs (rule ids
// of findings) answer keys the server's lacks.
import { translateIn, type Locale, type MessageCatalog } from '@teamsheet/shared';
import { authMessages } from './auth';
import { compPlansMessages } from './compPlans';
import { httpMessages } from './http';
import { payoutsMessages } from './payouts';
import { plansMessages } from './plans';
import { readsMessages } from './reads';
import { statementsMessages } from './statements';
import { xlsxMessages } from './xlsx';

/** Every part by name, so a test can check each is complete in both languages and no key is in two. */
export const serverCatalogParts = {
  http: httpMessages,
  auth: authMessages,
  plans: plansMessages,
  payouts: payoutsMessages,
  reads: readsMessages,
  xlsx: xlsxMessages,
  statements: statementsMessages,
  compPlans: compPlansMessages,
} as const;

type Parts = typeof serverCatalogParts;
export type ServerMessageKey = { [P in keyof Parts]: keyof Parts[P]['en'] }[keyof Parts];
export type MessageParams = Readonly<Record<string, string | number | boolean | null | undefined>>;

function merged(): MessageCatalog {
  const out: MessageCatalog = { en: {}, 'zh-CN': {} };
  for (const part of Object.values(serverCatalogParts) as MessageCatalog[])
    for (const locale of ['en', 'zh-CN'] as const) Object.assign(out[locale], part[locale]);
  return out;
}
const serverCatalog = merged();

/** A message of the server's catalog in `locale`, its `{name}` placeholders filled from `params`. */
export function serverText(locale: Locale, key: ServerMessageKey, params: MessageParams = {}): string {
  return translateIn(serverCatalog, locale, key, params);
}

/**
 * Any key, the server's or the core's (a stored refusal's code, a finding's rule id); a key missing
 * everywhere comes back as itself, so nothing is silently blank.
 */
export function messageText(locale: Locale, key: string, params: MessageParams = {}): string {
  return translateIn(serverCatalog, locale, key, params);
}
