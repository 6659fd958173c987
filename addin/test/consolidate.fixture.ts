// A region small enough to check by hand, shared by the Consolidate tests.
import type { ConsolidateInput, Target } from '@teamsheet/shared';

const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const monthly = (owner: string, value: number, metric = 'revenue'): Target[] =>
  months.map((period) => ({ owner, metric, period, value }));

/**
 * Region R: team T1 (target 100 a month; reps a1 60 and a2 40: covered 100 %), team T2 (100 a month;
 * rep b1 45: 45 %, on the old template 2025.1), team T3 has not submitted. R's target: 250 a month.
 */
export function smallRegion(overrides: { t1Rep?: number } = {}): ConsolidateInput {
  return {
    unitId: 'R',
    period: '2026',
    org: {
      units: [
        { id: 'R', name: 'Region', kind: 'region', parentId: null, managerId: 'h' },
        { id: 'T1', name: 'Team One', kind: 'team', parentId: 'R', managerId: 'm1' },
        { id: 'T2', name: 'Team Two', kind: 'team', parentId: 'R', managerId: 'm2' },
        { id: 'T3', name: 'Team Three', kind: 'team', parentId: 'R', managerId: 'm3' },
      ],
      people: [
        { id: 'h', name: 'Hu Head', unitId: 'R', role: 'regional_head' },
        { id: 'm1', name: 'Ma One', unitId: 'T1', role: 'manager' },
        { id: 'm2', name: 'Ma Two', unitId: 'T2', role: 'manager' },
        { id: 'm3', name: 'Ma Three', unitId: 'T3', role: 'manager' },
        { id: 'a1', name: 'Ann', unitId: 'T1', role: 'rep' },
        { id: 'a2', name: 'Al', unitId: 'T1', role: 'rep' },
        { id: 'b1', name: 'Bo', unitId: 'T2', role: 'rep' },
      ],
    },
    plans: [
      {
        plan: {
          unitId: 'T1',
          period: '2026',
          templateVersion: '2026.1',
          targets: [...monthly('T1', 100), ...monthly('a1', overrides.t1Rep ?? 60), ...monthly('a2', 40)],
        },
        version: 2,
        status: 'submitted',
      },
      {
        plan: {
          unitId: 'T2',
          period: '2026',
          templateVersion: '2025.1',
          targets: [...monthly('T2', 100), ...monthly('b1', 45)],
        },
        version: 1,
        status: 'approved',
      },
    ],
    unitTargets: monthly('R', 250),
    currentTemplateVersion: '2026.1',
  };
}
