// The ledger's stored blocks: format 3 (front-coded ids, dictionaries, narrow typed columns in base64)
// gives back every transaction field for field through JSON, whatever its ids and numbers hold; and
// blocks of formats 1 and 2, what earlier versions stored, stay readable through every read of the
// ledger (history is append-only: nothing stored is rewritten).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Transaction } from '@teamsheet/shared';
import {
  blockTransaction,
  decodeBlock,
  encodeBlock,
  readBlock,
  type TransactionBlock,
  type TransactionBlockV1,
  type TransactionBlockV2,
} from '../src/repositories/ledgerBlocks';
import {
  readLedger,
  readLedgerColumns,
  readTransaction,
  readTransactionsOf,
  saveTransactions,
} from '../src/repositories/actuals';
import { getStore } from '../src/store';
import { useFreshStore } from './helpers';

// Any UTF-16 text: newlines, separators, lone surrogates.
const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });
const amount = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constant(-0),
  fc.constant(0.1 + 0.2),
);
const anyTransaction = fc.record(
  {
    id: text,
    date: fc.constantFrom('2026-03-01', '2026-03-02', '2026-03-31'),
    amount,
    metric: fc.constantFrom('revenue', 'units', 'new_customers'),
    credits: fc.array(fc.record({ personId: text, share: fc.double({ min: 0, max: 1, noNaN: true }) }), {
      minLength: 1,
      maxLength: 4,
    }),
    customerId: text,
    isNewCustomer: fc.boolean(),
    writtenDate: fc.constant('2026-02-27'),
    lapseDate: fc.constant('2026-04-01'),
    adjusts: fc.record({ period: fc.constant('2026-02'), transactionId: text }),
  },
  { requiredKeys: ['id', 'date', 'amount', 'credits'] },
) as fc.Arbitrary<Transaction>;

/** The block earlier versions wrote: the same columns as JSON arrays (kept here as the fixture). */
function formatOneBlock(transactions: readonly Transaction[]): TransactionBlockV1 {
  const people = new Map<string, number>();
  const metrics = new Map<string, number>();
  const index = (m: Map<string, number>, key: string) => {
    let i = m.get(key);
    if (i === undefined) m.set(key, (i = m.size));
    return i;
  };
  const b: TransactionBlockV1 = {
    format: 1,
    people: [],
    metrics: [],
    id: [],
    date: [],
    amount: [],
    metric: [],
    customer: [],
    creditEnd: [],
    creditPerson: [],
    creditShare: [],
    extra: {},
  };
  transactions.forEach((t, row) => {
    b.id.push(t.id);
    b.date.push(t.date);
    b.amount.push(t.amount);
    b.metric.push(t.metric === undefined ? -1 : index(metrics, t.metric));
    b.customer.push(t.customerId ?? null);
    for (const c of t.credits) {
      b.creditPerson.push(index(people, c.personId));
      b.creditShare.push(c.share);
    }
    b.creditEnd.push(b.creditPerson.length);
    const extra: TransactionBlockV1['extra'][string] = {};
    if (t.isNewCustomer !== undefined) extra.isNewCustomer = t.isNewCustomer;
    if (t.writtenDate !== undefined) extra.writtenDate = t.writtenDate;
    if (t.lapseDate !== undefined) extra.lapseDate = t.lapseDate;
    if (t.adjusts !== undefined) extra.adjusts = t.adjusts;
    if (Object.keys(extra).length > 0) b.extra[row] = extra;
  });
  b.people = [...people.keys()];
  b.metrics = [...metrics.keys()];
  return b;
}

const b64 = (a: Int32Array | Float64Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function dictionary() {
  const index = new Map<string, number>();
  const list: string[] = [];
  const of = (key: string) => {
    let i = index.get(key);
    if (i === undefined) {
      index.set(key, (i = list.length));
      list.push(key);
    }
    return i;
  };
  return { list, of };
}

/** The block of format 2 (kept here as the fixture). */
function formatTwoBlock(transactions: readonly Transaction[]): TransactionBlockV2 {
  const rows = transactions.length;
  const people = dictionary();
  const metrics = dictionary();
  const customers = dictionary();
  const dates = dictionary();
  let credits = 0;
  for (const t of transactions) credits += t.credits.length;
  const idEnd = new Int32Array(rows);
  const date = new Int32Array(rows);
  const amount = new Float64Array(rows);
  const metric = new Int32Array(rows);
  const customer = new Int32Array(rows);
  const creditEnd = new Int32Array(rows);
  const creditPerson = new Int32Array(credits);
  const creditShare = new Float64Array(credits);
  const extras: TransactionBlockV2['extra'] = {};
  let ids = '';
  let k = 0;
  transactions.forEach((t, row) => {
    ids += t.id;
    idEnd[row] = ids.length;
    date[row] = dates.of(t.date);
    amount[row] = t.amount;
    metric[row] = t.metric === undefined ? -1 : metrics.of(t.metric);
    customer[row] = t.customerId === undefined ? -1 : customers.of(t.customerId);
    for (const c of t.credits) {
      creditPerson[k] = people.of(c.personId);
      creditShare[k++] = c.share;
    }
    creditEnd[row] = k;
    const extra: TransactionBlockV2['extra'][string] = {};
    if (t.isNewCustomer !== undefined) extra.isNewCustomer = t.isNewCustomer;
    if (t.writtenDate !== undefined) extra.writtenDate = t.writtenDate;
    if (t.lapseDate !== undefined) extra.lapseDate = t.lapseDate;
    if (t.adjusts !== undefined) extra.adjusts = t.adjusts;
    if (Object.keys(extra).length > 0) extras[row] = extra;
  });
  return {
    format: 2,
    rows,
    ids,
    idEnd: b64(idEnd),
    dates: dates.list,
    date: b64(date),
    amount: b64(amount),
    metrics: metrics.list,
    metric: b64(metric),
    customers: customers.list,
    customer: b64(customer),
    people: people.list,
    creditEnd: b64(creditEnd),
    creditPerson: b64(creditPerson),
    creditShare: b64(creditShare),
    extra: extras,
  };
}

const throughJson = (b: TransactionBlock) => JSON.parse(JSON.stringify(b)) as TransactionBlock;

describe('stored transaction blocks', () => {
  it('give back any transactions field for field through JSON, in format 3', () => {
    fc.assert(
      fc.property(fc.array(anyTransaction, { maxLength: 30 }), (ts) => {
        const stored = throughJson(encodeBlock(ts));
        expect(stored.format).toBe(3);
        const back = decodeBlock(stored);
        expect(back).toEqual(ts);
        // -0 and every bit of a double survive (JSON arrays would have written -0 as 0).
        back.forEach((t, i) => expect(Object.is(t.amount, ts[i]!.amount)).toBe(true));
      }),
      { numRuns: 500 },
    );
  });

  it('give back amounts of whole cents and of any other double, and ids sharing starts of any length', () => {
    const t = (id: string, amount: number): Transaction => ({
      id,
      date: '2026-03-01',
      amount,
      credits: [{ personId: 'p', share: 1 }],
    });
    const cents = [t('a', 0.1), t('ab', -1234567.89), t('abc', 21474836.47), t('abd', 0)];
    const block = encodeBlock(cents);
    expect(block.amount.cents).toBe(true);
    expect(decodeBlock(throughJson(block))).toEqual(cents);
    for (const odd of [21474836.48, 0.001, 0.1 + 0.2, -0, 1e300]) {
      const ts = [...cents, t('b', odd)];
      const b = encodeBlock(ts);
      expect(b.amount.cents).toBe(false);
      const back = decodeBlock(throughJson(b));
      expect(back).toEqual(ts);
      expect(Object.is(back[4]!.amount, odd)).toBe(true);
    }
    const long = ['x'.repeat(200), `${'x'.repeat(199)}y`, `${'x'.repeat(199)}y\n\u{1F600}`, '\u{1F600}'];
    expect(decodeBlock(throughJson(encodeBlock(long.map((id) => t(id, 1)))))).toEqual(
      long.map((id) => t(id, 1)),
    );
  });

  it('read formats 1 and 2 into the same columns as format 3', () => {
    fc.assert(
      fc.property(fc.array(anyTransaction, { maxLength: 30 }), (generated) => {
        // Format 1 held numbers as JSON, which has no -0: compare on what it could hold.
        const ts = JSON.parse(JSON.stringify(generated)) as Transaction[];
        const rowsOf = (b: ReturnType<typeof readBlock>) =>
          Array.from({ length: b.rows }, (_, r) => blockTransaction(b, r));
        const three = readBlock(throughJson(encodeBlock(ts)));
        expect(rowsOf(readBlock(throughJson(formatOneBlock(ts))))).toEqual(rowsOf(three));
        expect(rowsOf(readBlock(throughJson(formatTwoBlock(generated))))).toEqual(
          rowsOf(readBlock(throughJson(encodeBlock(generated)))),
        );
        expect(three.id).toEqual(ts.map((t) => t.id));
      }),
      { numRuns: 300 },
    );
  });

  it('refuse a block whose typed column does not hold its rows', () => {
    const b = encodeBlock([
      { id: 'a', date: '2026-03-01', amount: 1, credits: [{ personId: 'p', share: 1 }] },
    ]);
    expect(() => readBlock({ ...b, rows: 2 })).toThrow(/idShared holds 1 bytes, not 2/);
    expect(() => readBlock({ ...b, format: 9 } as unknown as TransactionBlock)).toThrow(
      /unknown .* format 9/,
    );
  });
});

describe('a ledger stored by an earlier version (blocks of format 1 and 2)', () => {
  useFreshStore();
  const T = 'demo';

  it.each([
    [1, '2026-05'],
    [2, '2026-06'],
  ] as const)(
    'format %i reads as it was stored: by id, by person, as objects and as the engine’s columns',
    async (format, period) => {
      const month = period.slice(5);
      const ts: Transaction[] = Array.from({ length: 40 }, (_, i) => ({
        id: `t${String(i).padStart(3, '0')}`,
        date: `2026-${month}-${String(1 + (i % 28)).padStart(2, '0')}`,
        amount: i * 10.25 - 50,
        credits:
          i % 3
            ? [{ personId: `p${i % 4}`, share: 1 }]
            : [
                { personId: 'p1', share: 0.5 },
                { personId: 'p2', share: 0.5 },
              ],
        ...(i % 2 ? { customerId: `c${i % 5}` } : {}),
        ...(i % 5 === 0 ? { metric: 'units' } : {}),
        ...(i % 7 === 0 ? { isNewCustomer: true } : {}),
        ...(i === 9 ? { adjusts: { period: '2026-04', transactionId: 'old-1' } } : {}),
      }));
      const saved = await saveTransactions({ tenantId: T, period, transactions: ts, who: 'test' });
      expect(saved.status).toBe('saved');

      // Rewrite the batch's blocks as the earlier version wrote them.
      const { containers } = await getStore();
      const pk = `${T}|${period}`;
      const chunks = await containers.actuals.query<{ id: string }>(pk, { types: ['txn-batch-chunk'] });
      expect(chunks.length).toBe(1);
      for (const { id } of chunks) {
        const doc = (await containers.actuals.read<{ id: string; items: TransactionBlock[] }>(pk, id))!;
        expect(doc.items[0]!.format).toBe(3);
        const { _etag, ...rest } = doc;
        const earlier = format === 1 ? formatOneBlock : formatTwoBlock;
        const old = { ...rest, items: doc.items.map((b) => earlier(decodeBlock(b))) };
        expect((await containers.actuals.replace(pk, old, _etag)).status).toBe('replaced');
        const again = (await containers.actuals.read<{ id: string; items: TransactionBlock[] }>(pk, id))!;
        expect(again.items[0]!.format).toBe(format);
      }

      expect((await readLedger(T, period)).transactions).toEqual(ts);
      const columns = (await readLedgerColumns(T, period)).columns;
      expect(Array.from({ length: columns.count }, (_, i) => columns.transaction(i))).toEqual(ts);
      expect(columns.adjusting).toEqual([9]);
      expect((await readTransaction(T, period, 't009'))?.transaction).toEqual(ts[9]);
      expect(await readTransactionsOf(T, period, ['p3'])).toEqual(
        ts.filter((t) => t.credits.some((c) => c.personId === 'p3')),
      );
    },
  );
});
