// Scores end to end in real Chromium, preview mode: sign in as the Shanghai team's manager, insert the
// scorecard, inputs and ratings templates, compute scores through the API, and see the Scores sheet
// with grade fills and the grade-distribution chart drawn in the preview grid; then score the team from
// the data Teamsheet stores (a plan put by the manager, deals and visits uploaded by finance), kept as
// v1, v2; then the analysis and sizing sheets, and the whole section again in zh-CN: notices follow the
// switch, every sheet is rewritten under its Chinese name rather than doubled. Every screen is checked
// for what a user should never read (raw ids, Latin words in zh-CN). Screenshots: test-output/scores/.
import { beforeAll, describe, expect, it } from 'vitest';
import { paneOf } from './support/pane';
import { devToken, useStack } from './support/stack';
import { offencesOn } from './support/visibleText';

const stack = useStack({ name: 'scores', viewport: { width: 1400, height: 900 } });
const { shot, grid, cell, signIn, openSection, primaryButtons } = paneOf(stack);
let names = new Map<string, string>();
const nameOf = (id: string) => names.get(id)!;

beforeAll(async () => {
  const org = await fetch(`${stack.base}/api/org`, {
    headers: { authorization: `Bearer ${await devToken(stack.base, 'admin')}` },
  });
  const body = (await org.json()) as {
    people: { id: string; name?: string }[];
    units: { id: string; name: string }[];
  };
  names = new Map([...body.people, ...body.units].map((x) => [x.id, x.name ?? x.id]));
});

describe('scores in the browser (preview mode)', () => {
  it('computes scores for the Shanghai team and shows the Scores sheet with the grade chart', async () => {
    const page = stack.page;
    await signIn('[data-role="manager"][aria-label*="Shanghai"], [data-role="manager"]');
    await openSection('scores');
    // the unit is chosen by name among the units in scope, the manager's own team first
    await expect
      .poll(() => page.getByTestId('scores-unit').inputValue(), { timeout: 20_000 })
      .toBe('east-shanghai');
    await page.getByTestId('scores-templates').click();
    await expect
      .poll(() => page.getByTestId('scores-outcome').textContent(), { timeout: 20_000 })
      .toContain('Wrote the Scorecard');
    await expect.poll(() => page.getByTestId('sheet-tab-Ratings').count()).toBe(1);

    await page.getByTestId('scores-compute').click();
    await expect
      .poll(() => page.getByTestId('scores-outcome').textContent(), { timeout: 20_000 })
      .toMatch(/Scored \d+ people/);
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Scores');
    // Header row of the Scores table (people by name, items by their metrics' labels), then one graded
    // row per rep with a grade fill.
    expect(await cell('A1').textContent()).toBe('Name');
    expect(await cell('B1').textContent()).toBe('Revenue');
    expect(await cell('F1').textContent()).toBe('Final');
    expect(await cell('G1').textContent()).toBe('Grade');
    const grade = (await cell('G2').textContent()) ?? '';
    expect(['S', 'A', 'B', 'C', 'D']).toContain(grade);
    expect(await cell('G2').getAttribute('style')).toContain('background-color');
    // the notice sits in the block of the button that caused it
    expect(
      await page.getByTestId('scores-compute').locator('xpath=../..').getByTestId('scores-outcome').count(),
    ).toBe(1);
    const chart = page.getByTestId('preview-chart-GradeChart');
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.getAttribute('data-type')).toBe('column');
    expect(await offencesOn(page, { locale: 'en' })).toEqual([]);
    expect((await primaryButtons()).length).toBeLessThanOrEqual(1);
    await shot('01-scores-sheet');
    expect(stack.errors).toEqual([]);
  });

  it('scores the team from stored plans and actuals, and says which stored version it is', async () => {
    const page = stack.page;
    const send = async (method: string, path: string, who: string, body: unknown) => {
      const r = await fetch(`${stack.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await devToken(stack.base, who)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      expect(r.status, `${method} ${path}: ${await r.clone().text()}`).toBe(201);
    };
    // Targets of 2026-03: revenue 10,000 and 30 visits each for rep-001 and rep-002.
    await send('PUT', '/api/plans/east-shanghai/2026-03', 'mgr-east-shanghai', {
      unitId: 'east-shanghai',
      period: '2026-03',
      templateVersion: '1',
      targets: ['rep-001', 'rep-002'].flatMap((owner) => [
        { owner, metric: 'revenue', period: '2026-03', value: 10_000 },
        { owner, metric: 'visits', period: '2026-03', value: 30 },
      ]),
    });
    // Actuals: rep-001 sells 12,000 (120 %, the cap) and makes 30 visits (100 %) → 0.7 × 120 + 0.3 × 100
    // = 114; rep-002 sells 5,000 (50 %, under the 60 % floor → 0) and makes 15 visits → 0.3 × 50 = 15.
    await send('POST', '/api/actuals', 'finance-1', {
      period: '2026-03',
      transactions: [
        { id: 'sc-1', date: '2026-03-05', amount: 12_000, credits: [{ personId: 'rep-001', share: 1 }] },
        { id: 'sc-2', date: '2026-03-06', amount: 5_000, credits: [{ personId: 'rep-002', share: 1 }] },
      ],
      activities: [
        { personId: 'rep-001', metric: 'visits', period: '2026-03', value: 30 },
        { personId: 'rep-002', metric: 'visits', period: '2026-03', value: 15 },
      ],
    });

    await page.getByTestId('scores-period').fill('2026-03');
    await page.getByTestId('scores-stored').click();
    await expect
      .poll(() => page.getByTestId('scores-outcome').textContent(), { timeout: 20_000 })
      .toContain('Stored as version v1');
    const outcome = (await page.getByTestId('scores-outcome').textContent()) ?? '';
    expect(outcome).toContain(`of ${nameOf('east-shanghai')} for 2026-03 from stored data`);
    expect(outcome).toContain('from 4 targets');
    expect(outcome).toContain(`plans ${nameOf('east-shanghai')} v1`);
    await expect.poll(() => grid().getAttribute('data-sheet')).toBe('Scores');
    // Name, Revenue, Visits, KPI score, Rating score, Final: the item and KPI scores are the
    // stored data's; Final blends in the Ratings sheet's 360 score at the default 30 % rating share.
    const scored = new Map<string, string[]>();
    const rows = await grid().locator('tr').count();
    for (let r = 2; r < rows; r++) {
      const person = (await cell(`A${r}`).textContent()) ?? '';
      scored.set(
        person,
        await Promise.all(
          ['B', 'C', 'D', 'E', 'F'].map(async (c) => (await cell(`${c}${r}`).textContent()) ?? ''),
        ),
      );
    }
    const rep1 = scored.get(nameOf('rep-001'))!;
    const rep2 = scored.get(nameOf('rep-002'))!;
    expect(rep1.slice(0, 3)).toEqual(['120.00', '100.00', '114.00']);
    expect(rep2.slice(0, 3)).toEqual(['0.00', '50.00', '15.00']);
    for (const [kpi, [, , , rating, final]] of [
      [114, rep1],
      [15, rep2],
    ] as const)
      expect(Math.abs(Number(final) - (0.7 * kpi + 0.3 * Number(rating)))).toBeLessThan(0.01);
    expect(await cell('A2').textContent()).toBe(nameOf('rep-001')); // ranked first
    expect(await offencesOn(page, { locale: 'en' })).toEqual([]);
    expect((await primaryButtons()).length).toBeLessThanOrEqual(1);
    await page.getByTestId('scores-outcome').scrollIntoViewIfNeeded();
    await shot('02-scores-from-stored-data');

    // the same again is kept as the next version
    await page.getByTestId('scores-stored').click();
    await expect
      .poll(() => page.getByTestId('scores-outcome').textContent(), { timeout: 20_000 })
      .toContain('Stored as version v2');
    expect(stack.errors).toEqual([]);
  });

  it('writes the Analysis and Sizing sheets in the user’s words', async () => {
    const page = stack.page;
    await page.getByTestId('scores-analysis').click();
    await expect
      .poll(() => page.getByTestId('scores-outcome').textContent(), { timeout: 20_000 })
      .toBe(`Wrote the Analysis sheet for ${nameOf('east-shanghai')} 2026-03.`);
    expect(await cell('A1').textContent()).toBe(`Analysis of ${nameOf('east-shanghai')}, 2026-03 (Revenue)`);
    await page.getByTestId('scores-sizing').click();
    await expect
      .poll(() => page.getByTestId('scores-outcome').textContent(), { timeout: 20_000 })
      .toContain('Inserted the Sizing sheet');
    expect(await offencesOn(page, { locale: 'en' })).toEqual([]);
    expect((await primaryButtons()).length).toBeLessThanOrEqual(1);
    await shot('03-sizing');
  });

  it('in zh-CN: the notice follows the switch, every sheet is rewritten under its Chinese name', async () => {
    const page = stack.page;
    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect
      .poll(() => page.getByTestId('scores-outcome').textContent())
      .toBe('已插入人员编制工作表和示例数据;修改后再次运行。');
    for (const action of ['templates', 'compute', 'stored', 'analysis', 'sizing']) {
      await page.getByTestId(`scores-${action}`).click();
      await expect.poll(() => page.getByTestId('scores-busy').count(), { timeout: 20_000 }).toBe(0);
      await expect.poll(() => page.getByTestId('scores-outcome').count(), { timeout: 20_000 }).toBe(1);
    }
    expect(await page.getByTestId('scores-outcome').textContent()).toContain('所需代表人数');
    const tabs = await page
      .locator('[data-testid^="sheet-tab-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(10)));
    expect(tabs.filter((t) => t !== 'Sheet1').sort()).toEqual(
      ['360评价', '人员编制', '活动', '考核数据', '考核结果', '考核表', '销售分析'].sort(),
    );
    expect(await offencesOn(page, { locale: 'zh-CN' })).toEqual([]);
    expect((await primaryButtons()).length).toBeLessThanOrEqual(1);
    await shot('04-zh-sizing');
    await page.getByTestId('sheet-tab-考核结果').click();
    expect(await cell('A1').textContent()).toBe('姓名');
    expect(await cell('B1').textContent()).toBe('销售额');
    await shot('05-zh-scores-sheet');
    expect(stack.errors).toEqual([]);
  });
});
