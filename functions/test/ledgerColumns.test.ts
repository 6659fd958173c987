// The ledger read as the engine's columns (readLedgerColumns) is the ledger read as objects
// (readLedger): the same transactions in the same order, each id once per partition, those crediting
// anyone outside the kept people left out — and a payout from either gives the same lines, findings
// and hashes. Uploads overlap (a month uploaded again with more), split across a quarter and its
// months, and carry the rarer fields.
import { describe, expect, it } from 'vitest';
import { computePayouts, type PayoutRequest, type Transaction } from '@teamsheet/shared';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { readLedger, readLedgerColumns, saveTransactions } from '../src/repositories/actuals';
import { contentHash } from '../src/store/hash';
import { useFreshStore } from './helpers';

const T = 'demo';
const people = ['p1', 'p2', 'p3', 'p4', 'q1'];

function generate(seed: number, count: number, period: string, prefix: string): Transaction[] {
  let a = seed;
  const random = () => (a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const [year, rest] = period.split('-') as [string, string];
  const month = rest.startsWith('Q') ? String((Number(rest.slice(1)) - 1) * 3 + 1).padStart(2, '0') : rest;
  return Array.from({ length: count }, (_, i) => {
    const seller = people[Math.floor(random() * people.length)]!;
    const other = people[Math.floor(random() * people.length)]!;
    const t: Transaction = {
      id: `${prefix}${String(Math.floor(random() * 10 ** 6)).padStart(6, '0')}-${i}`,
      date: `${year}-${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      amount: Math.round((random() - 0.1) * 1e6) / 100,
      credits:
        other !== seller && random() < 0.3
          ? [
              { personId: seller, share: 0.25 },
              { personId: other, share: 0.75 },
            ]
          : [{ personId: seller, share: 1 }],
    };
    if (random() < 0.7) t.customerId = `c${Math.floor(random() * 20)}`;
    if (random() < 0.1) t.isNewCustomer = true;
    if (random() < 0.2) t.metric = random() < 0.5 ? 'revenue' : 'units';
    if (random() < 0.05) t.writtenDate = t.date;
    if (random() < 0.05) t.lapseDate = t.date;
    if (random() < 0.05) t.adjusts = { period: '2025-12', transactionId: `old-${i}` };
    return t;
  });
}

const asObjects = (c: Awaited<ReturnType<typeof readLedgerColumns>>['columns']) =>
  Array.from({ length: c.count }, (_, i) => c.transaction(i));

describe('the ledger as columns', () => {
  useFreshStore();

  it('gives the rows readLedger gives, in its order, with overlapping uploads and a quarter over its months', async () => {
    const jan = generate(1, 300, '2026-01', 'a');
    const more = generate(2, 200, '2026-01', 'b');
    // A quarter and its months may hold the same id: some of January's, with other amounts.
    const q1 = [
      ...jan.slice(0, 50).map((t) => ({ ...t, amount: t.amount + 1 })),
      ...generate(3, 100, '2026-Q1', 'd'),
    ];
    const feb = generate(4, 100, '2026-02', 'c');
    const save = (period: string, transactions: Transaction[]) =>
      saveTransactions({ tenantId: T, period, transactions, who: 'test' }).then((r) => {
        expect(r.status).toBe('saved');
      });
    await save('2026-01', jan.slice(0, 200));
    await save('2026-01', [...jan.slice(100), ...more]); // 100 stored already, 300 new
    await save('2026-01', more.slice(0, 50)); // nothing new
    await save('2026-Q1', q1);
    await save('2026-02', feb);

    for (const period of ['2026-02', '2026-01', '2026-Q1', '2026']) {
      const objects = await readLedger(T, period);
      const columns = await readLedgerColumns(T, period);
      expect(asObjects(columns.columns)).toEqual(objects.transactions);
      expect(columns.batches).toEqual(objects.batches);
      expect(columns.outside).toBe(0);
      expect(columns.columns.adjusting).toEqual(
        objects.transactions.flatMap((t, i) => (t.adjusts ? [i] : [])),
      );

      // Kept people: a transaction stays when every credit is one of them.
      const kept = new Set(['p1', 'p2', 'p3']);
      const some = await readLedgerColumns(T, period, { keep: (id) => kept.has(id) });
      const inScope = objects.transactions.filter((t) => t.credits.every((c) => kept.has(c.personId)));
      expect(asObjects(some.columns)).toEqual(inScope);
      expect(some.outside).toBe(objects.transactions.length - inScope.length);

      // The engine over the columns is the engine over the objects.
      const request: PayoutRequest = {
        period,
        plan: sampleCompPlan('p', [
          { type: 'spiff', id: 'spiff', amount: 100 },
          { type: 'override', id: 'override', rate: 0.02, gate: { metric: 'visits', min: 1 } },
        ]),
        people: [
          { id: 'p1', unitId: 'u', role: 'manager' },
          ...['p2', 'p3', 'p4'].map((id) => ({ id, unitId: 'u', role: 'rep' as const, managerId: 'p1' })),
        ],
        quotas: ['p2', 'p3', 'p4'].map((personId) => ({ personId, metric: 'revenue', period, value: 5000 })),
        transactions: [],
        activities: [{ personId: 'p1', metric: 'visits', period, value: 12 }],
      };
      const viaObjects = computePayouts({ ...request, transactions: inScope });
      const viaColumns = computePayouts(request, { transactions: some.columns });
      expect(contentHash(viaColumns)).toBe(contentHash(viaObjects));
      expect(viaColumns.lines.length).toBeGreaterThan(0);
    }
  });
});
