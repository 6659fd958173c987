// Reading a team's stored actuals back (GET /api/actuals/{unitId}/{period}) against the embedded store
// with the real SDK: the whole route for one team and for the company, and the in-code filter to the
// unit's people alone. The store is the embedded server, so these are upper bounds of the Functions'
// own work plus a local store round trip, not Cosmos DB latencies.
import { openBenchStore } from './lib';
import type { Transaction } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { HttpRequest, InvocationContext } from '../functions/src/azure';
import { issueDevToken } from '../functions/src/auth';
import { actualsRead } from '../functions/src/functions/actualsRead';
import { resetStore } from '../functions/src/store';
import { saveOrg } from '../functions/src/repositories';
import { readActuals, saveTransactions } from '../functions/src/repositories/actuals';
import { ms, time } from './lib';

// The embedded server scans the whole container per query, so the size stays where a local run is quick.
const TRANSACTIONS = Number(process.env.BENCH_TX ?? 5_000);

export async function run(): Promise<{ title: string; body: string }> {
  process.env.TEAMSHEET_DEV_AUTH = '1';
  const store = await openBenchStore();
  try {
    const org = demoOrg();
    await saveOrg(org, 'bench', { tenantId: 'demo' });
    const reps = org.people.filter((p) => p.role === 'rep').map((p) => p.id);
    const period = '2030-01';
    // Every tenth deal is split between two reps, as shared accounts are.
    const transactions: Transaction[] = Array.from({ length: TRANSACTIONS }, (_, i) => ({
      id: `t${i}`,
      date: `${period}-${String((i % 28) + 1).padStart(2, '0')}`,
      amount: 100 + ((i * 7919) % 10_000) / 100,
      credits:
        i % 10 === 0
          ? [
              { personId: reps[i % reps.length]!, share: 0.5 },
              { personId: reps[(i + 7) % reps.length]!, share: 0.5 },
            ]
          : [{ personId: reps[i % reps.length]!, share: 1 }],
    }));
    await saveTransactions({ tenantId: 'demo', period, transactions, who: 'bench' });

    let answered = 0;
    const read = async (unitId: string, who: string) => {
      const request = new HttpRequest({
        method: 'GET',
        url: `http://localhost/api/actuals/${unitId}/${period}`,
        headers: { authorization: `Bearer ${await issueDevToken(who, org)}` },
        params: { unitId, period },
      });
      const response = await actualsRead(request, new InvocationContext({ functionName: 'bench' }));
      const body = JSON.parse(String((response as { body?: unknown }).body)) as {
        counts: { transactions: number };
      };
      answered = body.counts.transactions;
    };
    const team = await time(() => read('east-shanghai', 'mgr-east-shanghai'), { warmup: 1, runs: 5 });
    const teamCount = answered;
    const company = await time(() => read('acme', 'finance-1'), { warmup: 1, runs: 5 });
    const companyCount = answered;
    const stored = await readActuals('demo', period);
    const shanghai = new Set(org.people.filter((p) => p.unitId === 'east-shanghai').map((p) => p.id));
    const filter = await time(
      () => stored.transactions.filter((t) => t.credits.some((c) => shanghai.has(c.personId))),
      { warmup: 3, runs: 15 },
    );
    const size = `${TRANSACTIONS.toLocaleString('en')} stored transactions`;
    const body = [
      '| what | size | median ms | budget |',
      '|---|---|---|---|',
      `| \`GET /api/actuals/east-shanghai/${period}\` (one team, a manager) | ${size} → ${teamCount} answered | ${ms(team.medianMs)} | none set |`,
      `| \`GET /api/actuals/acme/${period}\` (the company, finance) | ${size} → ${companyCount.toLocaleString('en')} answered | ${ms(company.medianMs)} | none set |`,
      `| the in-code filter to one team's people alone | ${size} | ${ms(filter.medianMs)} | none set |`,
      '',
      'Almost all of the route is the store read of the period (the embedded server scans every stored',
      'document per query); filtering to the unit in code is a small part of it.',
    ].join('\n');
    return { title: 'Reading stored actuals back for a unit', body };
  } finally {
    resetStore();
    await store.close();
  }
}
