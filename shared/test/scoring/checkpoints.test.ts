import { describe, expect, it } from 'vitest';
import type { Person } from '../../src/schemas';
import { addMonthsToDate, checkpointsDue, newHireCheckpoints } from '../../src/scoring/index';

const hire = (id: string, hireDate?: string, exitDate?: string): Person => ({
  id,
  unitId: 'u',
  role: 'rep',
  hireDate,
  exitDate,
});

describe('new-hire checkpoints at months 3, 6 and 12', () => {
  it('dates them from the hire date, keeping the day or taking the month end', () => {
    expect(addMonthsToDate('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonthsToDate('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsToDate('2026-03-15', -13)).toBe('2025-02-15');
    const result = newHireCheckpoints(hire('a', '2026-01-31'), '2026-07');
    expect(result.checkpoints).toEqual([
      { month: 3, date: '2026-04-30', due: false, reached: true },
      { month: 6, date: '2026-07-31', due: true, reached: true },
      { month: 12, date: '2027-01-31', due: false, reached: false },
    ]);
  });

  it('lists whom to assess in a quarter, skipping leavers and people without a hire date', () => {
    const people = [
      hire('a', '2025-10-05'), // 3 months: 2026-01-05; 6 months: 2026-04-05
      hire('b', '2025-04-20'), // 12 months: 2026-04-20
      hire('c', '2026-01-10', '2026-03-31'), // 3 months 2026-04-10, after leaving
      hire('d'),
    ];
    expect(checkpointsDue(people, '2026-Q2')).toEqual([
      { personId: 'a', month: 6, date: '2026-04-05' },
      { personId: 'b', month: 12, date: '2026-04-20' },
    ]);
    expect(newHireCheckpoints(hire('d'), '2026-Q2').checkpoints).toEqual([]);
  });
});
