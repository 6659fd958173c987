import { describe, expect, it } from 'vitest';
import type { Org } from '@teamsheet/shared';
import { configureStore, readLatestOrg, resetStore, saveOrg } from '../src/store';
import { startEmbeddedStore } from '../src/store/embedded';

const orgNamed = (unitId: string): Org => ({
  tenantId: 'demo',
  units: [{ id: unitId, name: unitId, kind: 'company' }],
  people: [{ id: 'admin', unitId, role: 'admin' }],
});

describe('the organisation in force, read through the parsed-version cache', () => {
  it('is the one of the store in use, when another store held another org under the same version id', async () => {
    for (const unitId of ['first-company', 'second-company']) {
      const store = await startEmbeddedStore();
      try {
        configureStore({ endpoint: store.endpoint, key: store.key, kind: 'embedded' });
        await saveOrg(orgNamed(unitId), 'test', { tenantId: 'demo' });
        const latest = await readLatestOrg('demo');
        expect(latest?.version.version).toBe(1);
        expect(latest?.version.org.units.map((u) => u.id)).toEqual([unitId]);
      } finally {
        resetStore();
        await store.close();
      }
    }
  });
});
