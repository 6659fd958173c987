// The server's one catalog: every part says each thing in both languages with the same placeholders,
// no key is defined by two parts, and a refusal renders in the caller's language with its code.
import { describe, expect, it } from 'vitest';
import { serverCatalogParts, serverText } from '../src/messages';
import { refusal } from '../src/refusal';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the server catalog', () => {
  for (const [name, part] of Object.entries(serverCatalogParts)) {
    const catalog = part as { en: Record<string, string>; 'zh-CN': Record<string, string> };
    it(`part ${name}: every key in en and zh-CN, with the same placeholders`, () => {
      expect(Object.keys(catalog['zh-CN']).sort()).toEqual(Object.keys(catalog.en).sort());
      for (const [key, en] of Object.entries(catalog.en)) {
        const zh = catalog['zh-CN'][key]!;
        expect(zh, key).not.toBe('');
        expect(placeholders(zh), key).toEqual(placeholders(en));
      }
    });
  }

  it('has no key in two parts', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, part] of Object.entries(serverCatalogParts))
      for (const key of Object.keys((part as { en: Record<string, string> }).en)) {
        if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${name}`);
        seen.set(key, name);
      }
    expect(twice).toEqual([]);
  });

  it('fills placeholders in either language and keeps an unknown one visible', () => {
    expect(serverText('en', 'plan.unit-unknown', { unitId: 'team-9' })).toContain('team-9');
    expect(serverText('zh-CN', 'plan.unit-unknown', { unitId: 'team-9' })).toBe(
      '现行组织架构中没有单位 team-9。',
    );
    expect(serverText('en', 'plan.unit-unknown')).toContain('{unitId}');
  });

  it('a refusal carries its kind, status and code', () => {
    const r = refusal('stale', 'org.stale', { base: 1, current: 2 });
    expect([r.kind, r.status, r.code]).toEqual(['stale', 412, 'org.stale']);
    expect(r.message).toContain('2');
  });
});
