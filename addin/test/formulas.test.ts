// The Teamsheet formulas in the task pane (docs/rules.md, Teamsheet formulas): typed formulas read in
// either language, each function's arguments checked before anything is sent, every cell of one
// recalculation in one POST /api/lookups, answers kept until a refresh that asks with the ETag (304:
// nothing moves), and answers shown as Excel shows them — #N/A, #VALUE! with their messages through a
// stand-in of Excel's CustomFunctions global, no rights as text — in Excel and in the preview workbook.
import { describe, expect, it } from 'vitest';
import { parseLookupCell, type LookupCell } from '@teamsheet/shared';
import { createApi } from '../src/api';
import { excelResult, previewResult, type CustomFunctionsLike } from '../src/functions/cellResult';
import { parseTeamsheetFormula } from '../src/functions/formula';
import { FORMULAS, useFormulaClient } from '../src/functions/functions';
import { LookupClient } from '../src/functions/lookupClient';
import { teamsheetFormulas } from '../src/functions/preview';
import { apiTransport } from '../src/functions/transport';
import { createPreviewWorkbook } from '../src/office/previewWorkbook';

/** A fetch that answers POST /api/lookups like the host: each cell's first argument echoed, an ETag over the cells, 304 on a match. */
function host() {
  const requests: { cells: LookupCell[]; ifNoneMatch: string | null }[] = [];
  let version = 1;
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init!.body)) as { cells: LookupCell[] };
    const ifNoneMatch = new Headers(init!.headers).get('if-none-match');
    requests.push({ cells: body.cells, ifNoneMatch });
    const etag = `"v${version}-${body.cells.length}"`;
    if (ifNoneMatch === etag) return new Response(null, { status: 304, headers: { etag } });
    const cells = body.cells.map((c) =>
      c.args[0] === 'north'
        ? { error: 'forbidden', message: 'No rights: "north" is outside what you may see.' }
        : c.args[0] === 'nobody'
          ? { error: 'na', message: 'No target.' }
          : { value: version * 100 + c.args.length },
    );
    return new Response(JSON.stringify({ cells }), {
      status: 200,
      headers: { 'content-type': 'application/json', etag },
    });
  };
  return { requests, fetch, bump: () => (version += 1) };
}

function clientOn(h: ReturnType<typeof host>, windowMs = 5) {
  const api = createApi({ base: 'http://host', getToken: () => 't', fetch: h.fetch as typeof fetch });
  return new LookupClient({ transport: apiTransport(api), locale: () => 'en', windowMs });
}

/** A stand-in of Excel's CustomFunctions global: its Error class and error codes. */
class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
const fakeCustomFunctions: CustomFunctionsLike = {
  Error: FakeCustomFunctionsError as unknown as CustomFunctionsLike['Error'],
  ErrorCode: { notAvailable: '#N/A', invalidValue: '#VALUE!' },
};

describe('reading a typed Teamsheet formula', () => {
  it('reads English and zh-CN names, quoted text with doubled quotes, numbers and empty arguments', () => {
    expect(parseTeamsheetFormula('=TEAMSHEET.PAYOUT("王芳","2026-03")')).toEqual({
      fn: 'PAYOUT',
      args: ['王芳', '2026-03'],
    });
    expect(parseTeamsheetFormula('=teamsheet.target( "a ""b""" , "revenue", 2026, )')).toEqual({
      fn: 'TARGET',
      args: ['a "b"', 'revenue', 2026, null],
    });
    expect(parseTeamsheetFormula('=TEAMSHEET.薪酬额("王芳","2026-03")')?.fn).toBe('PAYOUT');
    expect(parseTeamsheetFormula('=TEAMSHEET.达成率("王芳","销售额","2026-03")')?.fn).toBe('ATTAINMENT');
    expect(parseTeamsheetFormula('=TEAMSHEET.考核等级("王芳","2026-03")')?.fn).toBe('GRADE');
  });

  it('leaves other formulas and unreadable arguments alone', () => {
    expect(parseTeamsheetFormula('=SUM(A1:A3)')).toBeUndefined();
    expect(parseTeamsheetFormula('=TEAMSHEET.NOPE("a")')).toBeUndefined();
    expect(parseTeamsheetFormula('=TEAMSHEET.PAYOUT(A1,"2026-03")')).toBeUndefined();
    expect(parseTeamsheetFormula('=TEAMSHEET.PAYOUT("a)')).toBeUndefined();
    expect(parseTeamsheetFormula('TEAMSHEET.PAYOUT("a","2026-03")')).toBeUndefined();
  });
});

describe('each function’s arguments', () => {
  const parse = (fn: LookupCell['fn'], ...args: LookupCell['args']) => parseLookupCell({ fn, args });
  it('takes owners, metrics by id or label in either language, and periods as text, a year or a date', () => {
    expect(parse('TARGET', '王芳', '销售额', '2026-3')).toEqual({
      ok: true,
      query: { fn: 'TARGET', owner: '王芳', metric: 'revenue', period: '2026-03', status: 'approved' },
    });
    expect(parse('TARGET', 'rep-001', 'Revenue', 2026, 'submitted')).toMatchObject({
      query: { period: '2026', status: 'submitted' },
    });
    // Excel turns a typed 2026-03 into the date 1 March 2026, serial 46082.
    expect(parse('ACTUAL', 'rep-001', 'revenue', 46082)).toMatchObject({ query: { period: '2026-03' } });
    expect(parse('PAYOUT', 'rep-001', '2026-03')).toMatchObject({
      query: { fn: 'PAYOUT', component: null, source: 'latest' },
    });
    expect(parse('PAYOUT', 'rep-001', '2026-03', 'commission', 'approved')).toMatchObject({
      query: { component: 'commission', source: 'approved' },
    });
    expect(parse('GRADE', 'rep-001', '2026-Q1')).toMatchObject({ query: { fn: 'GRADE', period: '2026-Q1' } });
  });

  it('names the first bad argument and why', () => {
    expect(parse('ACTUAL', 'rep-001', 'revenue', 'March')).toMatchObject({ ok: false, problem: { arg: 2 } });
    expect(parse('ACTUAL', 'rep-001', 'turnover', '2026-03')).toMatchObject({
      ok: false,
      problem: { arg: 1 },
    });
    expect(parse('SCORE', '', '2026-03')).toMatchObject({ ok: false, problem: { arg: 0 } });
    expect(parse('SCORE', true, '2026-03')).toMatchObject({ ok: false, problem: { arg: 0 } });
    expect(parse('TARGET', 'a', 'revenue', '2026', 'maybe')).toMatchObject({
      ok: false,
      problem: { arg: 3 },
    });
    expect(parse('GRADE', 'a', '2026', 'x')).toMatchObject({ ok: false, problem: { arg: 2 } });
    const zh = parseLookupCell({ fn: 'ACTUAL', args: ['a', 'revenue', 'March'] }, 'zh-CN');
    expect(zh.ok === false && zh.problem.message).toContain('不是期间');
  });
});

describe('the lookups client', () => {
  it('sends every cell of one recalculation as one request and answers each cell', async () => {
    const h = host();
    const client = clientOn(h);
    const cells = Array.from({ length: 250 }, (_, i) => ({
      fn: 'ACTUAL' as const,
      args: [`rep-${i}`, 'revenue', '2026-03'],
    }));
    const answers = await Promise.all(cells.map((c) => client.lookup(c)));
    expect(h.requests).toHaveLength(1);
    expect(h.requests[0]!.cells).toHaveLength(250);
    expect(answers.every((a) => 'value' in a && a.value === 103)).toBe(true);
    expect(client.requests).toBe(1);
  });

  it('answers a bad argument itself, without a request', async () => {
    const h = host();
    const answer = await clientOn(h).lookup({ fn: 'ACTUAL', args: ['rep-1', 'revenue', 'March'] });
    expect(answer).toMatchObject({ error: 'value' });
    expect(h.requests).toHaveLength(0);
  });

  it('keeps answers until a refresh; a refresh asks with the ETag and keeps them on a 304, then takes new ones', async () => {
    const h = host();
    const client = clientOn(h);
    const cells: LookupCell[] = [
      { fn: 'SCORE', args: ['a', '2026-03'] },
      { fn: 'SCORE', args: ['b', '2026-03'] },
    ];
    await Promise.all(cells.map((c) => client.lookup(c)));
    await Promise.all(cells.map((c) => client.lookup(c)));
    expect(h.requests).toHaveLength(1); // cached

    client.refresh();
    const again = await Promise.all(cells.map((c) => client.lookup(c)));
    expect(h.requests).toHaveLength(2);
    expect(h.requests[1]!.ifNoneMatch).toBe('"v1-2"');
    expect(again).toEqual([{ value: 102 }, { value: 102 }]);

    h.bump();
    client.refresh();
    const changed = await Promise.all(cells.map((c) => client.lookup(c)));
    expect(h.requests).toHaveLength(3);
    expect(changed).toEqual([{ value: 202 }, { value: 202 }]);
  });

  it('asks once for a cell asked twice in one recalculation', async () => {
    const h = host();
    const client = clientOn(h);
    const cell: LookupCell = { fn: 'GRADE', args: ['a', '2026-03'] };
    await Promise.all([
      client.lookup(cell),
      client.lookup(cell),
      client.lookup({ ...cell, args: ['b', '2026-03'] }),
    ]);
    expect(h.requests).toHaveLength(1);
    expect(h.requests[0]!.cells).toHaveLength(2);
  });

  it('answers #N/A with the reason when the server cannot be reached, and asks again next time', async () => {
    let calls = 0;
    const api = createApi({
      base: 'http://host',
      fetch: (() => {
        calls += 1;
        return Promise.reject(new TypeError('Failed to fetch'));
      }) as typeof fetch,
    });
    const client = new LookupClient({ transport: apiTransport(api), locale: () => 'en', windowMs: 0 });
    const cell: LookupCell = { fn: 'GRADE', args: ['a', '2026-03'] };
    expect(await client.lookup(cell)).toMatchObject({
      error: 'na',
      message: expect.stringContaining('Failed to fetch'),
    });
    await client.lookup(cell);
    expect(calls).toBe(2);
  });
});

describe('answers as Excel shows them', () => {
  it('throws CustomFunctions.Error #N/A or #VALUE! with the message, and gives no rights as text', () => {
    expect(excelResult({ value: 5000 }, fakeCustomFunctions)).toBe(5000);
    expect(excelResult({ error: 'forbidden', message: 'No rights: x' }, fakeCustomFunctions)).toBe(
      'No rights: x',
    );
    expect(() => excelResult({ error: 'na', message: 'No run' }, fakeCustomFunctions)).toThrow(
      expect.objectContaining({ code: '#N/A', message: 'No run' }),
    );
    expect(() => excelResult({ error: 'value', message: 'Bad period' }, fakeCustomFunctions)).toThrow(
      expect.objectContaining({ code: '#VALUE!', message: 'Bad period' }),
    );
    expect(previewResult({ error: 'value', message: 'Bad period' })).toEqual({
      value: '#VALUE!',
      note: 'Bad period',
    });
  });

  it('runs the registered functions through the client: trailing empty optional arguments are left out', async () => {
    const h = host();
    useFormulaClient(clientOn(h), fakeCustomFunctions);
    await expect(FORMULAS.PAYOUT('rep-001', '2026-03', undefined, undefined)).resolves.toBe(102);
    await expect(FORMULAS.TARGET('nobody', 'revenue', '2026-03')).rejects.toMatchObject({ code: '#N/A' });
    await expect(FORMULAS.ACTUAL('rep-001', 'revenue', 'March')).rejects.toMatchObject({ code: '#VALUE!' });
    expect(h.requests.map((r) => r.cells)).toEqual([
      [{ fn: 'PAYOUT', args: ['rep-001', '2026-03'] }],
      [{ fn: 'TARGET', args: ['nobody', 'revenue', '2026-03'] }],
    ]);
  });
});

describe('the preview workbook evaluates Teamsheet formulas', () => {
  it('shows #BUSY! and then the value; a block written at once is one request; the formula is kept', async () => {
    const h = host();
    const client = clientOn(h);
    const wb = createPreviewWorkbook(['Sheet1']);
    wb.useFormulas(teamsheetFormulas(client));
    const block = Array.from({ length: 100 }, (_, i) => [
      `=TEAMSHEET.ATTAINMENT("rep-${i}","revenue","2026-03")`,
    ]);
    await wb.writeRange('Sheet1', 'A1:A100', block);
    expect((await wb.readRange('Sheet1', 'A1'))[0]![0]).toBe('#BUSY!');
    await wb.recalculate(); // answered from the client's cache once the block's request is back
    const values = await wb.readRange('Sheet1', 'A1:A100');
    expect(values.flat().every((v) => v === 103)).toBe(true);
    expect(wb.sheet('Sheet1')!.cells.get('0,0')!.formula).toBe(block[0]![0]);
    expect(h.requests.map((r) => r.cells.length)).toEqual([100]);
    // Refresh: the same cells asked again with the block's ETag; the server's 304 keeps every value.
    client.refresh();
    await wb.recalculate();
    expect(h.requests.map((r) => r.cells.length)).toEqual([100, 100]);
    expect(h.requests[1]!.ifNoneMatch).toBe('"v1-100"');
    expect((await wb.readRange('Sheet1', 'A100'))[0]![0]).toBe(103);
  });

  it('shows #N/A with the message as the cell’s note, and no rights as text; a sheet SUM computes, an unknown formula stays text', async () => {
    const h = host();
    const wb = createPreviewWorkbook(['Sheet1']);
    wb.useFormulas(teamsheetFormulas(clientOn(h)));
    await wb.writeRange('Sheet1', 'A1:A4', [
      ['=TEAMSHEET.目标值("nobody","销售额","2026-03")'],
      ['=TEAMSHEET.PAYOUT("north","2026-03")'],
      ['=SUM(1,2)'],
      ['=VLOOKUP(1,B1:C2,2)'],
    ]);
    await wb.recalculate();
    const sheet = wb.sheet('Sheet1')!;
    expect(sheet.cells.get('0,0')).toMatchObject({ value: '#N/A', note: 'No target.' });
    expect(sheet.cells.get('1,0')!.value).toMatch(/^No rights/);
    expect(sheet.cells.get('2,0')!.value).toBe(3);
    expect(sheet.cells.get('3,0')!.value).toBe('=VLOOKUP(1,B1:C2,2)');
  });
});

describe('a refresh asked for by the pane from another runtime (Excel: OfficeRuntime.storage)', () => {
  it('reads the refresh token once per recalculation and asks the server again when it changed', async () => {
    const h = host();
    let token: string | null = null;
    const api = createApi({ base: 'http://host', getToken: () => 't', fetch: h.fetch as typeof fetch });
    const client = new LookupClient({
      transport: apiTransport(api),
      locale: () => 'en',
      windowMs: 5,
      refreshToken: async () => token,
    });
    const cell: LookupCell = { fn: 'SCORE', args: ['a', '2026-03'] };
    const settle = () => new Promise((r) => setTimeout(r, 20));
    await client.lookup(cell);
    await settle();
    await client.lookup(cell);
    expect(h.requests).toHaveLength(1); // same token: cached
    await settle();
    token = 'refresh-1';
    expect(await client.lookup(cell)).toEqual({ value: 102 });
    expect(h.requests).toHaveLength(2);
    expect(h.requests[1]!.ifNoneMatch).toBe('"v1-1"');
  });
});
