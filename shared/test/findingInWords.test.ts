// A finding worded for its reader: people, units and metrics by name in the reader's language, the
// params (ids) unchanged, other findings untouched.
import { describe, expect, it } from 'vitest';
import { findingInWords, makeFinding } from '../src';

const names = { owner: (id: string) => ({ 'east-shanghai': '上海团队 Shanghai', 'rep-001': '王伟' })[id] };

describe('findingInWords', () => {
  it('names the owner and the metric, in either language, and keeps the ids in params', () => {
    const f = makeFinding('measurable.negative-target', 'error', 'targets[0].value', {
      owner: 'rep-001',
      metric: 'visits',
      period: '2026-03',
      value: -5,
    });
    expect(f.message).toContain('rep-001 visits');
    const en = findingInWords(f, 'en', names);
    expect(en.message).toBe(
      '王伟 Visits 2026-03: the target -5 is below zero; a target is an amount to reach, zero or more.',
    );
    expect(en.params).toEqual(f.params);
    expect(findingInWords(f, 'zh-CN', names).message).toMatch(/^王伟 拜访次数 2026-03：目标 -5 小于零/);
  });

  it('leaves an id it has no name for, and a finding without params, as they were', () => {
    const f = makeFinding('specific.owner-unknown', 'error', 'targets[0].owner', {
      owner: 'ghost',
      unitId: 'east-shanghai',
    });
    expect(findingInWords(f, 'en', names).message).toBe(
      'Owner "ghost" is neither unit 上海团队 Shanghai, a unit below it nor one of its people.',
    );
    const bare = { rule: 'x', severity: 'info' as const, path: '', message: 'as is' };
    expect(findingInWords(bare, 'en', names)).toBe(bare);
  });
});

describe('findingInWords on a rule worded per case', () => {
  it('words it again by its own message key, every placeholder filled', async () => {
    const { validatePlan } = await import('../src');
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const { findings } = validatePlan({
      unitId: 'east-shanghai',
      period: '2026',
      templateVersion: '1',
      targets: [
        { owner: 'east-shanghai', metric: 'revenue', period: '2026', value: 1_200_000 },
        ...months.map((period) => ({ owner: 'east-shanghai', metric: 'revenue', period, value: 90_000 })),
      ],
    });
    const sum = findings.find((f) => f.rule === 'relevant.children-do-not-sum')!;
    expect(sum.messageKey).toBe('relevant.children-do-not-sum.months');
    const worded = findingInWords(sum, 'en', names);
    expect(worded.message).toContain('上海团队 Shanghai');
    expect(worded.message).not.toMatch(/\{\w+\}/);
  });
});
