// The rep journey and finance's answers in real Chromium, preview mode, against the real routes, in
// English and in Chinese: an approved run of 2026-03 (seeded through the API when none is approved
// yet: a manager's quotas, transactions, a run by finance-1 approved by finance-2); the rep opens
// their statement, explains a line and questions it; finance, signed in separately, answers it
// (accepted with an amount in English, declined with a reason in Chinese); the rep sees the answer.
// Every screen is read for raw ids and, in Chinese, Latin words. Screenshots: test-output/statement/.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { paneOf } from './support/pane';
import { apiAs, useStack } from './support/stack';
import { offencesOn } from './support/visibleText';

const stack = useStack({ name: 'statement', viewport: { width: 1400, height: 1000 } });
const { shot, grid, cell, primaryButtons } = paneOf(stack);
let page: Page;

const PERIOD = '2026-03';
/** One rep per language, so each round reads only the words of its own language's question. */
const REPS = { en: 'rep-001', 'zh-CN': 'rep-003' } as const;

const api = (method: string, path: string, who: string, body: unknown, expected: number | number[]) =>
  apiAs(stack.base, method, path, who, body, expected);

// 5 % of revenue up to quota, 8 % above: rep-001 sells 120,000 on a 100,000 quota → 5,000 + 1,600;
// rep-003 60,000 → 3,000.
const plan = {
  id: 'statement-e2e',
  name: 'Statement e2e',
  currency: 'CNY',
  components: [
    {
      type: 'commission',
      id: 'commission',
      metric: 'revenue',
      mode: 'marginal',
      tiers: [
        { from: 0, to: 1, rate: 0.05 },
        { from: 1, to: null, rate: 0.08 },
      ],
    },
  ],
};

/** The component ids of the approved run's plan: never to be read on screen. */
let componentIds: string[] = [];
const repNames: Record<string, string> = {};

beforeAll(async () => {
  page = stack.page;
  const runs = await api('GET', `/api/periods/${PERIOD}/payout-runs`, 'finance-1', undefined, [200]);
  let approved = (runs.runs ?? runs).find?.((r: { status: string }) => r.status !== 'draft');
  if (!approved) {
    await api(
      'PUT',
      `/api/plans/east-shanghai/${PERIOD}`,
      'mgr-east-shanghai',
      {
        unitId: 'east-shanghai',
        period: PERIOD,
        templateVersion: '1',
        targets: Object.values(REPS).map((owner) => ({
          owner,
          metric: 'revenue',
          period: PERIOD,
          value: 100_000,
        })),
      },
      [201],
    );
    await api(
      'POST',
      '/api/actuals',
      'finance-1',
      {
        period: PERIOD,
        transactions: [
          { id: 'st-1', date: '2026-03-05', amount: 80_000, credits: [{ personId: REPS.en, share: 1 }] },
          { id: 'st-2', date: '2026-03-20', amount: 40_000, credits: [{ personId: REPS.en, share: 1 }] },
          {
            id: 'st-3',
            date: '2026-03-12',
            amount: 60_000,
            credits: [{ personId: REPS['zh-CN'], share: 1 }],
          },
        ],
      },
      [201],
    );
    const created = await api(
      'POST',
      `/api/periods/${PERIOD}/payout-runs`,
      'finance-1',
      { plan, unitId: 'east-shanghai' },
      [201],
    );
    await api(
      'POST',
      `/api/periods/${PERIOD}/payout-runs/${created.runId}/approve`,
      'finance-2',
      undefined,
      [200],
    );
    approved = created;
  }
  const run = await api(
    'GET',
    `/api/periods/${PERIOD}/payout-runs/${approved.runId}`,
    'finance-1',
    undefined,
    [200],
  );
  componentIds = (run.plan.components as { id: string }[]).map((c) => c.id);
  for (const rep of Object.values(REPS)) {
    const statement = await api('GET', `/api/statements/${rep}/${PERIOD}`, rep, undefined, [200]);
    expect(statement.status).toBe('approved');
    repNames[rep] = statement.person.name;
  }
});

/** Opens the pane in `locale` and signs in as a demo person (a fresh page load: another sign-in). */
async function signInAs(personId: string, locale: 'en' | 'zh-CN') {
  await page.goto(`${stack.base}/taskpane.html`);
  await page.getByTestId('language-select').selectOption(locale);
  const person = page.locator(`[data-person-id="${personId}"]`).first();
  await person.waitFor({ timeout: 30_000 });
  await person.click();
  await page.getByTestId('session').waitFor({ timeout: 20_000 });
}

/** No raw ids nor (in zh-CN) Latin words on screen, and one primary button at most. */
const readable = async (locale: 'en' | 'zh-CN') => {
  expect(await offencesOn(page, { locale, ids: componentIds })).toEqual([]);
  expect((await primaryButtons()).length).toBeLessThanOrEqual(1);
};

const TEXT = {
  en: {
    title: 'My statement',
    month: 'March 2026',
    sheet: 'Statement 2026-03',
    lineHeader: 'Line',
    comment: 'The deal of 20 March is missing from my credit.',
    sent: 'was sent to finance',
    open: 'waiting for finance',
    answered: 'Accepted by',
    questionsTitle: 'Questions on statements',
    notice: 'Accepted',
    reason: 'Paid with April: the deal was booked late.',
  },
  'zh-CN': {
    title: '我的工资单',
    month: '2026年3月',
    sheet: '工资单 2026-03',
    lineHeader: '项目',
    comment: '3月20日的那笔成交没有计入我的业绩。',
    sent: '已提交给财务',
    open: '等待财务答复',
    answered: '已驳回',
    questionsTitle: '工资单申诉',
    notice: '已驳回',
    reason: '该笔成交已计入，金额无误。',
  },
} as const;

describe.each(['en', 'zh-CN'] as const)('the statement journey in %s', (locale) => {
  const t = TEXT[locale];
  const rep = REPS[locale];

  it('the rep opens their approved statement: lines by name, Explain, attainment, year to date', async () => {
    await signInAs(rep, locale);
    await expect.poll(() => page.getByTestId('page').locator('h2').textContent()).toBe(t.title);
    await page.getByTestId('statement-lines').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('statement-month').inputValue()).toBe(PERIOD);
    expect(await page.getByTestId('statement-month').locator('option:checked').textContent()).toBe(t.month);
    expect(await page.getByTestId('statement-line').count()).toBeGreaterThan(0);
    await page.getByTestId('explain-line').first().click();
    await page.getByTestId('line-explain').waitFor();
    expect(await page.getByTestId('line-explain').locator('li').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('attainment-chart').count()).toBe(1);
    expect(await page.getByTestId('statement-ytd').textContent()).toContain(t.month);
    expect(await page.getByTestId('task-pane').textContent()).toContain(repNames[rep]);
    // Write to a sheet: the lines by name, their amounts and how they were computed, and the total.
    await page.getByTestId('statement-write-sheet').click();
    await expect
      .poll(() => page.getByTestId('statement-sheet-notice').textContent(), { timeout: 20_000 })
      .toContain(t.sheet);
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe(t.sheet);
    expect(await cell('A1').textContent()).toBe(t.lineHeader);
    expect(await cell('B2').textContent()).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(await cell('C2').textContent()).toContain(' → ');
    await readable(locale);
    await shot(`${locale}-01-statement`);
  });

  it('the rep questions a line with a comment, and the feedback stands beside it', async () => {
    await page.getByTestId('ask-line').first().click();
    await page.getByTestId('ask-comment').fill(t.comment);
    await page.getByTestId('ask-send').click();
    await expect
      .poll(() => page.getByTestId('ask-notice').textContent(), { timeout: 20_000 })
      .toContain(t.sent);
    await expect
      .poll(() => page.getByTestId('line-question').first().getAttribute('data-status'))
      .toBe('open');
    expect(await page.getByTestId('line-question').first().textContent()).toContain(t.open);
    await readable(locale);
    await shot(`${locale}-02-questioned`);
    if (locale === 'en') {
      // The feedback is kept as a message, not as text: it follows a language switch.
      await page.getByTestId('language-select').selectOption('zh-CN');
      await expect
        .poll(() => page.getByTestId('ask-notice').textContent())
        .toBe('您对“提成”的申诉已提交给财务。');
      await page.getByTestId('language-select').selectOption('en');
      await expect.poll(() => page.getByTestId('ask-notice').textContent()).toContain(t.sent);
    }
  });

  it('finance, signed in separately, sees the question by name and answers it', async () => {
    await signInAs('finance-1', locale);
    await page.getByTestId('nav-questions').click();
    await expect.poll(() => page.getByTestId('page').locator('h2').textContent()).toBe(t.questionsTitle);
    const question = page.getByTestId('question').filter({ hasText: t.comment });
    await question.waitFor({ timeout: 20_000 });
    expect(await question.textContent()).toContain(repNames[rep]);
    expect(await question.textContent()).toContain(t.month);
    await question.getByTestId('answer-question').click();
    if (locale === 'en') {
      // An amount is required to accept: the field says so before anything is sent.
      await page.getByTestId('answer-send').click();
      await expect.poll(() => page.getByTestId('answer-form').textContent()).toContain('Enter an amount');
      await page.getByTestId('answer-amount').fill('250.50');
      await page.getByTestId('answer-comment').fill(t.reason);
    } else {
      await page.getByTestId('decision-decline').click();
      await page.getByTestId('answer-comment').fill(t.reason);
    }
    await readable(locale);
    await shot(`${locale}-03-answering`);
    await page.getByTestId('answer-send').click();
    await expect
      .poll(() => page.getByTestId('answer-notice').textContent(), { timeout: 20_000 })
      .toContain(t.notice);
    // Answered once: it leaves the open questions.
    await expect.poll(() => page.getByTestId('question').filter({ hasText: t.comment }).count()).toBe(0);
    if (locale === 'en')
      expect(await page.getByTestId('answer-notice').textContent()).toContain('April 2026');
    await readable(locale);
    await shot(`${locale}-04-answered`);
  });

  it('the rep sees the answer on the line', async () => {
    await signInAs(rep, locale);
    await page.getByTestId('statement-lines').waitFor({ timeout: 20_000 });
    const answered = page.getByTestId('line-question').first();
    await expect.poll(() => answered.getAttribute('data-status')).toBe('answered');
    expect(await answered.textContent()).toContain(t.answered);
    expect(await answered.textContent()).toContain(t.reason);
    if (locale === 'en') expect(await answered.textContent()).toContain('250.50');
    await readable(locale);
    await shot(`${locale}-05-answer-seen`);
  });
});

describe('the journey as a whole', () => {
  it('had no script errors and no refused calls on the way', () => {
    expect(stack.errors).toEqual([]);
  });
});
