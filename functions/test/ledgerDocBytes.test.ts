// The ledger's documents stay under Cosmos DB's 2 MB whatever the ids hold: a block of 5,000 rows with
// long ids and customers is cut in halves, one person's transactions of a batch are written in parts,
// and every read gives back the batch as uploaded. A person's key range holds only their documents.
import { describe, expect, it } from 'vitest';
import type { Transaction } from '@teamsheet/shared';
import {
  DOC_BYTES,
  readLedger,
  readLedgerColumns,
  readTransaction,
  readTransactionsOf,
  saveTransactions,
} from '../src/repositories/actuals';
import { getStore } from '../src/store';
import { useFreshStore } from './helpers';

const T = 'acme';
const COSMOS_MAX = 2 * 1024 * 1024;
const byId = (a: Transaction, b: Transaction) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('ledger documents under the 2 MB of a Cosmos DB document', () => {
  useFreshStore();

  it('cuts a block of long ids and one person’s long list, and reads the batch back whole', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // 190-character ids that differ early (front coding saves little) and as many customers.
    const long = (prefix: string) =>
      `${prefix}${Math.floor(random() * 1e9)
        .toString(36)
        .padStart(8, '0')}-`.padEnd(190, 'x');
    const ts: Transaction[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `${long('t')}${i}`,
      date: '2026-03-15',
      amount: 100 + i,
      customerId: long('c'),
      credits: [{ personId: 'everyone', share: 1 }],
    }));
    expect(
      (await saveTransactions({ tenantId: T, period: '2026-03', transactions: ts, who: 'test' })).status,
    ).toBe('saved');

    const { containers } = await getStore();
    const pk = `${T}|2026-03`;
    const stored = await containers.actuals.query<{ id: string; type: string }>(pk, {
      types: ['txn-batch-chunk', 'txn-person', 'txn-batch'],
    });
    const sizes = new Map<string, number[]>();
    for (const { id, type } of stored) {
      const doc = (await containers.actuals.read<{ id: string }>(pk, id))!;
      sizes.set(type, [...(sizes.get(type) ?? []), Buffer.byteLength(JSON.stringify(doc))]);
    }
    // Uncut, the block and the person's document would each be over 2 MB.
    expect(sizes.get('txn-batch-chunk')!.length).toBeGreaterThan(1);
    expect(sizes.get('txn-person')!.length).toBeGreaterThan(1);
    for (const list of sizes.values()) for (const bytes of list) expect(bytes).toBeLessThan(DOC_BYTES + 4096);
    expect(Math.max(...[...sizes.values()].flat())).toBeLessThan(COSMOS_MAX);

    const sorted = [...ts].sort(byId);
    expect((await readLedger(T, '2026-03')).transactions).toEqual(sorted);
    const { columns } = await readLedgerColumns(T, '2026-03');
    expect(Array.from({ length: columns.count }, (_, i) => columns.transaction(i))).toEqual(sorted);
    for (const t of [sorted[0]!, sorted[2600]!, sorted.at(-1)!])
      expect((await readTransaction(T, '2026-03', t.id))?.transaction).toEqual(t);
    expect(await readTransactionsOf(T, '2026-03', ['everyone'])).toEqual(sorted);
  });

  it('reads a person’s transactions without those of a person whose id begins with theirs and a colon', async () => {
    const ts: Transaction[] = [
      { id: 't1', date: '2026-04-02', amount: 10, credits: [{ personId: 'a', share: 1 }] },
      { id: 't2', date: '2026-04-03', amount: 20, credits: [{ personId: 'a:b', share: 1 }] },
    ];
    expect(
      (await saveTransactions({ tenantId: T, period: '2026-04', transactions: ts, who: 'test' })).status,
    ).toBe('saved');
    expect(await readTransactionsOf(T, '2026-04', ['a'])).toEqual([ts[0]]);
    expect(await readTransactionsOf(T, '2026-04', ['a:b'])).toEqual([ts[1]]);
  });
});
