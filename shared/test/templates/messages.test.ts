import { describe, expect, it } from 'vitest';
import { consolidate } from '../../src/consolidation/index';
import type { Finding } from '../../src/schemas';
import {
  compPlanRowsToCompPlan,
  goalRowsToGoals,
  scorecardRowsToScorecard,
  targetRowsToPlan,
  TEMPLATE_VERSION,
} from '../../src/templates/index';

function findingsIn(locale: 'en' | 'zh-CN'): Finding[] {
  return [
    ...targetRowsToPlan(
      {
        unitId: 'T1',
        period: '2026',
        templateVersion: '2025.1',
        headers: ['Owner', 'Metric', 'Jan', 'Notes', 'Jan'],
        rows: [
          ['=1+1', 'revenue', '12'],
          ['T1', 'revenue', 3],
          ['T1', 'revenue', 4],
        ],
      },
      locale,
    ).findings,
    ...goalRowsToGoals(
      {
        headers: ['Id', 'Owner', 'Objective', 'Deadline'],
        rows: [
          ['G1', 'R', null, 60],
          ['G2', 'R', 'x', 'soon'],
        ],
      },
      locale,
    ).findings,
    ...scorecardRowsToScorecard(
      {
        headers: ['Item', 'Metric', 'Weight', 'Curve', 'Direction'],
        rows: [
          ['k', 'revenue', -1],
          ['k2', 'revenue', 5, 'bands', 'up'],
        ],
      },
      locale,
    ).findings,
    ...compPlanRowsToCompPlan(
      {
        components: {
          headers: ['Id', 'Type', 'Metric', 'Rate', 'Multipliers', 'Gate metric'],
          rows: [
            ['a', 'x'],
            ['b', 'commission', 'revenue'],
            ['c', 'override', null, -1, null, 'visits'],
            ['d', 'bonus', null, null, 'S=1.5; A'],
            ['e', 'commission', 'revenue', null],
          ],
        },
        tiers: {
          headers: ['Component', 'From', 'To', 'Rate'],
          rows: [
            ['e', 0, 1, 0.1],
            ['e', 0.5, 0.4, 0.1],
            ['e', 2, null, 0.1],
            ['z', 0, null, 0],
          ],
        },
        id: 'p',
        name: 'p',
        currency: 'CNY',
      },
      locale,
    ).findings,
    ...consolidate({
      unitId: 'R',
      period: '2026',
      org: {
        units: [
          { id: 'R', name: 'R', kind: 'region' },
          { id: 'T', name: 'T', kind: 'team', parentId: 'R' },
        ],
        people: [],
      },
      plans: [],
      currentTemplateVersion: TEMPLATE_VERSION,
      locale,
    }).findings,
  ];
}

describe('import and consolidation messages', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`fill every placeholder with the numbers involved (${locale})`, () => {
      const findings = findingsIn(locale);
      expect(new Set(findings.map((f) => f.rule)).size).toBeGreaterThanOrEqual(18);
      for (const f of findings) {
        expect(f.message, f.rule).not.toMatch(/\{\w+\}/);
        expect(f.message, f.rule).not.toBe(f.rule);
      }
    });
  }
});
