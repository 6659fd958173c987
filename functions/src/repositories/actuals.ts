// The ledger of actuals in the `actuals` container, partition `<tenant>|<period>` (docs/architecture.md
// draws it). An upload of transactions is one immutable batch:
//   txn:<period>:<id>                       a claim per transaction id: its content hash and batch —
//                                           how an id already stored is found without reading the month;
//   txn-batch:<period>:<hash>               the batch head (written last: a batch is visible only whole),
//     …:c<k>                                over columnar blocks of at most BLOCK_ROWS transactions
//                                           and DOC_BYTES of JSON;
//   txn-person:<period>:<person>:<hash>     per person of the batch, the transactions crediting them
//                                           (a team's read is a key-range read of its people), in
//                                           parts …:p<k> past DOC_BYTES.
// The month's run reads the batch heads and their blocks: documents grow with batches, not with
// transactions. Metric actuals are append-only batches (latest upload wins per owner × metric × period).
import {
  childPeriods,
  monthsOf,
  type Target,
  type Transaction,
  type TransactionColumns,
} from '@teamsheet/shared';
import { getStore } from '../store/client';
import {
  appendAudit,
  readAuditTrail,
  mapBounded,
  queryByType,
  readChunkedVersion,
  readOne,
  writeChunkedVersion,
  type VersionHead,
} from '../store/docs';
import { contentHash } from '../store/hash';
import {
  batchHashOfPairs,
  blockTransaction,
  decodeBlock,
  encodeBlock,
  readBlock,
  transactionHash,
  type BlockColumns,
  type TransactionBlock,
} from './ledgerBlocks';

export const actualsPartition = (tenantId: string, period: string): string => `${tenantId}|${period}`;
export const transactionDocId = (period: string, transactionId: string): string =>
  `txn:${period}:${transactionId}`;
const batchHeadId = (period: string, batchHash: string) => `txn-batch:${period}:${batchHash.slice(0, 24)}`;
const personDocId = (period: string, personId: string, batchHash: string) =>
  `txn-person:${period}:${personId}:${batchHash.slice(0, 24)}`;
const personPrefix = (period: string, personId: string) => `txn-person:${period}:${personId}:`;

/** Transactions per columnar block (one chunk document). */
const BLOCK_ROWS = 5000;
/**
 * Largest JSON a block or a person's document is written with: Cosmos DB refuses a document over
 * 2 MB, and long ids, customers or many credits can take 5,000 rows (or one person's transactions of
 * a batch) past it. Such a block is cut in halves until it fits; a person's document is cut in parts.
 */
export const DOC_BYTES = 1_500_000;
/** A claim whose batch never became visible is an upload that died half way after this long. */
const ORPHAN_CLAIM_MS = 10 * 60 * 1000;

/** The batch's transactions (in id order) as blocks of BLOCK_ROWS, each cut in halves until under DOC_BYTES. */
function blocksOf(all: readonly Transaction[]): {
  blocks: TransactionBlock[];
  rows: number[];
  cut: boolean;
} {
  const blocks: TransactionBlock[] = [];
  const rowsOf: number[] = [];
  let cut = false;
  const add = (rows: readonly Transaction[]) => {
    const block = encodeBlock(rows);
    if (rows.length > 1 && Buffer.byteLength(JSON.stringify(block)) > DOC_BYTES) {
      cut = true;
      const half = Math.ceil(rows.length / 2);
      add(rows.slice(0, half));
      add(rows.slice(half));
    } else {
      blocks.push(block);
      rowsOf.push(rows.length);
    }
  };
  for (let i = 0; i < all.length; i += BLOCK_ROWS) add(all.slice(i, i + BLOCK_ROWS));
  return { blocks, rows: rowsOf, cut };
}

/** Transactions in consecutive parts whose JSON stays under DOC_BYTES (one part when they fit). */
function partsUnder(transactions: readonly Transaction[]): Transaction[][] {
  const parts: Transaction[][] = [[]];
  let bytes = 0;
  for (const t of transactions) {
    const size = Buffer.byteLength(JSON.stringify(t)) + 1;
    if (bytes + size > DOC_BYTES && parts.at(-1)!.length > 0) {
      parts.push([]);
      bytes = 0;
    }
    parts.at(-1)!.push(t);
    bytes += size;
  }
  return parts;
}

type ClaimDoc = {
  id: string;
  pk: string;
  type: 'txn-id';
  transactionId: string;
  hash: string;
  batchId: string;
  /** Index of the block of the batch that holds the transaction. */
  block: number;
  claimedAt: string;
};

export type TransactionBatchHead = VersionHead & {
  tenantId: string;
  period: string;
  batchHash: string;
  transactions: number;
  uploadedBy: string;
  uploadedAt: string;
};

type PersonDoc = {
  id: string;
  pk: string;
  type: 'txn-person';
  personId: string;
  batchId: string;
  transactions: Transaction[];
};

/** A stored transaction with where it is kept. */
export type TransactionDoc = {
  transactionId: string;
  period: string;
  hash: string;
  transaction: Transaction;
};

/** A stored transaction of a period, or undefined. */
export async function readTransaction(
  tenantId: string,
  period: string,
  transactionId: string,
): Promise<TransactionDoc | undefined> {
  const { containers } = await getStore();
  const pk = actualsPartition(tenantId, period);
  const claim = await readOne<ClaimDoc>(containers.actuals, transactionDocId(period, transactionId), pk);
  if (!claim) return undefined;
  const batch = await readOne<TransactionBatchHead>(containers.actuals, claim.batchId, pk);
  const chunkId = batch?.chunkIds[claim.block];
  const chunk = chunkId
    ? await readOne<{ items: TransactionBlock[] }>(containers.actuals, chunkId, pk)
    : undefined;
  const block = chunk?.items[0] && readBlock(chunk.items[0]);
  const row = block ? block.id.indexOf(transactionId) : -1;
  const transaction = block && row >= 0 ? blockTransaction(block, row) : undefined;
  return transaction ? { transactionId, period, hash: claim.hash, transaction } : undefined;
}

export type SaveTransactionsResult =
  | { status: 'saved'; received: number; stored: number; unchanged: number; hash: string }
  | { status: 'conflict'; ids: string[] };

/** The ids of the batches of a period that are visible (their head written). */
async function committedBatches(tenantId: string, period: string): Promise<Map<string, string>> {
  const { containers } = await getStore();
  const heads = await queryByType<{ id: string; batchHash: string }>(
    containers.actuals,
    actualsPartition(tenantId, period),
    'txn-batch',
    { fields: ['id', 'batchHash'] },
  );
  return new Map(heads.map((h) => [h.id, h.batchHash]));
}

/**
 * Stores the transactions of an upload as one batch: ids new to the period are written, ids stored
 * with the same content are left as they are, and an id stored with different content makes the
 * whole upload a conflict with nothing written. Claims are created all or nothing, so of two
 * concurrent uploads of one id exactly one claims it; reads take each id once.
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
  const incoming = new Map<string, { t: Transaction; hash: string }>();
  for (const t of args.transactions) incoming.set(t.id, { t, hash: transactionHash(t) });
  const ordered = [...incoming.values()].sort((a, b) => (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0));
  const batchHash = batchHashOfPairs(ordered.map((e) => [e.t.id, e.hash] as const));
  const batchId = batchHeadId(args.period, batchHash);
  const all = ordered.map((e) => e.t);
  const { blocks, rows, cut } = blocksOf(all);
  const blockOf = new Map<string, number>();
  for (let k = 0, i = 0; k < blocks.length; k++)
    for (let r = 0; r < rows[k]!; r++) blockOf.set(all[i++]!.id, k);

  const claimOf = (id: string, hash: string): ClaimDoc => ({
    id: transactionDocId(args.period, id),
    pk,
    type: 'txn-id',
    transactionId: id,
    hash,
    batchId,
    block: blockOf.get(id)!,
    claimedAt: uploadedAt,
  });

  // Claim every id; ids claimed before are sorted out (same content, other content, a dead upload's).
  let toClaim = ordered.map((e) => claimOf(e.t.id, e.hash));
  const unchanged = new Set<string>();
  const already = new Set<string>(); // claimed by an earlier try of this very batch
  for (let round = 0; toClaim.length > 0; round++) {
    const { conflicts } = await containers.actuals.createAll(pk, toClaim);
    if (conflicts.length === 0) break;
    if (round > 3) throw new Error(`transaction ids of ${args.period} keep conflicting`);
    const visible = await committedBatches(args.tenantId, args.period);
    const claimed = await mapBounded(conflicts, 16, (id) => containers.actuals.read<ClaimDoc>(pk, id));
    const refused: string[] = [];
    const now = Date.parse(uploadedAt);
    for (const claim of claimed) {
      if (!claim) continue; // taken back meanwhile: claim it in the next round
      const mine = incoming.get(claim.transactionId)!;
      if (claim.batchId === batchId) already.add(claim.transactionId);
      else if (claim.hash === mine.hash) {
        // Stored already, or claimed by an upload in flight or dead: counted as stored once visible;
        // while it is not, this batch carries the transaction too (a read takes each id once).
        if (visible.has(claim.batchId)) unchanged.add(claim.transactionId);
        else already.add(claim.transactionId);
      } else if (!visible.has(claim.batchId) && now - Date.parse(claim.claimedAt) > ORPHAN_CLAIM_MS) {
        const res = await containers.actuals.replace(
          pk,
          { ...claimOf(claim.transactionId, mine.hash) },
          claim._etag,
        );
        if (res.status === 'replaced') already.add(claim.transactionId);
      } else refused.push(claim.transactionId);
    }
    if (refused.length > 0) return { status: 'conflict', ids: refused.sort() };
    const settled = new Set([...unchanged, ...already]);
    toClaim = toClaim.filter((c) => !settled.has(c.transactionId));
  }

  const visible = await committedBatches(args.tenantId, args.period);
  // This very batch stored whole already (the same upload again, or a retry of one whose answer was
  // lost): every transaction is unchanged. Its own claims were sorted as `already` above.
  const again = visible.has(batchId);
  if (again) for (const e of ordered) unchanged.add(e.t.id);
  const others = new Map(visible);
  others.delete(batchId);
  const fresh = ordered.filter((e) => !unchanged.has(e.t.id)).map((e) => e.t);
  if (fresh.length > 0) {
    // Per person of the batch, then the batch itself (its head last makes it visible).
    const byPerson = new Map<string, Transaction[]>();
    for (const t of ordered.map((e) => e.t)) {
      for (const personId of new Set(t.credits.map((c) => c.personId))) {
        const list = byPerson.get(personId) ?? [];
        list.push(t);
        byPerson.set(personId, list);
      }
    }
    // A person's transactions in parts under DOC_BYTES: the first keeps the id it always had.
    const personDocs: PersonDoc[] = [...byPerson].flatMap(([personId, transactions]) =>
      partsUnder(transactions).map((part, k) => ({
        id: `${personDocId(args.period, personId, batchHash)}${k === 0 ? '' : `:p${k}`}`,
        pk,
        type: 'txn-person' as const,
        personId,
        batchId,
        transactions: part,
      })),
    );
    const { conflicts } = await containers.actuals.createAll(pk, personDocs);
    if (conflicts.length > 0) {
      // Written by an earlier try of this batch (content-addressed ids): write what is missing.
      const existing = new Set(conflicts);
      await containers.actuals.createAll(
        pk,
        personDocs.filter((d) => !existing.has(d.id)),
      );
    }
    const head = { tenantId: args.tenantId, period: args.period, batchHash, transactions: all.length };
    await writeChunkedVersion(containers.actuals, {
      headId: batchId,
      partition: { field: 'pk', value: pk },
      type: 'txn-batch',
      version: 1,
      head,
      items: blocks,
      chunkSize: 1,
      extra: { uploadedBy: args.who, uploadedAt },
      // The blocks are the batch's transactions, which batchHash covers one by one, laid out by the
      // rule named here (the byte limit only where it cut a block, so earlier batches hash as they did).
      hash: contentHash({
        head,
        blocks: { format: 1, rows: BLOCK_ROWS, batchHash, ...(cut ? { bytes: DOC_BYTES } : {}) },
      }),
    });
  }

  const stored = fresh.length;
  const batchesBefore = [...others.values()].sort();
  const batchesAfter = stored > 0 || again ? [...batchesBefore, batchHash].sort() : batchesBefore;
  const hash = contentHash({ period: args.period, batches: batchesAfter });
  // Audited when stored now, and when stored by an earlier try: the trail holds each change once, so
  // this writes the entry only if that try failed before writing it.
  const entity = `actuals:${args.tenantId}:${args.period}`;
  const audited =
    again &&
    (await readAuditTrail(args.tenantId, entity)).entries.some((e) => e.details?.batchId === batchId);
  if (stored > 0 || (again && !audited)) {
    await appendAudit({
      tenantId: args.tenantId,
      who: args.who,
      action: 'actuals.upload',
      entity,
      beforeHash: contentHash({ period: args.period, batches: batchesBefore }),
      afterHash: hash,
      at: uploadedAt,
      details: { stored: again ? ordered.length : stored, received: incoming.size, batchId },
    });
  }
  return { status: 'saved', received: args.transactions.length, stored, unchanged: unchanged.size, hash };
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
export function partitionsOf(period: string): string[] {
  const inner =
    period.length === 4
      ? [...childPeriods(period), ...monthsOf(period)]
      : period.includes('Q')
        ? monthsOf(period)
        : [];
  return [period, ...inner];
}

const byUploadThenId = (
  a: { uploadedAt: string; id: string },
  b: { uploadedAt: string; id: string },
): number => (a.uploadedAt < b.uploadedAt ? -1 : a.uploadedAt > b.uploadedAt ? 1 : a.id < b.id ? -1 : 1);

async function readMetricPartition(tenantId: string, period: string): Promise<Target[]> {
  const { containers } = await getStore();
  const pk = actualsPartition(tenantId, period);
  const heads = await queryByType<MetricActualsHead>(containers.actuals, pk, 'metric-actuals');
  heads.sort(byUploadThenId);
  const latest = new Map<string, Target>();
  for (const head of heads) {
    const stored = await readChunkedVersion<MetricActualsHead, Target>(containers.actuals, head.id, pk);
    for (const row of stored?.items ?? [])
      latest.set(`${row.owner}\u0000${row.metric}\u0000${row.period}`, row);
  }
  return [...latest.values()];
}

/** A batch of the ledger a reader used: what a payout run names instead of copying its transactions. */
export type LedgerBatchRef = { period: string; batchId: string; batchHash: string };

/** The transaction batches of one period's partition in upload order (or those of `only`), with their blocks. */
async function readBatchBlocks(tenantId: string, period: string, only?: ReadonlySet<string>) {
  const { containers } = await getStore();
  const pk = actualsPartition(tenantId, period);
  const heads = (await queryByType<TransactionBatchHead>(containers.actuals, pk, 'txn-batch')).filter(
    (h) => !only || only.has(h.id),
  );
  heads.sort(byUploadThenId);
  const chunks = await mapBounded(
    heads.flatMap((h) => h.chunkIds),
    8,
    (id) => readOne<{ items: TransactionBlock[] }>(containers.actuals, id, pk),
  );
  return { heads, chunks };
}

/** The transactions of the batches of one period's partition, each id once (the earliest batch's copy). */
async function readTransactionPartition(
  tenantId: string,
  period: string,
  only?: ReadonlySet<string>,
): Promise<{ transactions: Transaction[]; batches: LedgerBatchRef[] }> {
  const { heads, chunks } = await readBatchBlocks(tenantId, period, only);
  const seen = new Set<string>();
  const out: Transaction[] = [];
  for (const chunk of chunks) {
    if (!chunk) throw new Error(`a transaction batch of ${period} names a block that is missing`);
    for (const block of chunk.items)
      for (const t of decodeBlock(block)) {
        if (seen.has(t.id)) continue;
        seen.add(t.id);
        out.push(t);
      }
  }
  return {
    transactions: out,
    batches: heads.map((h) => ({ period, batchId: h.id, batchHash: h.batchHash })),
  };
}

/**
 * The transactions of `period` and the periods inside it, in id order, with the batches they came
 * from; with `batches`, only those (a stored run's inputs read again).
 */
export async function readLedger(
  tenantId: string,
  period: string,
  batches?: readonly LedgerBatchRef[],
): Promise<{ transactions: Transaction[]; batches: LedgerBatchRef[] }> {
  const parts = batches ? [...new Set(batches.map((b) => b.period))] : partitionsOf(period);
  const only = batches ? new Set(batches.map((b) => b.batchId)) : undefined;
  const read = await Promise.all(parts.map((p) => readTransactionPartition(tenantId, p, only)));
  // Ids are unique within a period's partition (a month and its quarter may each hold an id).
  const transactions = read.flatMap((r) => r.transactions).sort(byId);
  return { transactions, batches: read.flatMap((r) => r.batches) };
}

/**
 * The visible batches of `period` and the periods inside it, from their heads alone (no transaction
 * read): what a run names, and then reads with readLedgerColumns(…, { batches }).
 */
export async function ledgerBatches(tenantId: string, period: string): Promise<LedgerBatchRef[]> {
  const { containers } = await getStore();
  const read = await Promise.all(
    partitionsOf(period).map(async (p) => {
      const heads = await queryByType<TransactionBatchHead>(
        containers.actuals,
        actualsPartition(tenantId, p),
        'txn-batch',
        { fields: ['id', 'batchHash', 'uploadedAt'] },
      );
      return heads.sort(byUploadThenId).map((h) => ({ period: p, batchId: h.id, batchHash: h.batchHash }));
    }),
  );
  return read.flat();
}

type Run = { part: number; order: number; blocks: BlockColumns[]; first: string; last: string };

/** The visible batches of one period's partition in upload order, each with its blocks (rows in id order). */
async function readBatchRuns(
  tenantId: string,
  period: string,
  part: number,
  only?: ReadonlySet<string>,
): Promise<{ runs: Run[]; batches: LedgerBatchRef[] }> {
  const { heads, chunks } = await readBatchBlocks(tenantId, period, only);
  const runs: Run[] = [];
  let next = 0;
  heads.forEach((h, order) => {
    const blocks: BlockColumns[] = [];
    for (let k = 0; k < h.chunkIds.length; k++) {
      const chunk = chunks[next++];
      if (!chunk) throw new Error(`a transaction batch of ${period} names a block that is missing`);
      for (const stored of chunk.items) {
        const b = readBlock(stored);
        if (b.rows > 0) blocks.push(b);
      }
    }
    if (blocks.length === 0) return;
    runs.push({ part, order, blocks, first: blocks[0]!.id[0]!, last: blocks.at(-1)!.id.at(-1)! });
  });
  return { runs, batches: heads.map((h) => ({ period, batchId: h.id, batchHash: h.batchHash })) };
}

/**
 * The ledger of `period` (and the periods inside it) as the engine's transaction columns, without an
 * object per transaction: the same rows, in the same order, as readLedger's transactions — each id
 * once per partition (the earliest batch's copy), then in id order — less those crediting anyone
 * `keep` refuses (counted as `outside`). With `batches`, only those.
 */
export async function readLedgerColumns(
  tenantId: string,
  period: string,
  options: { keep?: (personId: string) => boolean; batches?: readonly LedgerBatchRef[] } = {},
): Promise<{ columns: TransactionColumns; batches: LedgerBatchRef[]; outside: number }> {
  const { batches: named, keep } = options;
  const parts = named ? [...new Set(named.map((b) => b.period))] : partitionsOf(period);
  const only = named ? new Set(named.map((b) => b.batchId)) : undefined;
  const read = await Promise.all(parts.map((p, i) => readBatchRuns(tenantId, p, i, only)));
  const runs = read.flatMap((r) => r.runs);

  // Rows in id order: batches whose id ranges do not overlap (the usual uploads: new ids each time)
  // are laid end to end; otherwise a merge of the sorted batches, dropping an id met again in the
  // same partition (a later batch's copy of a transaction stored already).
  const byFirst = [...runs].sort((a, b) =>
    a.first < b.first ? -1 : a.first > b.first ? 1 : a.part - b.part || a.order - b.order,
  );
  const disjoint = byFirst.every((r, i) => i === 0 || byFirst[i - 1]!.last < r.first);

  let rows = 0;
  let credits = 0;
  for (const r of runs)
    for (const b of r.blocks) {
      rows += b.rows;
      credits += b.creditPerson.length;
    }
  // Row i's id is block blockOf[i]'s row rowOf[i]: decoded only when asked for (columns.idOf).
  const blocks: BlockColumns[] = [];
  const blockOf = new Int32Array(rows);
  const rowOf = new Int32Array(rows);
  const date = new Int32Array(rows);
  const amount = new Float64Array(rows);
  const metric = new Int32Array(rows);
  const customer = new Int32Array(rows);
  const isNewCustomer = new Uint8Array(rows);
  const creditEnd = new Int32Array(rows);
  const creditPerson = new Int32Array(credits);
  const creditShare = new Float64Array(credits);
  const people: string[] = [];
  const personIndex = new Map<string, number>();
  const dates: string[] = [];
  const dateIndex = new Map<string, number>();
  const metrics: string[] = [];
  const metricIndex = new Map<string, number>();
  const customers: string[] = [];
  const customerIndex = new Map<string, number>();
  const extras = new Map<number, BlockColumns['extra'][string]>();
  const adjusting: number[] = [];
  /** Each of `keys` as its index in the ledger's dictionary `list`, added when new. */
  const indexesIn = (list: string[], index: Map<string, number>, keys: readonly string[]) => {
    const out = new Int32Array(keys.length);
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j]!;
      let i = index.get(key);
      if (i === undefined) {
        index.set(key, (i = list.length));
        list.push(key);
      }
      out[j] = i;
    }
    return out;
  };

  // Per block, its dictionaries mapped to the ledger's once: a row is then copied by index.
  type Prepared = {
    b: BlockColumns;
    /** The block's number in `blocks`. */
    index: number;
    date: Int32Array;
    person: Int32Array;
    kept: Uint8Array;
    allKept: boolean;
    metric: Int32Array;
    customer: Int32Array;
    extra: Uint8Array;
  };
  const prepared = new Map<BlockColumns, Prepared>();
  const keptByPerson: boolean[] = [];
  const prepare = (b: BlockColumns): Prepared => {
    let p = prepared.get(b);
    if (p) return p;
    const extra = new Uint8Array(b.rows);
    for (const k of Object.keys(b.extra)) extra[Number(k)] = 1;
    const person = indexesIn(people, personIndex, b.people);
    const kept = new Uint8Array(b.people.length).fill(1);
    let allKept = true;
    if (keep)
      for (let j = 0; j < person.length; j++) {
        // Asked once per person of the ledger, not once per block that names them.
        const i = person[j]!;
        let yes = keptByPerson[i];
        if (yes === undefined) keptByPerson[i] = yes = keep(people[i]!);
        if (!yes) {
          kept[j] = 0;
          allKept = false;
        }
      }
    p = {
      b,
      index: blocks.push(b) - 1,
      date: indexesIn(dates, dateIndex, b.dates),
      person,
      kept,
      allKept,
      metric: indexesIn(metrics, metricIndex, b.metrics),
      customer: indexesIn(customers, customerIndex, b.customers),
      extra,
    };
    prepared.set(b, p);
    return p;
  };

  let n = 0;
  let k = 0;
  let outside = 0;
  const emit = (p: Prepared, r: number) => {
    const { b } = p;
    const from = r === 0 ? 0 : b.creditEnd[r - 1]!;
    const to = b.creditEnd[r]!;
    if (!p.allKept)
      for (let j = from; j < to; j++)
        if (!p.kept[b.creditPerson[j]!]) {
          outside++;
          return;
        }
    blockOf[n] = p.index;
    rowOf[n] = r;
    date[n] = p.date[b.date[r]!]!;
    amount[n] = b.amount[r]!;
    const m = b.metric[r]!;
    metric[n] = m < 0 ? -1 : p.metric[m]!;
    const c = b.customer[r]!;
    customer[n] = c < 0 ? -1 : p.customer[c]!;
    if (p.extra[r]) {
      const extra = b.extra[r]!;
      if (extra.isNewCustomer) isNewCustomer[n] = 1;
      if (extra.writtenDate !== undefined || extra.lapseDate !== undefined || extra.adjusts !== undefined)
        extras.set(n, extra);
      if (extra.adjusts) adjusting.push(n);
    }
    for (let j = from; j < to; j++) {
      creditPerson[k] = p.person[b.creditPerson[j]!]!;
      creditShare[k++] = b.creditShare[j]!;
    }
    creditEnd[n++] = k;
  };

  /** A whole block whose every row is kept, column by column (the usual case). */
  const emitBlock = (p: Prepared) => {
    const { b } = p;
    const rows = b.rows;
    blockOf.fill(p.index, n, n + rows);
    for (let r = 0; r < rows; r++) {
      rowOf[n + r] = r;
      date[n + r] = p.date[b.date[r]!]!;
      const m = b.metric[r]!;
      metric[n + r] = m < 0 ? -1 : p.metric[m]!;
      const c = b.customer[r]!;
      customer[n + r] = c < 0 ? -1 : p.customer[c]!;
      creditEnd[n + r] = k + b.creditEnd[r]!;
    }
    amount.set(b.amount, n);
    const credits = b.creditPerson.length;
    for (let j = 0; j < credits; j++) creditPerson[k + j] = p.person[b.creditPerson[j]!]!;
    creditShare.set(b.creditShare, k);
    for (const key of Object.keys(b.extra)) {
      const row = Number(key);
      const extra = b.extra[key]!;
      if (extra.isNewCustomer) isNewCustomer[n + row] = 1;
      if (extra.writtenDate !== undefined || extra.lapseDate !== undefined || extra.adjusts !== undefined)
        extras.set(n + row, extra);
    }
    // In row order, as emit gives them.
    for (let r = 0; r < rows; r++) if (p.extra[r] && b.extra[r]!.adjusts) adjusting.push(n + r);
    n += rows;
    k += credits;
  };

  if (disjoint) {
    for (const run of byFirst)
      for (const b of run.blocks) {
        const p = prepare(b);
        if (p.allKept) emitBlock(p);
        else for (let r = 0; r < b.rows; r++) emit(p, r);
      }
  } else {
    // A k-way merge on (id, partition, upload order).
    type Cursor = { run: Run; block: number; row: number };
    const key = (c: Cursor) => c.run.blocks[c.block]!.id[c.row]!;
    const less = (a: Cursor, b: Cursor) => {
      const ka = key(a);
      const kb = key(b);
      return ka < kb || (ka === kb && (a.run.part - b.run.part || a.run.order - b.run.order) < 0);
    };
    const heap: Cursor[] = [];
    const up = (i: number) => {
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!less(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    };
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) return;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    };
    for (const run of runs) {
      heap.push({ run, block: 0, row: 0 });
      up(heap.length - 1);
    }
    let lastId: string | undefined;
    let lastPart = -1;
    while (heap.length > 0) {
      const top = heap[0]!;
      const b = top.run.blocks[top.block]!;
      const rowId = b.id[top.row]!;
      if (rowId !== lastId || top.run.part !== lastPart) {
        emit(prepare(b), top.row);
        lastId = rowId;
        lastPart = top.run.part;
      }
      if (++top.row >= b.rows) {
        top.row = 0;
        top.block++;
      }
      if (top.block >= top.run.blocks.length) {
        const end = heap.pop()!;
        if (heap.length > 0) {
          heap[0] = end;
          down(0);
        }
      } else down(0);
    }
  }

  const idOf = (row: number) => blocks[blockOf[row]!]!.id[rowOf[row]!]!;
  const columns: TransactionColumns = {
    count: n,
    idOf,
    date: date.subarray(0, n),
    dates,
    amount: amount.subarray(0, n),
    metric: metric.subarray(0, n),
    metrics,
    customer: customer.subarray(0, n),
    customers,
    isNewCustomer: isNewCustomer.subarray(0, n),
    creditEnd: creditEnd.subarray(0, n),
    creditPerson: creditPerson.subarray(0, k),
    creditShare: creditShare.subarray(0, k),
    people,
    adjusting,
    uniqueIds: parts.length === 1,
    transaction(row) {
      const from = row === 0 ? 0 : creditEnd[row - 1]!;
      const t: Transaction = {
        id: idOf(row),
        date: dates[date[row]!]!,
        amount: amount[row]!,
        credits: Array.from({ length: creditEnd[row]! - from }, (_, j) => ({
          personId: people[creditPerson[from + j]!]!,
          share: creditShare[from + j]!,
        })),
      };
      if (metric[row]! >= 0) t.metric = metrics[metric[row]!]!;
      if (customer[row]! >= 0) t.customerId = customers[customer[row]!]!;
      if (isNewCustomer[row]) t.isNewCustomer = true;
      const extra = extras.get(row);
      if (extra) Object.assign(t, extra);
      return t;
    },
  };
  return { columns, batches: read.flatMap((r) => r.batches), outside };
}

/** The hash a batch's transactions give: what its head's batchHash must be. */
export function batchHashOf(transactions: readonly Transaction[]): string {
  return batchHashOfPairs(
    transactions
      .map((t) => [t.id, transactionHash(t)] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  );
}

const byId = (a: Transaction, b: Transaction) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every transaction and metric actual stored for `period` and the periods inside it, transactions
 * in id order (the store's order is not part of the answer). The shape scoring reads.
 */
export async function readActuals(
  tenantId: string,
  period: string,
): Promise<{ transactions: Transaction[]; metricActuals: Target[] }> {
  const [ledger, metricActuals] = await Promise.all([
    readLedger(tenantId, period),
    readMetricActuals(tenantId, period),
  ]);
  return { transactions: ledger.transactions, metricActuals };
}

/**
 * readActuals narrowed to people: the transactions crediting any of `personIds` (key-range reads of
 * their documents) and the period's metric actuals. What scoring a unit reads.
 */
export async function readActualsOf(
  tenantId: string,
  period: string,
  personIds: readonly string[],
): Promise<{ transactions: Transaction[]; metricActuals: Target[] }> {
  const [transactions, metricActuals] = await Promise.all([
    readTransactionsOf(tenantId, period, personIds),
    readMetricActuals(tenantId, period),
  ]);
  return { transactions, metricActuals };
}

/** The metric actuals of `period` and the periods inside it, without reading any transaction. */
export async function readMetricActuals(tenantId: string, period: string): Promise<Target[]> {
  return (await Promise.all(partitionsOf(period).map((p) => readMetricPartition(tenantId, p)))).flat();
}

/**
 * The transactions of `period` and the periods inside it that credit any of `personIds`, each once,
 * in id order: key-range reads of those people's documents, nothing of anyone else's.
 */
export async function readTransactionsOf(
  tenantId: string,
  period: string,
  personIds: readonly string[],
): Promise<Transaction[]> {
  const { containers } = await getStore();
  const found = new Map<string, Transaction>();
  for (const part of partitionsOf(period)) {
    const pk = actualsPartition(tenantId, part);
    const visible = await committedBatches(tenantId, part);
    if (visible.size === 0) continue;
    const docs = await mapBounded(personIds, 16, (personId) => {
      const prefix = personPrefix(part, personId);
      return queryByType<PersonDoc>(containers.actuals, pk, 'txn-person', {
        idRange: { from: prefix, to: `${prefix}\uffff` },
      });
    });
    for (const [k, list] of docs.entries())
      for (const doc of list) {
        // The key range of "a" also holds "a:b"'s documents: only the person's own are theirs.
        if (doc.personId !== personIds[k] || !visible.has(doc.batchId)) continue;
        for (const t of doc.transactions)
          if (!found.has(`${part}\u0000${t.id}`)) found.set(`${part}\u0000${t.id}`, t);
      }
  }
  return [...found.values()].sort(byId);
}
