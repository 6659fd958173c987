// Teamsheet formulas end to end through the HTTP API (docs/architecture.md "Budgets": 10,000
// custom-function cells resolved in one recalculation with one request per batch): the local host in
// its own process on a fresh data folder with the demo organisation, a year of approved plans (one
// per team, targets per rep and month) and a year of transactions; then 10,000 formula cells — TARGET,
// ACTUAL and ATTAINMENT of reps and teams for revenue and new customers over months, quarters and the
// year — asked through the pane's own LookupClient at once, as one recalculation. Reported: the time
// from the first call to the last answer and the number of requests, cold (a new client), and after
// Refresh (the same cells with the batch's ETag: 304). Beside it, in the same run, the anchor: DuckDB
// summing the same transactions by rep and month, quarter and year in one SQL (fresh in-memory
// database, the rows loaded, the query, the rows returned), and every rep's ACTUAL checked against it.
// Alone: `npx tsx bench/lookups.bench.ts` (BENCH_LOOKUP_CELLS, BENCH_LOOKUP_TX).
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LookupCell, Target, Transaction } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { createApi } from '../addin/src/api';
import { LookupClient } from '../addin/src/functions/lookupClient';
import { apiTransport } from '../addin/src/functions/transport';
import { call, expectStatus, startChild } from './e2e-store/client';
import { ms, type BenchSection } from './lib';

const CELLS = Number(process.env.BENCH_LOOKUP_CELLS ?? 10_000);
const TX_PER_MONTH = Number(process.env.BENCH_LOOKUP_TX ?? 2_000);
const YEAR = '2026';
const months = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);

type Credited = { person: string; month: string; amount: number };

/** DuckDB end to end: a fresh database, the credited rows loaded, one SQL of every rep's sums by month, quarter and year. */
async function duckActuals(rows: readonly Credited[]): Promise<{ ms: number; sums: Map<string, number> }> {
  const start = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run('CREATE TABLE tx (person VARCHAR, month VARCHAR, amount BIGINT)');
  for (let i = 0; i < rows.length; i += 5_000) {
    const values = rows
      .slice(i, i + 5_000)
      .map((r) => `('${r.person}', '${r.month}', ${r.amount})`)
      .join(',');
    await c.run(`INSERT INTO tx VALUES ${values}`);
  }
  const result = await c.run(`
    SELECT person, month AS period, sum(amount) AS total FROM tx GROUP BY person, month
    UNION ALL
    SELECT person, substr(month, 1, 4) || '-Q' || ((CAST(substr(month, 6, 2) AS INTEGER) + 2) // 3), sum(amount)
      FROM tx GROUP BY ALL
    UNION ALL
    SELECT person, substr(month, 1, 4), sum(amount) FROM tx GROUP BY ALL`);
  const cols = await result.getColumnsObjectJS();
  const ms = performance.now() - start;
  const sums = new Map<string, number>();
  (cols.person as string[]).forEach((person, k) =>
    sums.set(`${person}|${String(cols.period![k])}`, Number(cols.total![k] as bigint)),
  );
  c.closeSync();
  instance.closeSync();
  return { ms, sums };
}

export async function run(): Promise<BenchSection> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'teamsheet-bench-lookups-'));
  const host = await startChild({}, dataDir);
  try {
    const org = demoOrg();
    const admin = await host.token('admin', 'admin');
    expectStatus(await call(host, 'PUT', 'org', admin, org), [200, 201], 'PUT /api/org');
    const teams = org.units.filter((u) => u.kind === 'team');
    const reps = org.people.filter((p) => p.role === 'rep');
    for (const team of teams) {
      const members = reps.filter((p) => p.unitId === team.id);
      const targets: Target[] = members.flatMap((p, k) =>
        months.flatMap((m) => [
          { owner: p.id, metric: 'revenue', period: m, value: 100_000 + k * 1_000 },
          { owner: p.id, metric: 'new_customers', period: m, value: 5 },
        ]),
      );
      expectStatus(
        await call(host, 'PUT', `plans/${team.id}/${YEAR}`, await host.token(team.managerId!, 'manager'), {
          unitId: team.id,
          period: YEAR,
          templateVersion: '1',
          targets,
        }),
        [201],
        `PUT plan ${team.id}`,
      );
      // Approved, so that TARGET's default and ATTAINMENT have a target to read.
      expectStatus(
        await call(host, 'POST', `plans/${team.id}/${YEAR}/review`, admin, {
          version: 1,
          decision: 'approve',
          comment: 'bench',
        }),
        [201],
        `approve plan ${team.id}`,
      );
    }
    const finance = await host.token('finance-1', 'finance');
    const credited: Credited[] = [];
    for (const m of months) {
      const transactions: Transaction[] = Array.from({ length: TX_PER_MONTH }, (_, i) => ({
        id: `${m}-t${i}`,
        date: `${m}-${String((i % 28) + 1).padStart(2, '0')}`,
        amount: 100 + ((i * 7919) % 10_000),
        credits: [{ personId: reps[i % reps.length]!.id, share: 1 }],
        ...(i % 50 === 0 ? { isNewCustomer: true } : {}),
      }));
      for (const t of transactions) credited.push({ person: t.credits[0]!.personId, month: m, amount: t.amount });
      expectStatus(
        await call(host, 'POST', 'actuals', finance, { period: m, transactions }),
        [201],
        `actuals ${m}`,
      );
    }

    // The cells of one recalculation: reps and teams × metrics × periods × functions, the first CELLS of them.
    const owners = [...reps.map((p) => p.name ?? p.id), ...teams.map((t) => t.id)];
    const periods = [...months, `${YEAR}-Q1`, `${YEAR}-Q2`, `${YEAR}-Q3`, `${YEAR}-Q4`, YEAR];
    const cells: LookupCell[] = [];
    outer: for (const fn of ['ACTUAL', 'TARGET', 'ATTAINMENT'] as const)
      for (const metric of ['revenue', 'new_customers'])
        for (const period of periods)
          for (const owner of owners) {
            cells.push({
              fn,
              args: fn === 'TARGET' ? [owner, metric, period, 'submitted'] : [owner, metric, period],
            });
            if (cells.length === CELLS) break outer;
          }

    const manager = await host.token('finance-2', 'finance');
    const api = createApi({ base: host.url, getToken: () => manager, getLocale: () => 'en' });
    const client = new LookupClient({ transport: apiTransport(api), locale: () => 'en' });
    const recalc = async () => {
      const start = performance.now();
      const answers = await Promise.all(cells.map((c) => client.lookup(c)));
      return { ms: performance.now() - start, answers };
    };
    const cold = await recalc();
    const coldRequests = client.requests;
    const valued = cold.answers.filter((a) => 'value' in a).length;
    client.refresh();
    const refreshed = await recalc();
    const refreshRequests = client.requests - coldRequests;
    // A second client: the same recalculation again with nothing cached (200 with a full answer, warm host).
    const fresh = new LookupClient({ transport: apiTransport(api), locale: () => 'en' });
    const start = performance.now();
    await Promise.all(cells.map((c) => fresh.lookup(c)));
    const warmMs = performance.now() - start;

    // The anchor, and the check: every rep's ACTUAL of revenue equals DuckDB's sum of the same rows.
    const duck = await duckActuals(credited);
    const idOf = new Map(reps.map((p) => [p.name ?? p.id, p.id]));
    let checked = 0;
    let differ = 0;
    cells.forEach((c, k) => {
      const [owner, metric, period] = c.args as [string, string, string];
      const person = idOf.get(owner);
      if (c.fn !== 'ACTUAL' || metric !== 'revenue' || !person) return;
      const answer = cold.answers[k]!;
      const expected = duck.sums.get(`${person}|${period}`) ?? 0;
      const got = 'value' in answer ? Number(answer.value) : 0;
      checked += 1;
      if (Math.abs(got - expected) > 0.005) differ += 1;
    });
    if (differ > 0) throw new Error(`${differ} of ${checked} ACTUAL cells differ from DuckDB's sums`);

    const body = [
      '| recalculation | cells | requests | ms | budget |',
      '|---|---|---|---|---|',
      `| first (a new client, cold host) | ${cells.length.toLocaleString('en')} (${valued.toLocaleString('en')} with a value) | ${coldRequests} | ${ms(cold.ms)} | one request per batch |`,
      `| again from another client (warm host, nothing cached) | ${cells.length.toLocaleString('en')} | ${fresh.requests} | ${ms(warmMs)} | one request per batch |`,
      `| after Refresh (same cells with the batch's ETag → 304) | ${cells.length.toLocaleString('en')} | ${refreshRequests} | ${ms(refreshed.ms)} | one request per batch |`,
      `| DuckDB (anchor): fresh database, ${credited.length.toLocaleString('en')} rows loaded, one SQL of every rep's sums by month, quarter and year | — | — | ${ms(duck.ms)} | — |`,
      '',
      `Every rep's ACTUAL of revenue (${checked.toLocaleString('en')} cells) equals DuckDB's sum of the same rows. First recalculation / DuckDB = ${(cold.ms / duck.ms).toFixed(2)} (the recalculation also answers TARGET and ATTAINMENT, with rights and names per cell).`,
      '',
      `Demo organisation (${reps.length} reps, ${teams.length} teams), one plan per team for ${YEAR} by month,`,
      `${(12 * TX_PER_MONTH).toLocaleString('en')} transactions over the year; through the pane's LookupClient over HTTP`,
      'to the local host in its own process (embedded store). New customers have targets but no actuals: those cells are #N/A.',
    ].join('\n');
    return { title: 'Teamsheet formulas: 10,000 cells in one recalculation', body };
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.stdout.write(`${(await run()).body}\n`);
