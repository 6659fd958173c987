// The History diff sheet in the user's words: owners by name, metrics by their labels, the plan's
// sheets and goal fields by their names in the language on show; units chosen by name, parents first.
import { demoOrg } from '@teamsheet/shared/demo';
import { describe, expect, it } from 'vitest';
import { diffLabels, diffRows, diffSheetNames } from '../src/features/plan/history';
import type { PlanChange } from '../src/features/plan/planSheets';
import { unitChoices } from '../src/features/org/org';

const org = demoOrg();
const rep = org.people.find((p) => p.id === 'rep-001')!;
const changes: PlanChange[] = [
  {
    sheet: 'Targets',
    key: { owner: 'rep-001', metric: 'new_customers', period: '2026-03' },
    field: 'value',
    before: 4,
    after: 6,
    kind: 'changed',
  },
  { sheet: 'Goals', key: { id: 'G1' }, field: 'metric', before: null, after: 'revenue', kind: 'added' },
];

describe('the diff sheet of two versions', () => {
  it('names people, metrics, sheets and goal fields in English', () => {
    expect(diffRows(changes, diffLabels(org, 'en'), (k) => k)).toEqual([
      ['Targets', rep.name, 'New customers', '2026-03', 4, 6, 'changed'],
      ['Goals', 'G1', 'Metric', null, null, 'Revenue', 'added'],
    ]);
  });

  it('and in Chinese, the sheet itself named in Chinese', () => {
    const rows = diffRows(changes, diffLabels(org, 'zh-CN'), (k) => k);
    expect(rows[0]!.slice(0, 3)).toEqual(['目标', rep.name, '新客户数']);
    expect(rows[1]!.slice(0, 3)).toEqual(['目标OGSM', 'G1', '指标']);
    expect(rows[1]![5]).toBe('销售额');
    expect(diffSheetNames(1, 2)).toEqual({ en: 'Diff v1→v2', 'zh-CN': '差异 v1→v2' });
  });

  it('offers the units in scope by name, each region before its teams', () => {
    const choices = unitChoices(org);
    const east = choices.findIndex((u) => u.id === 'east');
    const shanghai = choices.findIndex((u) => u.id === 'east-shanghai');
    expect(east).toBeGreaterThanOrEqual(0);
    expect(shanghai).toBeGreaterThan(east);
    expect(choices[shanghai]!.depth).toBe(choices[east]!.depth + 1);
    expect(choices[shanghai]!.name).toBe(org.units.find((u) => u.id === 'east-shanghai')!.name);
  });
});
