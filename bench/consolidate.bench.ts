// Consolidating 500 team plans into a region (budget 1 s including the store, docs/architecture.md): the
// GET /api/rollup handler end to end against the embedded store holding 500 team plans and 10 area
// plans (read the org, list and read the latest plans, consolidate, serialise), and the core alone.
import { openBenchStore } from './lib';
import { consolidate, type Org } from '@teamsheet/shared';
import { makeConsolidationFixture } from '@teamsheet/shared/fixtures';
import { HttpRequest, InvocationContext } from '../functions/src/azure';
import { issueDevToken } from '../functions/src/auth';
import { rollup } from '../functions/src/functions/rollup';
import { resetStore } from '../functions/src/store';
import { saveOrg } from '../functions/src/repositories';
import { recordPlanReview, savePlanVersion } from '../functions/src/repositories/plans';
import { ms, time } from './lib';

const TEAMS = 500;
const BUDGET_MS = 1000;

async function withStore(): Promise<{
  medianMs: number;
  plans: number;
  targets: number;
  bytes: number;
  runs: number;
}> {
  const previousDevAuth = process.env.TEAMSHEET_DEV_AUTH;
  process.env.TEAMSHEET_DEV_AUTH = '1';
  const store = await openBenchStore();
  try {
    const input = makeConsolidationFixture({ teams: TEAMS, missingShare: 0, repsPerTeam: 0 });
    const org: Org = { tenantId: 'demo', units: [...input.org.units], people: [...input.org.people] };
    await saveOrg(org, 'bench', { tenantId: 'demo' });
    // Plan versions as the PUT route writes them; half of them approved.
    let targets = 0;
    for (const entry of input.plans) {
      const saved = await savePlanVersion({
        tenantId: 'demo',
        plan: entry.plan,
        author: entry.submittedBy ?? 'P-R',
        baseVersion: null,
        summary: { errors: 0, warnings: 0, infos: 0 },
        requestKey: null,
      });
      if (saved.status !== 'created') throw new Error(`plan of ${entry.plan.unitId} not stored`);
      if (entry.status === 'approved')
        await recordPlanReview({ head: saved.head, decision: 'approve', by: 'P-R' });
      targets += entry.plan.targets.length;
    }
    const token = await issueDevToken('P-R', org);
    let bytes = 0;
    const get = async () => {
      const request = new HttpRequest({
        method: 'GET',
        url: `http://localhost/api/rollup/R/2026`,
        headers: { authorization: `Bearer ${token}` },
        params: { unitId: 'R', period: '2026' },
      });
      const res = (await rollup(request, new InvocationContext({ functionName: 'bench' }))) as {
        status?: number;
        body?: string;
      };
      if (res.status !== 200) throw new Error(`GET rollup answered ${res.status}: ${String(res.body)}`);
      bytes = String(res.body).length;
    };
    const t = await time(get, { warmup: 2, runs: 9 });
    return { medianMs: t.medianMs, plans: input.plans.length, targets, bytes, runs: t.runs };
  } finally {
    resetStore();
    await store.close();
    if (previousDevAuth === undefined) delete process.env.TEAMSHEET_DEV_AUTH;
    else process.env.TEAMSHEET_DEV_AUTH = previousDevAuth;
  }
}

export async function run(): Promise<{ title: string; body: string }> {
  const input = makeConsolidationFixture({ teams: TEAMS });
  const core = await time(() => consolidate(input), { warmup: 3, runs: 15 });
  const stored = await withStore();
  const rows = [
    `| core \`consolidate\` (makeConsolidationFixture, 10 areas, 10 metrics × 12 months) | ${TEAMS} teams, ${input.plans.length} plans | ${ms(core.medianMs)} | — |`,
    `| \`GET /api/rollup/R/2026\` handler, embedded store (org, latest plans, consolidate, JSON of ${(stored.bytes / 1e6).toFixed(1)} MB) | ${stored.plans} plans, ${stored.targets.toLocaleString('en')} targets | ${ms(stored.medianMs)} | < ${BUDGET_MS} ms ${stored.medianMs < BUDGET_MS ? '✓' : '✗'} |`,
  ];
  return {
    title: 'Consolidation of 500 team plans',
    body: [
      '| what | size | median ms | budget |',
      '|---|---|---|---|',
      ...rows,
      '',
      `Median of ${stored.runs} runs after warm-up; the store run includes every read from the embedded Cosmos DB-compatible server over loopback.`,
    ].join('\n'),
  };
}
