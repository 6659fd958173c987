// Who may do what, without a store: the plan-review scope and four eyes, run approval and period close.
import { describe, expect, it } from 'vitest';
import { mayApproveRun, mayClosePeriod, mayReviewPlan, type PolicyOrg } from '../src/policies';

// company ── region-n (head: h1) ── team-a (manager: m1)
//         └─ region-s (head: h2) ── team-b (manager: m2)
const parents: Record<string, string | null> = {
  company: null,
  'region-n': 'company',
  'region-s': 'company',
  'team-a': 'region-n',
  'team-b': 'region-s',
};
const scope: Record<string, string[]> = {
  h1: ['region-n', 'team-a'],
  h2: ['region-s', 'team-b'],
  m1: ['team-a'],
  m2: ['team-b'],
};
const org: PolicyOrg = {
  unit: (id) => (id in parents ? { parentId: parents[id] } : undefined),
  canSeeUnit: (person, unit) => scope[person]?.includes(unit) ?? false,
};
const head = (personId: string) => ({ personId, roles: ['regional_head' as const] });

describe('mayReviewPlan', () => {
  it('lets the head above a team review it, and nobody else of another region', () => {
    expect(mayReviewPlan({ reviewer: head('h1'), unitId: 'team-a', org })).toEqual({ ok: true });
    expect(mayReviewPlan({ reviewer: head('h2'), unitId: 'team-a', org })).toEqual({
      ok: false,
      reason: 'scope',
    });
  });

  it('does not let a manager approve their own unit: the parent unit is out of their scope', () => {
    const m1 = { personId: 'm1', roles: ['manager' as const] };
    expect(mayReviewPlan({ reviewer: m1, unitId: 'team-a', org })).toEqual({ ok: false, reason: 'scope' });
  });

  it('answers the root, an unknown unit and another region the same way for a non-admin', () => {
    const answers = ['company', 'no-such-unit', 'team-b'].map(
      (unitId) => mayReviewPlan({ reviewer: head('h1'), unitId, org }) as { reason?: string },
    );
    expect(answers.map((a) => a.reason)).toEqual(['scope', 'scope', 'scope']);
  });

  it('lets an administrator review any existing unit, the root included', () => {
    const admin = { personId: 'a1', roles: ['admin' as const] };
    expect(mayReviewPlan({ reviewer: admin, unitId: 'company', org })).toEqual({ ok: true });
    expect(mayReviewPlan({ reviewer: admin, unitId: 'nope', org })).toEqual({
      ok: false,
      reason: 'unknown-unit',
    });
  });

  it('refuses the submitter of the version (four eyes), even in scope', () => {
    expect(mayReviewPlan({ reviewer: head('h1'), unitId: 'team-a', org, submittedBy: 'h1' })).toEqual({
      ok: false,
      reason: 'own-version',
    });
    expect(mayReviewPlan({ reviewer: head('h1'), unitId: 'team-a', org, submittedBy: 'm1' })).toEqual({
      ok: true,
    });
  });

  it('refuses finance and reps by role', () => {
    for (const role of ['finance', 'rep'] as const)
      expect(mayReviewPlan({ reviewer: { personId: 'x', roles: [role] }, unitId: 'team-a', org })).toEqual({
        ok: false,
        reason: 'role',
      });
  });
});

describe('mayApproveRun and mayClosePeriod', () => {
  it('keeps four eyes on a run', () => {
    expect(mayApproveRun({ approver: 'f1', createdBy: 'f1' })).toEqual({ ok: false, reason: 'own-run' });
    expect(mayApproveRun({ approver: 'f2', createdBy: 'f1' })).toEqual({ ok: true });
  });

  it('closes a period only with an approved run', () => {
    expect(mayClosePeriod({ approvedRun: undefined })).toEqual({ ok: false, reason: 'no-approved-run' });
    expect(mayClosePeriod({ approvedRun: { runId: 'r1' } })).toEqual({ ok: true });
  });
});
