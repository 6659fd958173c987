// Finance's journey end to end in real Chromium (preview mode), in English and then in Chinese, against
// the real routes: finance-1 stores the comp-plan sheets as a version effective from the month, creates
// the month's run from it, cannot approve their own run and is told why; finance-2 opens the run,
// approves it and closes the period after the confirmation; the CSV and xlsx downloads hold the run's
// amounts. Each screen of the journey is checked for raw ids and (in zh-CN) Latin words; screenshots
// go to test-output/finance-journey/.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { paneOf } from './support/pane';
import { apiAs, useStack } from './support/stack';
import { findOffences, readVisibleTexts } from './support/visibleText';
import { TEMPLATE_VERSION } from '@teamsheet/shared';

const stack = useStack({ name: 'finance-journey', viewport: { width: 1400, height: 1000 } });
const { shot, signIn, openSection, primaryButtons } = paneOf(stack);
let page: Page;

/** The comp plan finance works on: tiered commission, a new-customer bonus, the managers' override. */
const COMPONENT_IDS = ['acme-tiered-commission', 'acme-new-customer', 'acme-team-override'];
/** What a finance person should never read of the plan: its components' and its own ids, its codes. */
const PLAN_IDS = [...COMPONENT_IDS, 'acme-east', 'CNY', 'half-up', `teamsheet:compplan:${TEMPLATE_VERSION}`];
const compPlan = {
  name: '华东销售提成方案',
  currency: 'CNY',
  rounding: 'half-up',
  components: [
    {
      type: 'commission',
      id: COMPONENT_IDS[0],
      metric: 'revenue',
      mode: 'marginal',
      tiers: [
        { from: 0, to: 1, rate: 0.03 },
        { from: 1, rate: 0.05 },
      ],
    },
    { type: 'spiff', id: COMPONENT_IDS[1], amount: 500 },
    { type: 'override', id: COMPONENT_IDS[2], rate: 0.01, metric: 'revenue' },
  ],
  effectiveFrom: '2026-01',
};

const api = (method: string, path: string, who: string, body: unknown, expected: number | number[]) =>
  apiAs(stack.base, method, path, who, body, expected);

const reps = ['rep-001', 'rep-003', 'rep-004'];
/** Quotas of 10,000 per rep and a few deals for the month, as a manager and finance store them. */
async function seedMonth(period: string) {
  await api(
    'PUT',
    `/api/plans/east-shanghai/${period}`,
    'mgr-east-shanghai',
    {
      unitId: 'east-shanghai',
      period,
      templateVersion: '1',
      targets: reps.map((owner) => ({ owner, metric: 'revenue', period, value: 10_000 })),
    },
    201,
  );
  await api(
    'POST',
    '/api/actuals',
    'finance-1',
    {
      period,
      transactions: reps.map((personId, k) => ({
        id: `${period}-deal-${k}`,
        date: `${period}-1${k}`,
        amount: 8_000 + 2_000 * k,
        customerId: `${period}-c${k}`,
        isNewCustomer: k === 0,
        credits: [{ personId, share: 1 }],
      })),
    },
    201,
  );
}

beforeAll(async () => {
  page = stack.page;
  await seedMonth('2026-04');
  await seedMonth('2026-05');
  await api('PUT', '/api/comp-plans/acme-east', 'finance-2', compPlan, 201);
});

const journeys = [
  {
    locale: 'en',
    period: '2026-04',
    texts: { stored: 'Stored', own: 'someone else in finance', closed: 'Closed' },
  },
  { locale: 'zh-CN', period: '2026-05', texts: { stored: '已将', own: '另一位财务人员', closed: '已结账' } },
] as const;

async function asFinance(who: string, locale: 'en' | 'zh-CN', period: string) {
  await signIn(`[data-person-id="${who}"]`);
  if (locale === 'zh-CN') await page.getByTestId('language-select').selectOption('zh-CN');
  await openSection('payouts');
  await page.getByTestId('finance-compplans').waitFor();
  await page.getByTestId('payouts-period').fill(period);
}

/**
 * What the screen shows holds no raw id nor (in zh-CN) stray Latin word: the pane and every visible
 * sheet, the comp-plan sheets included (components by name, the plan's id and marker in the hidden
 * row, its currency and rounding in words).
 */
const noOffences = async (locale: 'en' | 'zh-CN', sheets: string[] = []) => {
  const texts = await readVisibleTexts(page);
  // the sheets the screen is about are among those read (a check of nothing would pass)
  expect(texts.map((t) => t.where)).toEqual(expect.arrayContaining(sheets.map((s) => `sheet ${s}`)));
  expect(findOffences(texts, { locale, ids: PLAN_IDS })).toEqual([]);
  // One primary button in the section: the period's next step.
  expect((await primaryButtons()).length).toBeLessThanOrEqual(1);
};

describe.each(journeys)('the finance journey in $locale', ({ locale, period, texts }) => {
  it('finance-1 stores the comp-plan sheets as a version effective from the month', async () => {
    await asFinance('finance-1', locale, period);
    // The latest stored version (finance-2's from January; in Chinese the one stored in English),
    // opened into the comp-plan sheets from the list.
    await page.getByTestId('compplan-version').first().waitFor({ timeout: 20_000 });
    await page.getByTestId('open-compplan').first().click();
    await expect
      .poll(() => page.getByTestId('compplan-store-notice').getAttribute('data-intent'))
      .toBe('success');
    await expect
      .poll(() => page.locator('[data-testid^="sheet-tab-"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(1);
    await page.getByTestId('compplan-from').fill(period);
    await page.getByTestId('store-compplan').click();
    const notice = page.getByTestId('compplan-store-notice');
    await expect.poll(() => notice.textContent(), { timeout: 20_000 }).toContain(texts.stored);
    expect(await notice.getAttribute('data-intent')).toBe('success');
    await expect.poll(() => page.getByTestId('compplan-version').count()).toBe(locale === 'en' ? 2 : 3);
    const listed = await page.getByTestId('compplan-list').textContent();
    expect(listed).not.toMatch(/sales-2026|[0-9a-f]{16}/); // names and dates, not ids or hashes
    await page.getByTestId('compplan-store-notice').scrollIntoViewIfNeeded();
    await shot(`${locale}-01-comp-plan-stored`);
    await noOffences(locale, locale === 'en' ? ['Components', 'Tiers'] : ['薪酬项目', '分段费率']);
  });

  it('finance-1 creates the run from the stored comp plan and is told they cannot approve it', async () => {
    await page.getByTestId('create-run').click();
    await page.getByTestId('run-review').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('run-review').getAttribute('data-status')).toBe('draft');
    expect(await page.getByTestId('run-line').count()).toBeGreaterThan(0);
    // The same finding for many people is one line that counts them, not a line each.
    const findings = page.getByTestId('run-findings').locator('li');
    const texts2 = await findings.allTextContents();
    expect(new Set(texts2).size).toBe(texts2.length);
    expect(
      texts2.some((t) => (locale === 'en' ? /The same for \d+ more/ : /另有 \d+ 人同样如此/).test(t)),
    ).toBe(true);
    await page.getByTestId('explain-line').first().click();
    await page.getByTestId('run-explain').waitFor();
    expect(await page.getByTestId('approve-run').isDisabled()).toBe(true);
    expect(await page.getByTestId('own-run').textContent()).toContain(texts.own);
    await page.getByTestId('run-explain').scrollIntoViewIfNeeded();
    await shot(`${locale}-02-run-created`);
    await noOffences(locale, locale === 'en' ? ['Components', 'Tiers'] : ['薪酬项目', '分段费率']);
  });

  it('finance-2 approves it and closes the period after the confirmation', async () => {
    await asFinance('finance-2', locale, period);
    await page.getByTestId('open-run').click();
    await page.getByTestId('run-review').waitFor({ timeout: 30_000 });
    await page.getByTestId('approve-run').click();
    await expect
      .poll(() => page.getByTestId('run-review').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('approved');
    await page.getByTestId('close-period').click();
    await page.getByTestId('close-dialog').waitFor();
    await shot(`${locale}-03-close-confirmation`);
    // The dialog is modal (the sheet tabs are behind it): its own text is what there is to read.
    const dialog = await page.getByTestId('close-dialog').innerText();
    expect(findOffences([{ where: 'dialog', text: dialog }], { locale, ids: PLAN_IDS })).toEqual([]);
    await page.getByTestId('close-confirm').click();
    await expect
      .poll(() => page.getByTestId('close-notice').textContent(), { timeout: 20_000 })
      .toContain(texts.closed);
    await expect.poll(() => page.getByTestId('run-review').getAttribute('data-status')).toBe('locked');
    const state = await api('GET', `/api/periods/${period}/close`, 'finance-1', undefined, 200);
    expect(state.state).toBe('closed');
    await page.getByTestId('close-notice').scrollIntoViewIfNeeded();
    await shot(`${locale}-04-period-closed`);
    await noOffences(locale);
  });

  it('downloads the CSV and the xlsx of the run, with its amounts', async () => {
    const json = (await api(
      'GET',
      `/api/periods/${period}/payouts?format=json`,
      'finance-1',
      undefined,
      200,
    )) as {
      rows: { personId: string; amount: string }[];
    };
    expect(json.rows.length).toBeGreaterThan(0);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    const text = (await readFile((await csv.path())!)).toString('utf8').slice(1);
    const body = text
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split(','));
    expect(body.map((f) => [f[0], f[4]])).toEqual(json.rows.map((r) => [r.personId, r.amount]));
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-xlsx').click(),
    ]);
    // The package's first sheet, read out of the zip: every amount of the run is a number cell of it.
    const sheetXml = execFileSync('python3', [
      '-c',
      'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode())',
      (await xlsx.path())!,
    ]).toString('utf8');
    const numbers = [...sheetXml.matchAll(/<v>(-?[\d.]+)<\/v>/g)].map((m) => Number(m[1]));
    for (const r of json.rows) expect(numbers).toContain(Number(r.amount));
    await shot(`${locale}-05-downloaded`);
  });
});

describe('the journey’s record', () => {
  it('stored the versions of the comp plan from January, April and May', async () => {
    const list = (await api('GET', '/api/comp-plans', 'finance-1', undefined, 200)) as {
      compPlans: { versions: { version: number; effectiveFrom: string }[] }[];
    };
    expect(list.compPlans[0]!.versions.map((v) => [v.version, v.effectiveFrom])).toEqual([
      [1, '2026-01'],
      [2, '2026-04'],
      [3, '2026-05'],
    ]);
  });
});
