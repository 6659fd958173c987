// Sheets named in the user's language and found again by their names in every language (the stable
// key): re-writing in zh-CN renames the English sheet instead of leaving a second copy; notices are
// put into words when drawn, so they follow a language switch.
import { describe, expect, it } from 'vitest';
import { findSheet, placeSheet } from '../src/features/common/localSheets';
import { findingInWords } from '@teamsheet/shared';
import { noticeText } from '../src/features/common/notice';
import { translator } from '../src/i18n';
import { createPreviewWorkbook } from '../src/office';

const names = { en: 'Scores', 'zh-CN': '成绩' };

describe('a sheet found by its key', () => {
  it('renames the English sheet when it is written in Chinese, keeping its cells', async () => {
    const wb = createPreviewWorkbook([]);
    await wb.writeRange(await placeSheet(wb, names, 'en'), 'A1', [['kept']]);
    expect(await wb.listSheets()).toEqual(['Scores']);
    const zh = await placeSheet(wb, names, 'zh-CN');
    expect(zh).toBe('成绩');
    expect(await wb.listSheets()).toEqual(['成绩']);
    expect(await wb.readRange('成绩', 'A1')).toEqual([['kept']]);
    expect(await findSheet(wb, names, 'en')).toBe('成绩');
  });

  it('finds nothing before the first write, and leaves an existing sheet of the wanted name alone', async () => {
    const wb = createPreviewWorkbook(['成绩', 'Scores']);
    expect(await findSheet(createPreviewWorkbook([]), names, 'en')).toBeNull();
    expect(await placeSheet(wb, names, 'zh-CN')).toBe('成绩');
    expect(await wb.listSheets()).toEqual(['成绩', 'Scores']);
  });
});

describe('a notice kept as a key and params', () => {
  const notice = { key: 'consolidate.upToDate' as const, params: { time: { date: '2026-11-25T09:05:00Z' } } };
  it('reads in the language it is drawn in, the time in that locale', () => {
    const en = noticeText(notice, translator('en'), 'en');
    const zh = noticeText(notice, translator('zh-CN'), 'zh-CN');
    expect(en).toMatch(/^Up to date: nothing changed since the pull at Nov 25, 2026/);
    expect(zh).toMatch(/^已是最新：自 2026年11月25日 \d\d:05 拉取以来没有变化。$/);
    expect(zh).not.toContain('T09');
  });

  it('writes a finding of a notice by the core, with the notice’s names and grouped numbers', () => {
    const f = {
      rule: 'consolidation.not-submitted',
      severity: 'warning' as const,
      path: 'units[0]',
      message: 'written by the server in English',
      params: {
        unitName: '上海组',
        unitId: 'east-shanghai',
        period: '2026',
        managerName: '李娜',
        managerId: 'mgr-01',
      },
    };
    const names = { 'east-shanghai': '上海组', 'mgr-01': '李娜' };
    expect(findingInWords(f, { locale: 'zh-CN', people: names, units: names }).message).toBe(
      '单位 上海组（east-shanghai）尚未提交 2026 的计划；负责人：李娜（mgr-01）。',
    );
    const gap = {
      ...f,
      rule: 'import.negative-value',
      params: { cell: 'C12', column: '目标', value: -12500 },
    };
    expect(findingInWords(gap, { locale: 'en', people: names }).message).toBe(
      'Cell C12 (目标) is -12,500; it cannot be negative.',
    );
    expect(findingInWords({ ...f, rule: 'no.such.rule' }, { locale: 'zh-CN' }).message).toBe(
      'written by the server in English',
    );
  });
});
