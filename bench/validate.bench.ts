// Validating a 10,000-row plan in the core (budget 50 ms, docs/architecture.md), and for information the
// whole PUT /api/plans path for a plan of that size against the embedded store: parse, authorise,
// build the context from the store, validate, write the chunks and the head, audit.
import { openBenchStore } from './lib';
import { validatePlan, type Org } from '@teamsheet/shared';
import { makeLargeContext, makeLargePlan } from '@teamsheet/shared/fixtures';
import { HttpRequest, InvocationContext } from '../functions/src/azure';
import { issueDevToken } from '../functions/src/auth';
import { plans } from '../functions/src/functions/plans';
import { resetStore } from '../functions/src/store';
import { saveOrg } from '../functions/src/repositories';
import { ms, time } from './lib';

const ROWS = 10_000;
const BUDGET_MS = 50;
// 1 + 209 × 48 rows: the largest consistent plan of makeLargePlan near 10,000 rows, so it is stored (no errors).
const STORED_ROWS = 1 + 209 * 48;

async function putPath(): Promise<{ medianMs: number; rows: number; bytes: number; runs: number }> {
  const previousDevAuth = process.env.TEAMSHEET_DEV_AUTH;
  process.env.TEAMSHEET_DEV_AUTH = '1';
  const store = await openBenchStore();
  try {
    const context = makeLargeContext(STORED_ROWS);
    const org: Org = {
      tenantId: 'demo',
      units: context.org!.units,
      people: [...context.org!.people, { id: 'bench-admin', unitId: 'region-1', role: 'admin' }],
    };
    await saveOrg(org, 'bench', { tenantId: 'demo' });
    const token = await issueDevToken('bench-admin', org);
    const plan = makeLargePlan(STORED_ROWS);
    const body = JSON.stringify(plan);
    let version = 0;
    const submit = async () => {
      const request = new HttpRequest({
        method: 'PUT',
        url: `http://localhost/api/plans/region-1/2026`,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(version > 0 ? { 'if-match': `"${version}"` } : {}),
        },
        params: { unitId: 'region-1', period: '2026' },
        body: { string: body },
      });
      const res = await plans(request, new InvocationContext({ functionName: 'bench' }));
      const status = (res as { status?: number }).status;
      if (status !== 201)
        throw new Error(`PUT answered ${status}: ${String((res as { body?: unknown }).body)}`);
      version++;
    };
    const t = await time(submit, { warmup: 1, runs: 7 });
    return { medianMs: t.medianMs, rows: plan.targets.length, bytes: body.length, runs: t.runs };
  } finally {
    resetStore();
    await store.close();
    if (previousDevAuth === undefined) delete process.env.TEAMSHEET_DEV_AUTH;
    else process.env.TEAMSHEET_DEV_AUTH = previousDevAuth;
  }
}

export async function run(): Promise<{ title: string; body: string }> {
  const plan = makeLargePlan(ROWS);
  const context = makeLargeContext(ROWS);
  const core = await time(() => validatePlan(plan, context), { warmup: 5, runs: 25 });
  const findings = validatePlan(plan, context).findings.length;
  const put = await putPath();
  const body = [
    '| measured | size | median ms | budget |',
    '|---|---|---|---|',
    `| validatePlan in the core (org and last year's actuals as context; ${findings} findings) | ${ROWS.toLocaleString('en')} target rows | ${ms(core.medianMs)} | < ${BUDGET_MS} ms${core.medianMs < BUDGET_MS ? '' : ' **(over)**'} |`,
    `| PUT /api/plans end to end against the embedded store (parse, authorise, context from the store, validate, chunks then head, audit) | ${put.rows.toLocaleString('en')} rows, ${(put.bytes / 1e6).toFixed(1)} MB JSON | ${ms(put.medianMs)} | informational |`,
    '',
    `Core: median of ${core.runs} runs after 5 warm-up runs. PUT: median of ${put.runs} successive versions after one warm-up version, each a new append-only version.`,
  ].join('\n');
  return { title: 'Plan validation', body };
}
