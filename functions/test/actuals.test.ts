import { describe, expect, it } from 'vitest';
import { demoOrg } from '@teamsheet/shared/demo';
import { actuals as actualsRoute } from '../src/functions/actuals';
import { createImmutable, getStore, readAuditTrail } from '../src/store';
import { currentTenant } from '../src/repositories';
import { actualsPartition, readActuals, transactionDocId } from '../src/repositories/actuals';
import { contentHash } from '../src/store/hash';
import { call, findDocs, seedOrg, tokenFor, useFreshStore } from './helpers';

const demo = demoOrg();
const tx = (id: string, amount: number, personId = 'rep-001', date = '2026-03-05') => ({
  id,
  date,
  amount,
  credits: [{ personId, share: 1 }],
});

/** The document ids of the transactions a reader sees in a period. */
async function storedIds(period: string): Promise<string[]> {
  const { transactions } = await readActuals(currentTenant(), period);
  return transactions.map((t) => transactionDocId(period, t.id)).sort();
}

async function post(body: unknown, who = 'mgr-east-shanghai', headers: Record<string, string> = {}) {
  return call(actualsRoute, {
    method: 'POST',
    path: 'actuals',
    token: await tokenFor(who, demo),
    json: body,
    headers,
  });
}

describe('POST /api/actuals', () => {
  useFreshStore();

  it('stores an upload once: the same body twice with one Idempotency-Key replays the first answer', async () => {
    await seedOrg(demo);
    const body = { period: '2026-03', transactions: [tx('a1', 100), tx('a2', 250.5, 'rep-003')] };
    const first = await post(body, 'mgr-east-shanghai', { 'idempotency-key': 'k1' });
    expect(first.status).toBe(201);
    expect(first.json.transactions).toMatchObject({ received: 2, stored: 2, unchanged: 0 });
    const again = await post(body, 'mgr-east-shanghai', { 'idempotency-key': 'k1' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await storedIds('2026-03')).toEqual(['txn:2026-03:a1', 'txn:2026-03:a2']);
  });

  it('stores each transaction id once without a key too: a repeat is 200 with nothing new', async () => {
    const res = await post({ period: '2026-03', transactions: [tx('a1', 100), tx('a3', 7)] });
    expect(res.status).toBe(201);
    expect(res.json.transactions).toMatchObject({ received: 2, stored: 1, unchanged: 1 });
    const repeat = await post({ period: '2026-03', transactions: [tx('a1', 100)] });
    expect(repeat.status).toBe(200);
    expect(repeat.json.transactions).toMatchObject({ stored: 0, unchanged: 1 });
    expect(await storedIds('2026-03')).toEqual(['txn:2026-03:a1', 'txn:2026-03:a2', 'txn:2026-03:a3']);
    // The very same upload again (the same batch): nothing new, and no second audit entry of it.
    const audited = (await readAuditTrail(currentTenant(), 'actuals:demo:2026-03')).entries.length;
    const same = await post({ period: '2026-03', transactions: [tx('a1', 100), tx('a3', 7)] });
    expect(same.status).toBe(200);
    expect(same.json.transactions).toMatchObject({ received: 2, stored: 0, unchanged: 2 });
    expect((await readAuditTrail(currentTenant(), 'actuals:demo:2026-03')).entries).toHaveLength(audited);
  });

  it('answers 422 when an Idempotency-Key is reused for a different body', async () => {
    const res = await post({ period: '2026-03', transactions: [tx('a9', 1)] }, 'mgr-east-shanghai', {
      'idempotency-key': 'k1',
    });
    expect(res.status).toBe(422);
    expect(await storedIds('2026-03')).not.toContain('txn:2026-03:a9');
  });

  it('refuses changed content for a stored id with 409 naming it, writing nothing of the upload', async () => {
    const res = await post({ period: '2026-03', transactions: [tx('a4', 40), tx('a1', 999)] });
    expect(res.status).toBe(409);
    expect(res.json.ids).toEqual(['a1']);
    expect(res.json.detail).toContain('a1');
    expect(await storedIds('2026-03')).not.toContain('txn:2026-03:a4');
    const { transactions } = await readActuals(currentTenant(), '2026-03');
    expect(transactions.find((t) => t.id === 'a1')?.amount).toBe(100);
  });

  it('completes an upload whose earlier attempt stopped half way (its claim left, its batch never visible)', async () => {
    // As if a previous attempt claimed the first transaction's id and then died before its batch.
    const { containers } = await getStore();
    const first = tx('b1', 10);
    await createImmutable(containers.actuals, {
      id: transactionDocId('2026-03', 'b1'),
      pk: actualsPartition(currentTenant(), '2026-03'),
      type: 'txn-id',
      transactionId: 'b1',
      hash: contentHash(first),
      batchId: 'txn-batch:2026-03:never-written',
      block: 0,
      claimedAt: '2026-03-31T00:00:00.000Z',
    });
    expect(await storedIds('2026-03')).not.toContain('txn:2026-03:b1');
    const many = [first, ...Array.from({ length: 249 }, (_, i) => tx(`b${i + 2}`, i + 1))];
    const res = await post({ period: '2026-03', transactions: many });
    expect(res.status).toBe(201);
    // Nothing of the dead attempt was visible, so all 250 are stored by this upload.
    expect(res.json.transactions).toMatchObject({ received: 250, stored: 250, unchanged: 0 });
    const { transactions } = await readActuals(currentTenant(), '2026-03');
    // 10 + (1 + … + 249) = 10 + 31,125
    const b = transactions.filter((t) => t.id.startsWith('b'));
    expect(b).toHaveLength(250);
    expect(b.reduce((s, t) => s + t.amount, 0)).toBe(31135);
  });

  it('stores activities and metric actuals of the same upload', async () => {
    const res = await post({
      period: '2026-03',
      activities: [{ personId: 'rep-001', metric: 'visits', period: '2026-03', value: 12 }],
      metricActuals: [{ owner: 'rep-001', metric: 'new_customers', period: '2026-03', value: 2 }],
    });
    expect(res.status).toBe(201);
    expect(res.json.activities).toMatchObject({ count: 1, created: true });
    expect(res.json.metricActuals).toMatchObject({ count: 1, status: 'created' });
    expect((await readActuals(currentTenant(), '2026-03')).metricActuals).toEqual([
      { owner: 'rep-001', metric: 'new_customers', period: '2026-03', value: 2 },
    ]);
  });

  it('refuses a manager uploading for someone outside their team (403) and a rep (403)', async () => {
    const north = demo.people.find((p) => p.unitId === 'north-beijing' && p.role === 'rep')!.id;
    const outside = await post({ period: '2026-03', transactions: [tx('c1', 5, north)] });
    expect(outside.status).toBe(403);
    expect(outside.json.detail).toContain(north);
    const rep = await post({ period: '2026-03', transactions: [tx('c2', 5)] }, 'rep-001');
    expect(rep.status).toBe(403);
    expect(await storedIds('2026-03')).not.toContain('txn:2026-03:c1');
  });

  it('lets finance upload for anyone', async () => {
    const north = demo.people.find((p) => p.unitId === 'north-beijing' && p.role === 'rep')!.id;
    const res = await post({ period: '2026-03', transactions: [tx('c3', 5, north)] }, 'finance-1');
    expect(res.status).toBe(201);
  });

  it('refuses malformed uploads with 400 and the path of each wrong field', async () => {
    // Finance sees everyone, so an unknown person is a wrong field (for a manager it is a 403, below).
    const res = await post(
      {
        period: '2026-03',
        transactions: [
          { id: 'd1', date: '2026-04-01', amount: 1, credits: [{ personId: 'rep-001', share: 1 }] },
          { id: 'd2', date: '2026-03-02', amount: 1, credits: [{ personId: 'nobody', share: 1 }] },
          { id: 'd/3', date: '2026-03-02', amount: 1, credits: [{ personId: 'rep-001', share: 1 }] },
          {
            id: 'd4',
            date: '2026-03-02',
            amount: 1,
            credits: [{ personId: 'rep-001', share: 1 }],
            adjusts: { period: '2026-03', transactionId: 'a1' },
          },
        ],
      },
      'finance-1',
    );
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual([
      'transactions[0].date',
      'transactions[1].credits[0].personId',
      'transactions[2].id',
      'transactions[3].adjusts.period',
    ]);
    // For a manager, a person who does not exist is refused like one of another team: the same 403,
    // at the row naming them, so the answer does not tell whether the id exists.
    const unknown = await post({ period: '2026-03', transactions: [tx('u1', 1), tx('u2', 1, 'nobody')] });
    const foreign = await post({ period: '2026-03', transactions: [tx('u1', 1), tx('u2', 1, 'rep-097')] });
    expect([unknown.status, foreign.status]).toEqual([403, 403]);
    expect(unknown.json.errors).toEqual([
      { path: 'transactions[1].credits[0].personId', message: expect.stringContaining('"nobody"') },
    ]);
    expect(unknown.text.replaceAll('nobody', 'rep-097')).toBe(foreign.text);
    const shape = await post({ period: 'March', transactions: [{ id: 'e1', amount: 'ten', credits: [] }] });
    expect(shape.status).toBe(400);
    expect(shape.json.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining([
        'period',
        'transactions[0].date',
        'transactions[0].amount',
        'transactions[0].credits',
      ]),
    );
  });

  it('audits every upload that stored something, with the before and after hash of the period', async () => {
    const audit = await findDocs<{ action: string; beforeHash: string; afterHash: string; who: string }>(
      'audit',
      { action: 'actuals.upload' },
    );
    // a1+a2, a3, b2..b250, c3: four uploads stored something.
    expect(audit).toHaveLength(4);
    expect(audit.every((a) => a.beforeHash !== a.afterHash)).toBe(true);
  });
});
