import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffPlans } from '../../src/planning';
import type { Goal, Target } from '../../src/schemas';

const t = (owner: string, metric: string, period: string, value: number): Target => ({
  owner,
  metric,
  period,
  value,
});

describe('diffPlans', () => {
  it('lists a changed month, an added month and a removed month as one cell each', () => {
    const v1 = {
      targets: [
        t('rep-1', 'revenue', '2026-01', 100),
        t('rep-1', 'revenue', '2026-02', 200),
        t('rep-2', 'visits', '2026-01', 30),
      ],
    };
    const v2 = {
      targets: [
        t('rep-1', 'revenue', '2026-01', 120),
        t('rep-1', 'revenue', '2026-03', 50),
        t('rep-2', 'visits', '2026-01', 30),
      ],
    };
    expect(diffPlans(v1, v2)).toEqual([
      {
        sheet: 'Targets',
        key: { owner: 'rep-1', metric: 'revenue', period: '2026-01' },
        field: 'value',
        before: 100,
        after: 120,
        kind: 'changed',
      },
      {
        sheet: 'Targets',
        key: { owner: 'rep-1', metric: 'revenue', period: '2026-02' },
        field: 'value',
        before: 200,
        after: null,
        kind: 'removed',
      },
      {
        sheet: 'Targets',
        key: { owner: 'rep-1', metric: 'revenue', period: '2026-03' },
        field: 'value',
        before: null,
        after: 50,
        kind: 'added',
      },
    ]);
  });

  it('compares goals field by field by id: an edited objective, a cleared deadline, a new goal', () => {
    const g1: Goal = {
      id: 'G1',
      owner: 'east',
      objective: 'Revenue 1,000,000 by December',
      deadline: '2026-12-31',
    };
    const v1 = { targets: [], goals: [g1] };
    const v2 = {
      targets: [],
      goals: [
        { id: 'G2', owner: 'east', objective: 'Visit 40 clients', target: 40 },
        { ...g1, objective: 'Revenue 1,200,000 by December', deadline: undefined },
      ],
    };
    expect(diffPlans(v1, v2)).toEqual([
      {
        sheet: 'Goals',
        key: { id: 'G1' },
        field: 'objective',
        before: 'Revenue 1,000,000 by December',
        after: 'Revenue 1,200,000 by December',
        kind: 'changed',
      },
      {
        sheet: 'Goals',
        key: { id: 'G1' },
        field: 'deadline',
        before: '2026-12-31',
        after: null,
        kind: 'removed',
      },
      { sheet: 'Goals', key: { id: 'G2' }, field: 'owner', before: null, after: 'east', kind: 'added' },
      {
        sheet: 'Goals',
        key: { id: 'G2' },
        field: 'objective',
        before: null,
        after: 'Visit 40 clients',
        kind: 'added',
      },
      { sheet: 'Goals', key: { id: 'G2' }, field: 'target', before: null, after: 40, kind: 'added' },
    ]);
  });

  it('a repeated key is compared occurrence by occurrence, so a duplicated month shows as added', () => {
    const v1 = { targets: [t('a', 'revenue', '2026-01', 10)] };
    const v2 = { targets: [t('a', 'revenue', '2026-01', 10), t('a', 'revenue', '2026-01', 10)] };
    expect(diffPlans(v1, v2)).toEqual([expect.objectContaining({ before: null, after: 10, kind: 'added' })]);
  });

  it('a plan compared with itself, in any row order, has no changes', () => {
    const row = fc.record({
      owner: fc.constantFrom('a', 'b', 'c'),
      metric: fc.constantFrom('revenue', 'visits'),
      period: fc.constantFrom('2026-01', '2026-02', '2026'),
      value: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => `${r.owner}|${r.metric}|${r.period}` }), (rows) => {
        expect(diffPlans({ targets: rows }, { targets: [...rows].reverse() })).toEqual([]);
      }),
    );
  });

  it('the number of target changes is the number of cells that differ', () => {
    const base = Array.from({ length: 12 }, (_, m) =>
      t('rep-1', 'revenue', `2026-${String(m + 1).padStart(2, '0')}`, 100),
    );
    const edited = base.map((r, m) => (m % 4 === 0 ? { ...r, value: r.value + 1 } : r));
    const changes = diffPlans({ targets: base }, { targets: edited });
    expect(changes.map((c) => c.key)).toEqual([
      { owner: 'rep-1', metric: 'revenue', period: '2026-01' },
      { owner: 'rep-1', metric: 'revenue', period: '2026-05' },
      { owner: 'rep-1', metric: 'revenue', period: '2026-09' },
    ]);
    expect(changes.every((c) => c.before === 100 && c.after === 101 && c.kind === 'changed')).toBe(true);
  });
});
