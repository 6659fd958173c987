// The ledger's fast content hashes are the generic ones: canonicalTransactionJson(t) is
// canonicalJson(t) for any transaction (claims stored before and after must compare equal), and a
// batch's hash is contentHash of its [id, hash] pairs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transaction, type Transaction } from '@teamsheet/shared';
import { canonicalJson, contentHash } from '../src/store/hash';
import {
  batchHashOfPairs,
  canonicalTransactionJson,
  transactionHash,
} from '../src/repositories/ledgerBlocks';

const text = fc.string({ unit: 'binary', maxLength: 12 });
const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(-0));
const anyTransaction = fc.record(
  {
    id: text,
    date: text,
    amount: number,
    metric: text,
    credits: fc.array(fc.record({ personId: text, share: number }), { maxLength: 4 }),
    customerId: text,
    isNewCustomer: fc.boolean(),
    writtenDate: text,
    lapseDate: text,
    adjusts: fc.record({ period: text, transactionId: text }),
  },
  { requiredKeys: ['id', 'date', 'amount', 'credits'] },
) as fc.Arbitrary<Transaction>;

describe('ledger content hashes', () => {
  it('writes canonicalJson of any transaction, whatever order its keys were built in', () => {
    fc.assert(
      fc.property(anyTransaction, fc.boolean(), (t, reversed) => {
        const built = reversed ? Object.fromEntries(Object.entries(t).reverse()) : t;
        expect(canonicalTransactionJson(built as Transaction)).toBe(canonicalJson(t));
        expect(transactionHash(built as Transaction)).toBe(contentHash(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('falls back to canonicalJson for another shape (an extra field, undefined members, a nested oddity)', () => {
    const base = { id: 't1', date: '2026-03-01', amount: 5, credits: [{ personId: 'p', share: 1 }] };
    for (const odd of [
      { ...base, note: 'x' },
      { ...base, metric: undefined },
      { ...base, credits: [{ personId: 'p', share: 1, extra: true }] },
      { ...base, adjusts: { period: '2026-02', transactionId: 't0', more: 1 } },
      { ...base, amount: '5' },
      { ...base, credits: 'none' },
    ])
      expect(canonicalTransactionJson(odd as unknown as Transaction)).toBe(canonicalJson(odd));
  });

  it('is the hash of transactions as the upload route parses them', () => {
    const parsed = transaction.parse({
      amount: 1234.5,
      id: 'x',
      credits: [
        { share: 0.5, personId: 'a' },
        { personId: 'b', share: 0.5 },
      ],
      date: '2026-03-05',
      isNewCustomer: true,
      customerId: 'c1',
    });
    expect(transactionHash(parsed)).toBe(contentHash(parsed));
  });

  it('hashes a batch as contentHash of its pairs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 20 }), (pairs) => {
        expect(batchHashOfPairs(pairs)).toBe(contentHash(pairs));
      }),
    );
  });
});
