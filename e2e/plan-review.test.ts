// The planning cycle in a real browser, in English and in Chinese (issue 11): a team manager opens the
// stored version 1 of the team's plan, changes it, saves a draft, comes back in a fresh pane, opens the
// draft and submits it as version 2 (no 412); the regional head
// finds it in the Review queue beside the late teams, opens it into a sheet and rejects it with a
// comment; the manager reads the comment, resubmits; the head approves. Every screen is read for raw
// ids and, in zh-CN, Latin words. Screenshots: test-output/plan-review/.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_VERSION, demoOrg } from '@teamsheet/shared';
import { paneOf } from './support/pane';
import { devToken, useStack } from './support/stack';
import { offencesOn } from './support/visibleText';

const stack = useStack({ name: 'plan-review', viewport: { width: 1440, height: 900 } });
const { shot, cell, openSheet, typeInto, signIn, primaryButtons } = paneOf(stack);
const org = demoOrg();
let page: Page;
let base: string;
beforeAll(() => {
  ({ page, base } = stack);
});

const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
/** Version 1 as the manager stored it elsewhere: the team's revenue, 100,000 a month. */
const teamPlan = (unitId: string) => ({
  unitId,
  period: '2026',
  templateVersion: TEMPLATE_VERSION,
  targets: [
    { owner: unitId, metric: 'revenue', period: '2026', value: 1_200_000 },
    ...months.map((period) => ({ owner: unitId, metric: 'revenue', period, value: 100_000 })),
  ],
});

type Journey = {
  locale: 'en' | 'zh-CN';
  team: string;
  manager: string;
  head: string;
  text: {
    stored: RegExp;
    resubmit: string;
    rejected: string;
    comment: string;
  };
};

const journeys: Journey[] = [
  {
    locale: 'en',
    team: 'east-shanghai',
    manager: 'mgr-east-shanghai',
    head: 'head-east',
    text: {
      stored: /Stored as version (\d+)/,
      resubmit: 'Resubmit',
      rejected: 'Rejected by',
      comment: 'January is too low against last year; move 10,000 from February.',
    },
  },
  {
    locale: 'zh-CN',
    team: 'north-beijing',
    manager: 'mgr-north-beijing',
    head: 'head-north',
    text: {
      stored: /已保存为版本 (\d+)/,
      resubmit: '重新提交',
      rejected: '退回',
      comment: '一月目标低于去年同期，请从二月调 10,000 到一月。',
    },
  },
];

const nameOf = (id: string) =>
  org.people.find((p) => p.id === id)?.name ?? org.units.find((u) => u.id === id)?.name ?? id;

async function as(person: string, locale: Journey['locale']) {
  await signIn(`[data-person-id="${person}"]`);
  await page.getByTestId('language-select').selectOption(locale);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
}

/** What a user can read has no raw ids (nor Latin words in zh-CN), and one primary button at most. */
async function readable(locale: Journey['locale']) {
  expect(await offencesOn(page, { locale })).toEqual([]);
  expect((await primaryButtons()).length).toBeLessThanOrEqual(1);
}

describe.each(journeys)('the planning cycle in $locale', (j) => {
  const tag = j.locale === 'en' ? 'en' : 'zh';

  it('stores version 1 of the team’s plan through the API, as from another device', async () => {
    const res = await fetch(`${base}/api/plans/${j.team}/2026`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${await devToken(base, j.manager)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(teamPlan(j.team)),
    });
    expect(res.status).toBe(201);
  });

  it('the manager opens version 1, changes two months and submits version 2 without a 412', async () => {
    await as(j.manager, j.locale);
    await expect.poll(() => page.getByTestId('plan-open').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('plan-status').textContent()).toContain(nameOf(j.manager));
    await page.getByTestId('plan-open').click();
    await expect.poll(() => page.getByTestId('plan-opened').count(), { timeout: 20_000 }).toBe(1);
    await openSheet(j.locale === 'en' ? 'Targets' : '目标');
    expect(await cell('A3').textContent()).toBe(nameOf(j.team));
    await typeInto('D3', '90000');
    await typeInto('E3', '110000');
    // The sheets hold the latest version: the next step, Submit, is the section's one primary button.
    expect(await primaryButtons()).toEqual([j.locale === 'en' ? 'Submit' : '提交']);
    await shot(`${tag}-01-opened`);
    await readable(j.locale);
    // Not finished today: saved as a draft, stored but not submitted.
    await page.getByTestId('plan-save-draft').click();
    await expect
      .poll(() => page.getByTestId('plan-draft-saved').textContent(), { timeout: 20_000 })
      .toMatch(j.locale === 'en' ? /Saved as a draft, not submitted/ : /已保存为草稿，未提交/);
    await shot(`${tag}-01b-draft-saved`);
  });

  it('the head sees the draft beside the submitted version 1, nothing new to review', async () => {
    const res = await fetch(`${base}/api/plans?parent=${j.team.split('-')[0]}&period=2026`, {
      headers: { authorization: `Bearer ${await devToken(base, j.head)}` },
    });
    const row = ((await res.json()).units as { unitId: string }[]).find((u) => u.unitId === j.team);
    expect(row).toMatchObject({ status: 'submitted', version: 1, draft: { draft: 1 } });
  });

  it('the manager comes back in a fresh pane, opens the draft and submits version 2 without a 412', async () => {
    await as(j.manager, j.locale);
    await expect.poll(() => page.getByTestId('plan-draft').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('plan-draft').textContent()).toContain(nameOf(j.manager));
    // The draft is the team's newest work: opening it is the next step.
    expect(await primaryButtons()).toEqual([j.locale === 'en' ? 'Open draft 1' : '打开草稿 1']);
    await readable(j.locale);
    await page.getByTestId('plan-open-draft').click();
    await expect.poll(() => page.getByTestId('plan-opened').count(), { timeout: 20_000 }).toBe(1);
    await openSheet(j.locale === 'en' ? 'Targets' : '目标');
    expect(await cell('D3').textContent()).toBe('90,000.00');
    expect(await cell('E3').textContent()).toBe('110,000.00');
    expect(await primaryButtons()).toEqual([j.locale === 'en' ? 'Submit' : '提交']);
    await shot(`${tag}-01c-draft-opened`);
    await page.getByTestId('plan-submit').click();
    await expect
      .poll(() => page.getByTestId('plan-stored').textContent(), { timeout: 20_000 })
      .toMatch(j.text.stored);
    expect(j.text.stored.exec((await page.getByTestId('plan-stored').textContent()) ?? '')?.[1]).toBe('2');
    await shot(`${tag}-02-submitted`);
  });

  it('the regional head finds it in the queue beside the late teams and rejects it with a comment', async () => {
    await as(j.head, j.locale);
    await page.getByTestId('nav-review').click();
    const row = page.locator(`[data-testid="review-queue"] tr[data-unit="${j.team}"]`);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');
    // The teams that have not submitted are late (due 2025-12-12), with their managers by name.
    const late = page.getByTestId('review-late');
    expect(await late.count()).toBe(3);
    const otherTeam = org.units.find((u) => u.parentId === j.team.split('-')[0] && u.id !== j.team)!;
    expect(await page.getByTestId('review-queue').textContent()).toContain(nameOf(otherTeam.managerId!));
    await page.getByTestId(`review-choose-${j.team}`).click();
    await page.getByTestId('review-open').click();
    await expect.poll(() => page.getByTestId('review-opened').count(), { timeout: 20_000 }).toBe(1);
    await shot(`${tag}-03-review-opened`);
    // A rejection needs a comment: refused beside the button, nothing stored.
    await page.getByTestId('review-reject').click();
    await expect.poll(() => page.getByTestId('review-notice').count()).toBe(1);
    await page.getByTestId('review-comment').fill(j.text.comment);
    await page.getByTestId('review-reject').click();
    await expect.poll(() => page.getByTestId('review-decided').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('rejected');
    await shot(`${tag}-04-rejected`);
    await readable(j.locale);
  });

  it('the manager reads the comment and resubmits; the head approves the new version', async () => {
    await as(j.manager, j.locale);
    await expect
      .poll(() => page.getByTestId('plan-review').textContent(), { timeout: 20_000 })
      .toContain(j.text.comment);
    expect(await page.getByTestId('plan-review').textContent()).toContain(j.text.rejected);
    expect(await page.getByTestId('plan-submit').textContent()).toBe(j.text.resubmit);
    await shot(`${tag}-05-rejection-seen`);
    await readable(j.locale);
    await page.getByTestId('plan-open').click();
    await expect.poll(() => page.getByTestId('plan-opened').count(), { timeout: 20_000 }).toBe(1);
    await openSheet(j.locale === 'en' ? 'Targets' : '目标');
    await typeInto('D3', '100000');
    await typeInto('E3', '100000');
    await page.getByTestId('plan-submit').click();
    await expect
      .poll(() => page.getByTestId('plan-stored').textContent(), { timeout: 20_000 })
      .toMatch(j.text.stored);
    expect(j.text.stored.exec((await page.getByTestId('plan-stored').textContent()) ?? '')?.[1]).toBe('3');

    await as(j.head, j.locale);
    await page.getByTestId('nav-review').click();
    const row = page.locator(`[data-testid="review-queue"] tr[data-unit="${j.team}"]`);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');
    await page.getByTestId(`review-choose-${j.team}`).click();
    await page.getByTestId('review-approve').click();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('approved');
    await shot(`${tag}-06-approved`);
    await readable(j.locale);
  });
});

describe('on the way', () => {
  it('had no script errors', () => {
    expect(stack.errors.filter((e) => !/^4\d\d /.test(e))).toEqual([]);
  });
});
