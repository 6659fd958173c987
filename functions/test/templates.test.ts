import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { metricCatalog, templateMarker, TEMPLATE_VERSION, type Target } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { templates } from '../src/functions/templates';
import { imports } from '../src/functions/imports';
import { XLSX_CONTENT_TYPE } from '../src/xlsx/templateWorkbook';
import { seedOrg, tokenFor, useFreshStore } from './helpers';
import { callBinary, libreOfficeRoundTrip } from './fixtures/xlsx';

const demo = demoOrg();

async function download(kind: string, person: string, query = '', headers: Record<string, string> = {}) {
  return callBinary(templates, {
    path: `templates/${kind}.xlsx`,
    params: { kind },
    query,
    token: await tokenFor(person, demo),
    headers,
  });
}

/** POST /api/imports of a targets workbook for Shanghai's 2026 plan, as its manager. */
async function importTargets(body: Uint8Array) {
  return callBinary(imports, {
    method: 'POST',
    path: 'imports',
    query: 'kind=targets&unitId=east-shanghai&period=2026',
    token: await tokenFor('mgr-east-shanghai', demo),
    headers: { 'content-type': XLSX_CONTENT_TYPE },
    body,
  });
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}

describe('GET /api/templates/{kind}.xlsx and POST /api/imports', () => {
  useFreshStore();

  it('writes a targets template with marker row, frozen header, formats and owner/metric lists from the caller scope', async () => {
    await seedOrg(demo);
    const res = await download('targets', 'head-east', 'year=2026');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="teamsheet-targets-2026-${TEMPLATE_VERSION}.xlsx"`,
    );
    const wb = await load(res.bytes);
    const ws = wb.getWorksheet('Targets')!;
    expect(ws.getCell('A1').value).toBe(templateMarker('targets'));
    expect(ws.getRow(1).hidden).toBe(true);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'Owner',
      'Metric',
      'Total',
      ...['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
      ...['Q1', 'Q2', 'Q3', 'Q4'],
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getColumn(4).numFmt).toBe('#,##0.00');
    // Drop-downs point at named ranges of the hidden Lists sheet.
    expect(ws.getCell('A3').dataValidation).toMatchObject({ type: 'list', formulae: ['Teamsheet_owners'] });
    expect(ws.getCell('B5002').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['Teamsheet_metrics'],
    });
    const lists = wb.getWorksheet('Lists')!;
    expect(lists.state).toBe('hidden');
    const owners = lists.getColumn(1).values.slice(2) as string[];
    // East: the region, its 4 teams and the people in them (head, 4 managers, their reps).
    const eastUnits = ['east', 'east-shanghai', 'east-hangzhou', 'east-nanjing', 'east-suzhou'];
    const eastPeople = demo.people.filter((p) => eastUnits.includes(p.unitId)).map((p) => p.id);
    expect(owners).toEqual([...eastUnits, ...eastPeople]);
    expect(owners).not.toContain('north');
    const metricsColumn = (lists.getRow(1).values as string[]).indexOf('metrics');
    expect((lists.getColumn(metricsColumn).values.slice(2) as string[]).length).toBe(
      Object.keys(metricCatalog).length,
    );
    const ranges = wb.definedNames.getRanges('Teamsheet_owners').ranges;
    expect(ranges).toEqual([`Lists!$A$2:$A$${owners.length + 1}`]);
    // Total and the quarters hold the core's formulas in every data row, with no cached result to trust.
    expect(ws.getCell('C3').value).toEqual({ formula: 'IF(COUNT(D3:O3)=0,"",SUM(D3:O3))' });
    expect(ws.getCell('P3').value).toEqual({ formula: 'IF(COUNT(D3:F3)=0,"",SUM(D3:F3))' });
    expect(ws.getCell('S5002').value).toEqual({ formula: 'IF(COUNT(M5002:O5002)=0,"",SUM(M5002:O5002))' });
    const formulaColumns = new Set<number>();
    for (const sheet of wb.worksheets)
      sheet.eachRow((r) =>
        r.eachCell((c) => {
          if (c.type !== ExcelJS.ValueType.Formula) return;
          expect(c.result).toBeUndefined();
          formulaColumns.add(Number(c.col));
        }),
      );
    expect([...formulaColumns].sort((a, b) => a - b)).toEqual([3, 16, 17, 18, 19]);
  });

  it('writes every kind, headers in Chinese for zh-CN, enum columns with their labels', async () => {
    for (const kind of ['goals', 'activities', 'scorecard', 'ratings', 'compplan']) {
      const res = await download(kind, 'mgr-east-shanghai', '', { 'accept-language': 'zh-CN' });
      expect(res.status).toBe(200);
      const wb = await load(res.bytes);
      expect(wb.worksheets[0]!.getCell('A1').value).toBe(templateMarker(kind as 'goals'));
    }
    const scorecard = await load((await download('scorecard', 'mgr-east-shanghai', 'lang=zh-CN')).bytes);
    const sheet = scorecard.getWorksheet('考核表')!;
    expect(sheet.getCell('A2').value).toBe('考核项');
    expect(sheet.getCell('D3').dataValidation).toMatchObject({ formulae: ['Teamsheet_directions'] });
    const lists = scorecard.getWorksheet('Lists')!;
    const col = (lists.getRow(1).values as string[]).indexOf('directions');
    expect(lists.getColumn(col).values.slice(2)).toEqual(['越高越好', '越低越好']);
    const targets = await load(
      (await download('targets', 'mgr-east-shanghai', 'lang=zh-CN&year=2026')).bytes,
    );
    expect(targets.getWorksheet('目标')!.getRow(2).values).toEqual([
      undefined,
      '负责人',
      '指标',
      '合计',
      ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
      '一季度',
      '二季度',
      '三季度',
      '四季度',
    ]);
    const goals = await load((await download('goals', 'mgr-east-shanghai')).bytes);
    expect(goals.getWorksheet('Goals')!.getColumn(8).numFmt).toBe('yyyy-mm-dd');
  });

  it('answers 404 for an unknown kind and 401 without a token', async () => {
    const res = await download('payroll', 'admin');
    expect(res.status).toBe(404);
    expect((res.json() as { detail: string }).detail).toContain('targets, goals');
    const anon = await callBinary(templates, { path: 'templates/targets.xlsx', params: { kind: 'targets' } });
    expect(anon.status).toBe(401);
  });

  it('round trip: template → filled with ExcelJS → LibreOffice recalculates → import gives the same plan', async () => {
    const template = await download('targets', 'mgr-east-shanghai', 'year=2026');
    const wb = await load(template.bytes);
    const ws = wb.getWorksheet('Targets')!;
    const revenue = [
      100000, 110000, 120000.5, 95000, 99000, 101000, 87000, 92000, 130000, 125000, 140000, 150000.25,
    ];
    const customers = [3, 2, 4, 5, 3, 2, 1, 4, 6, 5, 4, 3];
    const fill = (r: number, owner: string, metric: string, months: number[]) => {
      ws.getCell(r, 1).value = owner;
      ws.getCell(r, 2).value = metric;
      // Only the months are typed: Total and the quarters are the template's formulas, with no
      // cached result, which LibreOffice computes on load.
      months.forEach((v, i) => (ws.getCell(r, 4 + i).value = v));
    };
    fill(3, 'east-shanghai', 'revenue', revenue);
    fill(4, 'rep-001', 'new_customers', customers);
    const filled = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const recalculated = await libreOfficeRoundTrip(filled);
    // What LibreOffice computed: each quarter the sum of its three months, checked by hand
    // (Q1 = 100,000 + 110,000 + 120,000.5), and Total the year; the rows below stay blank.
    const computed = (await load(recalculated)).getWorksheet('Targets')!;
    const results = (row: number) =>
      [3, 16, 17, 18, 19].map((c) => (computed.getCell(row, c).value as ExcelJS.CellFormulaValue).result);
    expect(results(3)).toEqual([1349000.75, 330000.5, 295000, 309000, 415000.25]);
    expect(results(4)).toEqual([42, 9, 10, 11, 12]);
    expect(results(5).every((v) => v === '' || v === undefined)).toBe(true);

    const res = await importTargets(recalculated);
    expect(res.status).toBe(200);
    const body = res.json() as { plan: { targets: Target[]; templateVersion: string }; findings: unknown[] };
    const expected = (owner: string, metric: string, months: number[]): Target[] => [
      { owner, metric, period: '2026', value: months.reduce((a, b) => a + b, 0) },
      ...months.map((value, i) => ({
        owner,
        metric,
        period: `2026-${String(i + 1).padStart(2, '0')}`,
        value,
      })),
    ];
    expect(body.plan).toEqual({
      unitId: 'east-shanghai',
      period: '2026',
      templateVersion: TEMPLATE_VERSION,
      targets: [
        ...expected('east-shanghai', 'revenue', revenue),
        ...expected('rep-001', 'new_customers', customers),
      ],
    });
    // Σ revenue = 1,349,000.75 — checked by hand from the twelve months above.
    expect(body.plan.targets[0]!.value).toBeCloseTo(1349000.75, 6);
    expect(body.findings).toEqual([]);
  }, 120_000);

  it('a template filled by a tool that does not calculate (formulas without results) reads its Total from the months', async () => {
    await seedOrg(demo);
    const template = await download('targets', 'mgr-east-shanghai', 'year=2026');
    const wb = await load(template.bytes);
    const ws = wb.getWorksheet('Targets')!;
    ws.getCell('A3').value = 'east-shanghai';
    ws.getCell('B3').value = 'revenue';
    Array.from({ length: 12 }, (_, i) => (ws.getCell(3, 4 + i).value = 1000 * (i + 1)));
    const res = await importTargets(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(res.status).toBe(200);
    const body = res.json() as { plan: { targets: Target[] }; findings: unknown[] };
    expect(body.findings).toEqual([]);
    // 1,000 + 2,000 + … + 12,000 = 78,000; the 4,999 blank rows below are no rows at all
    expect(body.plan.targets).toHaveLength(13);
    expect(body.plan.targets[0]).toEqual({
      owner: 'east-shanghai',
      metric: 'revenue',
      period: '2026',
      value: 78000,
    });
  }, 60_000);
});
