// Actuals of a period in the `actuals` container (partition `<tenant>|<period>`): each transaction is
// its own immutable document `txn:<period>:<id>`, so the same transaction uploaded twice is stored
// once, and changed content for a stored id is refused (a correction is a new transaction). Uploads
// are written in bounded-concurrency bulk batches, each operation carrying its partition key; nothing
// rests on batch atomicity: every document is whole on its own, and a retry writes what is missing.
// Metric actuals are append-only batches (latest upload wins per person × metric × period).
import { childPeriods, monthsOf, type Target, type Transaction } from '@teamsheet/shared';
import type { OperationInput } from '@azure/cosmos';
import { getStore } from './client';
import {
  appendAudit,
  mapBounded,
  queryByType,
  readChunkedVersion,
  readOne,
  writeChunkedVersion,
  type VersionHead,
} from './docs';
import { contentHash } from './hash';

export type TransactionDoc = {
  id: string;
  pk: string;
  type: 'transaction';
  tenantId: string;
  period: string;
  transactionId: string;
  hash: string;
  transaction: Transaction;
  uploadedBy: string;
  uploadedAt: string;
};

export const actualsPartition = (tenantId: string, period: string): string => `${tenantId}|${period}`;
export const transactionDocId = (period: string, transactionId: string): string =>
  `txn:${period}:${transactionId}`;

/**
 * Operations per executeBulkOperations call and calls in flight: bounded, so a large upload never
 * floods the store. The SDK splits each call into service batches of 100 under its own congestion
 * control, and waits up to 1 s for a partial batch to fill, so calls are large rather than many.
 */
const BULK_BATCH = 5000;
const BULK_CONCURRENCY = 2;
/** Documents per query page when reading a period's actuals. */
const PAGE_SIZE = 10_000;

/** The ids and content hashes of the transactions stored for a period (one projected query). */
export async function storedTransactionHashes(
  tenantId: string,
  period: string,
): Promise<Map<string, string>> {
  const { containers } = await getStore();
  const pk = actualsPartition(tenantId, period);
  const rows = await queryByType<{ transactionId: string; hash: string }>(
    containers.actuals,
    pk,
    'transaction',
    {
      fields: ['transactionId', 'hash'],
    },
  );
  return new Map(rows.map((r) => [r.transactionId, r.hash]));
}

/** A stored transaction of a period, or undefined. */
export async function readTransaction(
  tenantId: string,
  period: string,
  transactionId: string,
): Promise<TransactionDoc | undefined> {
  const { containers } = await getStore();
  return readOne<TransactionDoc>(
    containers.actuals,
    transactionDocId(period, transactionId),
    actualsPartition(tenantId, period),
  );
}

function setHash(hashes: ReadonlyMap<string, string>): string {
  return contentHash([...hashes].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

export type SaveTransactionsResult =
  | { status: 'saved'; received: number; stored: number; unchanged: number; hash: string }
  | { status: 'conflict'; ids: string[] };

/**
 * Stores the transactions of an upload: new ids are written, ids stored with the same content are
 * left as they are, and ids stored with different content make the whole upload a conflict before
 * anything is written. A concurrent writer of the same id is detected per document (409 on create).
 */
export async function saveTransactions(args: {
  tenantId: string;
  period: string;
  transactions: readonly Transaction[];
  who: string;
  at?: string;
}): Promise<SaveTransactionsResult> {
  const { containers } = await getStore();
  const pk = actualsPartition(args.tenantId, args.period);
  const uploadedAt = args.at ?? new Date().toISOString();
  const before = await storedTransactionHashes(args.tenantId, args.period);
  const incoming = new Map<string, { t: Transaction; hash: string }>();
  for (const t of args.transactions) incoming.set(t.id, { t, hash: contentHash(t) });
  const conflicts: string[] = [];
  const fresh: TransactionDoc[] = [];
  for (const [id, { t, hash }] of incoming) {
    const stored = before.get(id);
    if (stored === undefined)
      fresh.push({
        id: transactionDocId(args.period, id),
        pk,
        type: 'transaction',
        tenantId: args.tenantId,
        period: args.period,
        transactionId: id,
        hash,
        transaction: t,
        uploadedBy: args.who,
        uploadedAt,
      });
    else if (stored !== hash) conflicts.push(id);
  }
  if (conflicts.length > 0) return { status: 'conflict', ids: conflicts.sort() };

  const batches: TransactionDoc[][] = [];
  for (let i = 0; i < fresh.length; i += BULK_BATCH) batches.push(fresh.slice(i, i + BULK_BATCH));
  const raced = (
    await mapBounded(batches, BULK_CONCURRENCY, async (batch) => {
      const operations: OperationInput[] = batch.map((doc) => ({
        operationType: 'Create',
        partitionKey: pk,
        resourceBody: doc,
      }));
      const results = await containers.actuals.items.executeBulkOperations(operations);
      const lost: TransactionDoc[] = [];
      results.forEach((r, k) => {
        const status = r.response?.statusCode ?? r.error?.code;
        if (status === 201 || status === 200) return;
        if (status === 409) lost.push(batch[k]!);
        else
          throw new Error(
            `storing transaction ${batch[k]!.transactionId} failed with status ${String(status)}`,
          );
      });
      return lost;
    })
  ).flat();
  // An id created by a concurrent upload between our read and our write: fine when it is the same content.
  for (const doc of raced) {
    const winner = await readTransaction(args.tenantId, args.period, doc.transactionId);
    if (winner?.hash !== doc.hash) conflicts.push(doc.transactionId);
  }
  if (conflicts.length > 0) return { status: 'conflict', ids: conflicts.sort() };

  const after = new Map(before);
  for (const doc of fresh) after.set(doc.transactionId, doc.hash);
  const stored = fresh.length - raced.length;
  const hash = setHash(after);
  if (stored > 0) {
    await appendAudit({
      tenantId: args.tenantId,
      who: args.who,
      action: 'actuals.upload',
      entity: `actuals:${args.tenantId}:${args.period}`,
      beforeHash: setHash(before),
      afterHash: hash,
      at: uploadedAt,
      details: { stored, received: incoming.size },
    });
  }
  return {
    status: 'saved',
    received: args.transactions.length,
    stored,
    unchanged: incoming.size - stored,
    hash,
  };
}

// ---- metric actuals (Target rows: owner × metric × period = value)

type MetricActualsHead = VersionHead & {
  tenantId: string;
  period: string;
  uploadedBy: string;
  uploadedAt: string;
};

/** Stores metric actuals as one append-only batch; the same rows again are `unchanged`. */
export async function saveMetricActuals(args: {
  tenantId: string;
  period: string;
  rows: readonly Target[];
  who: string;
  at?: string;
}): Promise<{ status: 'created' | 'unchanged'; batchId: string; count: number; hash: string }> {
  const { containers } = await getStore();
  const pk = actualsPartition(args.tenantId, args.period);
  const headId = `metric-actuals:${args.period}:${contentHash({ period: args.period, rows: args.rows }).slice(0, 24)}`;
  const uploadedAt = args.at ?? new Date().toISOString();
  const res = await writeChunkedVersion(containers.actuals, {
    headId,
    partition: { field: 'pk', value: pk },
    type: 'metric-actuals',
    version: 1,
    head: { tenantId: args.tenantId, period: args.period },
    items: [...args.rows],
    chunkSize: 5000,
    extra: { uploadedBy: args.who, uploadedAt },
  });
  if (res.status === 'conflict') {
    const stored = await readOne<MetricActualsHead>(containers.actuals, headId, pk);
    return { status: 'unchanged', batchId: headId, count: args.rows.length, hash: stored?.hash ?? '' };
  }
  await appendAudit({
    tenantId: args.tenantId,
    who: args.who,
    action: 'actuals.metric-upload',
    entity: `metric-actuals:${args.tenantId}:${args.period}`,
    beforeHash: null,
    afterHash: res.doc.hash,
    at: uploadedAt,
    details: { batchId: headId, count: args.rows.length },
  });
  return { status: 'created', batchId: headId, count: args.rows.length, hash: res.doc.hash };
}

/** The period itself and the periods inside it, whose partitions hold its actuals. */
function partitionsOf(period: string): string[] {
  const inner =
    period.length === 4
      ? [...childPeriods(period), ...monthsOf(period)]
      : period.includes('Q')
        ? monthsOf(period)
        : [];
  return [period, ...inner];
}

async function readPartition(
  tenantId: string,
  period: string,
): Promise<{ transactions: Transaction[]; metricActuals: Target[] }> {
  const { containers } = await getStore();
  const pk = actualsPartition(tenantId, period);
  const { resources } = await containers.actuals.items
    .query<TransactionDoc | MetricActualsHead>(
      {
        query: 'SELECT * FROM c WHERE c.pk = @pk AND (c.type = @t OR c.type = @m)',
        parameters: [
          { name: '@pk', value: pk },
          { name: '@t', value: 'transaction' },
          { name: '@m', value: 'metric-actuals' },
        ],
      },
      // Large pages: a period holds up to hundreds of thousands of transactions, and every page is a
      // round trip (the embedded server even rescans the container per page).
      { partitionKey: pk, maxItemCount: PAGE_SIZE },
    )
    .fetchAll();
  const docs = resources.filter((d) => d.pk === pk);
  const transactions: Transaction[] = [];
  const heads: MetricActualsHead[] = [];
  for (const d of docs) {
    if (d.type === 'transaction') transactions.push((d as TransactionDoc).transaction);
    else heads.push(d as MetricActualsHead);
  }
  heads.sort((a, b) =>
    a.uploadedAt < b.uploadedAt ? -1 : a.uploadedAt > b.uploadedAt ? 1 : a.id < b.id ? -1 : 1,
  );
  const latest = new Map<string, Target>();
  for (const head of heads) {
    const stored = await readChunkedVersion<MetricActualsHead, Target>(containers.actuals, head.id, pk);
    for (const row of stored?.items ?? [])
      latest.set(`${row.owner}\u0000${row.metric}\u0000${row.period}`, row);
  }
  return { transactions, metricActuals: [...latest.values()] };
}

/**
 * Every transaction and metric actual stored for `period` and the periods inside it, transactions
 * in id order (the store's order is not part of the answer). The shape scoring reads (ScoringSources).
 */
export async function readActuals(
  tenantId: string,
  period: string,
): Promise<{ transactions: Transaction[]; metricActuals: Target[] }> {
  const parts = await Promise.all(partitionsOf(period).map((p) => readPartition(tenantId, p)));
  const transactions = parts
    .flatMap((p) => p.transactions)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { transactions, metricActuals: parts.flatMap((p) => p.metricActuals) };
}
