// The store contract: every operation of the port, and the repository rules built on it, run against
// both adapters — the embedded SQLite file and the real @azure/cosmos SDK against the Cosmos DB
// stand-in — with the same expectations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, Transaction } from '@teamsheet/shared';
import { HttpError } from '../src/http';
import { appendAudit, getStore, readAuditTrail, readOne, type Store } from '../src/store';
import { idempotent } from '../src/repositories';
import { readActuals, saveTransactions } from '../src/repositories/actuals';
import { assertPeriodOpen, closePeriod } from '../src/repositories/periods';
import { listPlanVersions, savePlanVersion } from '../src/repositories/plans';
import {
  listCompPlanVersions,
  readCompPlanVersion,
  saveCompPlanVersion,
} from '../src/repositories/compPlans';
import { openFreshStore, type TestAdapter } from './helpers';

const adapters: TestAdapter[] = ['embedded', 'cosmos'];
const summary = { errors: 0, warnings: 0, infos: 0 };
const plan = (value: number): Plan => ({
  unitId: 'team-1',
  period: '2026',
  templateVersion: '1',
  targets: [{ owner: 'rep-1', metric: 'revenue', period: '2026-01', value }],
});
const tx = (id: string, amount: number): Transaction => ({
  id,
  date: '2026-03-05',
  amount,
  credits: [{ personId: 'rep-1', share: 1 }],
});

describe.each(adapters)('the store contract on the %s adapter', (adapter) => {
  let opened: Awaited<ReturnType<typeof openFreshStore>>;
  let store: Store;
  beforeAll(async () => {
    opened = await openFreshStore(adapter);
    store = await getStore();
  });
  afterAll(async () => {
    await opened.close();
  });

  it('names itself', () => {
    expect(store.kind).toBe(adapter);
    expect(store.port.describe().adapter).toBe(
      adapter === 'embedded' ? 'embedded SQLite' : 'Azure Cosmos DB',
    );
  });

  it('creates if absent: of 20 racing creates of one id exactly one wins, and the first body stays', async () => {
    const h = store.containers.history;
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.create('demo|race', { id: 'one', pk: 'demo|race', writer: i })),
    );
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    const winner = outcomes.indexOf('created');
    expect(await readOne(h, 'one', 'demo|race')).toEqual({ id: 'one', pk: 'demo|race', writer: winner });
  });

  it('replaces only against the etag read: a stale etag changes nothing', async () => {
    const h = store.containers.history;
    await h.create('demo|cas', { id: 'doc', pk: 'demo|cas', n: 1 });
    const read = (await h.read<{ id: string; n: number }>('demo|cas', 'doc'))!;
    const first = await h.replace('demo|cas', { id: 'doc', pk: 'demo|cas', n: 2 }, read._etag);
    expect(first.status).toBe('replaced');
    const second = await h.replace('demo|cas', { id: 'doc', pk: 'demo|cas', n: 3 }, read._etag);
    expect(second).toEqual({ status: 'stale' });
    expect(await readOne(h, 'doc', 'demo|cas')).toMatchObject({ n: 2 });
  });

  it('creates a set of documents all or nothing: one existing id leaves none of the others', async () => {
    const a = store.containers.actuals;
    await a.create('demo|all', { id: 'b', pk: 'demo|all' });
    const res = await a.createAll('demo|all', [
      { id: 'a', pk: 'demo|all' },
      { id: 'b', pk: 'demo|all' },
      { id: 'c', pk: 'demo|all' },
    ]);
    expect(res.conflicts).toEqual(['b']);
    expect(await readOne(a, 'a', 'demo|all')).toBeUndefined();
    expect(await readOne(a, 'c', 'demo|all')).toBeUndefined();
    expect(
      (
        await a.createAll('demo|all', [
          { id: 'a', pk: 'demo|all' },
          { id: 'c', pk: 'demo|all' },
        ])
      ).conflicts,
    ).toEqual([]);
  });

  it('reads a partition by type, field, id range, order and limit, never another partition', async () => {
    const h = store.containers.history;
    for (const [id, pk, v] of [
      ['k:a:1', 'demo|q', 1],
      ['k:a:2', 'demo|q', 3],
      ['k:b:1', 'demo|q', 2],
      ['k:a:9', 'demo|other', 9],
    ] as const)
      await h.create(pk, { id, pk, type: 'k', unit: id.split(':')[1]!, v });
    await h.create('demo|q', { id: 'x', pk: 'demo|q', type: 'other', unit: 'a', v: 0 });
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(await h.query('demo|q', { types: 'k' }))).toEqual(['k:a:1', 'k:a:2', 'k:b:1']);
    expect(ids(await h.query('demo|q', { types: 'k', where: { unit: 'a' } }))).toEqual(['k:a:1', 'k:a:2']);
    expect(ids(await h.query('demo|q', { idRange: { from: 'k:a:', to: 'k:a:\uffff' } }))).toEqual([
      'k:a:1',
      'k:a:2',
    ]);
    expect(
      ids(await h.query('demo|q', { types: 'k', orderBy: { field: 'v', descending: true }, limit: 2 })),
    ).toEqual(['k:a:2', 'k:b:1']);
    expect(await h.query('demo|q', { types: 'k', where: { unit: 'b' }, fields: ['v'] })).toEqual([{ v: 2 }]);
  });

  it('keeps plan versions append-only with optimistic concurrency: a stale base is refused, nothing overwritten', async () => {
    const base = { tenantId: 'demo', author: 'mgr-1', summary, requestKey: null };
    const v1 = await savePlanVersion({ ...base, plan: plan(100), baseVersion: null });
    expect(v1.status).toBe('created');
    const racing = await Promise.all([
      savePlanVersion({ ...base, plan: plan(200), baseVersion: 1 }),
      savePlanVersion({ ...base, plan: plan(300), baseVersion: 1 }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual(['created', 'stale']);
    const stale = await savePlanVersion({ ...base, plan: plan(400), baseVersion: 1 });
    expect(stale).toMatchObject({ status: 'stale', baseVersion: 1, currentVersion: 2 });
    const versions = await listPlanVersions('demo', 'team-1', '2026');
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('keeps comp-plan versions append-only: of two stores on one base one wins, a retry of its request is replayed', async () => {
    const content = (amount: number) => ({
      plan: {
        id: 'sales',
        name: 'Sales',
        currency: 'CNY',
        components: [{ type: 'spiff' as const, id: 'new-customer', amount }],
      },
      effectiveFrom: '2026-04',
      appliesTo: { unitIds: ['team-1'] },
    });
    const base = { tenantId: 'demo', compPlanId: 'sales', author: 'finance-1', baseHash: null };
    const v1 = await saveCompPlanVersion({
      ...base,
      content: content(1),
      baseVersion: null,
      requestKey: 'k0',
    });
    expect(v1.status).toBe('created');
    const racing = await Promise.all([
      saveCompPlanVersion({ ...base, content: content(2), baseVersion: 1, requestKey: 'k1' }),
      saveCompPlanVersion({ ...base, content: content(3), baseVersion: 1, requestKey: 'k2' }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual(['created', 'stale']);
    const winner = racing.find((r) => r.status === 'created')!;
    const key = winner === racing[0] ? 'k1' : 'k2';
    const amount = winner === racing[0] ? 2 : 3;
    const retry = await saveCompPlanVersion({
      ...base,
      content: content(amount),
      baseVersion: 1,
      requestKey: key,
    });
    expect(retry.status).toBe('replayed');
    expect((await listCompPlanVersions('demo', 'sales')).map((d) => d.version)).toEqual([1, 2]);
    expect((await readCompPlanVersion('demo', 'sales'))?.plan.components[0]).toMatchObject({ amount });
    expect((await readCompPlanVersion('demo', 'sales', 1))?.plan.components[0]).toMatchObject({ amount: 1 });
  });

  it('replays an Idempotency-Key answer, and refuses the key with another body (422)', async () => {
    let runs = 0;
    const args = {
      tenantId: 'demo',
      caller: 'fin-1',
      key: `contract-${adapter}`,
      request: { a: 1 },
      run: async () => ({ status: 201, body: String(++runs) }),
    };
    expect(await idempotent(args)).toMatchObject({ body: '1', replayed: false });
    expect(await idempotent(args)).toMatchObject({ body: '1', replayed: true });
    const other = await idempotent({ ...args, request: { a: 2 } }).catch((e: unknown) => e);
    expect((other as HttpError).status).toBe(422);
  });

  it('closes a period once: then it refuses with 409, and a second close does too', async () => {
    await assertPeriodOpen('demo', '2026-05');
    await closePeriod({ tenantId: 'demo', period: '2026-05', runId: 'r', runHash: 'h', who: 'fin-1' });
    const refused = await assertPeriodOpen('demo', '2026-05').catch((e: unknown) => e);
    expect((refused as HttpError).status).toBe(409);
    const again = await closePeriod({
      tenantId: 'demo',
      period: '2026-05',
      runId: 'r',
      runHash: 'h',
      who: 'fin-2',
    }).catch((e: unknown) => e);
    expect((again as HttpError).status).toBe(409);
  });

  it('chains the audit trail: 12 racing appends to one entity make links 1..12, each naming the one before', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        appendAudit({
          tenantId: 'demo',
          who: `w${i}`,
          action: 'x.change',
          entity: 'x:1',
          beforeHash: null,
          afterHash: `h${i}`,
        }),
      ),
    );
    const trail = await readAuditTrail('demo', 'x:1');
    expect(trail.entries.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(trail.entries.map((e) => e.afterHash)).size).toBe(12);
    expect(trail.intact).toBe(true);
    // A tampered link is seen.
    const [first] = trail.entries;
    const h = store.containers.audit;
    const read = (await h.read(first!.pk, first!.id))!;
    await h.replace(first!.pk, { ...first!, who: 'someone else' }, read._etag);
    expect((await readAuditTrail('demo', 'x:1')).intact).toBe(false);
  });

  it('stores a transaction id once per period: racing uploads of one id with other content → one stored, one conflict', async () => {
    const upload = (amount: number) =>
      saveTransactions({
        tenantId: 'demo',
        period: '2026-03',
        transactions: [tx('t-1', amount), tx(`only-${amount}`, 1)],
        who: 'fin-1',
      });
    const results = await Promise.all([upload(10), upload(20)]);
    expect(results.map((r) => r.status).sort()).toEqual(['conflict', 'saved']);
    const { transactions } = await readActuals('demo', '2026-03');
    const kept = results.findIndex((r) => r.status === 'saved') === 0 ? 10 : 20;
    expect(transactions.map((t) => [t.id, t.amount])).toEqual([
      [`only-${kept}`, 1],
      ['t-1', kept],
    ]);
    // The same content again is unchanged, not a second copy.
    const again = await saveTransactions({
      tenantId: 'demo',
      period: '2026-03',
      transactions: [tx('t-1', kept)],
      who: 'fin-2',
    });
    expect(again).toMatchObject({ status: 'saved', stored: 0, unchanged: 1 });
    expect((await readActuals('demo', '2026-03')).transactions).toHaveLength(2);
  });
});
