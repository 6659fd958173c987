import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { health } from '../src/functions/health';
import { configureStore, resetStore } from '../src/store';
import { call, useFreshStore } from './helpers';

const rootPackage = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('GET /api/health', () => {
  const store = useFreshStore();

  it('answers anyone with the version and a reachable embedded store', async () => {
    const res = await call(health, { path: 'health' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.json).toEqual({
      status: 'ok',
      version: rootPackage.version,
      store: 'embedded',
      storeOk: true,
    });
  });

  it('says degraded, still 200, when the store does not answer', async () => {
    configureStore({ endpoint: 'http://127.0.0.1:9', key: 'x', kind: 'embedded' });
    try {
      const res = await call(health, { path: 'health' });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ status: 'degraded', storeOk: false });
    } finally {
      resetStore();
      configureStore({ endpoint: store.current().endpoint, key: store.current().key, kind: 'embedded' });
    }
  });
});
