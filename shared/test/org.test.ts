import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrgIndex, validateOrg } from '../src/org';
import type { Person, Unit } from '../src/schemas';

// company C ─ region R1 (RH1) ─ market M1 (MM1) ─ team T1 (TM1), team T2 (no manager)
//           └ region R2 (no manager) ─ team T3
const units: Unit[] = [
  { id: 'C', name: 'Company', kind: 'company', parentId: null, managerId: 'ceo' },
  { id: 'R1', name: 'East', kind: 'region', parentId: 'C', managerId: 'RH1' },
  { id: 'M1', name: 'Shanghai', kind: 'market', parentId: 'R1', managerId: 'MM1' },
  { id: 'T1', name: 'Team 1', kind: 'team', parentId: 'M1', managerId: 'TM1' },
  { id: 'T2', name: 'Team 2', kind: 'team', parentId: 'M1' },
  { id: 'R2', name: 'West', kind: 'region', parentId: 'C' },
  { id: 'T3', name: 'Team 3', kind: 'team', parentId: 'R2' },
];
const people: Person[] = [
  { id: 'ceo', unitId: 'C', role: 'admin' },
  { id: 'fin', unitId: 'C', role: 'finance' },
  { id: 'RH1', unitId: 'R1', role: 'regional_head' },
  { id: 'RH2', unitId: 'T3', role: 'regional_head' },
  { id: 'MM1', unitId: 'M1', role: 'manager' },
  { id: 'TM1', unitId: 'T1', role: 'manager' },
  { id: 'TM2', unitId: 'T2', role: 'manager' },
  { id: 'rep1', unitId: 'T1', role: 'rep', managerId: 'TM1' },
  { id: 'rep2', unitId: 'T2', role: 'rep' },
  { id: 'rep3', unitId: 'T3', role: 'rep' },
];
const org = new OrgIndex({ units, people });
const sorted = (s: Iterable<string>): string[] => [...s].sort();

describe('OrgIndex look-ups', () => {
  it('finds units, people, children, subtrees and ancestors', () => {
    expect(org.unit('M1')?.name).toBe('Shanghai');
    expect(org.person('rep1')?.unitId).toBe('T1');
    expect(org.children('M1')).toEqual(['T1', 'T2']);
    expect(org.subtree('R1')).toEqual(['R1', 'M1', 'T1', 'T2']);
    expect(org.subtree('C')).toHaveLength(7);
    expect(org.subtree('nope')).toEqual([]);
    expect(org.ancestors('T2')).toEqual(['M1', 'R1', 'C']);
    expect(org.rootUnits()).toEqual(['C']);
  });

  it('lists people of a unit, or of its whole subtree with deep', () => {
    expect(org.peopleIn('M1').map((p) => p.id)).toEqual(['MM1']);
    expect(org.peopleIn('M1', { deep: true }).map((p) => p.id)).toEqual([
      'MM1',
      'TM1',
      'rep1',
      'TM2',
      'rep2',
    ]);
  });

  it('names the manager of a unit, or of the nearest managed unit above it', () => {
    expect(org.managerOf('T1')?.id).toBe('TM1');
    expect(org.managerOf('T2')?.id).toBe('MM1');
    expect(org.managerOf('T3')?.id).toBe('ceo');
    expect(org.unitsManagedBy('RH1')).toEqual(['R1']);
    expect(org.regionOf('T2')).toBe('R1');
    expect(org.regionOf('C')).toBeUndefined();
  });

  it('throws, naming a unit, when parents form a loop', () => {
    const looped = new OrgIndex({
      units: [
        { id: 'A', name: 'A', kind: 'team', parentId: 'B' },
        { id: 'B', name: 'B', kind: 'team', parentId: 'A' },
      ],
      people: [],
    });
    expect(() => looped.subtree('A')).toThrow(/cycle through unit "A"/);
    expect(() => looped.ancestors('A')).toThrow(/cycle through unit "A"/);
  });
});

describe('who sees what (docs/rules.md, Organisation)', () => {
  it('a manager sees the subtree of the unit they manage', () => {
    expect(sorted(org.scopeOf('MM1'))).toEqual(['M1', 'T1', 'T2']);
    expect(sorted(org.scopeOf('TM1'))).toEqual(['T1']);
    expect(org.canSeeUnit('TM1', 'T2')).toBe(false);
  });

  it('a manager of no unit sees the subtree of their own unit', () => {
    expect(sorted(org.scopeOf('TM2'))).toEqual(['T2']);
  });

  it('a regional head sees their region: the one they manage, or the region above their unit', () => {
    expect(sorted(org.scopeOf('RH1'))).toEqual(['M1', 'R1', 'T1', 'T2']);
    expect(sorted(org.scopeOf('RH2'))).toEqual(['R2', 'T3']);
    expect(org.canSeeUnit('RH1', 'T3')).toBe(false);
  });

  it('finance and admin see every unit and person', () => {
    expect(org.scopeOf('fin').size).toBe(7);
    expect(org.scopeOf('ceo').size).toBe(7);
    expect(org.canSeePerson('fin', 'rep3')).toBe(true);
  });

  it('a rep sees no unit and only themselves', () => {
    expect(org.scopeOf('rep1').size).toBe(0);
    expect(org.canSeePerson('rep1', 'rep1')).toBe(true);
    expect(org.canSeePerson('rep1', 'rep2')).toBe(false);
    expect(org.canSeePerson('rep1', 'TM1')).toBe(false);
  });

  it('managers see the people of their scope and not beyond', () => {
    expect(org.canSeePerson('MM1', 'rep2')).toBe(true);
    expect(org.canSeePerson('TM1', 'rep2')).toBe(false);
    expect(org.canSeePerson('TM1', 'MM1')).toBe(false);
    expect(org.canSeePerson('nobody', 'rep1')).toBe(false);
    expect(org.scopeOf('nobody').size).toBe(0);
  });
});

describe('validateOrg', () => {
  it('passes a sound organisation', () => {
    expect(validateOrg({ units, people })).toEqual([]);
  });

  it('reports repeated ids, unknown parents, managers and units at their fields', () => {
    const findings = validateOrg({
      units: [
        { id: 'C', name: 'C', kind: 'company' },
        { id: 'T', name: 'T', kind: 'team', parentId: 'X', managerId: 'ghost' },
        { id: 'C', name: 'C again', kind: 'company' },
      ],
      people: [
        { id: 'p1', unitId: 'T', role: 'rep', managerId: 'boss' },
        { id: 'p2', unitId: 'Q', role: 'rep' },
        { id: 'p1', unitId: 'C', role: 'rep' },
      ],
    });
    expect(findings.map((f) => [f.rule, f.path, f.severity])).toEqual([
      ['org.duplicate-id', 'units[2].id', 'error'],
      ['org.duplicate-id', 'people[2].id', 'error'],
      ['org.unknown-parent', 'units[1].parentId', 'error'],
      ['org.unknown-manager', 'units[1].managerId', 'error'],
      ['org.unknown-manager', 'people[0].managerId', 'error'],
      ['org.unknown-unit', 'people[1].unitId', 'error'],
    ]);
    expect(findings[0]?.message).toBe('Id "C" is used 2 times; each id must be unique.');
    expect(findings[2]?.params).toEqual({ unitId: 'T', parentId: 'X' });
  });

  it('reports each loop once, at its first unit, with the chain in the language asked for', () => {
    const findings = validateOrg(
      {
        units: [
          { id: 'root', name: 'root', kind: 'company' },
          { id: 'B', name: 'B', kind: 'team', parentId: 'C' },
          { id: 'A', name: 'A', kind: 'team', parentId: 'B' },
          { id: 'C', name: 'C', kind: 'team', parentId: 'A' },
          { id: 'S', name: 'S', kind: 'team', parentId: 'S' },
          { id: 'D', name: 'D', kind: 'team', parentId: 'A' },
        ],
        people: [],
      },
      'zh-CN',
    );
    expect(findings.map((f) => [f.rule, f.path, f.params?.chain])).toEqual([
      ['org.cycle', 'units[1].parentId', 'B → C → A → B'],
      ['org.cycle', 'units[4].parentId', 'S → S'],
    ]);
    expect(findings[0]?.message).toBe('单位 "B" 成为了自己的上级：B → C → A → B。请修改上级以消除循环。');
  });
});

describe('properties', () => {
  // A random tree: unit i's parent is one of the units before it.
  const tree = fc.array(fc.nat(), { minLength: 1, maxLength: 40 }).map((picks) =>
    picks.map((pick, i): Unit => ({
      id: `u${i}`,
      name: `u${i}`,
      kind: i % 5 === 1 ? 'region' : 'team',
      parentId: i === 0 ? null : `u${pick % i}`,
    })),
  );

  it('subtrees partition into the unit and the subtrees of its children, and ancestors agree', () => {
    fc.assert(
      fc.property(tree, (us) => {
        const index = new OrgIndex({ units: us, people: [] });
        expect(validateOrg({ units: us, people: [] })).toEqual([]);
        expect(index.subtree('u0')).toHaveLength(us.length);
        for (const u of us) {
          const sub = index.subtree(u.id);
          const fromChildren = index.children(u.id).flatMap((c) => index.subtree(c));
          expect(sorted(sub)).toEqual(sorted([u.id, ...fromChildren]));
          for (const d of sub) {
            if (d !== u.id) expect(index.ancestors(d)).toContain(u.id);
          }
        }
      }),
    );
  });

  it('a manager can see a unit exactly when it lies in the subtree they manage', () => {
    fc.assert(
      fc.property(tree, fc.nat(), (us, pick) => {
        const managed = `u${pick % us.length}`;
        const withManager = us.map((u) => (u.id === managed ? { ...u, managerId: 'm' } : u));
        const index = new OrgIndex({
          units: withManager,
          people: [{ id: 'm', unitId: managed, role: 'manager' }],
        });
        for (const u of us) {
          expect(index.canSeeUnit('m', u.id)).toBe(
            u.id === managed || index.ancestors(u.id).includes(managed),
          );
        }
      }),
    );
  });
});
