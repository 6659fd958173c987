import { describe, expect, it } from 'vitest';
import { finding, parseWith, transaction } from '../src/schemas';
import {
  formatParam,
  locales,
  makeFinding,
  messageCatalogs,
  paramKind,
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

  it('groups numbers in the locale, without float noise, and writes versions and periods as they are', () => {
    expect(translate('en', 'http.body-too-large', { size: 5242881, limit: 5242880 })).toBe(
      'The request body is 5,242,881 bytes; the limit is 5,242,880 bytes. Send less data per request.',
    );
    expect(translate('zh-CN', 'http.precondition-failed', { expected: 1002, actual: 1003 })).toBe(
      '您的修改基于版本 1002，但当前版本为 1003。请加载版本 1003 后重新提交。',
    );
    expect(formatParam(0.1 + 0.2)).toBe('0.3');
    expect(formatParam(-1234567.5, 'zh-CN')).toBe('-1,234,567.5');
    expect(formatParam(2026, 'en', 'as-written')).toBe('2026');
    expect(formatParam('1234567', 'en')).toBe('1234567'); // text (an id, what a user typed) as it is
    expect(formatParam('1234567.5', 'en', 'money')).toBe('1,234,567.50');
    expect(formatParam(12, 'zh-CN', 'money')).toBe('12.00');
    expect(formatParam('0.999999', 'en', 'ratio')).toBe('99.9999%');
    expect(formatParam(1.2, 'zh-CN', 'ratio')).toBe('120%');
    expect(formatParam(true)).toBe('true');
    expect(formatParam(null)).toBe('');
  });

  it('knows which params of a rule are money, ratios or ids', () => {
    expect(paramKind('payout.draw-balance-positive', 'amount')).toBe('money');
    expect(paramKind('payout.shares-not-one', 'sum')).toBe('ratio');
    expect(paramKind('relevant.children-do-not-sum.months', 'sum')).toBeUndefined();
    expect(paramKind('import.duplicate-row', 'row')).toBe('as-written');
    expect(
      translate('en', 'import.duplicate-row', { row: 1204, owner: 'a', metric: 'm', firstRow: 1001 }),
    ).toBe('Row 1204: a × m already appears in row 1001; only the first row was used.');
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

  it('includes the five capabilities, the formula lookups and the fields of requests', () => {
    expect(names.sort()).toEqual([
      'common',
      'consolidation',
      'fields',
      'lookups',
      'payout',
      'planning',
      'scoring',
    ]);
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

describe('a request field refused in the caller’s language', () => {
  const bad = {
    id: '',
    date: '2026-03-03',
    amount: 'ten',
    credits: [],
    isNewCustomer: 'yes',
    adjusts: { period: 'March', transactionId: 't0' },
  };
  it('gives the same paths in both languages, zod’s checks and the schemas’ own rules in Chinese', () => {
    const en = parseWith(transaction, bad, 'en');
    const zh = parseWith(transaction, bad, 'zh-CN');
    if (en.ok || zh.ok) throw new Error('expected both refused');
    expect(zh.errors.map((e) => e.path)).toEqual(en.errors.map((e) => e.path));
    const zhBy = Object.fromEntries(zh.errors.map((e) => [e.path, e.message]));
    expect(zhBy).toEqual({
      id: '文本长度应至少 1 个字符',
      amount: '无效输入：应为数字，实际为文本',
      credits: '应至少有 1 项',
      isNewCustomer: '无效输入：应为布尔值（true 或 false），实际为文本',
      'adjusts.period': '应为期间编号，如 2026、2026-Q1 或 2026-03',
    });
    expect(Object.fromEntries(en.errors.map((e) => [e.path, e.message]))['adjusts.period']).toBe(
      'expected a period id such as 2026, 2026-Q1 or 2026-03',
    );
  });
});
