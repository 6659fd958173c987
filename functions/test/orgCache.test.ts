import { describe, expect, it } from 'vitest';
import type { Org } from '@teamsheet/shared';
import { readLatestOrg, saveOrg } from '../src/repositories';
import { openFreshStore } from './helpers';

const orgNamed = (unitId: string): Org => ({
  tenantId: 'demo',
  units: [{ id: unitId, name: unitId, kind: 'company' }],
  people: [{ id: 'admin', unitId, role: 'admin' }],
});

describe('the organisation in force, read through the parsed-version cache', () => {
  it('is the one of the store in use, when another store held another org under the same version id', async () => {
    for (const unitId of ['first-company', 'second-company']) {
      const store = await openFreshStore();
      try {
        await saveOrg(orgNamed(unitId), 'test', { tenantId: 'demo' });
        const latest = await readLatestOrg('demo');
        expect(latest?.version.version).toBe(1);
        expect(latest?.version.org.units.map((u) => u.id)).toEqual([unitId]);
      } finally {
        await store.close();
      }
    }
  });
});
