// Finance's view of a period end to end in real Chromium, preview mode, against the real routes: a run
// for 2026-03 is seeded through the API (a manager's targets as quotas, transactions uploaded by
// finance-1, a run created by finance-1 and approved by finance-2); finance-1 signs in, pulls the
// approved run into a sheet (compared cell by cell with the route's JSON), downloads the CSV (BOM,
// header, the same amounts), meets the message of a period without an approved run, and reads the
// section in Chinese. Screenshots go to test-output/payouts-finance/.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { paneOf } from './support/pane';
import { apiAs, useStack } from './support/stack';

const stack = useStack({ name: 'payouts-finance', viewport: { width: 1400, height: 900 } });
const { shot, grid, cell, signIn, openSection } = paneOf(stack);
let page: Page;

type ExportJson = {
  period: string;
  runId: string;
  hash: string;
  status: string;
  currency: string;
  totals: { amount: string; amountMinor: number };
  rows: {
    personId: string;
    personName: string;
    unitId: string;
    component: string;
    amount: string;
    currency: string;
    period: string;
    runId: string;
    hash: string;
  }[];
};

const api = (method: string, path: string, who: string, body: unknown, expected: number | number[]) =>
  apiAs(stack.base, method, path, who, body, expected);

/** Decimal text as the sheet's #,##0.00 shows it: "1200.00" → "1,200.00". */
const grouped = (amount: string) =>
  amount.replace(/^(-?\d+)/, (i) => i.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

// Retroactive 3 % of all revenue credited (one tier from 0 % attainment), quotas of 10,000:
// rep-001 sells 40,000.00 → 1,200.00; rep-003 8,000.35 → 240.0105 → 240.01; rep-004 2,500 + 2,500.50 → 150.02.
const plan = {
  id: 'finance-e2e',
  name: 'Finance e2e',
  currency: 'CNY',
  components: [
    {
      type: 'commission',
      id: 'commission',
      metric: 'revenue',
      mode: 'retroactive',
      tiers: [{ from: 0, to: null, rate: 0.03 }],
    },
  ],
};
const deals: [string, string, number][] = [
  ['rep-001', 'e2e-1', 40_000],
  ['rep-003', 'e2e-2', 8_000.35],
  ['rep-004', 'e2e-3', 2_500],
  ['rep-004', 'e2e-4', 2_500.5],
];
const expected: Record<string, string> = { 'rep-001': '1200.00', 'rep-003': '240.01', 'rep-004': '150.02' };

let run: ExportJson;

beforeAll(async () => {
  page = stack.page;
  await api(
    'PUT',
    '/api/plans/east-shanghai/2026-03',
    'mgr-east-shanghai',
    {
      unitId: 'east-shanghai',
      period: '2026-03',
      templateVersion: '1',
      targets: Object.keys(expected).map((owner) => ({
        owner,
        metric: 'revenue',
        period: '2026-03',
        value: 10_000,
      })),
    },
    201,
  );
  await api(
    'POST',
    '/api/actuals',
    'finance-1',
    {
      period: '2026-03',
      transactions: deals.map(([personId, id, amount], k) => ({
        id,
        date: `2026-03-${String(10 + k).padStart(2, '0')}`,
        amount,
        credits: [{ personId, share: 1 }],
      })),
    },
    201,
  );
  const created = await api(
    'POST',
    '/api/periods/2026-03/payout-runs',
    'finance-1',
    { plan, unitId: 'east-shanghai' },
    201,
  );
  await api(
    'POST',
    `/api/periods/2026-03/payout-runs/${String(created.runId)}/approve`,
    'finance-2',
    undefined,
    200,
  );
  run = (await api(
    'GET',
    '/api/periods/2026-03/payouts?format=json',
    'finance-1',
    undefined,
    200,
  )) as ExportJson;
});

describe('the finance view against the real routes (preview mode)', () => {
  it('the seeded run is approved and pays what the plan says', () => {
    expect(run.status).toBe('approved');
    const amounts = Object.fromEntries(run.rows.map((r) => [r.personId, r.amount]));
    for (const [person, amount] of Object.entries(expected)) expect(amounts[person]).toBe(amount);
    expect(run.totals.amount).toBe('1590.03'); // 1,200.00 + 240.01 + 150.02, everyone else 0.00
  });

  it('signs in as finance-1 and sees only the finance view of Payouts', async () => {
    await signIn('[data-person-id="finance-1"]');
    await openSection('payouts');
    await page.getByTestId('finance-view').waitFor();
    expect(await page.getByTestId('preview-payouts').count()).toBe(0); // manager tools are not a finance task
    await page.getByTestId('payouts-period').fill('2026-03');
  });

  it('pulls the approved run of 2026-03 into a sheet equal, row by row, to the route’s JSON', async () => {
    await page.getByTestId('pull-run').click();
    await expect
      .poll(() => page.getByTestId('finance-notice').textContent(), { timeout: 20_000 })
      .toContain(`Wrote ${run.rows.length} lines of the approved run of 2026-03 on Payroll 2026-03`);
    expect(await page.getByTestId('finance-notice').textContent()).toContain('total 1,590.03 CNY');
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Payroll 2026-03');
    const header = [];
    for (const c of 'ABCDEF') header.push(await cell(`${c}1`).textContent());
    expect(header).toEqual(['Name', 'Unit', 'Component', 'Amount', 'Currency', 'Period']);
    // Names, not ids: the unit by its name, the component by its kind (ids, run and hash stay in the files).
    for (const [i, r] of run.rows.entries()) {
      const row = [];
      for (const c of 'ABCDEF') row.push(await cell(`${c}${i + 2}`).textContent());
      expect(row).toEqual([
        r.personName,
        '上海团队 Shanghai',
        'Commission',
        grouped(r.amount),
        r.currency,
        r.period,
      ]);
    }
    expect(await grid().textContent()).not.toContain(run.runId);
    expect(await cell(`A${run.rows.length + 2}`).textContent()).toBe(''); // nothing past the run's lines
    await shot('01-run-pulled');
  });

  it('downloads the CSV export: BOM, payroll header, the same amounts as the JSON', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`payouts-2026-03-${run.runId}.csv`);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('person,name,unit,component,amount,currency,period,run id,hash');
    expect(lines.at(-1)).toBe(''); // the last record ends with CRLF too
    const body = lines.slice(1, -1).map((l) => l.split(','));
    expect(body.map((f) => [f[0], f[4]])).toEqual(run.rows.map((r) => [r.personId, r.amount]));
    expect(body.find((f) => f[0] === 'rep-001')?.[1]).toBe('刘涛'); // Chinese names survive the round trip
    await expect
      .poll(() => page.getByTestId('finance-notice').textContent())
      .toContain(`Downloaded payouts-2026-03-${run.runId}.csv.`);
    await shot('02-csv-downloaded');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`payouts-2026-03-${run.runId}.xlsx`);
    const zip = await readFile((await xlsx.path())!);
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK'); // an xlsx is a zip package
  });

  it('a period with no approved run says so and what to do, with nothing written', async () => {
    const sheets = await page.locator('[data-testid^="sheet-tab-"]').count();
    await page.getByTestId('payouts-period').fill('2026-04');
    await page.getByTestId('pull-run').click();
    const notice = page.getByTestId('finance-notice');
    await expect
      .poll(() => notice.textContent(), { timeout: 20_000 })
      .toContain('Period 2026-04 has no approved payout run yet.');
    expect(await notice.textContent()).toContain('have another finance person approve it');
    expect(await notice.getAttribute('data-intent')).toBe('warning');
    expect(await page.locator('[data-testid^="sheet-tab-"]').count()).toBe(sheets);
    expect(await page.getByTestId('error-bar').count()).toBe(0); // an expected state, not an error
    await shot('03-no-approved-run');
  });

  it('reads the Payouts section in Chinese, the notice on show included, and pulls again into the same sheet', async () => {
    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('finance-view').textContent()).toContain('财务：已审批薪酬');
    const view = page.getByTestId('finance-view');
    expect(await page.getByTestId('nav-payouts').textContent()).toContain('薪酬');
    expect(await page.getByTestId('pull-run').textContent()).toBe('拉取已审批批次');
    expect(await page.getByTestId('download-csv').textContent()).toBe('下载 CSV');
    expect(await view.textContent()).toContain('期间 2026-04 还没有已审批的薪酬批次');
    await page.getByTestId('payouts-period').fill('2026-03');
    const sheets = await page.locator('[data-testid^="sheet-tab-"]').count();
    await page.getByTestId('pull-run').click();
    // Pulled again in Chinese: the payroll sheet of the period is re-headed, not doubled.
    await expect
      .poll(() => page.getByTestId('finance-notice').textContent(), { timeout: 20_000 })
      .toContain(
        `已在工作表“Payroll 2026-03”写入 2026-03 已审批批次的 ${run.rows.length} 行，合计 1,590.03 人民币。`,
      );
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Payroll 2026-03');
    expect(await page.locator('[data-testid^="sheet-tab-"]').count()).toBe(sheets);
    expect(await cell('A1').textContent()).toBe('姓名');
    expect(await cell('C2').textContent()).toBe('提成');
    expect(await cell('D1').textContent()).toBe('金额');
    expect(await cell('D2').textContent()).toBe(grouped(run.rows[0]!.amount));
    await shot('04-zh-CN');
  });

  it('saw no page errors, and no failed answers but the expected 404 of 2026-04', () => {
    const unexpected = stack.errors.filter((e) => !/2026-04\/payouts\?format=json|status of 404/.test(e));
    expect(unexpected).toEqual([]);
  });
});
