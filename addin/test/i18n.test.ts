// The shell's string catalog: both languages carry the same keys and the same placeholders.
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { zhCN } from '../src/i18n/zh-CN';
import { pickLocale, t } from '../src/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('en and zh-CN have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('every zh-CN string uses the same placeholders as its English original and is not left untranslated', () => {
    for (const [key, text] of Object.entries(en)) {
      const zh = zhCN[key as keyof typeof en];
      expect(placeholders(zh), key).toEqual(placeholders(text));
      expect(zh.trim().length, key).toBeGreaterThan(0);
    }
    expect(zhCN['nav.plan']).toBe('计划');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'page.plan.metricsDone', { count: 27, sheet: 'Metrics' })).toBe(
      'Wrote 27 metrics to the sheet Metrics.',
    );
    expect(t('zh-CN', 'page.plan.metricsDone', { count: 27, sheet: 'Metrics' })).toBe(
      '已将 27 项指标写入工作表 Metrics。',
    );
    expect(t('en', 'signIn.signedInAs')).toBe('Signed in as {name}');
  });

  it('maps every Chinese language tag to zh-CN and anything else to English', () => {
    expect(pickLocale('zh-CN')).toBe('zh-CN');
    expect(pickLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(pickLocale('ZH-tw')).toBe('zh-CN');
    expect(pickLocale('en-GB')).toBe('en');
    expect(pickLocale('de-DE')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
    expect(pickLocale('zu')).toBe('en'); // Zulu starts with z but is not Chinese
  });
});
