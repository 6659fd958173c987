// The embedded store on disk: a real SQLite file that keeps what was acknowledged across a close and
// a reopen, and the one-time import of the earlier store's JSON snapshot (.data/store.json).
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { configureStore, createImmutable, getStore, readAuditTrail, readOne, resetStore } from '../src/store';
import { readActuals } from '../src/repositories/actuals';
import { importEarlierSnapshot } from '../src/store/importSnapshot';
import { SQLITE_FILE } from '../src/store/sqlite';

const dirs: string[] = [];
afterEach(async () => {
  await resetStore();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'teamsheet-store-'));
  dirs.push(dir);
  return dir;
}

describe('the embedded store on disk', () => {
  it('moves a file of the first layout (one WITHOUT ROWID table) into the current one, once, keeping etags', async () => {
    const dataDir = await freshDir();
    const file = path.join(dataDir, SQLITE_FILE);
    const first = new Database(file);
    first.pragma('journal_mode = WAL');
    first.exec(`CREATE TABLE docs (container TEXT NOT NULL, pk TEXT NOT NULL, id TEXT NOT NULL, type TEXT,
      etag INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (container, pk, id)) WITHOUT ROWID;
      CREATE INDEX docs_by_type ON docs (container, pk, type);`);
    const doc = { id: 'plan:t1:2026:v1', pk: 'demo|2026', type: 'plan', version: 1 };
    first
      .prepare('INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)')
      .run('history', 'demo|2026', doc.id, 'plan', 3, JSON.stringify(doc));
    first.close();

    configureStore({ kind: 'embedded', file });
    const { containers } = await getStore();
    expect(await containers.history.read('demo|2026', doc.id)).toEqual({ ...doc, _etag: '3' });
    expect(await containers.history.query('demo|2026', { types: 'plan' })).toEqual([doc]);
    expect((await createImmutable(containers.history, doc)).status).toBe('conflict');
    await resetStore();
    const reopened = new Database(file, { readonly: true });
    const tables = reopened.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    reopened.close();
    expect(tables).toEqual([{ name: 'documents' }, { name: 'meta' }]);
  });

  it('keeps what was written across a close and a reopen of the same file, still immutable', async () => {
    const dataDir = await freshDir();
    const file = path.join(dataDir, SQLITE_FILE);
    configureStore({ kind: 'embedded', file });
    const { containers } = await getStore();
    await createImmutable(containers.history, { id: 'run:2026-03:1', pk: 'demo|2026-03', total: '1234.50' });
    await resetStore();

    configureStore({ kind: 'embedded', file });
    const again = await getStore();
    expect(await readOne(again.containers.history, 'run:2026-03:1', 'demo|2026-03')).toEqual({
      id: 'run:2026-03:1',
      pk: 'demo|2026-03',
      total: '1234.50',
    });
    const second = await createImmutable(again.containers.history, {
      id: 'run:2026-03:1',
      pk: 'demo|2026-03',
      total: '0',
    });
    expect(second.status).toBe('conflict');
    expect(await readdir(dataDir)).toContain(SQLITE_FILE);
  });

  it('imports an earlier store.json once: documents as they were, transactions as ledger batches, audit as chains', async () => {
    const dataDir = await freshDir();
    const at = '2026-03-31T08:00:00.000Z';
    const txn = (id: string, amount: number) => ({
      id: `txn:2026-03:${id}`,
      pk: 'demo|2026-03',
      type: 'transaction',
      tenantId: 'demo',
      period: '2026-03',
      transactionId: id,
      hash: 'old',
      transaction: { id, date: '2026-03-05', amount, credits: [{ personId: 'rep-001', share: 1 }] },
      uploadedBy: 'finance-1',
      uploadedAt: at,
    });
    const snapshot = {
      format: 'teamsheet-store-snapshot/1',
      databases: [
        {
          id: 'teamsheet',
          containers: [
            {
              id: 'history',
              partitionKey: { paths: ['/pk'] },
              documents: [{ id: 'plan:t:2026:v1', pk: 'demo|2026', type: 'plan', version: 1 }],
            },
            { id: 'actuals', partitionKey: { paths: ['/pk'] }, documents: [txn('a', 100), txn('b', 250.5)] },
            {
              id: 'audit',
              partitionKey: { paths: ['/pk'] },
              documents: [
                {
                  id: 'audit:2',
                  pk: 'demo|2026-04',
                  type: 'audit',
                  tenantId: 'demo',
                  who: 'x',
                  action: 'plan.approve',
                  entity: 'plan:t:2026',
                  beforeHash: 'h1',
                  afterHash: 'h2',
                  at: '2026-04-02T00:00:00.000Z',
                },
                {
                  id: 'audit:1',
                  pk: 'demo|2026-03',
                  type: 'audit',
                  tenantId: 'demo',
                  who: 'x',
                  action: 'plan.submit',
                  entity: 'plan:t:2026',
                  beforeHash: null,
                  afterHash: 'h1',
                  at: '2026-03-02T00:00:00.000Z',
                },
              ],
            },
          ],
        },
      ],
    };
    await writeFile(path.join(dataDir, 'store.json'), JSON.stringify(snapshot));
    configureStore({ kind: 'embedded', file: path.join(dataDir, SQLITE_FILE) });
    const outcome = await importEarlierSnapshot(dataDir);
    expect(outcome).toMatchObject({ status: 'imported', documents: 1, transactions: 2, auditEntries: 2 });
    const { containers } = await getStore();
    expect(await readOne(containers.history, 'plan:t:2026:v1', 'demo|2026')).toMatchObject({ version: 1 });
    const { transactions } = await readActuals('demo', '2026-03');
    expect(transactions.map((t) => [t.id, t.amount])).toEqual([
      ['a', 100],
      ['b', 250.5],
    ]);
    const trail = await readAuditTrail('demo', 'plan:t:2026');
    expect(trail.intact).toBe(true);
    expect(trail.entries.map((e) => e.action)).toEqual(['plan.submit', 'plan.approve']);
    // Once: the snapshot is kept under another name, and a second start finds nothing to import.
    expect((await readdir(dataDir)).sort()).toEqual(
      expect.arrayContaining(['store.json.imported', SQLITE_FILE]),
    );
    expect(await importEarlierSnapshot(dataDir)).toEqual({ status: 'none' });
  });

  it('refuses a store.json it cannot read with what to do, and imports nothing', async () => {
    const dataDir = await freshDir();
    await writeFile(path.join(dataDir, 'store.json'), '{"format":"something-else"}');
    configureStore({ kind: 'embedded', file: path.join(dataDir, SQLITE_FILE) });
    await expect(importEarlierSnapshot(dataDir)).rejects.toThrow(/Move it out of .* to start fresh/);
    expect(await readdir(dataDir)).toContain('store.json');
  });
});
