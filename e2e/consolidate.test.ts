// Consolidate end to end in a real browser (preview mode): npm start's host with the demo org, two East
// teams and the East region submit plans through the API, the East regional head consolidates into the
// Rollup sheet (drill-down, gap and coverage, missing teams with managers, coverage of every team) and a
// Refresh with nothing changed says up to date; then the same in zh-CN: the notice follows the switch,
// the sheet is renamed 汇总 rather than doubled. Every screen is checked for what a user should never
// read (raw ids, ETags, Latin words in zh-CN). Screenshots go to test-output/consolidate/.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_VERSION } from '@teamsheet/shared';
import { paneOf } from './support/pane';
import { devToken, useStack } from './support/stack';
import { offencesOn } from './support/visibleText';

const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
type DemoPerson = { id: string; name?: string; role: string; unitId: string };
type DemoUnit = { id: string; name: string; parentId: string | null };

const stack = useStack({ name: 'consolidate', viewport: { width: 1600, height: 1000 } });
const { shot, cell, signIn, openSection, openSheet } = paneOf(stack);
let page: Page;
let base: string;
let people: DemoPerson[] = [];
let units: DemoUnit[] = [];
const unitName = (id: string) => units.find((u) => u.id === id)!.name;
const personName = (id: string) => people.find((p) => p.id === id)!.name!;
const tokenFor = (person: string) => devToken(base, person);

beforeAll(async () => {
  ({ page, base } = stack);
  // the whole demo org, as the administrator sees it (the dev issuer lists only a sample of people)
  const org = await fetch(`${base}/api/org`, {
    headers: { authorization: `Bearer ${await tokenFor('admin')}` },
  });
  ({ people, units } = (await org.json()) as { people: DemoPerson[]; units: DemoUnit[] });
});

/** Submits a plan as `person`: `own` a month for the unit itself, and `reps` a month for each rep listed. */
async function submitPlan(
  person: string,
  unitId: string,
  own: number,
  reps: [string, number][],
  basedOn?: number,
) {
  const targets = [
    ...months.map((period) => ({ owner: unitId, metric: 'revenue', period, value: own })),
    ...reps.flatMap(([rep, value]) =>
      months.map((period) => ({ owner: rep, metric: 'revenue', period, value })),
    ),
  ];
  const r = await fetch(`${base}/api/plans/${unitId}/2026`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${await tokenFor(person)}`,
      'content-type': 'application/json',
      ...(basedOn ? { 'if-match': `"${basedOn}"` } : {}),
    },
    body: JSON.stringify({ unitId, period: '2026', templateVersion: TEMPLATE_VERSION, targets }),
  });
  expect(r.status, await r.clone().text()).toBe(201);
}

describe('Consolidate in a browser', () => {
  const teams: { id: string; manager: string; reps: string[] }[] = [];
  let eastTeams = 0;

  it('seeds plans of two East teams and of the East region through the API', async () => {
    const east = [...new Set(people.filter((p) => p.unitId.startsWith('east-')).map((p) => p.unitId))];
    expect(east.length).toBeGreaterThanOrEqual(3);
    eastTeams = east.length;
    for (const id of east.slice(0, 2)) {
      const members = people.filter((p) => p.unitId === id);
      teams.push({
        id,
        manager: members.find((p) => p.role === 'manager')!.id,
        reps: members.filter((p) => p.role === 'rep').map((p) => p.id),
      });
    }
    // A team's reps must add up to the team (the plan validation refuses a shortfall), so each team is
    // covered 100 %: team 1 100,000 a month (reps 60,000 + 40,000), team 2 80,000 (50,000 + 30,000).
    await submitPlan(teams[0]!.manager, teams[0]!.id, 100_000, [
      [teams[0]!.reps[0]!, 60_000],
      [teams[0]!.reps[1]!, 40_000],
    ]);
    await submitPlan(teams[1]!.manager, teams[1]!.id, 80_000, [
      [teams[1]!.reps[0]!, 50_000],
      [teams[1]!.reps[1]!, 30_000],
    ]);
    // the region's own target: 250,000 a month, of which the two teams cover 180,000 (72 %)
    await submitPlan('head-east', 'east', 250_000, []);
  });

  it('signs in as the East regional head and consolidates the region into the Rollup sheet', async () => {
    await signIn('[data-person-id="head-east"]');
    await expect
      .poll(() => page.getByTestId('session').textContent(), { timeout: 20_000 })
      .toContain('regional head');
    await openSection('consolidate');
    await expect
      .poll(() => page.getByTestId('consolidate-unit').inputValue(), { timeout: 20_000 })
      .toBe('east');
    await page.getByTestId('consolidate-period').fill('2026');
    await page.getByTestId('consolidate-run').click();
    await expect
      .poll(() => page.getByTestId('consolidate-outcome').textContent(), { timeout: 30_000 })
      .toContain(`2 of ${eastTeams} units counted, ${eastTeams - 2} not submitted, 0 on an old template`);
    await expect.poll(() => page.getByTestId('preview-table').getAttribute('data-sheet')).toBe('Rollup');
    expect(await cell('A1').textContent()).toContain('2026');
    expect(await cell('A3').textContent()).toBe(
      `2 of ${eastTeams} units counted · ${eastTeams - 2} missing · 0 on an old template`,
    );
    expect(await cell('A5').textContent()).toBe(`Not submitted (${eastTeams - 2})`);
    expect(await cell('A10').textContent()).toBe('On an old template (0)');
    // the stamp names the unit and the time in the user's words: no unit id, no ETag
    expect(await cell('A2').textContent()).toBe('Unit');
    expect(await cell('B2').textContent()).toBe(unitName('east'));
    expect(await cell('F2').textContent()).toMatch(/^[A-Z][a-z]{2} \d{1,2}, 2026/);
    expect(await offencesOn(page, { locale: 'en' })).toEqual([]);
    await shot('01-rollup-top');
  });

  it('lists the missing teams with their managers and draws coverage by team', async () => {
    const managerOf = (unitId: string) => people.find((p) => p.unitId === unitId && p.role === 'manager')!;
    const missingTeam = people.find(
      (p) => p.unitId.startsWith('east-') && !teams.some((t) => t.id === p.unitId),
    )!.unitId;
    const row = page
      .getByTestId('preview-table')
      .locator('tr', { has: page.locator(`td:text-is("${unitName(missingTeam)}")`) })
      .first();
    expect(await row.locator('td').nth(2).textContent()).toBe(managerOf(missingTeam).name);
    // the pane lists the teams that have not submitted, with their managers, beside the button
    const outcome = (await page.getByTestId('consolidate-outcome').textContent()) ?? '';
    expect(outcome).toContain(`${unitName(missingTeam)} — manager ${managerOf(missingTeam).name}`);
    // every team below the region is on the chart: the two that submitted at 100 %, the others at 0 %
    const chart = page.getByTestId('preview-chart-RollupCoverage');
    await chart.scrollIntoViewIfNeeded();
    const bars = chart.locator('g[data-category]');
    expect(await bars.count()).toBe(eastTeams);
    const values = await bars.evaluateAll((gs) =>
      gs.map((g) => [g.getAttribute('data-category'), g.getAttribute('data-value')]),
    );
    expect(values.filter(([, v]) => v === '1').map(([c]) => c)).toEqual(teams.map((t) => unitName(t.id)));
    expect(values.find(([c]) => c === unitName(missingTeam))?.[1]).toBe('0');
    expect(await chart.textContent()).toContain('100.0%');
    expect(await chart.textContent()).toContain('0.0%');
    await shot('02-coverage-chart');
  });

  it('writes the revenue block: region target, gap and coverage, teams and reps below', async () => {
    const table = page.getByTestId('preview-table');
    const regionRow = table.locator('tr', { has: page.locator('td:text-is("target")') }).first();
    const cells = regionRow.locator('td');
    expect(await cells.nth(1).textContent()).toBe('target');
    expect(await cells.nth(15).textContent()).toBe('3,000,000.00'); // total target
    expect(await cells.nth(16).textContent()).toBe('2,160,000.00'); // the teams' own 1,200,000 + 960,000
    expect(await cells.nth(17).textContent()).toBe('840,000.00');
    expect(await cells.nth(18).textContent()).toBe('72.0%');
    // 72 % coverage is red on the colour scale
    expect(await cells.nth(18).getAttribute('data-fill')).toBe('#F8696B');
    const team2 = table
      .locator('tr', { has: page.locator(`td:text-is("${unitName(teams[1]!.id)}")`) })
      .last();
    expect(await team2.locator('td').nth(15).textContent()).toBe('960,000.00');
    expect(await team2.locator('td').nth(18).textContent()).toBe('100.0%');
    const rep = table.locator('tr', {
      has: page.locator(`td:text-is("${personName(teams[0]!.reps[0]!)}")`),
    });
    expect(await rep.locator('td').nth(3).textContent()).toBe('60,000.00');
    await regionRow.scrollIntoViewIfNeeded();
    await shot('03-revenue-block');
  });

  it('refreshes with nothing changed: up to date, from a 304', async () => {
    const answers: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/rollup/')) answers.push(r.status());
    });
    await page.getByTestId('consolidate-refresh').click();
    await expect
      .poll(() => page.getByTestId('consolidate-outcome').textContent(), { timeout: 20_000 })
      .toContain('Up to date');
    expect(answers).toEqual([304]);
    // the time of the pull in the user's words, not a raw UTC timestamp
    const upToDate = (await page.getByTestId('consolidate-outcome').textContent()) ?? '';
    expect(upToDate).toMatch(/pull at [A-Z][a-z]{2} \d{1,2}, 2026, \d{1,2}:\d\d/);
    expect(upToDate).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(await offencesOn(page, { locale: 'en' })).toEqual([]);
    await shot('04-up-to-date');
  });

  it('refreshes after a team resubmits: only the changed lines are rewritten', async () => {
    // team 2 raises its plan to 90,000 a month: the region is now covered 2,280,000 of 3,000,000 (76 %)
    await submitPlan(
      teams[1]!.manager,
      teams[1]!.id,
      90_000,
      [
        [teams[1]!.reps[0]!, 50_000],
        [teams[1]!.reps[1]!, 40_000],
      ],
      1,
    );
    await page.getByTestId('consolidate-refresh').click();
    await expect
      .poll(() => page.getByTestId('consolidate-outcome').textContent(), { timeout: 20_000 })
      .toMatch(/Refreshed: \d+ changed rows rewritten/);
    const regionRow = page
      .getByTestId('preview-table')
      .locator('tr', { has: page.locator('td:text-is("target")') })
      .first();
    expect(await regionRow.locator('td').nth(18).textContent()).toBe('76.0%');
    expect(await regionRow.locator('td').nth(17).textContent()).toBe('720,000.00');
    await shot('05-refreshed');
  });

  it('in zh-CN: the notice follows the switch, the sheet is rewritten as 汇总 rather than doubled', async () => {
    const missingTeam = people.find(
      (p) => p.unitId.startsWith('east-') && !teams.some((t) => t.id === p.unitId),
    )!.unitId;
    await page.getByTestId('language-select').selectOption('zh-CN');
    // the notice shown in English now reads Chinese, its list of teams too (the sheet keeps the name it
    // was written under until it is written again)
    await expect
      .poll(() => page.getByTestId('consolidate-outcome').textContent())
      .toMatch(/^已刷新：Rollup 工作表中改写了 \d+ 行变化的数据。/);
    expect(await page.getByTestId('consolidate-outcome').textContent()).toContain(
      `${unitName(missingTeam)} — 负责人`,
    );
    await page.getByTestId('consolidate-run').click();
    await expect
      .poll(() => page.getByTestId('consolidate-outcome').textContent(), { timeout: 30_000 })
      .toContain(`已将 ${unitName('east')} 2026 的汇总写入 汇总 工作表`);
    await expect.poll(() => page.getByTestId('sheet-tab-汇总').count()).toBe(1);
    expect(await page.getByTestId('sheet-tab-Rollup').count()).toBe(0);
    await openSheet('汇总');
    expect(await cell('A2').textContent()).toBe('单位');
    expect(await cell('F2').textContent()).toMatch(/^2026年\d{1,2}月\d{1,2}日/);
    expect(await cell('A5').textContent()).toBe(`未提交（${eastTeams - 2}）`);
    expect(await offencesOn(page, { locale: 'zh-CN' })).toEqual([]);
    await shot('06-zh-rollup-top');
    const chart = page.getByTestId('preview-chart-RollupCoverage');
    await chart.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('preview-grid').textContent()).toContain('的条形图');
    await shot('07-zh-coverage-chart');
    await page.getByTestId('consolidate-refresh').click();
    await expect
      .poll(() => page.getByTestId('consolidate-outcome').textContent(), { timeout: 20_000 })
      .toMatch(/^已是最新：自 2026年\d{1,2}月\d{1,2}日 \d\d:\d\d 拉取以来没有变化。$/);
    expect(await offencesOn(page, { locale: 'zh-CN' })).toEqual([]);
    await shot('08-zh-up-to-date');
  });

  it('had no script errors on the way (a 304 is not an error)', () => {
    expect(stack.errors.filter((e) => !e.startsWith('304 '))).toEqual([]);
  });
});
