// Teamsheet formulas in real Chromium, preview mode, against the real routes: typing
// =TEAMSHEET.PAYOUT("<a demo rep>","2026-03") into a preview cell shows the amount of that rep's
// statement (an approved 2026-03 run, seeded through the API when none is approved yet: a manager's
// targets, transactions, a run by finance-1 approved by finance-2); the zh-CN name gives the same; a
// pasted block of 100 =TEAMSHEET.ATTAINMENT(…) cells over the team is answered by one request; Refresh
// asks again and gets a 304. Screenshots: test-output/formulas/.
import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { paneOf } from './support/pane';
import { apiAs, useStack } from './support/stack';

const stack = useStack({ name: 'formulas', viewport: { width: 1400, height: 1000 } });
const { shot, cell, typeInto } = paneOf(stack);
let page: Page;

const PERIOD = '2026-03';
const REP = 'rep-001';
const MANAGER = 'mgr-east-shanghai';

const api = (method: string, path: string, who: string, body: unknown, expected: number | number[]) =>
  apiAs(stack.base, method, path, who, body, expected);

const plan = {
  id: 'formulas-e2e',
  name: 'Formulas e2e',
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

let repName = '';
let statementAmount = 0;
let team: { id: string; name: string }[] = [];

beforeAll(async () => {
  page = stack.page;
  const org = await api('GET', '/api/org', MANAGER, undefined, [200]);
  team = (org.people as { id: string; name: string; unitId: string; role: string }[]).filter(
    (p) => p.unitId === 'east-shanghai' && p.role === 'rep',
  );
  const runs = await api('GET', `/api/periods/${PERIOD}/payout-runs`, 'finance-1', undefined, [200]);
  const approved = (runs.runs ?? runs).find?.((r: { status: string }) => r.status !== 'draft');
  if (!approved) {
    await api(
      'PUT',
      `/api/plans/east-shanghai/${PERIOD}`,
      MANAGER,
      {
        unitId: 'east-shanghai',
        period: PERIOD,
        templateVersion: '1',
        targets: team.map((p) => ({ owner: p.id, metric: 'revenue', period: PERIOD, value: 100_000 })),
      },
      [201],
    );
    // Approved, so that attainment has a target to read.
    await api(
      'POST',
      `/api/plans/east-shanghai/${PERIOD}/review`,
      'head-east',
      { version: 1, decision: 'approve', comment: 'Agreed.' },
      [201],
    );
    await api(
      'POST',
      '/api/actuals',
      'finance-1',
      {
        period: PERIOD,
        transactions: team.map((p, i) => ({
          id: `fx-${i}`,
          date: '2026-03-05',
          amount: 60_000 + i * 10_000,
          credits: [{ personId: p.id, share: 1 }],
        })),
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
  }
  const statement = await api('GET', `/api/statements/${REP}/${PERIOD}`, REP, undefined, [200]);
  expect(statement.status).toBe('approved');
  repName = statement.person.name;
  statementAmount = Number(statement.total.amount);
  expect(statementAmount).toBeGreaterThan(0);
});

async function signInAs(personId: string) {
  await page.goto(`${stack.base}/taskpane.html`);
  const person = page.locator(`[data-person-id="${personId}"]`).first();
  await person.waitFor({ timeout: 30_000 });
  await person.click();
  await page.getByTestId('session').waitFor({ timeout: 20_000 });
}

/** The POST /api/lookups requests the page sends from now on. */
function lookupRequests() {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/lookups')) seen.push(r);
  });
  return seen;
}

const numberIn = async (address: string) => {
  await expect.poll(() => cell(address).textContent(), { timeout: 20_000 }).not.toMatch(/^(#BUSY!)?$/);
  return Number((await cell(address).textContent())!.replace(/,/g, ''));
};

/** Pastes tab- and line-separated text into a cell's editor, as Excel's clipboard gives a block. */
async function pasteInto(address: string, text: string) {
  await cell(address).dblclick();
  const editor = page.getByTestId('cell-editor');
  await editor.waitFor();
  await editor.evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', data);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await expect.poll(() => page.getByTestId('cell-editor').count()).toBe(0);
}

describe('Teamsheet formulas in the preview workbook', () => {
  it('serves what the manifest names: the functions page, script and both metadata documents', async () => {
    for (const [file, type] of [
      ['functions.html', 'text/html'],
      ['functions.js', 'text/javascript'],
      ['functions.json', 'application/json'],
      ['functions.zh-CN.json', 'application/json'],
    ] as const) {
      const r = await fetch(`${stack.base}/${file}`);
      expect(r.status, file).toBe(200);
      expect(r.headers.get('content-type'), file).toContain(type);
      if (file.endsWith('.json'))
        expect(((await r.json()) as { functions: unknown[] }).functions, file).toHaveLength(7);
    }
  });

  it('shows a rep’s payout as their statement does, by the English and the zh-CN name', async () => {
    await signInAs(REP);
    await typeInto('A1', `=TEAMSHEET.PAYOUT("${repName}","${PERIOD}")`);
    expect(await numberIn('A1')).toBe(statementAmount);
    await typeInto('A2', `=TEAMSHEET.薪酬额("${repName}","${PERIOD}")`);
    expect(await numberIn('A2')).toBe(statementAmount);
    await typeInto('A3', `=TEAMSHEET.PAYOUTSTATUS("${REP}","${PERIOD}")`);
    await expect.poll(() => cell('A3').textContent()).toBe('approved');
    // A bad argument is #VALUE! with the reason on the cell, without a request.
    await typeInto('A4', `=TEAMSHEET.PAYOUT("${repName}","March")`);
    await expect.poll(() => cell('A4').textContent()).toBe('#VALUE!');
    expect(await cell('A4').getAttribute('title')).toContain('not a period');
    // Double-clicking a formula cell shows the formula, as Excel's formula bar does.
    await cell('A1').dblclick();
    await expect.poll(() => page.getByTestId('cell-editor').inputValue()).toContain('TEAMSHEET.PAYOUT');
    await page.getByTestId('cell-editor').press('Escape');
    await shot('payout');
  });

  it('answers a pasted block of 100 ATTAINMENT cells over the team with one request; Refresh is a 304', async () => {
    await signInAs(MANAGER);
    const requests = lookupRequests();
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
    const formulas = Array.from({ length: 100 }, (_, i) => {
      const person = team[i % team.length]!;
      return `=TEAMSHEET.ATTAINMENT("${person.name}","revenue","${months[Math.floor(i / team.length) % months.length]}")`;
    });
    // 10 rows × 10 columns
    const block = Array.from({ length: 10 }, (_, r) => formulas.slice(r * 10, r * 10 + 10).join('\t')).join(
      '\n',
    );
    await pasteInto('A1', block);
    await expect.poll(() => cell('J10').textContent(), { timeout: 20_000 }).not.toMatch(/^(#BUSY!)?$/);
    expect(requests).toHaveLength(1);
    const body = JSON.parse(requests[0]!.postData()!) as { cells: unknown[] };
    expect(body.cells).toHaveLength(new Set(formulas).size);
    // Every cell shows what the API answers for it: here the rep's March attainment.
    const march = formulas.indexOf(`=TEAMSHEET.ATTAINMENT("${repName}","revenue","2026-03")`);
    expect(march).toBeGreaterThanOrEqual(0);
    const address = `${String.fromCharCode(65 + (march % 10))}${Math.floor(march / 10) + 1}`;
    const direct = await api(
      'POST',
      '/api/lookups',
      MANAGER,
      { cells: [{ fn: 'ATTAINMENT', args: [REP, 'revenue', PERIOD] }] },
      [200],
    );
    expect(direct.cells[0].value).toBeGreaterThan(0);
    expect(await numberIn(address)).toBe(direct.cells[0].value);
    await shot('attainment-block');

    const answers: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/lookups')) answers.push(r.status());
    });
    await page.getByTestId('refresh-formulas').click();
    await expect.poll(() => answers.length, { timeout: 20_000 }).toBe(1);
    expect(answers).toEqual([304]);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.headers()['if-none-match']).toMatch(/^"[0-9a-f]+"$/);
  });
});
