// Comp plans in force (docs/rules.md, Comp plans in force): the version in effect per person, the
// overlap refusal, and a run whose people are under two versions.
import { describe, expect, it } from 'vitest';
import { OrgIndex } from '../../src/org';
import {
  assignCompPlanVersions,
  checkCompPlanVersion,
  computePayoutsByVersion,
  versionInEffect,
  type CompPlanVersion,
  type CompPlanVersionBody,
} from '../../src/payout/compPlanVersions';
import type { CompPlan, Person } from '../../src/schemas';

const org = new OrgIndex({
  units: [
    { id: 'acme', name: 'ACME', kind: 'company' },
    { id: 'east', name: '华东大区', kind: 'region', parentId: 'acme' },
    { id: 'east-shanghai', name: '上海组', kind: 'team', parentId: 'east' },
    { id: 'north', name: '华北大区', kind: 'region', parentId: 'acme' },
    { id: 'north-beijing', name: '北京组', kind: 'team', parentId: 'north' },
  ],
  people: [],
});

const plan = (rate: number): CompPlan => ({
  id: 'sales',
  name: 'Sales',
  currency: 'CNY',
  components: [
    { type: 'commission', id: 'commission', metric: 'revenue', mode: 'marginal', tiers: [{ from: 0, rate }] },
  ],
});
const version = (
  n: number,
  effectiveFrom: string,
  appliesTo: CompPlanVersion['appliesTo'] = {},
  effectiveTo?: string,
  rate = 0.05,
): CompPlanVersion => ({
  version: n,
  plan: plan(rate),
  effectiveFrom,
  appliesTo,
  ...(effectiveTo ? { effectiveTo } : {}),
});
const body = (
  effectiveFrom: string,
  appliesTo: CompPlanVersionBody['appliesTo'] = {},
  effectiveTo?: string,
) =>
  ({
    ...plan(0.06),
    effectiveFrom,
    appliesTo,
    ...(effectiveTo ? { effectiveTo } : {}),
  }) as CompPlanVersionBody;

// The worked example of docs/rules.md: the company plan from January, East's own from April, and
// Shanghai's managers' own from April.
const company = version(1, '2026-01');
const eastFromApril = version(2, '2026-04', { unitIds: ['east'] });
const shanghaiManagers = version(3, '2026-04', { unitIds: ['east-shanghai'], roles: ['manager'] });
const stored = [company, eastFromApril, shanghaiManagers];
const shanghaiRep = { unitId: 'east-shanghai', role: 'rep' } as const;

describe('the version in effect for a person', () => {
  it('is the company plan for everyone before a unit has its own', () => {
    expect(versionInEffect(shanghaiRep, '2026-03', stored, org)?.version).toBe(1);
  });
  it("covers the units below the one it names: East's version pays a Shanghai rep from April", () => {
    expect(versionInEffect(shanghaiRep, '2026-04', stored, org)?.version).toBe(2);
    expect(versionInEffect(shanghaiRep, '2026-12', stored, org)?.version).toBe(2);
  });
  it('prefers the nearest unit, then the one naming the role', () => {
    expect(
      versionInEffect({ unitId: 'east-shanghai', role: 'manager' }, '2026-04', stored, org)?.version,
    ).toBe(3);
    expect(versionInEffect({ unitId: 'east', role: 'manager' }, '2026-04', stored, org)?.version).toBe(2);
  });
  it('leaves other units under the company plan', () => {
    expect(versionInEffect({ unitId: 'north-beijing', role: 'rep' }, '2026-04', stored, org)?.version).toBe(
      1,
    );
  });
  it('is none outside every span, and none for a role a version does not name', () => {
    expect(versionInEffect(shanghaiRep, '2025-12', stored, org)).toBeUndefined();
    const managersOnly = [version(1, '2026-01', { roles: ['manager'] }, '2026-06')];
    expect(versionInEffect(shanghaiRep, '2026-03', managersOnly, org)).toBeUndefined();
    expect(
      versionInEffect({ unitId: 'east', role: 'manager' }, '2026-07', managersOnly, org),
    ).toBeUndefined();
  });
  it('is taken over by a later start for the same units and roles: a change applies from its month on', () => {
    const changed = [company, version(2, '2026-07')];
    expect(versionInEffect(shanghaiRep, '2026-06', changed, org)?.version).toBe(1);
    expect(versionInEffect(shanghaiRep, '2026-07', changed, org)?.version).toBe(2);
  });
});

describe('a new version against the stored ones', () => {
  const paths = (b: CompPlanVersionBody) => checkCompPlanVersion(b, stored, org).map((e) => e.path);
  it('is refused when it starts in the same month as one for the same unit and role', () => {
    const errors = checkCompPlanVersion(body('2026-01'), stored, org);
    expect(errors.map((e) => e.path)).toEqual(['effectiveFrom']);
    expect(errors[0]!.message).toContain('Version 1');
    expect(
      checkCompPlanVersion(body('2026-04', { unitIds: ['east'] }), stored, org, 'zh-CN')[0]!.message,
    ).toContain('华东大区');
  });
  it('is refused when it starts inside an explicit span of one for the same unit and role', () => {
    const ended = [version(1, '2026-01', {}, '2026-06')];
    expect(checkCompPlanVersion(body('2026-05'), ended, org).map((e) => e.path)).toEqual(['effectiveFrom']);
    expect(checkCompPlanVersion(body('2026-07'), ended, org)).toEqual([]);
  });
  it('is refused when it runs into a later version of the same unit and role', () => {
    expect(paths(body('2026-02', { unitIds: ['east'] }, '2026-05'))).toEqual(['effectiveFrom']);
    expect(paths(body('2026-02', { unitIds: ['east'] }, '2026-03'))).toEqual([]);
  });
  it('takes over an open-ended version from a later month, and may name another unit or role at any time', () => {
    expect(paths(body('2026-06'))).toEqual([]);
    expect(paths(body('2026-04', { unitIds: ['north'] }))).toEqual([]);
    expect(paths(body('2026-04', { unitIds: ['east-shanghai'], roles: ['rep'] }))).toEqual([]);
  });
  it('names a bad end, an unknown unit and another currency on their fields', () => {
    expect(paths({ ...body('2026-09', {}, '2026-08') })).toEqual(['effectiveTo']);
    expect(paths(body('2026-09', { unitIds: ['east', 'nowhere'] }))).toEqual(['appliesTo.unitIds[1]']);
    expect(paths({ ...body('2026-09'), currency: 'USD' })).toEqual(['currency']);
  });
});

describe('a run under two versions', () => {
  const people: Person[] = [
    { id: 'r-sh', unitId: 'east-shanghai', role: 'rep', hireDate: '2020-01-01' },
    { id: 'r-bj', unitId: 'north-beijing', role: 'rep', hireDate: '2020-01-01' },
    { id: 'r-none', unitId: 'north-beijing', role: 'rep', hireDate: '2020-01-01' },
  ];
  const versions = [
    version(1, '2026-01', { unitIds: ['north-beijing'] }, undefined, 0.05),
    version(2, '2026-04', { unitIds: ['east'] }, undefined, 0.1),
  ];
  const request = {
    period: '2026-04',
    plan: plan(0),
    people,
    quotas: people.map((p) => ({ personId: p.id, metric: 'revenue', period: '2026-04', value: 100_000 })),
    transactions: [
      { id: 't1', date: '2026-04-03', amount: 50_000, credits: [{ personId: 'r-sh', share: 1 }] },
      { id: 't2', date: '2026-04-03', amount: 50_000, credits: [{ personId: 'r-bj', share: 1 }] },
    ],
  };

  it('pays each person under the version in effect for them: 10 % in Shanghai, 5 % in Beijing', () => {
    const { assignments, unassigned } = assignCompPlanVersions(people, '2026-04', versions, org);
    expect(assignments).toEqual([
      { version: 1, personIds: ['r-bj', 'r-none'] },
      { version: 2, personIds: ['r-sh'] },
    ]);
    expect(unassigned).toEqual([]);
    const out = computePayoutsByVersion(request, { compPlanId: 'sales', versions, assignments });
    // 50,000 × 10 % = 5,000.00 in Shanghai; 50,000 × 5 % = 2,500.00 in Beijing; the total is their sum.
    expect(out.lines.map((l) => [l.personId, l.amount])).toEqual([
      ['r-sh', '5000.00'],
      ['r-bj', '2500.00'],
      ['r-none', '0.00'],
    ]);
    expect(out.totals).toEqual({ amount: '7500.00', amountMinor: 750_000 });
    expect(out.findings.filter((f) => f.rule === 'payout.no-plan')).toEqual([]);
  });

  it('pays nothing to a person under no version, and says so in their language', () => {
    const east = [versions[1]!];
    const { assignments, unassigned } = assignCompPlanVersions(people, '2026-04', east, org);
    expect(unassigned.map((p) => p.id)).toEqual(['r-bj', 'r-none']);
    const out = computePayoutsByVersion(
      request,
      { compPlanId: 'sales', versions: east, assignments, unassigned },
      { locale: 'zh-CN' },
    );
    expect(out.people.map((p) => p.personId)).toEqual(['r-sh']);
    const missing = out.findings.filter((f) => f.rule === 'payout.no-version-in-effect');
    expect(missing.map((f) => f.path)).toEqual(['people[1]', 'people[2]']);
    expect(missing[0]!.message).toContain('2026-04-01');
    expect(missing[0]!.message).toContain('不适用');
    expect(out.findings.filter((f) => f.rule === 'payout.no-plan')).toEqual([]);
  });
});

describe('who a version reaches', () => {
  it("reaches a manager's units when it names them, a unit above them, or no unit at all", async () => {
    const { versionReaches } = await import('../../src/payout/compPlanVersions');
    const shanghai = new Set(['east-shanghai']);
    expect(versionReaches({ unitIds: ['east'] }, shanghai, org)).toBe(true);
    expect(versionReaches({ unitIds: ['east-shanghai'] }, shanghai, org)).toBe(true);
    expect(versionReaches({}, shanghai, org)).toBe(true);
    expect(versionReaches({ unitIds: ['north'] }, shanghai, org)).toBe(false);
    expect(versionReaches({}, new Set(), org)).toBe(false);
  });
});
