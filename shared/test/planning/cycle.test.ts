// The planning cycle's statuses (docs/rules.md, Planning cycle): not started → draft → submitted →
// approved or rejected; a draft is open until a version is submitted after it; late without a submission.
import { describe, expect, it } from 'vitest';
import { isDraftOpen, isPlanLate, planCycleStatus, planDueDate } from '../../src/planning/cycle';

const approved = { version: 2, decision: 'approve' as const, by: 'head-east', at: '2025-12-01T08:00:00Z' };

describe('where a unit plan stands', () => {
  it('is not started without a version or a draft, and a draft once one is stored', () => {
    expect(planCycleStatus(null, undefined)).toBe('not-started');
    expect(planCycleStatus(null, undefined, { draft: 1, basedOn: null })).toBe('draft');
  });

  it("follows the latest version once one is submitted, whatever drafts there are", () => {
    expect(planCycleStatus(1, undefined, { draft: 3, basedOn: 1 })).toBe('submitted');
    expect(planCycleStatus(2, approved)).toBe('approved');
    // The review of an earlier version says nothing of a later one.
    expect(planCycleStatus(3, approved)).toBe('submitted');
    expect(planCycleStatus(2, { ...approved, decision: 'reject', comment: 'Too low' })).toBe('rejected');
  });

  it('keeps a draft open until a version is submitted after it', () => {
    expect(isDraftOpen(undefined, null)).toBe(false);
    expect(isDraftOpen({ draft: 1, basedOn: null }, null)).toBe(true);
    expect(isDraftOpen({ draft: 1, basedOn: null }, 1)).toBe(false);
    expect(isDraftOpen({ draft: 2, basedOn: 1 }, 1)).toBe(true);
    expect(isDraftOpen({ draft: 2, basedOn: 1 }, 2)).toBe(false);
  });

  it('calls a unit late after its due date while it has only a draft or nothing', () => {
    const due = planDueDate('2026', 2);
    expect(due).toBe('2025-12-12');
    expect(isPlanLate('draft', due, '2025-12-13')).toBe(true);
    expect(isPlanLate('not-started', due, '2025-12-13')).toBe(true);
    expect(isPlanLate('draft', due, '2025-12-12')).toBe(false);
    expect(isPlanLate('submitted', due, '2025-12-13')).toBe(false);
    expect(isPlanLate('rejected', due, '2025-12-13')).toBe(false);
  });
});
