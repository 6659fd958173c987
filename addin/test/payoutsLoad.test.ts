// "Load transactions from Teamsheet" on the preview workbook: the answer of GET /api/actuals/{unitId}/
// {period} (sent as JSON through the add-in's own API client) becomes the Transactions sheet, one row
// per credited person, and reads back as the same deals; nothing stored leaves the sheet alone.
import type { Transaction } from '@teamsheet/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api';
import {
  TRANSACTIONS_TABLE,
  insertTransactionsTemplate,
  loadStoredTransactions,
  readTransactions,
  type StoredActuals,
} from '../src/features/payouts/transactions';
import { LISTS_SHEET, NAME_LISTS } from '../src/features/common/nameLists';
import { createPreviewWorkbook } from '../src/office';
import { apiAnswering } from './support/apiAnswering';

const team = [
  { id: 'rep-001', name: '王芳' },
  { id: 'rep-002', name: 'Li Lei' },
  { id: 'rep-003', name: '张伟' },
];
const stored: Transaction[] = [
  {
    id: 'sh-1',
    date: '2026-03-03',
    amount: 1200,
    metric: 'revenue',
    credits: [{ personId: 'rep-001', share: 1 }],
  },
  {
    id: 'split-1',
    date: '2026-03-10',
    amount: 800,
    metric: 'revenue',
    credits: [
      { personId: 'rep-002', share: 0.5 },
      { personId: 'rep-008', share: 0.5 }, // another team's rep
    ],
    customerId: 'c-9',
    isNewCustomer: true,
  },
  {
    id: 'ret-1',
    date: '2026-03-28',
    amount: -150.5,
    metric: 'revenue',
    credits: [{ personId: 'rep-003', share: 1 }],
  },
];

const answer = (transactions: Transaction[]): StoredActuals => ({
  unitId: 'east-shanghai',
  period: '2026-03',
  orgVersion: 1,
  people: ['mgr-east-shanghai', ...team.map((p) => p.id)],
  transactions,
  counts: {
    transactions: transactions.length,
    credits: transactions.reduce((n, t) => n + t.credits.length, 0),
    activities: 0,
    metricActuals: 0,
  },
});

describe('loading stored transactions onto the Transactions sheet', () => {
  it('writes one row per credited person and reads the same three deals back', async () => {
    const workbook = createPreviewWorkbook();
    const seen: string[] = [];
    const loaded = await loadStoredTransactions(workbook, apiAnswering(200, answer(stored), seen), {
      unitId: 'east-shanghai',
      period: '2026-03',
      locale: 'en',
      people: team,
    });
    expect(seen).toEqual(['http://host/api/actuals/east-shanghai/2026-03']);
    // 1 + 2 + 1 credits = 4 rows; the split deal is the one shared with someone outside the team
    expect(loaded).toEqual({
      status: 'loaded',
      period: '2026-03',
      unitId: 'east-shanghai',
      sheet: 'Transactions',
      transactions: 3,
      rows: 4,
      sharedOutside: 1,
    });
    // people by name and the metric by its label; rep-008, of another team, as someone outside it
    const table = await workbook.readTable('Transactions', TRANSACTIONS_TABLE);
    expect(table?.rows).toEqual([
      ['sh-1', '2026-03-03', 1200, 'Revenue', '王芳', 1, null, 'No'],
      ['split-1', '2026-03-10', 800, 'Revenue', 'Li Lei', 0.5, 'c-9', 'Yes'],
      ['split-1', '2026-03-10', 800, 'Revenue', 'Outside your team 1', 0.5, 'c-9', 'Yes'],
      ['ret-1', '2026-03-28', -150.5, 'Revenue', '张伟', 1, null, 'No'],
    ]);
    // the names beside their ids on the hidden Lists sheet, which the Person drop-down offers
    expect((await workbook.readTable(LISTS_SHEET, NAME_LISTS.people.table))?.rows).toEqual([
      ['王芳', 'rep-001'],
      ['Li Lei', 'rep-002'],
      ['张伟', 'rep-003'],
      ['Outside your team 1', 'rep-008'],
    ]);
    expect(workbook.sheet(LISTS_SHEET)?.hidden).toBe(true);
    expect(workbook.sheet('Transactions')?.cells.get('4,4')?.list).toEqual([
      '王芳',
      'Li Lei',
      '张伟',
      'Outside your team 1',
    ]);
    const read = await readTransactions(workbook, 'en');
    expect(read?.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(read?.transactions).toEqual(stored);
  });

  it('writes the sheet in Chinese for a zh-CN user, with 是/否 for new customers', async () => {
    const workbook = createPreviewWorkbook();
    const loaded = await loadStoredTransactions(workbook, apiAnswering(200, answer(stored)), {
      unitId: 'east-shanghai',
      period: '2026-03',
      locale: 'zh-CN',
      people: team,
    });
    expect(loaded.status === 'loaded' && loaded.sheet).toBe('交易明细');
    const table = await workbook.readTable('交易明细', TRANSACTIONS_TABLE);
    expect(table?.headers[0]).toBe('单号');
    expect(table?.rows[1]?.[7]).toBe('是');
    expect(table?.rows.map((r) => [r[3], r[4]])).toEqual([
      ['销售额', '王芳'],
      ['销售额', 'Li Lei'],
      ['销售额', '团队外人员 1'],
      ['销售额', '张伟'],
    ]);
    expect((await readTransactions(workbook, 'zh-CN'))?.transactions).toEqual(stored);
  });

  it('reads a person typed by name, by id or shared by two people (the id beside the name) back to their ids', async () => {
    const workbook = createPreviewWorkbook();
    const twins = [...team, { id: 'rep-009', name: '王芳' }];
    await insertTransactionsTemplate(workbook, 'en', twins);
    const lists = await workbook.readTable(LISTS_SHEET, NAME_LISTS.people.table);
    expect(lists?.rows.map((r) => r[0])).toEqual(['王芳 (rep-001)', 'Li Lei', '张伟', '王芳 (rep-009)']);
    await workbook.writeRange('Transactions', 'A2:E4', [
      ['d-1', '2026-03-02', 100, 'Revenue', '王芳 (rep-009)'],
      ['d-2', '2026-03-03', 200, 'revenue', 'Li Lei'],
      ['d-3', '2026-03-04', 300, null, 'rep-003'],
    ]);
    const read = await readTransactions(workbook, 'en');
    expect(read?.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(read?.transactions.map((t) => [t.id, t.metric, t.credits])).toEqual([
      ['d-1', 'revenue', [{ personId: 'rep-009', share: 1 }]],
      ['d-2', 'revenue', [{ personId: 'rep-002', share: 1 }]],
      ['d-3', 'revenue', [{ personId: 'rep-003', share: 1 }]],
    ]);
  });

  it('leaves a hand-filled sheet alone when nothing is stored for the period', async () => {
    const workbook = createPreviewWorkbook();
    await insertTransactionsTemplate(workbook, 'en', team, [stored[0]!]);
    const loaded = await loadStoredTransactions(workbook, apiAnswering(200, answer([])), {
      unitId: 'east-shanghai',
      period: '2026-04',
      locale: 'en',
      people: team,
    });
    expect(loaded).toEqual({ status: 'none', period: '2026-04', unitId: 'east-shanghai' });
    expect((await readTransactions(workbook, 'en'))?.transactions).toEqual([stored[0]]);
  });

  it('passes the server’s refusal on as an ApiError with its field path, writing nothing', async () => {
    const workbook = createPreviewWorkbook();
    const problem = {
      title: 'Bad Request',
      status: 400,
      detail: 'period: expected a period id',
      errors: [
        { path: 'period', message: 'expected a period id such as 2026, 2026-Q1 or 2026-03; got "2026-13"' },
      ],
    };
    const error = await loadStoredTransactions(workbook, apiAnswering(400, problem), {
      unitId: 'east-shanghai',
      period: '2026-13',
      locale: 'en',
      people: team,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldLines).toEqual([
      'period: expected a period id such as 2026, 2026-Q1 or 2026-03; got "2026-13"',
    ]);
    expect(await workbook.listSheets()).toEqual(['Sheet1']);
  });
});
