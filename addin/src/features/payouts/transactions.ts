// The Transactions sheet: where a manager pastes the period's deals (from the CRM or finance), or loads
// the deals Teamsheet has stored (GET /api/actuals/{unitId}/{period}). One row per credit: a deal split
// between two people is two rows with the same id and their shares. People are shown by name and
// metrics by their labels; the hidden Lists sheet keeps each person's name beside their id, so the
// core's template reader reads the names back to ids.
import {
  NUMBER_FORMATS,
  fixedLists,
  getMetric,
  periodEnd,
  periodStart,
  readTable,
  type Finding,
  type Locale,
  type Person,
  type SheetDef,
  type Transaction,
} from '@teamsheet/shared';
import { demoActuals } from '@teamsheet/shared/demo';
import type { Api } from '../../api';
import { parseRange, type CellValue, type Workbook } from '../../office';
import { distinctNames, readNameIds, writeNameLists } from '../common/nameLists';

export const TRANSACTIONS_TABLE = 'TeamsheetTransactions';
const locales: readonly Locale[] = ['en', 'zh-CN'];
const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** The Transactions sheet's columns, parsed by the core's `readTable` like every template. */
export const transactionsSheet: SheetDef = {
  key: 'transactions',
  name: t('Transactions', '交易明细'),
  columns: [
    { key: 'id', header: t('Deal id', '单号'), type: 'text', required: true, aliases: ['Id', '编号'] },
    {
      key: 'date',
      header: t('Date', '日期'),
      type: 'date',
      required: true,
      numberFormat: NUMBER_FORMATS.date,
    },
    {
      key: 'amount',
      header: t('Amount', '金额'),
      type: 'number',
      required: true,
      numberFormat: NUMBER_FORMATS.currency,
    },
    { key: 'metric', header: t('Metric', '指标'), type: 'metric', required: false, list: 'metrics' },
    {
      key: 'person',
      header: t('Person', '人员'),
      type: 'owner',
      required: true,
      list: 'people',
      aliases: ['Rep', '销售代表'],
    },
    {
      key: 'share',
      header: t('Share', '分成比例'),
      type: 'percent',
      required: false,
      numberFormat: '0%',
      aliases: ['份额'],
    },
    { key: 'customer', header: t('Customer', '客户'), type: 'text', required: false },
    {
      key: 'newCustomer',
      header: t('New customer', '新客户'),
      type: 'boolean',
      required: false,
      list: 'booleans',
      values: fixedLists.booleans,
    },
  ],
};

/** How a credited person outside the caller's team is named on the sheet (numbered). */
const OUTSIDE_TEAM = t('Outside your team', '团队外人员');

export const transactionsSheetName = (locale: Locale) => transactionsSheet.name[locale];
const headers = (locale: Locale) => transactionsSheet.columns.map((c) => c.header[locale]);

/**
 * The rows of transactions: one per credit, people by `nameOf`, the metric by its label, shares as
 * fractions, new customer as Yes/No in the locale.
 */
function transactionRows(
  transactions: readonly Transaction[],
  locale: Locale,
  nameOf: (personId: string) => string,
): CellValue[][] {
  const yes = fixedLists.booleans[0].label[locale];
  const no = fixedLists.booleans[1].label[locale];
  return transactions.flatMap((tx) =>
    tx.credits.map((c) => [
      tx.id,
      tx.date,
      tx.amount,
      getMetric(tx.metric ?? 'revenue')?.label[locale] ?? tx.metric ?? null,
      nameOf(c.personId),
      c.share,
      tx.customerId ?? null,
      tx.isNewCustomer ? yes : no,
    ]),
  );
}

/**
 * Writes the Transactions table (empty, or with `transactions`): people by name with a drop-down of
 * their names, the ids beside them on the hidden Lists sheet.
 */
export async function insertTransactionsTemplate(
  workbook: Workbook,
  locale: Locale,
  people: readonly Pick<Person, 'id' | 'name'>[],
  transactions: readonly Transaction[] = [],
): Promise<{ sheet: string; rows: number }> {
  const sheet = transactionsSheetName(locale);
  const h = headers(locale);
  const numberFormats: Record<string, string> = {};
  for (const c of transactionsSheet.columns)
    if (c.numberFormat) numberFormats[c.header[locale]] = c.numberFormat;
  const known = new Set(people.map((p) => p.id));
  const outside = [
    ...new Set(
      transactions.flatMap((tx) => tx.credits.map((c) => c.personId)).filter((id) => !known.has(id)),
    ),
  ];
  // Someone outside `people` (another team's rep on a split deal) has no name the caller may read:
  // they are shown as "Outside your team 1", 2…, and read back to their id all the same.
  const names = distinctNames([
    ...people,
    ...outside.map((id, k) => ({ id, name: `${OUTSIDE_TEAM[locale]} ${k + 1}` })),
  ]);
  const [peopleRange = ''] = await writeNameLists(workbook, 'people', [
    {
      key: 'person',
      header: h[4]!,
      entries: [...people.map((p) => p.id), ...outside].map((id) => ({ id, name: names.get(id) ?? id })),
    },
  ]);
  const rows = transactionRows(transactions, locale, (id) => names.get(id) ?? id);
  // An empty template still gets a few rows, so the drop-downs and formats are there to type into.
  const body =
    rows.length > 0 ? rows : Array.from({ length: 5 }, () => Array<CellValue>(h.length).fill(null));
  await workbook.writeTable(sheet, {
    name: TRANSACTIONS_TABLE,
    headers: h,
    rows: body,
    numberFormats,
    validation: { [h[7]!]: fixedLists.booleans.map((b) => b.label[locale]) },
    ...(names.size > 0 ? { listRanges: { [h[4]!]: peopleRange } } : {}),
    freezeHeader: true,
  });
  return { sheet, rows: rows.length };
}

/** True when a transaction's date lies inside the period (inclusive). */
export function inPeriod(date: string, period: string): boolean {
  return date >= periodStart(period) && date <= periodEnd(period);
}

/**
 * The team's transactions of a period from the core's demo year (deterministic), for trying the
 * section in preview mode, where no cell can be typed into.
 */
export function sampleTransactions(people: readonly Person[], period: string): Transaction[] {
  const year = Number(period.slice(0, 4));
  const team = new Set(people.map((p) => p.id));
  return demoActuals({ people: [...people] }, year).transactions.filter(
    (tx) => inPeriod(tx.date, period) && tx.credits.every((c) => team.has(c.personId)),
  );
}

export interface TransactionsRead {
  transactions: Transaction[];
  findings: Finding[];
  sheet: string;
}

/**
 * The transactions of the sheet: rows with the same id become one transaction with one credit per
 * row (share 1 when empty). Unreadable cells are findings with their cell; their rows are left out.
 */
export async function readTransactions(workbook: Workbook, locale: Locale): Promise<TransactionsRead | null> {
  const owners = await readNameIds(workbook, 'people');
  for (const sheet of new Set([transactionsSheetName(locale), ...locales.map(transactionsSheetName)])) {
    const data = await workbook.readTable(sheet, TRANSACTIONS_TABLE);
    if (!data) continue;
    const start = parseRange(data.address).start;
    const { records, findings } = readTable(
      transactionsSheet,
      {
        headers: data.headers,
        rows: data.rows,
        sheetName: sheet,
        firstRow: start.row + 2,
        firstColumn: start.col + 1,
        owners,
      },
      locale,
    );
    const bad = new Set(
      findings
        .filter((f) => f.severity === 'error')
        .map((f) => /^transactions\[(\d+)\]/.exec(f.path)?.[1])
        .filter((i): i is string => i !== undefined)
        .map(Number),
    );
    const byId = new Map<string, Transaction>();
    for (const { index, values: v } of records) {
      if (bad.has(index)) continue;
      const id = String(v.id);
      const credit = { personId: String(v.person), share: typeof v.share === 'number' ? v.share : 1 };
      const existing = byId.get(id);
      if (existing) {
        existing.credits.push(credit);
        continue;
      }
      const tx: Transaction = {
        id,
        date: String(v.date),
        amount: Number(v.amount),
        metric: typeof v.metric === 'string' ? v.metric : 'revenue',
        credits: [credit],
      };
      if (typeof v.customer === 'string') tx.customerId = v.customer;
      if (v.newCustomer === true) tx.isNewCustomer = true;
      byId.set(id, tx);
    }
    return { transactions: [...byId.values()], findings, sheet };
  }
  return null;
}

/** What GET /api/actuals/{unitId}/{period} answers (functions/src/functions/actualsRead.ts). */
export interface StoredActuals {
  unitId: string;
  period: string;
  orgVersion: number;
  people: string[];
  transactions: Transaction[];
  counts: { transactions: number; credits: number; activities: number; metricActuals: number };
}

export type StoredTransactionsLoad =
  | { status: 'none'; period: string; unitId: string }
  | {
      status: 'loaded';
      period: string;
      unitId: string;
      sheet: string;
      transactions: number;
      rows: number;
      /** Deals split with someone outside `people`: their other rows stay on the sheet for reference. */
      sharedOutside: number;
    };

/**
 * Fills the Transactions sheet with the deals Teamsheet stores for the period that credit anyone of the
 * unit, every credit a row as stored. When nothing is stored the sheet is left as it is (it may hold
 * deals pasted by hand).
 */
export async function loadStoredTransactions(
  workbook: Workbook,
  api: Api,
  args: { unitId: string; period: string; locale: Locale; people: readonly Pick<Person, 'id' | 'name'>[] },
): Promise<StoredTransactionsLoad> {
  const { unitId, period, locale } = args;
  const stored = await api.get<StoredActuals>(
    `/api/actuals/${encodeURIComponent(unitId)}/${encodeURIComponent(period)}`,
  );
  if (stored.transactions.length === 0) return { status: 'none', period, unitId };
  const team = new Set(args.people.map((p) => p.id));
  const written = await insertTransactionsTemplate(workbook, locale, args.people, stored.transactions);
  return {
    status: 'loaded',
    period,
    unitId,
    sheet: written.sheet,
    transactions: stored.transactions.length,
    rows: written.rows,
    sharedOutside: stored.transactions.filter((tx) => tx.credits.some((c) => !team.has(c.personId))).length,
  };
}
