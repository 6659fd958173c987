// The planning workflow end to end in a real browser (preview mode, npm start's host): a demo manager
// inserts the templates, allocates a year, introduces a vague goal and a missing month, checks, sees the
// marks, fixes them, checks again, submits, and finds version 1 in History. Screenshots: test-output/plan/.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_VERSION } from '@teamsheet/shared';
import { paneOf } from './support/pane';
import { devToken, useStack } from './support/stack';

const stack = useStack({ name: 'plan', viewport: { width: 1440, height: 900 } });
const { shot, grid, cell, openSheet, typeInto, signIn } = paneOf(stack);
let page: Page;
let base: string;
beforeAll(() => {
  ({ page, base } = stack);
});

describe('planning workflow in a browser', () => {
  it('signs in as the Shanghai team manager and inserts the templates', async () => {
    await signIn('[data-person-id="mgr-east-shanghai"]');
    await expect.poll(() => page.getByTestId('plan-insert').isEnabled(), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('plan-insert').click();
    await expect
      .poll(() => page.getByTestId('plan-notice').textContent(), { timeout: 20_000 })
      .toContain('target rows for 上海团队 Shanghai 2026');
    await openSheet('Targets');
    expect(await cell('A1').textContent()).toBe(`teamsheet:targets:${TEMPLATE_VERSION}`);
    expect(await cell('A2').textContent()).toBe('Owner');
    // owners by name and metrics by label, not ids; the marker row stays hidden
    expect(await cell('A3').textContent()).toBe('上海团队 Shanghai');
    expect(await cell('B3').textContent()).toBe('Revenue');
    expect(await cell('A1').isVisible()).toBe(false);
    await shot('01-templates');
  });

  it('allocates 1,200,000 of revenue evenly over the 12 months of the unit row, previewed before writing', async () => {
    await page.getByTestId('allocate-total').fill('1200000');
    await expect.poll(() => page.getByTestId('allocate-sum').textContent()).toBe('1,200,000');
    expect(await page.getByTestId('allocate-value').first().textContent()).toBe('100,000');
    // months by name, the quarters summed for a look before writing
    expect(await page.getByTestId('allocate-preview').textContent()).toContain('January');
    expect(await page.getByTestId('allocate-quarters').textContent()).toBe(
      'By quarter: Q1 300,000 · Q2 300,000 · Q3 300,000 · Q4 300,000',
    );
    expect(await cell('P3').textContent()).toBe(''); // no months yet: no quarter sum, not 0
    await page.getByTestId('allocate-write').click();
    await expect.poll(() => cell('D3').textContent()).toBe('100,000.00');
    // the row's Total and its quarters Q1..Q4 (columns P..S) follow its months
    expect(await cell('C3').textContent()).toBe('1,200,000.00');
    expect(await cell('O3').textContent()).toBe('100,000.00');
    expect([await cell('P2').textContent(), await cell('S2').textContent()]).toEqual(['Q1', 'Q4']);
    const quarters = async () => Promise.all(['P3', 'Q3', 'R3', 'S3'].map((a) => cell(a).textContent()));
    expect(await quarters()).toEqual(['300,000.00', '300,000.00', '300,000.00', '300,000.00']);
    expect(await cell('P4').textContent()).toBe(''); // the visits row has no months
    await cell('S3').scrollIntoViewIfNeeded(); // the quarters, right of December
    await shot('02-allocated');
    // a month typed afterwards: its quarter and the Total follow at once (March 100,000 → 130,000)
    await typeInto('F3', '130000');
    await expect.poll(() => cell('P3').textContent()).toBe('330,000.00');
    expect(await cell('C3').textContent()).toBe('1,230,000.00');
    expect(await quarters()).toEqual(['330,000.00', '300,000.00', '300,000.00', '300,000.00']);
    await cell('S3').scrollIntoViewIfNeeded(); // the quarters, right of December
    await shot('02b-month-edited');
    await typeInto('F3', '100000');
    await expect.poll(() => cell('C3').textContent()).toBe('1,200,000.00');
    // the year's target typed over the Total formula stays as typed
    await typeInto('C3', '1200000');
    expect(await cell('C3').textContent()).toBe('1,200,000.00');
  });

  it('marks a missing month red and a vague goal amber after a check, and lists them', async () => {
    await typeInto('F3', ''); // March left empty
    await openSheet('Goals');
    await typeInto('C3', '进一步加强客户意识');
    await typeInto('F3', ''); // no target value
    await page.getByTestId('plan-check').click();
    await expect
      .poll(() => page.getByTestId('plan-notice').textContent(), { timeout: 20_000 })
      .toContain('Checked with the server');
    expect(await cell('C3').getAttribute('data-fill')).toBe('#FFF4CE');
    expect(await cell('F3').getAttribute('data-fill')).toBe('#FDE7E9'); // measurable.no-target
    const rules = await page
      .getByTestId('finding')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules).toEqual(
      expect.arrayContaining(['timebound.months-missing', 'specific.vague-wording', 'measurable.no-target']),
    );
    // the findings name the team as the sheet does, not by its id
    const listed = (await page.getByTestId('findings').textContent()) ?? '';
    expect(listed).toContain('上海团队 Shanghai');
    expect(listed).not.toContain('east-shanghai');
    // a click on the missing month's finding selects its cell on the Targets sheet
    await page.locator('[data-rule="timebound.months-missing"]').getByTestId('finding-link').click();
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Targets');
    expect(await cell('F3').getAttribute('data-fill')).toBe('#FDE7E9');
    expect(await cell('F3').getAttribute('title')).toContain('2026-03');
    expect(await page.getByText('Selected cell: Targets!F3').count()).toBe(1);
    await shot('03-marks');
  });

  it('clears the marks when the cells are fixed and checked again', async () => {
    await typeInto('F3', '100000');
    await openSheet('Goals');
    await typeInto('C3', 'Revenue from 0 to 1,200,000 by 31 December 2026');
    await typeInto('F3', '1200000');
    await page.getByTestId('plan-check').click();
    await expect
      .poll(() => page.getByTestId('plan-notice').textContent(), { timeout: 20_000 })
      .toMatch(/Checked with the server: 0 errors|No findings/);
    expect(await cell('C3').getAttribute('data-fill')).toBeNull();
    expect(await cell('F3').getAttribute('data-fill')).toBeNull();
    await openSheet('Targets');
    expect(await cell('F3').getAttribute('data-fill')).toBeNull();
    expect(await page.locator('[data-rule="timebound.months-missing"]').count()).toBe(0);
    await shot('04-fixed');
  });

  it('submits version 1 and finds it in History', async () => {
    await page.getByTestId('plan-submit').click();
    await expect
      .poll(() => page.getByTestId('plan-stored').textContent(), { timeout: 20_000 })
      .toContain('Stored as version 1');
    expect(await page.getByTestId('plan-base').textContent()).toBe('This sheet is based on version 1.');
    expect(await cell('D1').textContent()).toBe('1');
    await shot('05-submitted');
    await page.getByTestId('nav-history').click();
    await expect.poll(() => page.getByTestId('history-version').count(), { timeout: 20_000 }).toBe(1);
    const row = await page.getByTestId('history-version').textContent();
    expect(row).toContain('v1');
    // the author by name, not by id (issue 11)
    const auth = { authorization: `Bearer ${await devToken(base, 'mgr-east-shanghai')}` };
    const org = (await fetch(`${base}/api/org`, { headers: auth }).then((r) => r.json())) as {
      people: { id: string; name?: string }[];
    };
    expect(row).toContain(org.people.find((p) => p.id === 'mgr-east-shanghai')!.name);
    expect(row).not.toContain('mgr-east-shanghai');
    expect(row).toContain('submitted');
    await shot('06-history');
  });

  it('on a stale base (version 2 stored meanwhile) shows what changed, offers reload, and resubmits on top as version 3', async () => {
    // the same manager stores version 2 from elsewhere: June up by 20,000, July down by 20,000
    const auth = { authorization: `Bearer ${await devToken(base, 'mgr-east-shanghai')}` };
    const v1 = (await fetch(`${base}/api/plans/east-shanghai/2026`, { headers: auth }).then((r) =>
      r.json(),
    )) as {
      version: number;
      plan: { targets: { owner: string; metric: string; period: string; value: number }[] };
    };
    expect(v1.version).toBe(1);
    const moved = { '2026-06': 120_000, '2026-07': 80_000 } as Record<string, number>;
    const plan = {
      ...v1.plan,
      targets: v1.plan.targets.map((t) =>
        t.owner === 'east-shanghai' && t.metric === 'revenue' && moved[t.period] !== undefined
          ? { ...t, value: moved[t.period]! }
          : t,
      ),
    };
    const put = await fetch(`${base}/api/plans/east-shanghai/2026`, {
      method: 'PUT',
      headers: {
        ...auth,
        'content-type': 'application/json',
        'if-match': '"1"',
        'idempotency-key': 'e2e-v2',
      },
      body: JSON.stringify(plan),
    });
    expect(put.status).toBe(201);

    // this sheet is still based on version 1: Submit gets 412 and the pane shows the diff 1 → 2
    await page.getByTestId('nav-plan').click();
    await expect.poll(() => page.getByTestId('plan-submit').isEnabled(), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('plan-submit').click();
    const conflict = page.getByTestId('plan-conflict');
    await expect.poll(() => conflict.count(), { timeout: 20_000 }).toBe(1);
    const text = (await conflict.textContent()) ?? '';
    expect(text).toContain('Someone stored version 2 while you worked on version 1');
    expect(text).toContain('2 cells differ between version 1 and version 2');
    expect(text).toContain('上海团队 Shanghai · Revenue · 2026-06: 100,000 → 120,000 (changed)');
    expect(text).toContain('上海团队 Shanghai · Revenue · 2026-07: 100,000 → 80,000 (changed)');
    expect(await page.getByTestId('plan-reload').textContent()).toBe('Reload version 2');
    expect(await cell('D1').textContent()).toBe('1'); // nothing stored, the sheet still says version 1
    await conflict.scrollIntoViewIfNeeded();
    await shot('07-conflict');

    // "Submit mine on top of version 2": stored as version 3, the sheet now based on it
    await page.getByTestId('plan-resubmit').click();
    await expect
      .poll(() => page.getByTestId('plan-stored').textContent(), { timeout: 20_000 })
      .toContain('Stored as version 3');
    expect(await page.getByTestId('plan-conflict').count()).toBe(0);
    await openSheet('Targets');
    expect(await cell('D1').textContent()).toBe('3');
    const v3 = (await fetch(`${base}/api/plans/east-shanghai/2026`, { headers: auth }).then((r) =>
      r.json(),
    )) as {
      version: number;
      basedOn: number;
    };
    expect(v3).toMatchObject({ version: 3, basedOn: 2 });
    await page.getByTestId('plan-stored').scrollIntoViewIfNeeded();
    await shot('08-resubmitted');
  });

  it('in zh-CN: the Targets sheet (目标) has 一季度…四季度, filled in after an allocation and after a month typed', async () => {
    await page.getByTestId('language-select').selectOption('zh-CN');
    await page.getByTestId('nav-plan').click();
    await expect.poll(() => page.getByTestId('plan-insert').isEnabled(), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('plan-insert').click();
    await expect
      .poll(() => page.getByTestId('plan-notice').textContent(), { timeout: 20_000 })
      .toContain('行目标');
    await openSheet('目标');
    expect(await cell('C2').textContent()).toBe('合计');
    const headers = await Promise.all(['P2', 'Q2', 'R2', 'S2'].map((a) => cell(a).textContent()));
    expect(headers).toEqual(['一季度', '二季度', '三季度', '四季度']);
    expect(await cell('A3').textContent()).toBe('上海团队 Shanghai');
    // 780,000 evenly: 65,000 a month, 195,000 a quarter
    await page.getByTestId('allocate-total').fill('780000');
    await expect.poll(() => page.getByTestId('allocate-sum').textContent()).toBe('780,000');
    expect(await page.getByTestId('allocate-quarters').textContent()).toBe(
      '按季度：一季度 195,000 · 二季度 195,000 · 三季度 195,000 · 四季度 195,000',
    );
    await page.getByTestId('allocate-write').click();
    await expect.poll(() => cell('P3').textContent()).toBe('195,000.00');
    const quarters = async () => Promise.all(['P3', 'Q3', 'R3', 'S3'].map((a) => cell(a).textContent()));
    expect(await quarters()).toEqual(['195,000.00', '195,000.00', '195,000.00', '195,000.00']);
    expect(await cell('C3').textContent()).toBe('780,000.00');
    // November 65,000 → 80,000: 四季度 195,000 → 210,000, the year 795,000
    await typeInto('N3', '80000');
    await expect.poll(() => cell('S3').textContent()).toBe('210,000.00');
    expect(await cell('C3').textContent()).toBe('795,000.00');
    await cell('S3').scrollIntoViewIfNeeded(); // the quarters, right of December
    await shot('09-zh-quarters');
  });

  it('had no script errors on the way', () => {
    // the 412 of the stale submit above is expected; Chromium logs it as a failed resource load
    expect(
      stack.errors.filter((e) => !/^4\d\d /.test(e) && !/status of 412 \(Precondition Failed\)/.test(e)),
    ).toEqual([]);
  });
});
