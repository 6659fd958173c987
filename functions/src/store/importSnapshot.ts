// The one-time import of the earlier embedded store (`.data/store.json`, a JSON snapshot of the
// in-memory Cosmos DB stand-in) into the store in force, on the first start that finds it. Documents
// keep their ids; what changed shape is rewritten the new way: transactions become ledger batches
// (one per period), audit entries become hash chains per entity, oldest first. The snapshot is then
// renamed `store.json.imported`, so the import happens once and the old data stay on disk.
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Transaction } from '@teamsheet/shared';
import { saveTransactions } from '../repositories/actuals';
import { getStore } from './client';
import { appendAudit, createImmutable, type AuditInput, type StoredDoc } from './docs';
import { containerNames, type ContainerName } from './port';

export const SNAPSHOT_FILE = 'store.json';
const SNAPSHOT_FORMAT = 'teamsheet-store-snapshot/1';

type Snapshot = {
  format: string;
  databases: { id: string; containers: { id: string; documents: StoredDoc[] }[] }[];
};

export type ImportOutcome =
  | { status: 'none' }
  | { status: 'imported'; file: string; documents: number; transactions: number; auditEntries: number };

/** Imports `<dataDir>/store.json` when it exists; throws with what to do when it cannot be read. */
export async function importEarlierSnapshot(dataDir: string): Promise<ImportOutcome> {
  const file = path.join(dataDir, SNAPSHOT_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'none' };
    throw error;
  }
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(text) as Snapshot;
    if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`format ${String(snapshot.format)}`);
  } catch (error) {
    throw new Error(
      `${file} is from an earlier Teamsheet but cannot be imported (${error instanceof Error ? error.message : String(error)}). ` +
        `Move it out of ${dataDir} to start fresh with the demo data, or restore a readable copy.`,
    );
  }
  const { containers } = await getStore();
  let documents = 0;
  const transactions = new Map<
    string,
    { tenantId: string; period: string; list: Transaction[]; at: string }
  >();
  const audit: (AuditInput & { at: string })[] = [];
  for (const db of snapshot.databases) {
    for (const coll of db.containers) {
      if (!containerNames.includes(coll.id as ContainerName)) continue;
      const name = coll.id as ContainerName;
      for (const doc of coll.documents) {
        if (name === 'actuals' && doc.type === 'transaction') {
          const key = String(doc.pk);
          const entry = transactions.get(key) ?? {
            tenantId: String(doc.tenantId),
            period: String(doc.period),
            list: [],
            at: String(doc.uploadedAt),
          };
          entry.list.push(doc.transaction as Transaction);
          if (String(doc.uploadedAt) > entry.at) entry.at = String(doc.uploadedAt);
          transactions.set(key, entry);
        } else if (name === 'audit') {
          audit.push(doc as unknown as AuditInput & { at: string });
        } else {
          await createImmutable(containers[name], doc);
          documents++;
        }
      }
    }
  }
  let transactionCount = 0;
  for (const { tenantId, period, list, at } of transactions.values()) {
    const saved = await saveTransactions({ tenantId, period, transactions: list, who: 'system:import', at });
    if (saved.status === 'saved') transactionCount += saved.received;
  }
  audit.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const entry of audit)
    await appendAudit({
      tenantId: entry.tenantId,
      who: entry.who,
      action: entry.action,
      entity: entry.entity,
      beforeHash: entry.beforeHash ?? null,
      afterHash: entry.afterHash ?? null,
      at: entry.at,
      ...(entry.details ? { details: entry.details } : {}),
    });
  await rename(file, `${file}.imported`);
  return { status: 'imported', file, documents, transactions: transactionCount, auditEntries: audit.length };
}
