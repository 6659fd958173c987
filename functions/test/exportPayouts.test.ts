// GET /api/periods/{period}/payouts: the approved run in the columns payroll expects, as JSON, CSV
// (RFC 4180, BOM, formula-like text neutralised) and xlsx (numeric amounts, no formulas), the xlsx
// checked by opening it in LibreOffice headless and reading back the same numbers as the JSON.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Org } from '@teamsheet/shared';
import { revenueCommission, sampleCompPlan } from '@teamsheet/shared/fixtures';
import { demoOrg } from '@teamsheet/shared/demo';
import { HttpRequest, HttpResponse, InvocationContext } from '../src/azure';
import { actuals as actualsRoute } from '../src/functions/actuals';
import { payoutRunApprove } from '../src/functions/payoutRunApprove';
import { payoutRuns } from '../src/functions/payoutRuns';
import { payoutsExport } from '../src/functions/payoutsExport';
import { plans } from '../src/functions/plans';
import { call, seedOrg, tokenFor, useFreshStore } from './helpers';

const run = promisify(execFile);
const names: Record<string, string> = {
  'rep-001': '=HYPERLINK("http://evil.example","click")',
  'rep-003': '+1',
  'rep-004': '-2',
  'rep-005': '@x',
  'rep-006': '\tx',
  'rep-007': '\rx',
};
const demo = demoOrg();
const org: Org = { ...demo, people: demo.people.map((p) => (names[p.id] ? { ...p, name: names[p.id] } : p)) };
const reps = Object.keys(names);
const as = (who: string) => tokenFor(who, org);
const plan = { ...sampleCompPlan(), components: [revenueCommission('retroactive', [[0, 0.03]])] };

/** RFC 4180 records (quoted fields may hold commas, quotes, CR and LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

async function exportAs(format: string, who = 'finance-1') {
  const request = new HttpRequest({
    method: 'GET',
    url: `http://localhost:7071/api/periods/2026-03/payouts?format=${format}`,
    headers: { authorization: `Bearer ${await as(who)}` },
    params: { period: '2026-03' },
  });
  const result = await payoutsExport(
    request,
    new InvocationContext({ functionName: 'test', invocationId: 'x' }),
  );
  const response = result instanceof HttpResponse ? result : new HttpResponse(result ?? {});
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

describe('payout export', () => {
  useFreshStore();
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  let json: {
    runId: string;
    hash: string;
    rows: { personId: string; personName: string; amount: string; amountMinor: number }[];
  };

  it('has nothing to export before a run is approved (404), and refuses a manager (403)', async () => {
    await seedOrg(org);
    expect((await exportAs('json')).status).toBe(404);
    expect((await exportAs('json', 'mgr-east-shanghai')).status).toBe(403);
  });

  it('exports the approved run as JSON with the payroll columns', async () => {
    const put = await call(plans, {
      method: 'PUT',
      path: 'plans/east-shanghai/2026-03',
      params: { unitId: 'east-shanghai', period: '2026-03' },
      token: await as('mgr-east-shanghai'),
      json: {
        unitId: 'east-shanghai',
        period: '2026-03',
        templateVersion: '1',
        targets: reps.map((owner) => ({ owner, metric: 'revenue', period: '2026-03', value: 10000 })),
      },
    });
    expect(put.status).toBe(201);
    // rep k sells 1,000 × k + 0.35: retroactive 3 % of it, e.g. rep-001: 3 % of 1,000.35 = 30.0105 → 30.01
    const up = await call(actualsRoute, {
      method: 'POST',
      path: 'actuals',
      token: await as('mgr-east-shanghai'),
      json: {
        period: '2026-03',
        transactions: reps.map((r, k) => ({
          id: `t${k}`,
          date: '2026-03-10',
          amount: 1000 * (k + 1) + 0.35,
          credits: [{ personId: r, share: 1 }],
        })),
      },
    });
    expect(up.status).toBe(201);
    const created = await call(payoutRuns, {
      method: 'POST',
      path: 'periods/2026-03/payout-runs',
      params: { period: '2026-03' },
      token: await as('finance-1'),
      json: { plan, unitId: 'east-shanghai' },
    });
    expect(created.status).toBe(201);
    const approved = await call(payoutRunApprove, {
      method: 'POST',
      path: `periods/2026-03/payout-runs/${created.json.runId}/approve`,
      params: { period: '2026-03', runId: created.json.runId },
      token: await as('finance-2'),
    });
    expect(approved.status).toBe(200);

    const res = await exportAs('json');
    expect(res.status).toBe(200);
    json = JSON.parse(new TextDecoder().decode(res.bytes));
    expect(json.runId).toBe(created.json.runId);
    const byPerson = Object.fromEntries(json.rows.map((r) => [r.personId, r]));
    expect(byPerson['rep-001']).toMatchObject({
      personName: names['rep-001'],
      unitId: 'east-shanghai',
      component: 'commission',
      amount: '30.01',
      currency: 'CNY',
      period: '2026-03',
      hash: created.json.hash,
    });
    // rep-003 (second): 3 % of 2,000.35 = 60.0105 → 60.01; rep-007 (sixth): 3 % of 6,000.35 = 180.0105 → 180.01
    expect(byPerson['rep-003']!.amount).toBe('60.01');
    expect(byPerson['rep-007']!.amount).toBe('180.01');
  });

  it('neutralises formula-like names in the CSV, which has a BOM, CRLF and RFC 4180 quoting', async () => {
    const res = await exportAs('csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(res.bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      'person',
      'name',
      'unit',
      'component',
      'amount',
      'currency',
      'period',
      'run id',
      'hash',
    ]);
    const nameOf = Object.fromEntries(rows.slice(1).map((r) => [r[0], r[1]]));
    expect(nameOf['rep-001']).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(nameOf['rep-003']).toBe("'+1");
    expect(nameOf['rep-004']).toBe("'-2");
    expect(nameOf['rep-005']).toBe("'@x");
    expect(nameOf['rep-006']).toBe("'\tx");
    expect(nameOf['rep-007']).toBe("'\rx");
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    // Amounts stay numbers, exactly as in the JSON.
    expect(rows.slice(1).map((r) => r[4])).toEqual(json.rows.map((r) => r.amount));
  });

  it('writes an xlsx without formulas that LibreOffice opens to the same numbers as the JSON', async () => {
    const res = await exportAs('xlsx');
    expect(res.status).toBe(200);
    const parts = unzipSync(res.bytes);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toContain('<f>');
    // The amount of the first row is a number cell (no t="s"/"str" type), not text.
    expect(sheet).toMatch(/<c r="E2"(?![^>]*\bt=)[^>]*><v>-?\d+(\.\d+)?<\/v><\/c>/);
    const dir = await mkdtemp(path.join(tmpdir(), 'payout-export-'));
    dirs.push(dir);
    const file = path.join(dir, 'payouts.xlsx');
    await writeFile(file, res.bytes);
    await run(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1',
        '--outdir',
        dir,
        file,
      ],
      { timeout: 120_000 },
    );
    const rows = parseCsv(await readFile(path.join(dir, 'payouts.csv'), 'utf8'));
    expect(rows[0]![4]).toBe('amount');
    const seen = rows.slice(1).filter((r) => r.length > 1);
    expect(seen.map((r) => r[0])).toEqual(json.rows.map((r) => r.personId));
    expect(seen.map((r) => r[4])).toEqual(json.rows.map((r) => r.amount));
    expect(seen.find((r) => r[0] === 'rep-001')![1]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  });

  it('refuses an unknown format with 400 naming the parameter', async () => {
    const res = await exportAs('pdf');
    expect(res.status).toBe(400);
    expect(JSON.parse(new TextDecoder().decode(res.bytes)).errors[0].path).toBe('format');
  });
});
