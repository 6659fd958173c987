// A block of transactions as columns, the form the ledger stores them in (docs/store.md, "The
// ledger"). Format 3, written now: the smallest text that parses fast. A stored document is still plain
// JSON (both adapters, Cosmos DB included), made of a few long strings: ids front-coded (rows are in id
// order, so each id is the length it shares with the one before plus the rest), dates, metrics,
// customers, people and credit shares as indexes into the block's own dictionaries, amounts as whole
// cents when every amount of the block is one, every number column as a little-endian typed array of
// the narrowest width that holds it, in base64. A month of 1M is about 30 MB of such text, against
// 80 MB in format 2 (the same without front coding, dictionaries of shares or narrow widths) and 70 MB
// of JSON arrays in format 1; reading a stored block costs what its text costs to read, parse and
// collect. Formats 1 and 2 are what earlier versions stored; history is append-only, so they stay
// readable. `decodeBlock(encodeBlock(ts))` gives back transactions equal to `ts` field for field.
import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import type { Transaction } from '@teamsheet/shared';
import { canonicalJson } from '../store/hash';

type Extra = Pick<Transaction, 'isNewCustomer' | 'writtenDate' | 'lapseDate' | 'adjusts'>;

/** Format 1, read only: the columns as JSON arrays. */
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

/** Format 2, read only: Int32 and Float64 columns in base64, the ids end to end with end offsets. */
export type TransactionBlockV2 = {
  format: 2;
  rows: number;
  ids: string;
  idEnd: string;
  dates: string[];
  date: string;
  amount: string;
  metrics: string[];
  metric: string;
  customers: string[];
  customer: string;
  people: string[];
  creditEnd: string;
  creditPerson: string;
  creditShare: string;
  extra: Record<string, Extra>;
};

/** A number column: little-endian values of one width in base64. */
type Packed = { of: 'u8' | 'u16' | 'i32' | 'f64'; data: string };

/** Format 3, what encodeBlock writes. Index columns hold index + 1, 0 for none. */
export type TransactionBlockV3 = {
  format: 3;
  rows: number;
  /** Per row, the length (UTF-16 code units) of the start its id shares with the id before (u8). */
  idShared: Packed;
  /** Per row, the length of the rest (u8: ids are at most 200 long). */
  idRest: Packed;
  /** The rests end to end. */
  ids: string;
  dates: string[];
  date: Packed;
  /** Whole cents (`cents: true`, i32) or the amounts themselves (f64). */
  amount: Packed & { cents: boolean };
  metrics: string[];
  metric: Packed;
  customers: string[];
  customer: Packed;
  people: string[];
  /** Per row, the number of credits (u8: at most 100). */
  credits: Packed;
  creditPerson: Packed;
  /** The distinct shares (f64, `shareCount` of them), and per credit its index (every credit has one). */
  shareCount: number;
  shares: Packed;
  creditShare: Packed;
  extra: Record<string, Extra>;
};

export type TransactionBlock = TransactionBlockV1 | TransactionBlockV2 | TransactionBlockV3;

/** A stored block read into memory, whatever its format: what the ledger's reads work from. */
export type BlockColumns = {
  rows: number;
  /** Decoded on first use in format 3 (a getter): read it once per loop, not per row. */
  readonly id: string[];
  date: Int32Array;
  dates: string[];
  amount: Float64Array;
  /** Index into `metrics`, -1 for none. */
  metric: Int32Array;
  metrics: string[];
  /** Index into `customers`, -1 for none. */
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

const WIDTH = { u8: 1, u16: 2, i32: 4, f64: 8 } as const;

const base64Of = (a: Uint8Array | Uint16Array | Int32Array | Float64Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** Non-negative integers below 2^31 in the narrowest width. */
function packIndexes(values: Int32Array, max: number): Packed {
  if (max < 0x100) return { of: 'u8', data: base64Of(Uint8Array.from(values)) };
  if (max < 0x10000) return { of: 'u16', data: base64Of(Uint16Array.from(values)) };
  return { of: 'i32', data: base64Of(values) };
}

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

/** A packed column's values (less `minus`: 1 for index + 1 columns) as Int32 or Float64. */
function unpack(p: Packed, count: number, field: string, minus = 0): Int32Array | Float64Array {
  const bytes = bytesOf(p.data, WIDTH[p.of] ?? 0, count, field);
  if (p.of === 'f64') return new Float64Array(bytes);
  const raw =
    p.of === 'u8' ? new Uint8Array(bytes) : p.of === 'u16' ? new Uint16Array(bytes) : new Int32Array(bytes);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = raw[i]! - minus;
  return out;
}
function unpackInts(p: Packed, count: number, field: string, minus = 0): Int32Array {
  if (p.of === 'f64') throw new Error(`a transaction block's ${field} is not a column of integers`);
  return unpack(p, count, field, minus) as Int32Array;
}

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

/** k / 100 when `a` is a whole number k of cents (that division gives back `a` exactly). */
const centsOf = (a: number): number | undefined => {
  const k = Math.round(a * 100);
  return Math.abs(k) < 2 ** 31 && k / 100 === a && !Object.is(a, -0) ? k : undefined;
};

export function encodeBlock(transactions: readonly Transaction[]): TransactionBlockV3 {
  const rows = transactions.length;
  const people = dictionary();
  const metrics = dictionary();
  const customers = dictionary();
  const dates = dictionary();
  const shareIndex = new Map<number, number>();
  const shares: number[] = [];
  let credits = 0;
  for (const t of transactions) credits += t.credits.length;
  const idShared = new Uint8Array(rows);
  const idRest = new Uint8Array(rows);
  const date = new Int32Array(rows);
  const cents = new Int32Array(rows);
  const amount = new Float64Array(rows);
  const metric = new Int32Array(rows);
  const customer = new Int32Array(rows);
  const creditCount = new Uint8Array(rows);
  const creditPerson = new Int32Array(credits);
  const creditShare = new Int32Array(credits);
  const extras: Record<string, Extra> = {};
  const rests: string[] = [];
  let allCents = true;
  let previous = '';
  let k = 0;
  transactions.forEach((t, row) => {
    const id = t.id;
    if (id.length > 255 || t.credits.length > 255)
      throw new Error('a transaction id of more than 255 characters or with more than 255 credits');
    let shared = 0;
    const most = Math.min(id.length, previous.length);
    while (shared < most && id.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    idShared[row] = shared;
    idRest[row] = id.length - shared;
    rests.push(shared === 0 ? id : id.slice(shared));
    previous = id;
    date[row] = dates.of(t.date);
    amount[row] = t.amount;
    if (allCents) {
      const c = centsOf(t.amount);
      if (c === undefined) allCents = false;
      else cents[row] = c;
    }
    metric[row] = t.metric === undefined ? 0 : metrics.of(t.metric) + 1;
    customer[row] = t.customerId === undefined ? 0 : customers.of(t.customerId) + 1;
    for (const c of t.credits) {
      creditPerson[k] = people.of(c.personId);
      // Map keys are SameValueZero, which would give -0 the index of 0: -0 is keyed as -Infinity,
      // never a share, so that it is given back as it came.
      const key = Object.is(c.share, -0) ? -Infinity : c.share;
      let s = shareIndex.get(key);
      if (s === undefined) shareIndex.set(key, (s = shares.push(c.share) - 1));
      creditShare[k++] = s;
    }
    creditCount[row] = t.credits.length;
    const extra: Extra = {};
    if (t.isNewCustomer !== undefined) extra.isNewCustomer = t.isNewCustomer;
    if (t.writtenDate !== undefined) extra.writtenDate = t.writtenDate;
    if (t.lapseDate !== undefined) extra.lapseDate = t.lapseDate;
    if (t.adjusts !== undefined) extra.adjusts = t.adjusts;
    if (Object.keys(extra).length > 0) extras[row] = extra;
  });
  return {
    format: 3,
    rows,
    idShared: { of: 'u8', data: base64Of(idShared) },
    idRest: { of: 'u8', data: base64Of(idRest) },
    ids: rests.join(''),
    dates: dates.list,
    date: packIndexes(date, dates.list.length),
    amount: allCents
      ? { cents: true, of: 'i32', data: base64Of(cents) }
      : { cents: false, of: 'f64', data: base64Of(amount) },
    metrics: metrics.list,
    metric: packIndexes(metric, metrics.list.length),
    customers: customers.list,
    customer: packIndexes(customer, customers.list.length),
    people: people.list,
    credits: { of: 'u8', data: base64Of(creditCount) },
    creditPerson: packIndexes(creditPerson, people.list.length),
    shareCount: shares.length,
    shares: { of: 'f64', data: base64Of(Float64Array.from(shares)) },
    creditShare: packIndexes(creditShare, shares.length),
    extra: extras,
  };
}

function readV3(b: TransactionBlockV3): BlockColumns {
  const rows = b.rows;
  const shared = unpackInts(b.idShared, rows, 'idShared');
  const rest = unpackInts(b.idRest, rows, 'idRest');
  // The ids are decoded when first asked for: a payout run reads a month's columns and needs the ids
  // of only a few rows (findings, ties), so most blocks never build their thousands of id strings.
  let ids: string[] | undefined;
  const decodeIds = () => {
    const id = new Array<string>(rows);
    let previous = '';
    for (let r = 0, from = 0; r < rows; r++) {
      const to = from + rest[r]!;
      const tail = b.ids.slice(from, to);
      const s = shared[r]!;
      previous = id[r] = s === 0 ? tail : previous.slice(0, s) + tail;
      from = to;
    }
    return id;
  };
  const count = unpackInts(b.credits, rows, 'credits');
  const creditEnd = new Int32Array(rows);
  let credits = 0;
  for (let r = 0; r < rows; r++) creditEnd[r] = credits += count[r]!;
  let amount: Float64Array;
  if (b.amount.cents) {
    const cents = unpackInts(b.amount, rows, 'amount');
    amount = new Float64Array(rows);
    for (let r = 0; r < rows; r++) amount[r] = cents[r]! / 100;
  } else amount = unpack(b.amount, rows, 'amount') as Float64Array;
  const shares = unpack(b.shares, b.shareCount, 'shares');
  const shareOf = unpackInts(b.creditShare, credits, 'creditShare');
  const creditShare = new Float64Array(credits);
  for (let j = 0; j < credits; j++) creditShare[j] = shares[shareOf[j]!]!;
  return {
    rows,
    get id() {
      return (ids ??= decodeIds());
    },
    date: unpackInts(b.date, rows, 'date'),
    dates: b.dates,
    amount,
    metric: unpackInts(b.metric, rows, 'metric', 1),
    metrics: b.metrics,
    customer: unpackInts(b.customer, rows, 'customer', 1),
    customers: b.customers,
    creditEnd,
    creditPerson: unpackInts(b.creditPerson, credits, 'creditPerson'),
    creditShare,
    people: b.people,
    extra: b.extra,
  };
}

function readV2(b: TransactionBlockV2): BlockColumns {
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

function readV1(b: TransactionBlockV1): BlockColumns {
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

/** A stored block of any format as in-memory columns. */
export function readBlock(b: TransactionBlock): BlockColumns {
  switch (b.format) {
    case 3:
      return readV3(b);
    case 2:
      return readV2(b);
    case 1:
      return readV1(b);
    default:
      throw new Error(`unknown transaction block format ${String((b as { format: unknown }).format)}`);
  }
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
