// The finance view's reading of GET /api/periods/{period}/payouts?format=json: the answer is built the
// way the route builds it — lines from the real engine, rows from the core's payoutExportRows — sent as
// JSON through the add-in's own API client, and written to a sheet of the preview workbook.
import { computePayouts, payoutExportRows, type PayoutRequest } from '@teamsheet/shared';
import { revenueCommission, sampleCompPlan } from '@teamsheet/shared/fixtures';
import { describe, expect, it } from 'vitest';
import { ApiError, createApi, fileNameOf } from '../src/api';
import {
  RUN_TABLE,
  UnexpectedRunAnswer,
  amountFormat,
  downloadExport,
  fetchApprovedRun,
  readApprovedRun,
  runSheetName,
  writeRunSheet,
} from '../src/features/payouts/finance';
import { createPreviewWorkbook } from '../src/office';
import { apiAnswering } from './support/apiAnswering';

// Retroactive 3 % of everything credited (one tier from 0 % attainment), a quota of 10,000 each:
// r1 sells 12,000.00 → 360.00; r2 8,000.35 → 240.0105 → 240.01; r3 2,500 + 2,500.50 → 150.015 → 150.02.
const request: PayoutRequest = {
  period: '2026-03',
  plan: { ...sampleCompPlan(), components: [revenueCommission('retroactive', [[0, 0.03]])] },
  people: [
    { id: 'r1', name: '刘涛', unitId: 'east', role: 'rep' },
    { id: 'r2', name: 'Huang Li', unitId: 'east', role: 'rep' },
    { id: 'r3', name: '=cmd', unitId: 'west', role: 'rep' },
  ],
  quotas: ['r1', 'r2', 'r3'].map((personId) => ({
    personId,
    metric: 'revenue',
    period: '2026-03',
    value: 10_000,
  })),
  transactions: [
    { id: 'a', date: '2026-03-02', amount: 12_000, credits: [{ personId: 'r1', share: 1 }] },
    { id: 'b', date: '2026-03-09', amount: 8_000.35, credits: [{ personId: 'r2', share: 1 }] },
    { id: 'c', date: '2026-03-10', amount: 2_500, credits: [{ personId: 'r3', share: 1 }] },
    { id: 'd', date: '2026-03-20', amount: 2_500.5, credits: [{ personId: 'r3', share: 1 }] },
  ],
};

/** The route's JSON answer for an approved run of `request` (payoutsExport.ts, format=json). */
function exportAnswer() {
  const result = computePayouts(request);
  const head = { runId: 'run-2026-03-1', runHash: 'sha256-abc', currency: result.currency };
  const rows = payoutExportRows({
    period: '2026-03',
    runId: head.runId,
    hash: head.runHash,
    currency: head.currency,
    lines: result.lines,
    people: request.people,
  });
  return {
    period: '2026-03',
    runId: head.runId,
    hash: head.runHash,
    status: 'approved',
    currency: head.currency,
    totals: result.totals,
    rows,
  };
}

describe('finance view: the approved run from the export JSON', () => {
  it('reads the route’s JSON as it is: rows of personId, personName, unitId, component, amount', async () => {
    const seen: string[] = [];
    const run = await fetchApprovedRun(apiAnswering(200, exportAnswer(), seen), '2026-03');
    expect(seen).toEqual(['http://host/api/periods/2026-03/payouts?format=json']);
    expect(run).toMatchObject({ period: '2026-03', runId: 'run-2026-03-1', hash: 'sha256-abc' });
    expect(run.currency).toBe('CNY');
    expect(run.totals.amount).toBe('750.03'); // 360.00 + 240.01 + 150.02
    expect(run.rows.map((r) => [r.personId, r.personName, r.unitId, r.component, r.amount])).toEqual([
      ['r1', '刘涛', 'east', 'commission', '360.00'],
      ['r2', 'Huang Li', 'east', 'commission', '240.01'],
      ['r3', '=cmd', 'west', 'commission', '150.02'],
    ]);
  });

  it('writes one row per export row, by names, with the amounts as numbers in the currency’s format', async () => {
    const workbook = createPreviewWorkbook();
    const run = await fetchApprovedRun(apiAnswering(200, exportAnswer()), '2026-03');
    const headers = {
      name: 'Name',
      unit: 'Unit',
      component: 'Component',
      amount: 'Amount',
      currency: 'Currency',
      period: 'Period',
    };
    // Names, not ids: units by name, components by kind (the ids, run and hash stay in the files).
    const names = {
      unit: (id: string) => ({ east: '华东大区', west: '华西大区' })[id] ?? '?',
      component: (id: string) => (id === 'commission' ? 'Commission' : '?'),
    };
    const sheet = await writeRunSheet(workbook, run, headers, 'en', names);
    expect(sheet).toBe('Payroll 2026-03');
    const table = await workbook.readTable(sheet, RUN_TABLE);
    expect(table?.headers).toEqual(Object.values(headers));
    expect(table?.rows).toEqual([
      ['刘涛', '华东大区', 'Commission', 360, 'CNY', '2026-03'],
      ['Huang Li', '华东大区', 'Commission', 240.01, 'CNY', '2026-03'],
      ['=cmd', '华西大区', 'Commission', 150.02, 'CNY', '2026-03'],
    ]);
    expect(runSheetName('2026-03', 'zh-CN')).toBe('薪酬发放 2026-03');
  });

  it('refuses an answer that is not the export’s JSON (the old guessed `lines` shape) by naming the field', () => {
    const { rows, ...rest } = exportAnswer();
    expect(() => readApprovedRun({ ...rest, lines: rows })).toThrow(new UnexpectedRunAnswer('rows'));
    expect(() => readApprovedRun({ ...rest, rows: [{ ...rows[0], amount: 360 }] })).toThrow(
      'no valid "rows[0].amount"',
    );
    expect(() => readApprovedRun(null)).toThrow(UnexpectedRunAnswer);
  });

  it('formats amounts with the currency’s minor digits', () => {
    expect(amountFormat('CNY')).toBe('#,##0.00');
    expect(amountFormat('JPY')).toBe('#,##0');
  });
});

describe('finance view: the export download', () => {
  it('takes the file name from Content-Disposition, without path separators', () => {
    expect(fileNameOf('attachment; filename="payouts-2026-03-run-1.csv"')).toBe('payouts-2026-03-run-1.csv');
    expect(fileNameOf('attachment; filename=a/b.xlsx')).toBe('a_b.xlsx');
    expect(fileNameOf(null)).toBeUndefined();
  });

  it('turns a 404 of a period without an approved run into the API’s own error, with its problem', async () => {
    const problem = {
      title: 'No approved payout run for 2026-04',
      status: 404,
      key: 'export.no-approved-run',
    };
    const seen: { url: string; auth: string | undefined; language: string | undefined }[] = [];
    const api = createApi({
      base: 'http://host',
      getToken: () => 'token-1',
      getLocale: () => 'zh-CN',
      fetch: (input, init) => {
        const headers = init?.headers as Record<string, string> | undefined;
        seen.push({
          url: String(input),
          auth: headers?.authorization,
          language: headers?.['accept-language'],
        });
        return Promise.resolve(
          new Response(JSON.stringify(problem), {
            status: 404,
            headers: { 'content-type': 'application/problem+json' },
          }),
        );
      },
    });
    const error = await downloadExport(api, '2026-04', 'csv').catch((e: unknown) => e);
    expect(seen).toEqual([
      {
        url: 'http://host/api/periods/2026-04/payouts?format=csv',
        auth: 'Bearer token-1',
        language: 'zh-CN',
      },
    ]);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).problem.title).toBe('No approved payout run for 2026-04');
  });
});
