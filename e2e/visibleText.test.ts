// The checker of what a user can read (support/visibleText.ts): it finds raw ids and, in zh-CN, Latin
// words, and lets names, codes and the allow-list through — so a journey test that passes it means it.
import { describe, expect, it } from 'vitest';
import { findOffences } from './support/visibleText';

const found = (text: string, locale: 'en' | 'zh-CN', ids?: string[]) =>
  findOffences([{ where: 'pane', text }], { locale, ids }).map((o) => `${o.kind}:${o.found}`);

describe('what a user should never read', () => {
  it('finds the raw ids of people, teams and metrics in either language', () => {
    expect(found('Owner rep-001 on east-shanghai: new_customers', 'en')).toEqual([
      'raw-id:rep-001',
      'raw-id:east-shanghai',
      'raw-id:new_customers',
    ]);
    expect(found('负责人 mgr-east-shanghai', 'zh-CN')).toEqual(['raw-id:mgr-east-shanghai']);
  });

  it('reads ids that are English words as raw ids only in zh-CN', () => {
    expect(found('Revenue of the east region, revenue and commission', 'en')).toEqual([]);
    expect(found('指标 revenue，组成 commission', 'zh-CN')).toEqual(['raw-id:revenue', 'raw-id:commission']);
  });

  it('finds Latin words in zh-CN, but not names, codes, numbers or the allow-list', () => {
    expect(found('上海团队 Shanghai 的 Excel 表 B1:C9，2026-03，v2，CSV 与 xlsx', 'zh-CN')).toEqual([]);
    expect(found('B1:C9 的bar图，舍入（half-up）', 'zh-CN')).toEqual(['latin:bar', 'latin:half', 'latin:up']);
    expect(found('Version (ETag)', 'zh-CN')).toEqual(['latin:Version', 'latin:ETag']);
    // A record's code (a deal, a customer) is read as it is; a hyphenated word is not a code.
    expect(found('成交 tx-2026-000264，客户 cust-004-002', 'zh-CN')).toEqual([]);
    expect(found('按 new-customers 计', 'zh-CN')).toEqual(['latin:new', 'latin:customers']);
  });

  it('takes the ids a test adds, whole tokens only', () => {
    expect(found('Component sales-commission, not sales-commission-2x', 'en', ['sales-commission'])).toEqual([
      'raw-id:sales-commission',
    ]);
  });
});
