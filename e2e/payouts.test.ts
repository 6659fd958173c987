// Payouts end to end in real Chromium, preview mode: a demo manager inserts the comp-plan template,
// fills sample targets and deals, previews the team's payouts (POST /api/payouts/preview), sees the
// Payouts sheet and the attainment chart, and selects a payout cell to read its explanation; then loads
// the deals finance stored (POST /api/actuals) onto the Transactions sheet and previews from those;
// then the journey again in zh-CN. At each step the whole pane and every sheet on show read without a
// raw id (and in zh-CN without stray Latin words). Screenshots go to test-output/payouts/.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoOrg } from '@teamsheet/shared';
import { paneOf } from './support/pane';
import { devToken, useStack } from './support/stack';
import { offencesOn } from './support/visibleText';

const stack = useStack({ name: 'payouts', viewport: { width: 1400, height: 900 } });
const { shot, grid, cell, signIn, openSection, openSheet, primaryButtons } = paneOf(stack);
let page: Page;
const org = demoOrg();
const nameOf = (id: string) =>
  org.people.find((p) => p.id === id)?.name ?? org.units.find((u) => u.id === id)?.name ?? id;
/** The starter comp plan's ids (its own and its components'), which no one should read either. */
const planIds = ['new-customers', 'sales-2026'];
/** The pane and every sheet on show read by name: no raw id, and in zh-CN no stray Latin word. */
const readable = async (locale: 'en' | 'zh-CN') =>
  expect(await offencesOn(page, { locale, ids: planIds })).toEqual([]);
beforeAll(() => {
  page = stack.page;
});

describe('payouts in a browser (preview mode)', () => {
  it('signs in as a demo manager and opens the Payouts section', async () => {
    await signIn('[data-role="manager"]');
    await openSection('payouts');
    await page.getByTestId('payouts-period').fill('2026-03');
    await shot('01-payouts-section');
  });

  it('inserts the comp-plan template as Components and Tiers tables and checks it', async () => {
    await page.getByTestId('insert-compplan').click();
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Components');
    // components by name, the marker row hidden; the plan's settings in words on the Plan sheet
    expect(await cell('A2').textContent()).toBe('Component');
    expect(await cell('A3').textContent()).toBe('Commission');
    expect(await cell('A4').textContent()).toBe('New-customer bonus');
    expect(await page.locator('tr[data-hidden="true"]').count()).toBe(1);
    await page.getByTestId('sheet-tab-Plan').click();
    expect(await cell('B3').textContent()).toBe('Chinese Yuan');
    expect(await cell('B4').textContent()).toBe('Round half up');
    await page.getByTestId('check-compplan').click();
    await expect
      .poll(() => page.getByTestId('compplan-notice').textContent())
      .toContain('reads cleanly: 3 components');
    await page.getByTestId('sheet-tab-Tiers').click();
    expect(await cell('B4').textContent()).toBe('100%'); // the second tier starts at 100 % attainment
    expect(await cell('D4').textContent()).toBe('5.00%');
    await shot('02-comp-plan-tiers');
    await readable('en');
  });

  it('fills sample targets and deals, previews payouts, and shows the sheet and the chart', async () => {
    await page.getByTestId('fill-sample').click();
    await expect
      .poll(() => page.getByTestId('transactions-notice').textContent(), { timeout: 20_000 })
      .toMatch(/Wrote \d+ sample targets and \d+ sample deals of 2026-03/);
    await page.getByTestId('preview-payouts').click();
    await expect
      .poll(() => page.getByTestId('preview-notice').textContent(), { timeout: 30_000 })
      .toMatch(/Wrote payouts of \d+ people on Payouts: total [\d,.]+ CNY/);
    expect(await page.getByTestId('preview-notice').textContent()).toContain(
      'Quotas from the Targets sheet.',
    );
    // The notices are worded on show: a language switch re-words them, and back.
    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect
      .poll(() => page.getByTestId('preview-notice').textContent())
      .toMatch(/已在 Payouts 写入 \d+ 人的薪酬：合计 [\d,.]+ 人民币/);
    expect(await page.getByTestId('transactions-notice').textContent()).not.toMatch(/Wrote/);
    await page.getByTestId('language-select').selectOption('en');
    await expect
      .poll(() => page.getByTestId('preview-notice').textContent())
      .toMatch(/Wrote payouts of \d+ people on Payouts: total [\d,.]+ CNY/);
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Payouts');
    // The section's one primary button is the preview; inserting and loading prepare its sheets.
    expect(await primaryButtons()).toEqual(['Preview payouts']);
    expect(await cell('A1').textContent()).toBe('Name'); // people by name, no id column
    expect(await cell('B1').textContent()).toBe('Attainment');
    expect(await cell('E1').textContent()).toBe('Commission'); // the component by its kind, not its id
    // the sheet's chart (drawn by Excel; listed under the preview grid) and the pane's bars
    expect(await page.getByText(/Attainment by person/).count()).toBeGreaterThan(0);
    const bars = page.getByTestId('attainment-bar');
    expect(await bars.count()).toBeGreaterThan(0);
    // each bar labelled by the person's name, as the sheet's Name column has it
    const first = bars.first();
    const person = (await first.getAttribute('data-person'))!;
    expect(await first.locator('span').first().textContent()).toBe(nameOf(person));
    // the grand total on the sheet equals the notice's total
    const notice = (await page.getByTestId('preview-notice').textContent())!;
    const total = /total ([\d,.]+) CNY/.exec(notice)![1]!;
    const rows = await grid().locator('tr').count();
    let found = false;
    for (let r = 2; r <= rows; r++) {
      if ((await cell(`A${r}`).textContent()) === 'Total') {
        expect(await cell(`H${r}`).textContent()).toBe(total);
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
    await page.getByTestId('attainment-chart').scrollIntoViewIfNeeded();
    await shot('03-payouts-sheet-and-chart');
    // the sample Targets sheet names its owners too (the ids stay on the hidden Lists sheet)
    await readable('en');
  });

  it('explains a selected payout cell step by step', async () => {
    // the first person with a quota: their commission cell
    let row = 2;
    while (row < 40 && (await cell(`D${row}`).textContent()) === '') row++;
    await cell(`E${row}`).click();
    await expect.poll(() => page.getByTestId('explain-title').textContent()).toContain('Commission');
    const steps = await page.getByTestId('explain-steps').locator('li').allTextContents();
    expect(steps[0]).toMatch(/^credited -?[\d,]+\.\d{2,}$/);
    expect(steps[1]).toMatch(/^quota [\d,]+\.\d\d$/);
    expect(steps.some((s) => /^attainment [\d.]+ %$/.test(s))).toBe(true);
    // the last step's rounded amount is the cell's amount
    const amount = /→ (-?[\d,]+\.\d\d)$/.exec(steps.at(-1)!)![1];
    expect(await cell(`E${row}`).textContent()).toBe(amount);
    await page.getByTestId('explain').scrollIntoViewIfNeeded();
    await shot('04-explain-commission');
    await cell(`H${row}`).click();
    await expect.poll(() => page.getByTestId('explain-title').textContent()).toContain('total');
    expect(await page.getByTestId('explain-steps').textContent()).toMatch(
      /Sum of the lines: Commission [\d,.]+ \+/,
    );
    await page.getByTestId('explain').scrollIntoViewIfNeeded();
    await shot('05-explain-total');
    await readable('en');
  });

  it('loads the transactions Teamsheet stores for the team, then previews payouts from them', async () => {
    // finance uploads three deals of 2026-03: one for rep-001, one split half-and-half between rep-002
    // (Shanghai) and rep-008 (Hangzhou), and one for rep-008 alone, which is not the Shanghai team's
    const token = await devToken(stack.base, 'finance-1');
    const deal = (id: string, date: string, amount: number, credits: [string, number][]) => ({
      id,
      date,
      amount,
      credits: credits.map(([personId, share]) => ({ personId, share })),
    });
    const upload = await fetch(`${stack.base}/api/actuals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        period: '2026-03',
        transactions: [
          deal('e2e-sh-1', '2026-03-04', 12_000, [['rep-001', 1]]),
          deal('e2e-split-1', '2026-03-11', 8_000, [
            ['rep-002', 0.5],
            ['rep-008', 0.5],
          ]),
          deal('e2e-hz-1', '2026-03-18', 5_000, [['rep-008', 1]]),
        ],
      }),
    });
    expect(upload.status).toBe(201);

    // a month with nothing stored: said so, and the sheet keeps the sample deals
    await page.getByTestId('payouts-period').fill('2026-04');
    await page.getByTestId('load-transactions').click();
    await expect
      .poll(() => page.getByTestId('transactions-notice').textContent(), { timeout: 20_000 })
      .toContain('No transactions stored for 2026-04');
    expect(await page.getByTestId('transactions-notice').getAttribute('data-intent')).toBe('warning');

    await page.getByTestId('payouts-period').fill('2026-03');
    await page.getByTestId('load-transactions').click();
    await expect
      .poll(() => page.getByTestId('transactions-notice').textContent(), { timeout: 20_000 })
      .toContain(
        `Loaded 2 stored transactions of 2026-03 for ${nameOf('east-shanghai')} onto Transactions (3 rows`,
      );
    expect(await page.getByTestId('transactions-notice').textContent()).toContain(
      '1 of them are split with people outside your team',
    );
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Transactions');
    const table: string[][] = [];
    for (const r of [2, 3, 4])
      table.push(
        await Promise.all(['A', 'E', 'F'].map(async (c) => (await cell(`${c}${r}`).textContent()) ?? '')),
      );
    // people by name; rep-008, of Hangzhou, is someone outside the team (the manager may not read who)
    expect(table).toEqual([
      ['e2e-sh-1', nameOf('rep-001'), '100%'],
      ['e2e-split-1', nameOf('rep-002'), '50%'],
      ['e2e-split-1', 'Outside your team 1', '50%'],
    ]);
    expect(await cell('A5').textContent()).toBe(''); // e2e-hz-1 is Hangzhou's alone
    await shot('06-transactions-loaded');
    await readable('en');

    await page.getByTestId('preview-payouts').click();
    await expect
      .poll(() => page.getByTestId('preview-notice').textContent(), { timeout: 30_000 })
      .toMatch(/Wrote payouts of \d+ people on Payouts/);
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Payouts');
    // Credited (column C, people by name): rep-001 all of 12,000; rep-002 half of 8,000
    const sheetRows = await grid().locator('tr').count();
    const credited = async (personId: string) => {
      const name = nameOf(personId);
      for (let r = 2; r < sheetRows; r++)
        if ((await cell(`A${r}`).textContent()) === name) return cell(`C${r}`).textContent();
      return null;
    };
    expect(await credited('rep-001')).toBe('12,000.00');
    expect(await credited('rep-002')).toBe('4,000.00');
    expect(await credited('rep-008')).toBeNull(); // not on the Shanghai team's sheet
    // the split's other half is left out, and the finding calls its person as the sheet does
    expect(await page.getByTestId('preview-notice-findings').textContent()).toContain(
      'Person "Outside your team 1" is not among the people of this payout',
    );
    await shot('07-payouts-from-stored-transactions');
    await readable('en');
  });

  it('in zh-CN: the same journey reads in Chinese, people and components by name', async () => {
    // a fresh page load: an empty workbook, the language chosen before signing in
    await page.goto(`${stack.base}/taskpane.html`);
    await page.getByTestId('language-select').selectOption('zh-CN');
    await page.locator('[data-role="manager"]').first().click();
    await page.getByTestId('session').waitFor({ timeout: 20_000 });
    await openSection('payouts');
    await page.getByTestId('payouts-period').fill('2026-03');
    await page.getByTestId('insert-compplan').click();
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('薪酬项目');
    expect(await cell('A4').textContent()).toBe('新客户奖励');
    await readable('zh-CN');
    await page.getByTestId('fill-sample').click();
    await expect
      .poll(() => page.getByTestId('transactions-notice').getAttribute('data-intent'), { timeout: 20_000 })
      .toBe('success');
    await page.getByTestId('preview-payouts').click();
    await expect.poll(() => grid().getAttribute('data-sheet'), { timeout: 30_000 }).toBe('薪酬预览');
    const bar = page.getByTestId('attainment-bar').first();
    expect(await bar.locator('span').first().textContent()).toBe(
      nameOf((await bar.getAttribute('data-person'))!),
    );
    let row = 2;
    while (row < 40 && (await cell(`D${row}`).textContent()) === '') row++;
    await cell(`E${row}`).click();
    await expect.poll(() => page.getByTestId('explain-title').textContent()).toContain('提成');
    await page.getByTestId('attainment-chart').scrollIntoViewIfNeeded();
    await shot('08-zh-payouts-sheet-and-chart');
    await readable('zh-CN');
    await openSheet('目标');
    await shot('09-zh-sample-targets');
  });

  it('had no script errors on the way', () => {
    expect(stack.errors).toEqual([]);
  });
});
