// A block of transactions as columns, the form the ledger stores them in: one array per field, people
// and metrics as indexes into the block's own dictionaries, credits flattened with end offsets. It
// parses several times faster than the same transactions as objects and is about half the size;
// `decodeBlock(encodeBlock(ts))` gives back transactions equal to `ts` field for field.
import type { Transaction } from '@teamsheet/shared';

export type TransactionBlock = {
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
  extra: Record<string, Pick<Transaction, 'isNewCustomer' | 'writtenDate' | 'lapseDate' | 'adjusts'>>;
};

export function encodeBlock(transactions: readonly Transaction[]): TransactionBlock {
  const people = new Map<string, number>();
  const metrics = new Map<string, number>();
  const index = (m: Map<string, number>, key: string) => {
    let i = m.get(key);
    if (i === undefined) m.set(key, (i = m.size));
    return i;
  };
  const b: TransactionBlock = {
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
    const extra: TransactionBlock['extra'][string] = {};
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

export function decodeBlock(b: TransactionBlock): Transaction[] {
  if (b.format !== 1) throw new Error(`unknown transaction block format ${String(b.format)}`);
  const out = new Array<Transaction>(b.id.length);
  let start = 0;
  for (let row = 0; row < b.id.length; row++) {
    const end = b.creditEnd[row]!;
    const credits = new Array<Transaction['credits'][number]>(end - start);
    for (let k = start; k < end; k++)
      credits[k - start] = { personId: b.people[b.creditPerson[k]!]!, share: b.creditShare[k]! };
    start = end;
    const t: Transaction = { id: b.id[row]!, date: b.date[row]!, amount: b.amount[row]!, credits };
    const m = b.metric[row]!;
    if (m >= 0) t.metric = b.metrics[m]!;
    const customer = b.customer[row];
    if (customer !== null && customer !== undefined) t.customerId = customer;
    const extra = b.extra[row];
    if (extra) Object.assign(t, extra);
    out[row] = t;
  }
  return out;
}
