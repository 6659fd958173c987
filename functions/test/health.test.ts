import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { health } from '../src/functions/health';
import { configureStore, resetStore } from '../src/store';
import { call, openFreshStore, useFreshStore } from './helpers';

const rootPackage = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('GET /api/health', () => {
  const { adapter } = useFreshStore();

  it('answers anyone with the version and a reachable embedded store', async () => {
    const res = await call(health, { path: 'health' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.json).toMatchObject({
      status: 'ok',
      version: rootPackage.version,
      store: adapter,
      storeOk: true,
      adapter: adapter === 'embedded' ? 'embedded SQLite' : 'Azure Cosmos DB',
    });
    if (adapter === 'embedded') expect(res.json.location).toMatch(/teamsheet\.sqlite$/);
  });

  it('says degraded, still 200, when the store does not answer', async () => {
    // A database file where none can be made: a folder under a regular file.
    configureStore({ kind: 'embedded', file: `${new URL(import.meta.url).pathname}/no/teamsheet.sqlite` });
    try {
      const res = await call(health, { path: 'health' });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ status: 'degraded', storeOk: false });
    } finally {
      await resetStore();
      await openFreshStore(adapter);
    }
  });
});
