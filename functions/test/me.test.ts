// GET /api/me: the caller as the task pane needs them — person, roles, units in scope by name, and the
// sections their roles open (a manager their team's planning, finance the payouts and questions, a rep their statement).
import { describe, expect, it } from 'vitest';
import { demoOrg } from '@teamsheet/shared/demo';
import { me } from '../src/functions/me';
import { sectionsFor } from '../src/auth/sections';
import { call, seedOrg, tokenFor, useFreshStore } from './helpers';

describe('GET /api/me', () => {
  useFreshStore();
  const org = demoOrg();
  const ask = async (personId: string) => call(me, { path: 'me', token: await tokenFor(personId, org) });

  it('refuses a caller without a token with 401', async () => {
    await seedOrg(org);
    expect((await call(me, { path: 'me' })).status).toBe(401);
  });

  it('names a manager, their team and only the units they manage, with planning sections', async () => {
    await seedOrg(org);
    const res = await ask('mgr-east-shanghai');
    expect(res.status).toBe(200);
    const person = org.people.find((p) => p.id === 'mgr-east-shanghai')!;
    const team = org.units.find((u) => u.id === person.unitId)!;
    expect(res.json).toMatchObject({
      personId: 'mgr-east-shanghai',
      name: person.name,
      roles: ['manager'],
      unit: { id: team.id, name: team.name },
      sections: ['plan', 'history', 'scores', 'payouts'],
    });
    const ids = (res.json.units as { id: string; name: string }[]).map((u) => u.id);
    expect(ids).toContain('east-shanghai');
    expect(ids).not.toContain('north-beijing');
    for (const u of res.json.units as { name: string }[]) expect(u.name.length).toBeGreaterThan(0);
  });

  it('gives a regional head the region below them and consolidation; finance every unit and payouts', async () => {
    await seedOrg(org);
    const head = await ask('head-east');
    expect(head.json.sections).toEqual(['plan', 'review', 'history', 'consolidate', 'scores', 'payouts']);
    const headUnits = (head.json.units as { id: string }[]).map((u) => u.id);
    expect(headUnits).toContain('east-shanghai');
    expect(headUnits).not.toContain('north-beijing');
    const finance = await ask('finance-1');
    expect(finance.json.sections).toEqual(['scores', 'payouts', 'questions']);
    expect((finance.json.units as unknown[]).length).toBe(org.units.length);
  });

  it('opens only the statement for a rep and lists no unit of anyone else', async () => {
    await seedOrg(org);
    const rep = await ask('rep-001');
    expect(rep.status).toBe(200);
    expect(rep.json.sections).toEqual(['statement']);
    expect(rep.json.units).toEqual([]);
    expect(rep.json.unit).toMatchObject({ id: org.people.find((p) => p.id === 'rep-001')!.unitId });
  });

  it('opens the union of the sections of every role held, in the pane’s order', () => {
    expect(sectionsFor(['finance', 'rep'])).toEqual(['scores', 'payouts', 'statement', 'questions']);
    expect(sectionsFor(['admin'])).toEqual(['plan', 'review', 'history', 'consolidate', 'scores', 'payouts']);
  });
});
