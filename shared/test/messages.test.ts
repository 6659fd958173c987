import { describe, expect, it } from 'vitest';
import { finding } from '../src/schemas';
import {
  formatParam,
  locales,
  makeFinding,
  messageCatalogs,
  resolveLocale,
  translate,
} from '../src/messages/index';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe('translate', () => {
  it('fills {name} placeholders in both languages', () => {
    const params = { expected: 3, actual: 4 };
    expect(translate('en', 'http.precondition-failed', params)).toBe(
      'Your changes are based on version 3, but the current version is 4. Reload version 4 and submit again.',
    );
    expect(translate('zh-CN', 'http.precondition-failed', params)).toBe(
      '您的修改基于版本 3，但当前版本为 4。请加载版本 4 后重新提交。',
    );
  });

  it('writes numbers plainly, without grouping, and without float noise', () => {
    expect(translate('en', 'http.body-too-large', { size: 5242881, limit: 5242880 })).toContain(
      '5242881 bytes',
    );
    expect(formatParam(0.1 + 0.2)).toBe('0.3');
    expect(formatParam(-1234567.5)).toBe('-1234567.5');
    expect(formatParam(true)).toBe('true');
    expect(formatParam(null)).toBe('');
  });

  it('returns the key itself for an unknown key and leaves unknown placeholders as written', () => {
    expect(translate('en', 'no.such-key', { a: 1 })).toBe('no.such-key');
    expect(translate('zh-CN', 'no.such-key')).toBe('no.such-key');
    expect(translate('en', 'org.unknown-parent', { unitId: 'T1' })).toBe(
      'Unit "T1" names parent "{parentId}", which is not a unit.',
    );
  });

  it('maps language tags to a supported locale', () => {
    expect(resolveLocale('zh-CN')).toBe('zh-CN');
    expect(resolveLocale('zh-Hans-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('fr')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });
});

describe('makeFinding', () => {
  it('builds a contract finding whose message carries the numbers', () => {
    const f = makeFinding('org.duplicate-id', 'error', 'units[3].id', { id: 'T1', count: 2 }, 'zh-CN');
    expect(f).toEqual({
      rule: 'org.duplicate-id',
      severity: 'error',
      path: 'units[3].id',
      message: '编号 "T1" 出现了 2 次，编号必须唯一。',
      params: { id: 'T1', count: 2 },
    });
    expect(finding.safeParse(f).success).toBe(true);
  });
});

describe('every catalog of every capability', () => {
  const names = Object.keys(messageCatalogs);

  it('includes the five capabilities', () => {
    expect(names.sort()).toEqual(['common', 'consolidation', 'payout', 'planning', 'scoring']);
  });

  for (const name of names) {
    const catalog = messageCatalogs[name]!;
    it(`${name}: every key exists in both languages with the same placeholders`, () => {
      const keys = new Set(locales.flatMap((l) => Object.keys(catalog[l])));
      for (const key of keys) {
        for (const locale of locales) {
          const text = catalog[locale][key];
          expect(text, `${name} ${locale} lacks "${key}"`).toBeTypeOf('string');
          expect(text!.trim().length, `${name} ${locale} "${key}" is empty`).toBeGreaterThan(0);
        }
        expect(placeholders(catalog['zh-CN'][key] ?? ''), `${name} "${key}" placeholders`).toEqual(
          placeholders(catalog.en[key] ?? ''),
        );
      }
    });
  }

  it('no key is defined by two capabilities (one would silently hide the other)', () => {
    const owner = new Map<string, string>();
    for (const name of names) {
      for (const key of Object.keys(messageCatalogs[name]!.en)) {
        expect(owner.get(key), `"${key}" in ${owner.get(key)} and ${name}`).toBeUndefined();
        owner.set(key, name);
      }
    }
  });

  it('zh-CN messages are written in Chinese', () => {
    for (const name of names) {
      for (const [key, text] of Object.entries(messageCatalogs[name]!['zh-CN'])) {
        expect(text, `${name} "${key}"`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('the common catalog holds the HTTP and org messages the Functions use', () => {
    for (const key of [
      'http.bad-json',
      'http.body-too-large',
      'http.unauthorized',
      'http.forbidden',
      'http.not-found',
      'http.conflict',
      'http.precondition-failed',
      'org.duplicate-id',
      'org.unknown-parent',
      'org.unknown-manager',
      'org.cycle',
      'org.unknown-unit',
    ]) {
      for (const locale of locales) expect(translate(locale, key)).not.toBe(key);
    }
  });
});
