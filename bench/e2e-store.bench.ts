// End to end through the HTTP API (issue 9, docs/architecture.md "Budgets"): the local host started by
// startHost in its own process on a fresh data folder, a 2,013-person organisation through PUT /api/org,
// 11 months of 100,000 transactions and one of 1,000,000 through POST /api/actuals, 200 team plans,
// a payout run from stored data, reads, and — in the same run — DuckDB computing the same payouts end
// to end from a Parquet file of the same transactions, checked per person to the cent. Then the same
// section at 5,000 transactions on the Cosmos DB adapter against the stand-in.
// Alone: `npx tsx bench/e2e-store.bench.ts` (BENCH_E2E_MONTH_TX, BENCH_E2E_EARLIER_TX, BENCH_E2E_COSMOS=0, BENCH_E2E_EMBEDDED=0,
// BENCH_E2E_PROF=<dir> for a CPU profile of the host during the payout runs).
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchSection } from './lib';
import { ms } from './lib';
import {
  adminId,
  benchCompPlan,
  benchOrg,
  companyId,
  daysIn,
  financeIds,
  headId,
  makeMonth,
  managerId,
  monthActivities,
  month,
  peopleRows,
  quotaOf,
  REPS_PER_TEAM,
  regionId,
  repId,
  TEAMS,
  teamId,
  teamPlan,
  uploadBodies,
  YEAR,
  type MonthData,
} from './e2e-store/data';
import { call, expectStatus, resentCount, startChild } from './e2e-store/client';
import { duckDbEndToEnd, e2eSql, writeParquet } from './e2e-store/duckdb';

const RUN_MONTH = 12;

type Scale = {
  adapter: 'embedded' | 'cosmos';
  monthTx: number;
  earlierTx: number;
  batch: number;
  plans: number;
  teamReads: number;
  companyReads: number;
  runs: number;
};

// ---- measuring

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]!;
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;

function procStatus(pid: number): { rssMiB: number; peakMiB: number; cpuS: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024, cpuS: ticks / 100 };
}

function dirSizeMiB(dir: string): number {
  let bytes = 0;
  for (const f of readdirSync(dir)) bytes += statSync(path.join(dir, f)).size;
  return bytes / 2 ** 20;
}

const n = (x: number) => x.toLocaleString('en-US');
const s = (msValue: number) => (msValue >= 1000 ? `${(msValue / 1000).toFixed(2)} s` : `${ms(msValue)} ms`);
const log = (m: string) => process.stdout.write(`  [e2e] ${m}\n`);

// ---- one whole scenario on one adapter

type Reads = {
  teamMs: number[];
  teamTx: number;
  companyMs: number[];
  companyTx: number;
  companyMiB: number;
  rollupMs: number[];
  scoresMs: number[];
  planMs: number[];
  runMs: number[];
  runTxs: number;
  runLines: number;
  existingMs: number;
  runGetMs: number;
  runId: string;
  rss: ReturnType<typeof procStatus>;
  fileMiB: number | null;
};

async function scenario(scale: Scale, env: Record<string, string>) {
  const dataDir = scale.adapter === 'embedded' ? mkdtempSync(path.join(os.tmpdir(), 'teamsheet-e2e-')) : null;
  const host = await startChild(env, dataDir);
  const pid = host.child.pid!;
  const org = benchOrg();
  const plan = benchCompPlan();
  const sizeOf = (m: number) => (m === RUN_MONTH ? scale.monthTx : scale.earlierTx);
  try {
    // Sign-in: the admin's token from the host's dev key (nobody is stored yet), then the dev token route.
    const admin = await host.token(adminId, 'admin');
    const orgPut = expectStatus(await call(host, 'PUT', 'org', admin, org), [200, 201], 'PUT /api/org');
    const tokens = new Map<string, string>([[adminId, admin]]);
    const tokenOf = async (personId: string) => {
      let t = tokens.get(personId);
      if (!t) {
        const a = expectStatus(
          await call(host, 'GET', `dev/token?person=${personId}`, admin),
          [200],
          'dev token',
        );
        t = (JSON.parse(a.text) as { token: string }).token;
        tokens.set(personId, t);
      }
      return t;
    };
    const fin = await tokenOf(financeIds[0]);
    const fin2 = await tokenOf(financeIds[1]);
    for (let t = 0; t < TEAMS; t++) await tokenOf(managerId(t));
    for (let r = 0; r < 10; r++) await tokenOf(headId(r));

    const versions = new Map<string, number>();
    const submitPlans = async () => {
      const times: number[] = [];
      for (let t = 0; t < scale.plans; t++) {
        const body = teamPlan(t, sizeOf);
        const base = versions.get(teamId(t));
        const a = expectStatus(
          await call(host, 'PUT', `plans/${teamId(t)}/${YEAR}`, tokens.get(managerId(t))!, body, {
            ...(base ? { 'if-match': `"${base}"` } : {}),
          }),
          [201],
          `PUT plan ${teamId(t)}`,
        );
        versions.set(teamId(t), (JSON.parse(a.text) as { version: number }).version);
        times.push(a.ms);
      }
      return times;
    };

    const upload = async (d: MonthData) => {
      const bodies = uploadBodies(d, scale.batch);
      const cpu0 = procStatus(pid).cpuS;
      const start = performance.now();
      const each: number[] = [];
      for (const body of bodies) {
        const a = expectStatus(await call(host, 'POST', 'actuals', fin, body), [201], `upload ${d.period}`);
        each.push(a.ms);
      }
      const wall = performance.now() - start;
      const act = expectStatus(
        await call(host, 'POST', 'actuals', fin, { period: d.period, activities: monthActivities(d) }),
        [201],
        `activities ${d.period}`,
      );
      return { wall, each, hostCpuS: procStatus(pid).cpuS - cpu0, activitiesMs: act.ms };
    };

    const runPeriod = month(RUN_MONTH);
    const reads = async (label: string): Promise<Reads> => {
      log(`${label}: plans`);
      const planMs = await submitPlans();
      log(`${label}: team reads`);
      const teamMs: number[] = [];
      let teamTx = 0;
      for (let k = 0; k < scale.teamReads; k++) {
        const t = (k * 37) % TEAMS;
        const a = expectStatus(
          await call(host, 'GET', `actuals/${teamId(t)}/${runPeriod}`, tokens.get(managerId(t))!),
          [200],
          'team read',
        );
        teamMs.push(a.ms);
        if (k === 0)
          teamTx = (JSON.parse(a.text) as { counts: { transactions: number } }).counts.transactions;
      }
      log(`${label}: company reads`);
      const companyMs: number[] = [];
      let companyTx = 0;
      let companyMiB = 0;
      for (let k = 0; k < scale.companyReads; k++) {
        const a = expectStatus(
          await call(host, 'GET', `actuals/${companyId}/${runPeriod}`, fin),
          [200],
          'company read',
        );
        companyMs.push(a.ms);
        companyMiB = a.bytes / 2 ** 20;
        if (k === 0)
          companyTx = (JSON.parse(a.text) as { counts: { transactions: number } }).counts.transactions;
      }
      log(`${label}: rollups`);
      const rollupMs: number[] = [];
      for (let k = 0; k < 5; k++) {
        const r = k % 10;
        const a = expectStatus(
          await call(host, 'GET', `rollup/${regionId(r)}/${YEAR}`, tokens.get(headId(r))!),
          [200],
          'rollup',
        );
        rollupMs.push(a.ms);
      }
      log(`${label}: scores runs`);
      const scoresMs: number[] = [];
      for (let k = 0; k < 3; k++) {
        const t = k * 11;
        const a = expectStatus(
          await call(host, 'POST', `periods/${runPeriod}/scores`, tokens.get(managerId(t))!, {
            unitId: teamId(t),
            scorecard: {
              items: [
                {
                  id: 'revenue',
                  metric: 'revenue',
                  weight: 100,
                  curve: { type: 'linear', floor: 0.5, cap: 1.2 },
                },
              ],
            },
          }),
          [201],
          'scores run',
        );
        scoresMs.push(a.ms);
      }
      log(`${label}: payout runs`);
      const runMs: number[] = [];
      let runId = '';
      let runTxs = 0;
      let runLines = 0;
      const profDir = process.env.BENCH_E2E_PROF;
      if (profDir) await host.ask({ type: 'prof-start' });
      for (let k = 0; k < scale.runs; k++) {
        const a = expectStatus(
          await call(host, 'POST', `periods/${runPeriod}/payout-runs`, fin, { plan, fresh: true }),
          [201],
          'payout run',
        );
        runMs.push(a.ms);
        const answer = JSON.parse(a.text) as {
          runId: string;
          lineCount: number;
          inputs: { transactions: number };
        };
        runId = answer.runId;
        runTxs = answer.inputs.transactions;
        runLines = answer.lineCount;
      }
      if (profDir)
        await host.ask({
          type: 'prof-stop',
          file: path.join(profDir, `runs-${label.replace(/\W+/g, '-')}.cpuprofile`),
        });
      // The content-addressed run: the first plain POST creates it, the second answers it as existing.
      expectStatus(
        await call(host, 'POST', `periods/${runPeriod}/payout-runs`, fin, { plan }),
        [200, 201],
        'run',
      );
      const again = expectStatus(
        await call(host, 'POST', `periods/${runPeriod}/payout-runs`, fin, { plan }),
        [200],
        'run again',
      );
      if (!(JSON.parse(again.text) as { existing: boolean }).existing)
        throw new Error('the second run is not existing');
      const get = expectStatus(
        await call(host, 'GET', `periods/${runPeriod}/payout-runs/${runId}`, fin2),
        [200],
        'run get',
      );
      return {
        teamMs,
        teamTx,
        companyMs,
        companyTx,
        companyMiB,
        rollupMs,
        scoresMs,
        planMs,
        runMs,
        runTxs,
        runLines,
        existingMs: again.ms,
        runGetMs: get.ms,
        runId,
        rss: procStatus(pid),
        fileMiB: dataDir ? dirSizeMiB(dataDir) : null,
      };
    };

    // Plans first, with nothing in the ledger.
    log('plans with an empty ledger');
    const planEmptyMs = await submitPlans();

    log(`upload ${runPeriod}: ${n(scale.monthTx)} transactions`);
    const runMonth = makeMonth(RUN_MONTH, scale.monthTx);
    const bigUpload = await upload(runMonth);
    const one = await reads('one month stored');

    const earlier: Awaited<ReturnType<typeof upload>>[] = [];
    for (let m = 1; m < RUN_MONTH; m++) {
      log(`upload ${month(m)}: ${n(scale.earlierTx)} transactions`);
      earlier.push(await upload(makeMonth(m, scale.earlierTx)));
    }
    const twelve = await reads('twelve months stored');

    // Approvals by the regional heads of the latest versions.
    const approveMs: number[] = [];
    for (let t = 0; t < Math.min(50, scale.plans); t++) {
      const r = Math.floor(t / (TEAMS / 10));
      const a = expectStatus(
        await call(host, 'POST', `plans/${teamId(t)}/${YEAR}/approve`, tokens.get(headId(r))!, {
          version: versions.get(teamId(t)),
        }),
        [200, 201],
        'approve',
      );
      approveMs.push(a.ms);
    }

    // The run's lines, per person and component, from the stored run.
    const stored = JSON.parse(
      expectStatus(
        await call(host, 'GET', `periods/${runPeriod}/payout-runs/${twelve.runId}`, fin),
        [200],
        'run',
      ).text,
    ) as {
      lines: { personId: string; component: string; amountMinor: number }[];
      totals: { amountMinor: number };
    };
    const health = JSON.parse((await call(host, 'GET', 'health', admin)).text) as Record<string, unknown>;
    return {
      orgPutMs: orgPut.ms,
      planEmptyMs,
      bigUpload,
      earlier,
      one,
      twelve,
      approveMs,
      stored,
      runMonth,
      health,
    };
  } finally {
    await host.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- DuckDB on the same month, and the check

async function duck(runMonth: MonthData, sizeOf: (m: number) => number, repeats: number) {
  const org = benchOrg();
  const plan = benchCompPlan();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'teamsheet-duck-'));
  try {
    const quota = new Map<string, number>();
    for (let t = 0; t < TEAMS; t++)
      for (let k = 0; k < REPS_PER_TEAM; k++)
        quota.set(repId(t * REPS_PER_TEAM + k), quotaOf(t * REPS_PER_TEAM + k, RUN_MONTH, sizeOf(RUN_MONTH)));
    const visits = new Map(monthActivities(runMonth).map((a) => [a.personId, a.value]));
    const files = await writeParquet(
      dir,
      runMonth,
      peopleRows(org, runMonth, (id) => quota.get(id), visits),
    );
    const sql = e2eSql(plan, runMonth.period, daysIn(RUN_MONTH), 10);
    const timings: Awaited<ReturnType<typeof duckDbEndToEnd>>['ms'][] = [];
    let payouts: Awaited<ReturnType<typeof duckDbEndToEnd>>['payouts'] | undefined;
    await duckDbEndToEnd(files, sql); // warm-up: the file cache and the library's first load
    for (let k = 0; k < repeats; k++) {
      const r = await duckDbEndToEnd(files, sql);
      timings.push(r.ms);
      payouts = r.payouts;
    }
    const byTotal = [...timings].sort((a, b) => a.total - b.total);
    return {
      ms: byTotal[Math.floor(byTotal.length / 2)]!,
      payouts: payouts!,
      parquetMiB: statSync(files.transactions).size / 2 ** 20,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function compare(
  lines: { personId: string; component: string; amountMinor: number }[],
  duckPayouts: Awaited<ReturnType<typeof duck>>['payouts'],
) {
  const plan = benchCompPlan();
  const idOf = (type: string) => plan.components.find((c) => c.type === type)!.id;
  const key = {
    [idOf('commission')]: 'commission',
    [idOf('spiff')]: 'spiff',
    [idOf('override')]: 'override',
  } as const;
  const run = new Map<
    string,
    { commission: number | null; spiff: number | null; override: number | null; total: number }
  >();
  for (const l of lines) {
    const p = run.get(l.personId) ?? { commission: null, spiff: null, override: null, total: 0 };
    const k = key[l.component] as 'commission' | 'spiff' | 'override' | undefined;
    if (!k) throw new Error(`unexpected component ${l.component}`);
    p[k] = l.amountMinor;
    p.total += l.amountMinor;
    run.set(l.personId, p);
  }
  let differ = 0;
  let first: string | null = null;
  let totalMinor = 0;
  for (const person of new Set([...run.keys(), ...duckPayouts.keys()])) {
    const a = run.get(person);
    const b = duckPayouts.get(person);
    totalMinor += a?.total ?? 0;
    const same =
      a &&
      b &&
      a.commission === b.commission &&
      a.spiff === b.spiff &&
      a.override === b.override &&
      a.total === b.total;
    if (same) continue;
    differ++;
    first ??= `${person}: run ${JSON.stringify(a)} vs DuckDB ${JSON.stringify(b)}`;
  }
  return { people: run.size, duckPeople: duckPayouts.size, differ, first, totalMinor };
}

// ---- the report

const mark = (ok: boolean) => (ok ? '✓' : '✗');

async function section(scale: Scale, env: Record<string, string>) {
  const load0 = os.loadavg();
  const r = await scenario(scale, env);
  const sizeOf = (m: number) => (m === RUN_MONTH ? scale.monthTx : scale.earlierTx);
  log('DuckDB');
  const d = await duck(r.runMonth, sizeOf, 5);
  const check = compare(r.stored.lines, d.payouts);
  const load1 = os.loadavg();
  const { one, twelve } = r;
  const runMedian = median(twelve.runMs);
  // Both states are held to the budget: the worse of the two medians.
  const ratioOne = median(one.runMs) / d.ms.total;
  const ratioTwelve = runMedian / d.ms.total;
  const ratio = Math.max(ratioOne, ratioTwelve);
  const earlierWall = r.earlier.map((e) => e.wall);
  const rows: string[] = [];
  const row = (
    what: string,
    size: string,
    oneMonth: string,
    twelveMonths: string,
    budget: string,
    ok: string,
  ) => rows.push(`| ${what} | ${size} | ${oneMonth} | ${twelveMonths} | ${budget} | ${ok} |`);
  const uploadOk = r.bigUpload.wall <= 60_000;
  row(
    `\`POST /api/actuals\`, the ${month(RUN_MONTH)} month in ${r.bigUpload.each.length} requests (then its visits)`,
    `${n(scale.monthTx)} transactions`,
    `${s(r.bigUpload.wall)} (per request median ${s(median(r.bigUpload.each))}, host CPU ${r.bigUpload.hostCpuS.toFixed(1)} s)`,
    '—',
    '≤ 60 s',
    mark(uploadOk),
  );
  row(
    '`POST /api/actuals`, each earlier month (2030-01 … 2030-11, uploaded after the big month)',
    `${n(scale.earlierTx)} transactions each`,
    `first ${s(earlierWall[0]!)}`,
    `last ${s(earlierWall.at(-1)!)} (median ${s(median(earlierWall))})`,
    'no growth',
    mark(earlierWall.at(-1)! <= 1.5 * earlierWall[0]! + 200),
  );
  const teamOk = pct(one.teamMs, 50) <= 100 && pct(twelve.teamMs, 50) <= 100;
  row(
    `\`GET /api/actuals/{team}/${month(RUN_MONTH)}\` (a manager; ${scale.teamReads} teams)`,
    `${n(one.teamTx)} transactions answered`,
    `median ${s(median(one.teamMs))}, p95 ${s(pct(one.teamMs, 95))}`,
    `median ${s(median(twelve.teamMs))}, p95 ${s(pct(twelve.teamMs, 95))}`,
    '≤ 100 ms',
    mark(teamOk),
  );
  row(
    `\`GET /api/actuals/${companyId}/${month(RUN_MONTH)}\` (finance, the whole company)`,
    `${n(one.companyTx)} transactions, ${twelve.companyMiB.toFixed(0)} MiB of JSON`,
    s(median(one.companyMs)),
    s(median(twelve.companyMs)),
    'none set',
    '—',
  );
  const p95 = (xs: number[]) => `p50 ${s(pct(xs, 50))}, p95 ${s(pct(xs, 95))}`;
  const planOk = [r.planEmptyMs, one.planMs, twelve.planMs].every((xs) => pct(xs, 95) <= 100);
  row(
    `\`PUT /api/plans/{team}/${YEAR}\`, ${scale.plans} team plans one after another (120 targets each)`,
    `with an empty ledger: ${p95(r.planEmptyMs)}`,
    p95(one.planMs),
    p95(twelve.planMs),
    'p95 ≤ 100 ms',
    mark(planOk),
  );
  row(
    `\`POST /api/plans/{team}/${YEAR}/approve\` (regional heads)`,
    `${r.approveMs.length} plans`,
    '—',
    p95(r.approveMs),
    'none set',
    '—',
  );
  row(
    `\`GET /api/rollup/{region}/${YEAR}\` (20 team plans)`,
    '5 regions',
    `median ${s(median(one.rollupMs))}`,
    `median ${s(median(twelve.rollupMs))}`,
    'no growth',
    mark(median(twelve.rollupMs) <= 1.5 * median(one.rollupMs) + 20),
  );
  row(
    `\`POST /api/periods/${month(RUN_MONTH)}/scores\` (a team, revenue scorecard)`,
    '3 teams',
    `median ${s(median(one.scoresMs))}`,
    `median ${s(median(twelve.scoresMs))}`,
    'no growth',
    mark(median(twelve.scoresMs) <= 1.5 * median(one.scoresMs) + 50),
  );
  row(
    `\`POST /api/periods/${month(RUN_MONTH)}/payout-runs\` from stored data, \`fresh: true\` (median of ${scale.runs})`,
    `${n(twelve.runTxs)} transactions, ${n(twelve.runLines)} lines`,
    s(median(one.runMs)),
    s(runMedian),
    `≤ 3 × DuckDB (${s(3 * d.ms.total)})`,
    mark(ratio <= 3),
  );
  row(
    'the same POST again, answered `existing: true`',
    'same',
    s(one.existingMs),
    s(twelve.existingMs),
    'none set',
    '—',
  );
  row(
    '`GET /api/periods/{month}/payout-runs/{runId}` (every line with its trace)',
    `${n(twelve.runLines)} lines`,
    s(one.runGetMs),
    s(twelve.runGetMs),
    'none set',
    '—',
  );
  row(
    'DuckDB end to end: fresh database, load the month from Parquet, one SQL, rows returned (median of 5)',
    `${n(scale.monthTx)} transactions (${d.parquetMiB.toFixed(1)} MiB Parquet)`,
    '—',
    `${s(d.ms.total)} (create ${s(d.ms.create)}, load ${s(d.ms.load)}, compute and return ${s(d.ms.compute)})`,
    '—',
    '—',
  );
  row(
    'per-person lines and totals, run vs DuckDB',
    `${n(check.people)} people paid (DuckDB ${n(check.duckPeople)})`,
    '—',
    check.differ === 0
      ? `all equal to the cent; total ${(check.totalMinor / 100).toFixed(2)} CNY`
      : `${check.differ} differ: ${check.first}`,
    'equal to the cent',
    mark(check.differ === 0),
  );
  row(
    'host RSS (now / peak)',
    'the host process',
    `${one.rss.rssMiB.toFixed(0)} / ${one.rss.peakMiB.toFixed(0)} MiB`,
    `${twelve.rss.rssMiB.toFixed(0)} / ${twelve.rss.peakMiB.toFixed(0)} MiB`,
    'none set',
    '—',
  );
  if (one.fileMiB !== null)
    row(
      'database file (with its WAL)',
      'teamsheet.sqlite*',
      `${one.fileMiB.toFixed(0)} MiB`,
      `${twelve.fileMiB!.toFixed(0)} MiB`,
      'none set',
      '—',
    );
  const table = [
    '| what | size | one month stored | twelve months stored | budget | within |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  const notes = [
    `- Run / DuckDB = ${ratioOne.toFixed(2)} with one month stored, ${ratioTwelve.toFixed(2)} with twelve (budget ≤ 3 for both); each run: ${one.runMs.map(s).join(', ')} and ${twelve.runMs.map(s).join(', ')}. Organisation: ${n(benchOrg().people.length)} people through \`PUT /api/org\` (${s(r.orgPutMs)}).`,
    `- Load average (1 min) ${load0[0]!.toFixed(2)} before, ${load1[0]!.toFixed(2)} after, on ${os.cpus().length} cores shared with other work.`,
    `- Requests sent again after the host had closed an idle keep-alive socket: ${resentCount()}.`,
    `- Store: ${JSON.stringify((r.health as { storeDetail?: unknown; store?: unknown }).store)}.`,
  ].join('\n');
  return { table, notes, ok: uploadOk && teamOk && planOk && ratio <= 3 && check.differ === 0 };
}

export async function run(): Promise<BenchSection> {
  const monthTx = Number(process.env.BENCH_E2E_MONTH_TX ?? 1_000_000);
  const earlierTx = Number(process.env.BENCH_E2E_EARLIER_TX ?? 100_000);
  const parts: string[] = [];
  if (process.env.BENCH_E2E_EMBEDDED !== '0') {
    const embedded = await section(
      {
        adapter: 'embedded',
        monthTx,
        earlierTx,
        batch: 100_000,
        plans: TEAMS,
        teamReads: 21,
        companyReads: 2,
        runs: 3,
      },
      {},
    );
    parts.push(
      'The local host (`startHost`, embedded SQLite file, WAL, synchronous=FULL) in its own process on a fresh',
      'data folder, driven only over HTTP with development tokens; the 1M month is uploaded first, then the',
      'measurements are taken, then the 11 earlier months are uploaded and the measurements taken again.',
      '',
      embedded.table,
      '',
      embedded.notes,
    );
  }
  if (process.env.BENCH_E2E_COSMOS !== '0') {
    const { startCosmosStandIn } = await import('../functions/test/support/cosmosStandIn');
    const standIn = await startCosmosStandIn();
    try {
      const cosmos = await section(
        {
          adapter: 'cosmos',
          monthTx: 5_000,
          earlierTx: 500,
          batch: 5_000,
          plans: TEAMS,
          teamReads: 5,
          companyReads: 1,
          runs: 3,
        },
        { COSMOS_ENDPOINT: standIn.endpoint, COSMOS_KEY: standIn.key, COSMOS_DATABASE: 'bench' },
      );
      parts.push(
        '',
        '### The same on the Cosmos DB adapter against the stand-in, at 5,000 transactions',
        '',
        'The real `@azure/cosmos` SDK against `@vercel/cosmosdb-server` in the benchmark process (an in-memory',
        'server answering one query at a time by scanning the partition it names: these are the adapter working,',
        'not Cosmos DB latencies; the budgets are those of the embedded default, shown for comparison). The',
        'company read sends one key-range query per person (2,013): a real cost on Azure too, not yet changed.',
        '',
        cosmos.table,
        '',
        cosmos.notes,
      );
    } finally {
      await standIn.close();
    }
  }
  return {
    title: 'End to end through the HTTP API: the store at a real company’s size',
    body: parts.join('\n'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const section = await run();
  process.stdout.write(`${section.body}\n`);
}
