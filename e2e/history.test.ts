// History end to end in a real browser (preview mode): the Shanghai team's manager stores two versions
// of a plan through the API, picks the team by name in History, sees who stored each version (by name)
// and when (in their locale), and writes the diff sheet: people by name, metrics by their labels. A
// version is never offered against itself. Then in zh-CN: the notice follows the switch and the diff
// sheet is rewritten as 差异 v1→v2 rather than doubled. Every screen is checked for what a user should
// never read. Screenshots: test-output/history/.
import { beforeAll, describe, expect, it } from 'vitest';
import { paneOf } from './support/pane';
import { devToken, useStack } from './support/stack';
import { offencesOn } from './support/visibleText';

const stack = useStack({ name: 'history', viewport: { width: 1400, height: 900 } });
const { shot, cell, signIn, openSection, openSheet, primaryButtons } = paneOf(stack);
type Named = { id: string; name?: string };
let names = new Map<string, string>();

async function putPlan(values: [string, number][], basedOn?: number) {
  const r = await fetch(`${stack.base}/api/plans/east-shanghai/2026-03`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${await devToken(stack.base, 'mgr-east-shanghai')}`,
      'content-type': 'application/json',
      ...(basedOn ? { 'if-match': `"${basedOn}"` } : {}),
    },
    body: JSON.stringify({
      unitId: 'east-shanghai',
      period: '2026-03',
      templateVersion: '1',
      targets: values.map(([owner, value]) => ({ owner, metric: 'revenue', period: '2026-03', value })),
    }),
  });
  expect(r.status, await r.clone().text()).toBe(201);
}

beforeAll(async () => {
  const org = await fetch(`${stack.base}/api/org`, {
    headers: { authorization: `Bearer ${await devToken(stack.base, 'admin')}` },
  });
  const { people, units } = (await org.json()) as { people: Named[]; units: Named[] };
  names = new Map([...people, ...units].map((x) => [x.id, x.name ?? x.id]));
});

describe('History in a browser', () => {
  it('lists the versions of the team’s plan by who stored them and when, the unit chosen by name', async () => {
    const page = stack.page;
    // v1: 10,000 for rep-001 and rep-002; v2: rep-001 raised to 12,000
    await putPlan([
      ['rep-001', 10_000],
      ['rep-002', 10_000],
    ]);
    await putPlan(
      [
        ['rep-001', 12_000],
        ['rep-002', 10_000],
      ],
      1,
    );
    await signIn('[data-person-id="mgr-east-shanghai"]');
    await openSection('history');
    const unit = page.getByTestId('history-unit');
    await expect.poll(() => unit.inputValue(), { timeout: 20_000 }).toBe('east-shanghai');
    // the drop-down offers the units in scope by their names
    const options = await unit.locator('option').allTextContents();
    expect(options.map((o) => o.trim())).toContain(names.get('east-shanghai'));
    await unit.selectOption({ label: names.get('east-shanghai')! });
    await page.getByTestId('history-period').fill('2026-03');
    await page.getByTestId('history-load').click();
    await expect.poll(() => page.getByTestId('history-version').count(), { timeout: 20_000 }).toBe(2);
    const first = page.getByTestId('history-version').first().locator('td');
    expect(await first.nth(1).textContent()).toBe(names.get('mgr-east-shanghai'));
    expect(await first.nth(2).textContent()).toMatch(/^\d{1,2}\/\d{1,2}\/\d\d, \d{1,2}:\d\d [AP]M$/);
    expect(await first.nth(3).textContent()).toBe('submitted');
    expect(await first.nth(4).textContent()).toMatch(/^Errors \d+ · warnings \d+ · notes \d+$/);
    expect(await offencesOn(page, { locale: 'en' })).toEqual([]);
    expect((await primaryButtons()).length).toBeLessThanOrEqual(1);
    await shot('01-versions');
  });

  it('never offers a version against itself, and writes the diff sheet in names and labels', async () => {
    const page = stack.page;
    const from = page.getByTestId('history-from');
    const to = page.getByTestId('history-to');
    await expect.poll(() => from.inputValue()).toBe('1');
    expect(await to.inputValue()).toBe('2');
    const listed = async (select: typeof to) =>
      (await select.locator('option').allTextContents()).map((o) => o.trim());
    expect(await listed(from)).toEqual(['v1', 'v2']);
    expect(await listed(to)).toEqual(['v2']); // not v1 against v1
    // choosing v2 as the start moves the end to the other version
    await from.selectOption('2');
    await expect.poll(() => to.inputValue()).toBe('1');
    expect(await listed(to)).toEqual(['v1']);
    await from.selectOption('1');
    await expect.poll(() => listed(to)).toEqual(['v2']);
    await to.selectOption('2');

    await page.getByTestId('history-diff').click();
    await expect
      .poll(() => page.getByTestId('history-done').textContent(), { timeout: 20_000 })
      .toBe('Changes written to the sheet Diff v1→v2: 1.');
    await expect.poll(() => page.getByTestId('preview-table').getAttribute('data-sheet')).toBe('Diff v1→v2');
    expect(await cell('A2').textContent()).toBe('Targets');
    expect(await cell('B2').textContent()).toBe(names.get('rep-001'));
    expect(await cell('C2').textContent()).toBe('Revenue');
    expect(await cell('E2').textContent()).toBe('10,000');
    expect(await cell('F2').textContent()).toBe('12,000');
    expect(await offencesOn(page, { locale: 'en' })).toEqual([]);
    expect((await primaryButtons()).length).toBeLessThanOrEqual(1);
    await shot('02-diff-sheet');
  });

  it('in zh-CN: the notice follows the switch and the diff sheet is renamed, not doubled', async () => {
    const page = stack.page;
    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect
      .poll(() => page.getByTestId('history-done').textContent())
      .toBe('已将 1 处变化写入工作表 Diff v1→v2。');
    await page.getByTestId('history-diff').click();
    await expect
      .poll(() => page.getByTestId('history-done').textContent(), { timeout: 20_000 })
      .toBe('已将 1 处变化写入工作表 差异 v1→v2。');
    expect(await page.getByTestId('sheet-tab-差异 v1→v2').count()).toBe(1);
    expect(await page.getByTestId('sheet-tab-Diff v1→v2').count()).toBe(0);
    await openSheet('差异 v1→v2');
    expect(await cell('A1').textContent()).toBe('工作表');
    expect(await cell('C2').textContent()).toBe('销售额');
    expect(await page.getByTestId('history-version').first().locator('td').nth(3).textContent()).toBe(
      '已提交',
    );
    expect(await page.getByTestId('history-version').first().locator('td').nth(4).textContent()).toMatch(
      /^错误 \d+ · 警告 \d+ · 提示 \d+$/,
    );
    expect(await offencesOn(page, { locale: 'zh-CN' })).toEqual([]);
    expect((await primaryButtons()).length).toBeLessThanOrEqual(1);
    await shot('03-zh-diff-sheet');
    expect(stack.errors).toEqual([]);
  });

  it('shows a failure beside the button that caused it, not at the top of the pane', async () => {
    const page = stack.page;
    await page.getByTestId('history-period').fill('2026-13');
    await page.getByTestId('history-load').click();
    const bar = page.getByTestId('page').getByTestId('error-bar');
    await expect.poll(() => bar.count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('error-bar').count()).toBe(1); // none at the top
    // right under the row of Show versions
    expect(
      await bar.evaluate(
        (el) => el.previousElementSibling?.querySelector('[data-testid="history-load"]') !== null,
      ),
    ).toBe(true);
    await shot('04-zh-failure');
    // the only errors on the way are that 400 (its answer and the browser's note of it)
    expect(stack.errors.length).toBeGreaterThan(0);
    expect(stack.errors.filter((e) => !e.includes('400'))).toEqual([]);
  });
});
