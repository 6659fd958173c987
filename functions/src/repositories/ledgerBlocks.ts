// A block of transactions as columns, the form the ledger stores them in (docs/architecture.md, "The
// ledger"). Format 2, written since the store went columnar at scale: the ids end to end with their end
// offsets, dates, metrics, customers and people as indexes into the block's own dictionaries, numbers
// as little-endian typed arrays in base64, credits flattened with end offsets, the rarer fields by row.
// A stored document is still plain JSON (both adapters, Cosmos DB included), but parsing it touches a
// few long strings instead of an array element per field per transaction. Format 1 (the same columns
// as JSON arrays) is what earlier versions stored; history is append-only, so it stays readable.
// `decodeBlock(encodeBlock(ts))` gives back transactions equal to `ts` field for field.
import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import type { Transaction } from '@teamsheet/shared';
import { canonicalJson } from '../store/hash';

type Extra = Pick<Transaction, 'isNewCustomer' | 'writtenDate' | 'lapseDate' | 'adjusts'>;

/** Format 1, read only. */
export type TransactionBlockV1 = {
  format: 1;
  people: string[];
  metrics: string[];
  id: string[];
  date: string[];
  amount: number[];
  /** Index into `metrics`, -1 for none. */
  metric: number[];
  /** null for none. */
  customer: (string | null)[];
  /** End offset (exclusive) of each transaction's credits in creditPerson / creditShare. */
  creditEnd: number[];
  creditPerson: number[];
  creditShare: number[];
  /** The rarer fields, by row index. */
  extra: Record<string, Extra>;
};

/** Format 2, what encodeBlock writes. Typed columns are base64 of little-endian arrays. */
export type TransactionBlockV2 = {
  format: 2;
  rows: number;
  /** The ids end to end; `idEnd` (Int32) the end offset of each, in UTF-16 code units. */
  ids: string;
  idEnd: string;
  dates: string[];
  /** Int32 index into `dates`. */
  date: string;
  /** Float64. */
  amount: string;
  metrics: string[];
  /** Int32 index into `metrics`, -1 for none. */
  metric: string;
  customers: string[];
  /** Int32 index into `customers`, -1 for none. */
  customer: string;
  people: string[];
  /** Int32 end offset (exclusive) of each transaction's credits. */
  creditEnd: string;
  /** Int32 index into `people`. */
  creditPerson: string;
  /** Float64. */
  creditShare: string;
  extra: Record<string, Extra>;
};

export type TransactionBlock = TransactionBlockV1 | TransactionBlockV2;

/** A stored block read into memory, whatever its format: what the ledger's reads work from. */
export type BlockColumns = {
  rows: number;
  id: string[];
  date: Int32Array;
  dates: string[];
  amount: Float64Array;
  metric: Int32Array;
  metrics: string[];
  customer: Int32Array;
  customers: string[];
  creditEnd: Int32Array;
  creditPerson: Int32Array;
  creditShare: Float64Array;
  people: string[];
  extra: Record<string, Extra>;
};

// Typed arrays are in the machine's byte order; every platform Node runs the host on is little-endian.
if (endianness() !== 'LE') throw new Error('the ledger’s block format needs a little-endian machine');

const b64 = (a: Int32Array | Float64Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function bytesOf(text: string, width: number, count: number, field: string): ArrayBuffer {
  const buf = Buffer.from(text, 'base64');
  if (buf.byteLength !== width * count)
    throw new Error(`a transaction block's ${field} holds ${buf.byteLength} bytes, not ${width * count}`);
  // A small Buffer may sit at any offset of a shared pool: typed arrays need their own, aligned bytes.
  return buf.byteOffset % 8 === 0 && buf.byteLength === buf.buffer.byteLength
    ? buf.buffer
    : new Uint8Array(buf).buffer;
}
const int32s = (text: string, count: number, field: string) => new Int32Array(bytesOf(text, 4, count, field));
const float64s = (text: string, count: number, field: string) =>
  new Float64Array(bytesOf(text, 8, count, field));

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

export function encodeBlock(transactions: readonly Transaction[]): TransactionBlockV2 {
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
  const extras: Record<string, Extra> = {};
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
    const extra: Extra = {};
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

/** A stored block of either format as in-memory columns. */
export function readBlock(b: TransactionBlock): BlockColumns {
  if (b.format === 2) {
    const rows = b.rows;
    const idEnd = int32s(b.idEnd, rows, 'idEnd');
    const id = new Array<string>(rows);
    for (let r = 0, from = 0; r < rows; r++) {
      const to = idEnd[r]!;
      id[r] = b.ids.slice(from, to);
      from = to;
    }
    const creditEnd = int32s(b.creditEnd, rows, 'creditEnd');
    const credits = rows === 0 ? 0 : creditEnd[rows - 1]!;
    return {
      rows,
      id,
      date: int32s(b.date, rows, 'date'),
      dates: b.dates,
      amount: float64s(b.amount, rows, 'amount'),
      metric: int32s(b.metric, rows, 'metric'),
      metrics: b.metrics,
      customer: int32s(b.customer, rows, 'customer'),
      customers: b.customers,
      creditEnd,
      creditPerson: int32s(b.creditPerson, credits, 'creditPerson'),
      creditShare: float64s(b.creditShare, credits, 'creditShare'),
      people: b.people,
      extra: b.extra,
    };
  }
  if (b.format === 1) {
    const dates = dictionary();
    const customers = dictionary();
    return {
      rows: b.id.length,
      id: b.id,
      date: Int32Array.from(b.date, dates.of),
      dates: dates.list,
      amount: Float64Array.from(b.amount),
      metric: Int32Array.from(b.metric),
      metrics: b.metrics,
      customer: Int32Array.from(b.customer, (c) => (c === null || c === undefined ? -1 : customers.of(c))),
      customers: customers.list,
      creditEnd: Int32Array.from(b.creditEnd),
      creditPerson: Int32Array.from(b.creditPerson),
      creditShare: Float64Array.from(b.creditShare),
      people: b.people,
      extra: b.extra,
    };
  }
  throw new Error(`unknown transaction block format ${String((b as { format: unknown }).format)}`);
}

/** Row `row` of a block as a transaction. */
export function blockTransaction(b: BlockColumns, row: number): Transaction {
  const from = row === 0 ? 0 : b.creditEnd[row - 1]!;
  const to = b.creditEnd[row]!;
  const credits = new Array<Transaction['credits'][number]>(to - from);
  for (let k = from; k < to; k++)
    credits[k - from] = { personId: b.people[b.creditPerson[k]!]!, share: b.creditShare[k]! };
  const t: Transaction = { id: b.id[row]!, date: b.dates[b.date[row]!]!, amount: b.amount[row]!, credits };
  const m = b.metric[row]!;
  if (m >= 0) t.metric = b.metrics[m]!;
  const c = b.customer[row]!;
  if (c >= 0) t.customerId = b.customers[c]!;
  const extra = b.extra[row];
  if (extra) Object.assign(t, extra);
  return t;
}

export function decodeBlock(stored: TransactionBlock): Transaction[] {
  const b = readBlock(stored);
  return Array.from({ length: b.rows }, (_, row) => blockTransaction(b, row));
}

// ---- content hashes of transactions, fast

const TRANSACTION_KEYS = new Set([
  'adjusts',
  'amount',
  'credits',
  'customerId',
  'date',
  'id',
  'isNewCustomer',
  'lapseDate',
  'metric',
  'writtenDate',
]);
const str = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : undefined);
const num = (v: unknown) => (typeof v === 'number' ? JSON.stringify(v) : undefined);
const bool = (v: unknown) => (typeof v === 'boolean' ? (v ? 'true' : 'false') : undefined);

/**
 * canonicalJson(t) for a transaction of the API's schema, written out field by field in sorted key
 * order instead of by sorting each object's keys: the same text (functions/test/ledgerHash.test.ts
 * checks it on arbitrary transactions), several times faster. Anything of another shape (an unknown
 * field, a value of another type) is left to canonicalJson.
 */
export function canonicalTransactionJson(t: Transaction): string {
  const o = t as unknown as Record<string, unknown>;
  let keys = 0;
  for (const k in o) {
    if (!TRANSACTION_KEYS.has(k)) return canonicalJson(t);
    keys++;
  }
  if (keys !== Object.keys(o).length) return canonicalJson(t);
  const parts: string[] = [];
  const field = (name: string, text: string | undefined, value: unknown) => {
    if (value === undefined) return true;
    if (text === undefined) return false;
    parts.push(`"${name}":${text}`);
    return true;
  };
  let credits: string | undefined;
  if (Array.isArray(o.credits)) {
    const items: string[] = [];
    for (const c of o.credits as unknown[]) {
      if (c === null || typeof c !== 'object') return canonicalJson(t);
      const cc = c as Record<string, unknown>;
      const ks = Object.keys(cc);
      const person = str(cc.personId);
      const share = num(cc.share);
      if (ks.length !== 2 || person === undefined || share === undefined) return canonicalJson(t);
      items.push(`{"personId":${person},"share":${share}}`);
    }
    credits = `[${items.join(',')}]`;
  }
  let adjusts: string | undefined;
  if (o.adjusts !== undefined) {
    const a = o.adjusts as Record<string, unknown> | null;
    if (a === null || typeof a !== 'object' || Object.keys(a).length !== 2) return canonicalJson(t);
    const period = str(a.period);
    const id = str(a.transactionId);
    if (period === undefined || id === undefined) return canonicalJson(t);
    adjusts = `{"period":${period},"transactionId":${id}}`;
  }
  const ok =
    field('adjusts', adjusts, o.adjusts) &&
    field('amount', num(o.amount), o.amount) &&
    field('credits', credits, o.credits) &&
    field('customerId', str(o.customerId), o.customerId) &&
    field('date', str(o.date), o.date) &&
    field('id', str(o.id), o.id) &&
    field('isNewCustomer', bool(o.isNewCustomer), o.isNewCustomer) &&
    field('lapseDate', str(o.lapseDate), o.lapseDate) &&
    field('metric', str(o.metric), o.metric) &&
    field('writtenDate', str(o.writtenDate), o.writtenDate);
  return ok ? `{${parts.join(',')}}` : canonicalJson(t);
}

/** contentHash(t) of a transaction, by canonicalTransactionJson. */
export function transactionHash(t: Transaction): string {
  return createHash('sha256').update(canonicalTransactionJson(t), 'utf8').digest('hex');
}

/**
 * contentHash of a batch: its [id, transaction hash] pairs in id order. Only strings inside arrays,
 * whose canonical JSON is JSON.stringify's.
 */
export function batchHashOfPairs(pairs: readonly (readonly [string, string])[]): string {
  return createHash('sha256').update(JSON.stringify(pairs), 'utf8').digest('hex');
}
