import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configureStore, createImmutable, getStore, readOne, resetStore } from '../src/store';
import { startEmbeddedStore } from '../src/store/embedded';

const dirs: string[] = [];
afterEach(async () => {
  resetStore();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function open(dataDir: string) {
  const store = await startEmbeddedStore({ dataDir, debounceMs: 20 });
  configureStore({ endpoint: store.endpoint, key: store.key, kind: 'embedded' });
  return store;
}

describe('the embedded store on disk', () => {
  it('keeps what was written across a stop and a restart from the same data folder', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'teamsheet-store-'));
    dirs.push(dataDir);
    const first = await open(dataDir);
    const { containers } = await getStore();
    await createImmutable(containers.history, { id: 'run:2026-03:1', pk: 'demo|2026-03', total: '1234.50' });
    resetStore();
    await first.close();

    const second = await open(dataDir);
    expect(second.loadedDocuments).toBe(1);
    const again = await getStore();
    expect(await readOne(again.containers.history, 'run:2026-03:1', 'demo|2026-03')).toEqual({
      id: 'run:2026-03:1',
      pk: 'demo|2026-03',
      total: '1234.50',
    });
    // The restored document is still immutable.
    expect(
      (
        await createImmutable(again.containers.history, {
          id: 'run:2026-03:1',
          pk: 'demo|2026-03',
          total: '0',
        })
      ).status,
    ).toBe('conflict');
    resetStore();
    await second.close();
    expect((await readdir(dataDir)).sort()).toEqual(['store.json']); // no temp file left behind
  });

  it('saves after writes without waiting for shutdown (debounced)', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'teamsheet-store-'));
    dirs.push(dataDir);
    const store = await open(dataDir);
    const { containers } = await getStore();
    await createImmutable(containers.audit, { id: 'a1', pk: 'demo|2026-03' });
    await new Promise((r) => setTimeout(r, 300));
    await store.flush();
    expect(await readdir(dataDir)).toContain('store.json');
    const copy = await startEmbeddedStore({ dataDir }); // a second reader of the same snapshot
    expect(copy.loadedDocuments).toBe(1);
    await copy.close();
    resetStore();
    await store.close();
  });

  it('starts empty in memory-only mode (tests get a fresh store each)', async () => {
    const store = await startEmbeddedStore();
    configureStore({ endpoint: store.endpoint, key: store.key, kind: 'embedded' });
    const { containers } = await getStore();
    expect(await readOne(containers.history, 'run:2026-03:1', 'demo|2026-03')).toBeUndefined();
    resetStore();
    await store.close();
  });
});
