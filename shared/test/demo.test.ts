import { describe, expect, it } from 'vitest';
import { demoActuals, demoOrg, demoTargets, seededRandom } from '../src/demo';
import { monthlyRevenue } from '../src/analysis/credited';
import { validateOrg } from '../src/org';
import {
  org as orgSchema,
  transaction as transactionSchema,
  activity as activitySchema,
} from '../src/schemas';

const org = demoOrg();
const actuals = demoActuals(org);

describe('the seeded random numbers', () => {
  it('repeat for a seed and differ between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const seq = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seq);
    expect(seededRandom(43).next()).not.toBe(seq[0]);
    expect(seq.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('the demo organisation', () => {
  it('is the same for the same seed and different for another', () => {
    expect(demoOrg(1)).toEqual(org);
    expect(demoOrg(2)).not.toEqual(org);
  });

  it('has ACME, 3 regions and 12 teams with Chinese and English names, and passes the org checks', () => {
    expect(orgSchema.safeParse(org).success).toBe(true);
    expect(validateOrg(org)).toEqual([]);
    expect(org.tenantId).toBe('demo');
    expect(org.units.filter((u) => u.kind === 'company').map((u) => u.id)).toEqual(['acme']);
    expect(org.units.filter((u) => u.kind === 'region').map((u) => u.id)).toEqual(['east', 'north', 'south']);
    const teams = org.units.filter((u) => u.kind === 'team');
    expect(teams).toHaveLength(12);
    for (const region of ['east', 'north', 'south'])
      expect(teams.filter((t) => t.parentId === region)).toHaveLength(4);
    expect(org.units.every((u) => /[\u4e00-\u9fff]/.test(u.name) && /[A-Za-z]/.test(u.name))).toBe(true);
  });

  it('has about 120 people: 1 admin, 2 finance, 3 regional heads managing the regions, 12 managers managing the teams, ~100 reps', () => {
    const count = (role: string) => org.people.filter((p) => p.role === role).length;
    expect([count('admin'), count('finance'), count('regional_head'), count('manager')]).toEqual([
      1, 2, 3, 12,
    ]);
    expect(count('rep')).toBeGreaterThanOrEqual(84);
    expect(count('rep')).toBeLessThanOrEqual(120);
    const byId = new Map(org.people.map((p) => [p.id, p]));
    for (const u of org.units.filter((x) => x.kind !== 'company')) {
      expect(byId.get(u.managerId!)?.role).toBe(u.kind === 'region' ? 'regional_head' : 'manager');
      expect(byId.get(u.managerId!)?.unitId).toBe(u.id);
    }
  });

  it('puts every person in a known unit, every rep under their team manager, and leaving after joining', () => {
    const unitIds = new Set(org.units.map((u) => u.id));
    const managerOf = new Map(org.units.map((u) => [u.id, u.managerId]));
    for (const p of org.people) {
      expect(unitIds.has(p.unitId), p.id).toBe(true);
      expect(p.hireDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (p.exitDate) expect(p.exitDate > p.hireDate!).toBe(true);
      if (p.role === 'rep') expect(p.managerId).toBe(managerOf.get(p.unitId));
    }
    expect(new Set(org.people.map((p) => p.id)).size).toBe(org.people.length);
  });

  it('has some reps hired during 2026 (with a probation end) and a few leaving in 2026', () => {
    const hired = org.people.filter((p) => p.role === 'rep' && p.hireDate! >= '2026-01-01');
    expect(hired.length).toBeGreaterThanOrEqual(3);
    expect(hired.every((p) => typeof p.probationEnd === 'string' && p.probationEnd > p.hireDate!)).toBe(true);
    const leavers = org.people.filter((p) => p.exitDate?.startsWith('2026'));
    expect(leavers.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the demo actuals', () => {
  it('are the same for the same seed and year', () => {
    expect(demoActuals(org, 2026, 1)).toEqual(actuals);
    expect(demoActuals(org, 2026, 2).transactions).not.toEqual(actuals.transactions);
  });

  it('are valid contract transactions and activities of 2026, with ids unique', () => {
    expect(actuals.transactions.length).toBeGreaterThan(2000);
    expect(
      actuals.transactions.every((t) => transactionSchema.safeParse(t).success && t.date.startsWith('2026-')),
    ).toBe(true);
    expect(actuals.activities.every((a) => activitySchema.safeParse(a).success)).toBe(true);
    expect(new Set(actuals.transactions.map((t) => t.id)).size).toBe(actuals.transactions.length);
  });

  it('credit shares sum to exactly 1, and some deals are split between two reps of the same team', () => {
    const unitOf = new Map(org.people.map((p) => [p.id, p.unitId]));
    for (const t of actuals.transactions) expect(t.credits.reduce((s, c) => s + c.share, 0)).toBe(1);
    const split = actuals.transactions.filter((t) => t.credits.length === 2);
    expect(split.length).toBeGreaterThan(50);
    expect(
      split.every((t) => unitOf.get(t.credits[0]!.personId) === unitOf.get(t.credits[1]!.personId)),
    ).toBe(true);
  });

  it('include cancellations that mirror an earlier deal, and new customers', () => {
    const negatives = actuals.transactions.filter((t) => t.amount < 0);
    expect(negatives.length).toBeGreaterThan(10);
    const positives = new Set(
      actuals.transactions.filter((t) => t.amount > 0).map((t) => `${t.customerId}|${t.amount}`),
    );
    expect(negatives.every((t) => positives.has(`${t.customerId}|${-t.amount}`))).toBe(true);
    expect(actuals.transactions.filter((t) => t.isNewCustomer).length).toBeGreaterThan(100);
  });

  it('credit people only on days they were employed', () => {
    const byId = new Map(org.people.map((p) => [p.id, p]));
    for (const t of actuals.transactions) {
      for (const c of t.credits) {
        const p = byId.get(c.personId)!;
        expect(t.date >= p.hireDate!, `${t.id} ${p.id}`).toBe(true);
        if (p.exitDate) expect(t.date <= p.exitDate, `${t.id} ${p.id}`).toBe(true);
      }
    }
  });

  it('log visits, calls, proposals and deals per rep and month, deals matching the won transactions', () => {
    const rep = 'rep-001';
    const deals = actuals.activities.filter((a) => a.personId === rep && a.metric === 'deals');
    expect(deals.map((d) => d.period)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
    const won = (period: string) => {
      const mine = actuals.transactions.filter(
        (t) => t.date.startsWith(period) && t.credits[0]!.personId === rep,
      );
      return mine.filter((t) => t.amount > 0).length - mine.filter((t) => t.amount < 0).length;
    };
    for (const d of deals) expect(d.value).toBe(won(d.period));
  });
});

describe('the demo targets', () => {
  it('sum each team to its reps for every month, grown from last year where there is history', () => {
    const { targets, history } = demoTargets(org, 2026);
    const team = targets.filter((t) => t.owner === 'east-shanghai');
    expect(team).toHaveLength(12);
    for (const t of team) {
      const reps = targets.filter(
        (x) => x.period === t.period && org.people.find((p) => p.id === x.owner)?.unitId === 'east-shanghai',
      );
      expect(reps.reduce((s, r) => s + r.value, 0)).toBe(t.value);
    }
    const h = history.find((x) => x.owner === 'rep-001' && x.period === '2025-03')!;
    const target = targets.find((x) => x.owner === 'rep-001' && x.period === '2026-03')!;
    expect(target.value).toBe(Math.round((h.value * 1.1) / 100) * 100);
  });

  it('count a split deal once per person by share in the monthly revenue', () => {
    const revenue = monthlyRevenue(org, [
      {
        id: 't',
        date: '2026-01-05',
        amount: 1000,
        credits: [
          { personId: 'rep-001', share: 0.6 },
          { personId: 'rep-002', share: 0.4 },
        ],
      },
    ]);
    expect(revenue).toEqual(
      expect.arrayContaining([
        { owner: 'rep-001', metric: 'revenue', period: '2026-01', value: 600 },
        { owner: 'rep-002', metric: 'revenue', period: '2026-01', value: 400 },
      ]),
    );
  });
});
