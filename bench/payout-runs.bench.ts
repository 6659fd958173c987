// Payout runs against the embedded store (the real SDK): a bulk upload of transactions, a run from
// stored data (gather, compute, snapshot, store), re-running it from its snapshot, and the CSV and
// xlsx exports of its lines. The store is the embedded server, so these are upper bounds of the
// Functions' own work plus a local store round trip, not Cosmos DB latencies.
import { openBenchStore } from './lib';
import { payoutCsv, payoutExportRows, type Transaction } from '@teamsheet/shared';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { demoOrg } from '@teamsheet/shared/demo';
import { resetStore } from '../functions/src/store';
import { saveOrg } from '../functions/src/repositories';
import { saveTransactions } from '../functions/src/repositories/actuals';
import { createRun, gatherRunInputs, verifyRun } from '../functions/src/repositories/payoutRuns';
import { payoutWorkbook } from '../functions/src/xlsx/payoutExport';
import { ms, time } from './lib';

// The embedded server scans the whole container for every query (~0.2 ms per stored document), so
// the size is kept where a local run stays quick; on Cosmos DB a partition-scoped query does not.
const TRANSACTIONS = Number(process.env.BENCH_TX ?? 5_000);

const plan = sampleCompPlan('bench', [
  { type: 'spiff', id: 'spiff', amount: 500 },
  { type: 'override', id: 'override', rate: 0.01 },
]);

function transactionsFor(period: string, reps: string[]): Transaction[] {
  return Array.from({ length: TRANSACTIONS }, (_, i) => ({
    id: `t${i}`,
    date: `${period}-${String((i % 28) + 1).padStart(2, '0')}`,
    amount: 100 + ((i * 7919) % 10_000) / 100,
    credits: [{ personId: reps[i % reps.length]!, share: 1 }],
    customerId: `c${i % 3000}`,
    isNewCustomer: i % 50 === 0,
  }));
}

export async function run(): Promise<{ title: string; body: string }> {
  const store = await openBenchStore();
  try {
    const org = demoOrg();
    await saveOrg(org, 'bench', { tenantId: 'demo' });
    const reps = org.people.filter((p) => p.role === 'rep').map((p) => p.id);
    const period = '2030-01';
    // One upload (the same transactions again would store nothing), so a single timing.
    const upload = await time(
      () =>
        saveTransactions({
          tenantId: 'demo',
          period,
          transactions: transactionsFor(period, reps),
          who: 'bench',
        }),
      { warmup: 0, runs: 1 },
    );
    let last: Awaited<ReturnType<typeof createRun>> | undefined;
    const runTiming = await time(
      async () => {
        const gathered = await gatherRunInputs('demo', period, plan, null);
        last = await createRun({
          tenantId: 'demo',
          period,
          plan,
          unitId: null,
          gathered: gathered!,
          who: 'bench',
        });
      },
      { warmup: 1, runs: 3 },
    );
    const stored = last!;
    const verify = await time(() => verifyRun('demo', stored.head), { warmup: 1, runs: 3 });
    const rows = payoutExportRows({
      period,
      runId: stored.head.runId,
      hash: stored.head.runHash,
      currency: 'CNY',
      lines: stored.lines,
      people: stored.members,
    });
    const csv = await time(() => payoutCsv(rows), { warmup: 3, runs: 15 });
    const xlsx = await time(() => payoutWorkbook(rows, { period, runId: stored.head.runId }), {
      warmup: 1,
      runs: 5,
    });
    const people = org.people.length;
    const body = [
      '| what | size | median ms | budget |',
      '|---|---|---|---|',
      `| \`POST /api/actuals\` store: bulk upload of new transactions (embedded store) | ${TRANSACTIONS.toLocaleString('en')} transactions | ${ms(upload.medianMs)} | none set |`,
      `| payout run from stored data: gather, compute, snapshot, store | ${TRANSACTIONS.toLocaleString('en')} transactions, ${people} people, 3 components, ${stored.lines.length} lines | ${ms(runTiming.medianMs)} | none set |`,
      `| re-run a stored run from its snapshot and compare the hash | same | ${ms(verify.medianMs)} | none set |`,
      `| CSV export (RFC 4180, neutralised) | ${rows.length} lines | ${ms(csv.medianMs)} | none set |`,
      `| xlsx export (ExcelJS, numeric amounts) | ${rows.length} lines | ${ms(xlsx.medianMs)} | none set |`,
      '',
      'The embedded server scans the whole container for every query (about 0.3 ms per stored document),',
      'which is why transactions live in their own `actuals` container: plan, score and run reads do not',
      'pay for them. On Cosmos DB a query scoped to its partition reads only that partition.',
    ].join('\n');
    return { title: 'Payout runs and exports (store round trips)', body };
  } finally {
    resetStore();
    await store.close();
  }
}
