import { describe, expect, it } from 'vitest';
import { templateMarker } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { imports } from '../src/functions/imports';
import { UPLOAD_LIMITS } from '../src/xlsx/limits';
import { XLSX_CONTENT_TYPE } from '../src/xlsx/templateWorkbook';
import { seedOrg, tokenFor, useFreshStore } from './helpers';
import {
  callBinary,
  deflateStream,
  inlineCell,
  numberCell,
  row,
  sheetXml,
  workbookParts,
  writeZip,
  type RawEntry,
} from './fixtures/xlsx';

const demo = demoOrg();
const MB = 1024 * 1024;

type Problem = {
  status: number;
  detail: string;
  code?: string;
  limit?: string;
  value?: number;
  max?: number;
  inflatedBytes?: number;
  errors: { path: string }[];
};
type Finding = {
  rule: string;
  severity: string;
  path: string;
  message: string;
  params?: Record<string, unknown>;
};

async function upload(
  body: Uint8Array,
  query = 'kind=targets&unitId=east-shanghai&period=2026',
  headers: Record<string, string> = {},
) {
  const res = await callBinary(imports, {
    method: 'POST',
    path: 'imports',
    query,
    token: await tokenFor('mgr-east-shanghai', demo),
    headers: { 'content-type': XLSX_CONTENT_TYPE, ...headers },
    body,
  });
  return { status: res.status, body: res.json() as Problem & { findings: Finding[]; [k: string]: unknown } };
}

const targetsHeader = row(
  2,
  ['Owner', 'Metric', 'Total', 'Jan', 'Feb', 'Mar'].map((h, i) => inlineCell(`${'ABCDEF'[i]}2`, h)),
);
const marker = (kind: 'targets' | 'goals') => row(1, [inlineCell('A1', templateMarker(kind))]);

/** A one-sheet targets workbook from data rows. */
function targetsWorkbook(dataRows: string[], extra: RawEntry[] = []): Uint8Array {
  return writeZip([
    ...workbookParts({ sharedStrings: false }),
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml([marker('targets'), targetsHeader, ...dataRows]) },
    ...extra,
  ]);
}

/** Runs `fn` and reports how much the resident set grew meanwhile (sampled, so a peak is seen). */
async function memoryGrowth<T>(fn: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - before) / MB };
  } finally {
    clearInterval(timer);
  }
}

describe('POST /api/imports', () => {
  useFreshStore();

  it('reads numbers from numeric cells and refuses to parse formatted text as a number', async () => {
    await seedOrg(demo);
    const res = await upload(
      targetsWorkbook([
        row(3, [
          inlineCell('A3', 'east-shanghai'),
          inlineCell('B3', 'revenue'),
          numberCell('D3', 1234.5),
          inlineCell('E3', '1,234'),
        ]),
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body.plan).toMatchObject({
      targets: [{ owner: 'east-shanghai', metric: 'revenue', period: '2026-01', value: 1234.5 }],
    });
    expect(res.body.findings).toEqual([
      expect.objectContaining({
        rule: 'import.not-a-number',
        severity: 'error',
        params: expect.objectContaining({ cell: 'Targets!E3', value: '1,234' }),
      }),
    ]);
  });

  it('flags formulas in text fields, and a number formula without a stored result is not a number', async () => {
    const res = await upload(
      targetsWorkbook([
        row(3, [
          `<c r="A3" t="str"><f>"east-"&amp;"shanghai"</f><v>east-shanghai</v></c>`,
          inlineCell('B3', 'revenue'),
          `<c r="C3"><f>SUM(D3:F3)</f></c>`,
          numberCell('D3', 10),
        ]),
        row(4, [
          inlineCell('A4', '=HYPERLINK("http://x.example","rep-001")'),
          inlineCell('B4', 'revenue'),
          numberCell('D4', 5),
        ]),
      ]),
    );
    expect(res.status).toBe(200);
    const rules = res.body.findings.map((f) => [f.rule, f.params?.cell]);
    expect(rules).toEqual([
      ['import.formula-in-text', 'Targets!A3'],
      ['import.not-a-number', 'Targets!C3'],
      ['import.formula-in-text', 'Targets!A4'],
    ]);
    expect(res.body.findings[1]!.params?.value).toBe('=SUM(D3:F3)');
  });

  it('reads dates of a 1904-based workbook from its serials (44741 is 2026-06-30 there, 46203 in 1900)', async () => {
    const header = ['Id', 'Owner', 'Objective', 'Metric', 'Baseline', 'Target', 'Unit', 'Deadline'];
    const cols = 'ABCDEFGH';
    const goalRow = (r: number, id: string, serial: number) =>
      row(r, [
        inlineCell(`A${r}`, id),
        inlineCell(`B${r}`, 'east-shanghai'),
        inlineCell(`C${r}`, 'Grow revenue'),
        numberCell(`H${r}`, serial),
      ]);
    const workbook = (date1904: boolean, serial: number) =>
      writeZip([
        ...workbookParts({ sheetName: 'Goals', date1904, sharedStrings: false }),
        {
          name: 'xl/worksheets/sheet1.xml',
          data: sheetXml([
            marker('goals'),
            row(
              2,
              header.map((h, i) => inlineCell(`${cols[i]}2`, h)),
            ),
            goalRow(3, 'G1', serial),
          ]),
        },
      ]);
    const q = 'kind=goals&unitId=east-shanghai&period=2026';
    const mac = await upload(workbook(true, 44741), q);
    expect(mac.status).toBe(200);
    expect(mac.body.date1904).toBe(true);
    expect((mac.body.goals as { deadline: string }[])[0]!.deadline).toBe('2026-06-30');
    const win = await upload(workbook(false, 46203), q);
    expect((win.body.goals as { deadline: string }[])[0]!.deadline).toBe('2026-06-30');
    // Serial 60 of the 1900 system is Lotus's 1900-02-29, a day that never was.
    const quirk = await upload(workbook(false, 60), q);
    expect(quirk.body.findings.map((f) => f.rule)).toEqual(['import.fictitious-date']);
  });

  it('refuses a zip bomb whose directory declares a huge part, before inflating anything', async () => {
    const bytes = targetsWorkbook([], []);
    // Rewrite the sheet's declared size in the central directory to 3 GB.
    const bomb = writeZip([
      ...workbookParts({ sharedStrings: false }),
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml([marker('targets')]), declaredSize: 3_000_000_000 },
    ]);
    expect(bytes.byteLength).toBeLessThan(4096);
    const res = await upload(bomb);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      limit: 'maxEntryBytes',
      value: 3_000_000_000,
      max: UPLOAD_LIMITS.maxEntryBytes,
      inflatedBytes: 0,
    });
    expect(res.body.detail).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses a part compressed 1000:1 by its ratio, before inflating anything', async () => {
    const zeros = deflateStream(function* () {
      const block = ' '.repeat(MB);
      for (let i = 0; i < 60; i++) yield block;
    });
    const bomb = writeZip([
      ...workbookParts({ sharedStrings: false }),
      { name: 'xl/worksheets/sheet1.xml', deflated: zeros },
    ]);
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const res = await upload(bomb);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ limit: 'maxRatio', max: UPLOAD_LIMITS.maxRatio, inflatedBytes: 0 });
    expect(res.body.value).toBeGreaterThan(500);
  });

  it('stops a part whose header lies about its size as soon as the output passes it, with bounded memory', async () => {
    const big = deflateStream(function* () {
      yield '<?xml version="1.0"?><worksheet><sheetData>';
      const block = '<row><c><v>0</v></c></row>'.repeat(40_000);
      for (let i = 0; i < 90; i++) yield block; // ~90 MB
      yield '</sheetData></worksheet>';
    });
    const liar = writeZip([
      ...workbookParts({ sharedStrings: false }),
      { name: 'xl/worksheets/sheet1.xml', deflated: big, declaredSize: 2000 },
    ]);
    const { result: res, growthMb } = await memoryGrowth(() => upload(liar));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'xlsx.size-lie', limit: 'declaredSize', max: 2000 });
    expect(res.body.inflatedBytes).toBeLessThan(8 * MB);
    expect(growthMb).toBeLessThan(200);
  });

  it('refuses a sheet of 1,100,000 rows at row 100,003 without inflating the rest, with bounded memory', async () => {
    const sheet = deflateStream(function* () {
      yield `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
      yield marker('targets') + targetsHeader;
      let chunk = '';
      for (let r = 3; r <= 1_100_002; r++) {
        chunk += `<row r="${r}"><c r="D${r}"><v>${r % 1000}</v></c></row>`;
        if (r % 20_000 === 0) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk + '</sheetData></worksheet>';
    }, 1);
    expect(sheet.size).toBeGreaterThan(40 * MB);
    const file = writeZip([
      ...workbookParts({ sharedStrings: false }),
      { name: 'xl/worksheets/sheet1.xml', deflated: sheet },
    ]);
    expect(file.byteLength).toBeLessThan(UPLOAD_LIMITS.maxFileBytes);
    const { result: res, growthMb } = await memoryGrowth(() => upload(file));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ limit: 'maxRows', value: 100_003, max: 100_000 });
    expect(res.body.detail).toBe(
      'Sheet Targets reaches row 100,003; at most 100,000 data rows are accepted. Split the data into several files.',
    );
    // Only the first ~100,000 rows (~4 MB of the ~45 MB) were inflated.
    expect(res.body.inflatedBytes).toBeLessThan(sheet.size / 5);
    expect(growthMb).toBeLessThan(200);
  }, 60_000);

  it('refuses a huge shared-strings table by its declared count, and by its real count when it does not declare one', async () => {
    const sst = (declare: boolean) =>
      deflateStream(function* () {
        yield `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"${declare ? ' uniqueCount="600000"' : ''}>`;
        let chunk = '';
        for (let i = 0; i < 600_000; i++) {
          chunk += `<si><t>s${i}</t></si>`;
          if (i % 50_000 === 0) {
            yield chunk;
            chunk = '';
          }
        }
        yield chunk + '</sst>';
      }, 1);
    const book = (declare: boolean) =>
      writeZip([
        ...workbookParts(),
        { name: 'xl/worksheets/sheet1.xml', data: sheetXml([marker('targets'), targetsHeader]) },
        { name: 'xl/sharedStrings.xml', deflated: sst(declare) },
      ]);
    const declared = await upload(book(true));
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({
      limit: 'maxSharedStrings',
      value: 600_000,
      max: UPLOAD_LIMITS.maxSharedStrings,
    });
    expect(declared.body.inflatedBytes).toBeLessThan(5 * MB);
    const counted = await upload(book(false));
    expect(counted.status).toBe(413);
    expect(counted.body).toMatchObject({
      limit: 'maxSharedStrings',
      value: UPLOAD_LIMITS.maxSharedStrings + 1,
    });
  });

  it('refuses what is not a plain workbook with 415, 413 or 422 and a clear reason', async () => {
    const text = await upload(new TextEncoder().encode('owner,metric\nx,y'));
    expect(text.status).toBe(422);
    expect(text.body.detail).toContain('not an .xlsx');
    const xls = new Uint8Array(512);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await upload(xls)).body.code).toBe('xlsx.legacy-xls');
    const macro = await upload(
      targetsWorkbook([], [{ name: 'xl/vbaProject.bin', data: new Uint8Array(10) }]),
    );
    expect(macro.status).toBe(422);
    expect(macro.body.detail).toContain('xl/vbaProject.bin');
    const csv = await upload(targetsWorkbook([]), undefined, { 'content-type': 'text/csv' });
    expect(csv.status).toBe(415);
    const big = await upload(targetsWorkbook([]), undefined, {
      'content-length': String(UPLOAD_LIMITS.maxFileBytes + 1),
    });
    expect(big.status).toBe(413);
    // Refused by the route's body limit (which is maxFileBytes) before the handler runs.
    expect(big.body).toMatchObject({
      limit: 'maxBodyBytes',
      value: UPLOAD_LIMITS.maxFileBytes + 1,
      max: UPLOAD_LIMITS.maxFileBytes,
    });
    const wrongKind = await upload(targetsWorkbook([]), 'kind=goals&unitId=east-shanghai&period=2026');
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.detail).toContain('targets template');
    const noPeriod = await upload(targetsWorkbook([]), 'kind=targets&unitId=east-shanghai');
    expect(noPeriod.status).toBe(400);
    expect(noPeriod.body.errors[0]!.path).toBe('period');
  });

  it("refuses a plan workbook for a unit outside the caller's scope (403), before reading it", async () => {
    const outsider = demo.people.find((p) => p.role === 'manager' && !p.unitId.startsWith('east'))!;
    const res = await callBinary(imports, {
      method: 'POST',
      path: 'imports',
      query: 'kind=targets&unitId=east-shanghai&period=2026',
      token: await tokenFor(outsider.id, demo),
      headers: { 'content-type': XLSX_CONTENT_TYPE },
      body: targetsWorkbook([]),
    });
    expect(res.status).toBe(403);
  });

  it('answers in Chinese when asked', async () => {
    const res = await upload(new TextEncoder().encode('hello'), undefined, { 'accept-language': 'zh-CN' });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('不是 .xlsx');
  });
});
