// The payout benchmark's spreadsheet side: the same payouts as a SUMIFS workbook (formulas written
// with no cached results, so LibreOffice must calculate every one), converted to CSV by LibreOffice
// headless; the time of converting a trivial workbook is subtracted to isolate loading + recalculation.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { PayoutFixture } from '@teamsheet/shared/fixtures';

/**
 * Sheet "Payouts" (first, so it is the one the CSV export writes): one row per person with SUMIFS
 * over the credit rows for credit, SPIFF shares and closed customers, the marginal tiers with the
 * attainment cap, and the gated override on the team's credit. Sheet "Credits": one row per credit,
 * the manager looked up from the people (VLOOKUP), sorted by manager, customer and credit (largest
 * first) so that "first row of a manager's customer with a positive credit" is an O(1) formula per row
 * — the spreadsheet way of counting distinct closed customers.
 */
export async function writeSumifsWorkbook(fixture: PayoutFixture, file: string): Promise<{ rows: number }> {
  const { columns, transactions: tx } = fixture;
  const { actuals, people } = columns;
  const P = people.count;
  const quota = people.quotaMinor.get('revenue')!;
  const visits = people.activity.get('visits')!;
  const order = Array.from({ length: actuals.rows }, (_, r) => r);
  const managerOf = (r: number) => people.teamManager[actuals.person[r]!]!;
  order.sort(
    (a, b) =>
      managerOf(a) - managerOf(b) ||
      actuals.customer[a]! - actuals.customer[b]! ||
      actuals.credit[b]! - actuals.credit[a]! ||
      a - b,
  );
  // SPIFF share units of each row: its credit share when its deal opened a new customer.
  const spiffShare = new Float64Array(actuals.rows);
  for (let t = 0; t < tx.count; t++)
    if (tx.isNew[t])
      for (let r = tx.firstRow[t]!; r < tx.firstRow[t + 1]!; r++)
        spiffShare[r] = actuals.credit[r]! / tx.amountMinor[t]!;

  const N = actuals.rows + 1;
  const last = P + 1;
  const shareScale = actuals.shareScale;
  const days = columns.daysInPeriod;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false });
  const payouts = workbook.addWorksheet('Payouts');
  const credits = workbook.addWorksheet('Credits');
  payouts
    .addRow([
      'person',
      'manager',
      'quota',
      'days',
      'visits',
      'credited',
      'quotaProrated',
      'attainment',
      'counted',
      'commission',
      'spiff',
      'teamCredit',
      'closedCustomers',
      'override',
      'total',
    ])
    .commit();
  const f = (formula: string) => ({ formula });
  for (let p = 0; p < P; p++) {
    const i = p + 2;
    payouts
      .addRow([
        p,
        people.teamManager[p]!,
        quota[p]!,
        people.daysEmployed[p]!,
        visits[p]!,
        f(`SUMIFS(Credits!$C$2:$C$${N},Credits!$A$2:$A$${N},A${i})/${shareScale}`),
        f(`C${i}*D${i}/${days}`),
        f(`F${i}/G${i}`),
        f(`MIN(F${i},2*G${i})`),
        f(
          `ROUND(0.01*MAX(0,MIN(I${i},0.5*G${i}))+0.03*MAX(0,MIN(I${i},G${i})-0.5*G${i})+0.05*MAX(0,I${i}-G${i}),0)`,
        ),
        f(`ROUND(SUMIFS(Credits!$E$2:$E$${N},Credits!$A$2:$A$${N},A${i})*50000/${shareScale},0)`),
        f(`SUMIFS($F$2:$F$${last},$B$2:$B$${last},A${i})`),
        f(`SUMIFS(Credits!$F$2:$F$${N},Credits!$B$2:$B$${N},A${i})`),
        f(`IF(COUNTIF($B$2:$B$${last},A${i})=0,0,IF(E${i}>=3*M${i},ROUND(MAX(0,L${i})*0.01,0),0))`),
        f(`J${i}+K${i}+N${i}`),
      ])
      .commit();
  }
  credits.addRow(['person', 'manager', 'creditUnits', 'customer', 'spiffShare', 'closesCustomer']).commit();
  order.forEach((r, k) => {
    const i = k + 2;
    credits
      .addRow([
        actuals.person[r]!,
        f(`VLOOKUP(A${i},Payouts!$A$2:$B$${last},2,0)`),
        actuals.credit[r]!,
        actuals.customer[r]!,
        spiffShare[r]!,
        f(`IF(AND(B${i}>=0,C${i}>0,OR(B${i}<>B${i - 1},D${i}<>D${i - 1})),1,0)`),
      ])
      .commit();
  });
  await workbook.commit();
  return { rows: actuals.rows };
}

/** Convert a workbook to CSV with LibreOffice headless; returns the seconds it took and the CSV. */
export function convertToCsv(file: string, profile: string): { seconds: number; csv: string } {
  const out = mkdtempSync(path.join(os.tmpdir(), 'payout-csv-'));
  const start = process.hrtime.bigint();
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--convert-to',
      'csv',
      '--outdir',
      out,
      file,
    ],
    { stdio: 'pipe', timeout: 600_000 },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const csv = readFileSync(path.join(out, `${path.basename(file, path.extname(file))}.csv`), 'utf8');
  rmSync(out, { recursive: true, force: true });
  return { seconds, csv };
}

export async function writeTrivialWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Payouts').addRow(['person', 'total']);
  await workbook.xlsx.writeFile(file);
}

export function freshProfile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'payout-lo-profile-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}
