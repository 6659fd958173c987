// The authorization matrix: every operation of the OpenAPI document (GET /api/openapi.json) × every
// role (admin, finance, regional head, manager, rep, and no token at all) × a target in the caller's
// scope, out of it, and one that does not exist, each answer held to the one policy table
// (functions/src/auth/policy.ts). An operation without a row fails, and so does a row without an
// operation. A refusal is a 403 that names neither the caller nor their roles and is the same for
// every caller refused the same way, and the same for a target that does not exist as for one outside
// the scope, so it tells nobody what exists outside their scope.
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_VERSION, type Org, type Person } from '@teamsheet/shared';
import { demoOrg } from '@teamsheet/shared/demo';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import '../src/main';
import { POLICY, POLICY_ROLES, policyFor, type Access, type PolicyRow } from '../src/auth';
import { openapi } from '../src/functions/openapi';
import { templates } from '../src/functions/templates';
import { matchRoutes } from '../src/registry';
import { XLSX_CONTENT_TYPE } from '../src/xlsx/templateWorkbook';
import { callBinary } from './fixtures/xlsx';
import { call, seedOrg, tokenFor, useFreshStore, type CallOptions, type CallResult } from './helpers';

// ---- the organisation: the demo, with a key-accounts team below Shanghai, so that a team manager
// has a unit whose plans they approve (approval is the parent unit's decision)

const demo = demoOrg();
const SUBTEAM = 'east-shanghai-key';
const org: Org = {
  ...demo,
  units: [
    ...demo.units,
    { id: SUBTEAM, name: '大客户组 Key accounts', kind: 'team', parentId: 'east-shanghai' },
  ],
  people: [
    ...demo.people,
    {
      id: 'rep-key-1',
      name: '钱多',
      unitId: SUBTEAM,
      role: 'rep',
      managerId: 'mgr-east-shanghai',
      hireDate: '2021-02-01',
    },
  ],
};

type Persona = (typeof POLICY_ROLES)[number];
const CALLER: Record<Persona, string> = {
  admin: 'admin',
  finance: 'finance-1',
  regional_head: 'head-east',
  manager: 'mgr-east-shanghai',
  rep: 'rep-001',
};
const northRep = demo.people.find((p) => p.unitId === 'north-beijing' && p.role === 'rep')!.id;

type Variant = 'in' | 'out' | 'missing';
type Target = { unitId: string; personId: string };
/** The ids an operation is asked about: in the caller's scope (manager and regional head alike), out of it, and none at all. */
const TARGETS: Record<Variant, Target> = {
  in: { unitId: 'east-shanghai', personId: 'rep-001' },
  out: { unitId: 'north-beijing', personId: northRep },
  missing: { unitId: 'no-such-unit', personId: 'no-such-person' },
};
/** Plan approval is asked about the unit below the one in scope. */
const APPROVAL_TARGETS: Record<Variant, string> = {
  in: SUBTEAM,
  out: 'north-beijing',
  missing: 'no-such-unit',
};

/** Comp plans reaching the 'in' unit and the 'out' unit (stored in beforeAll), and one never stored. */
const COMP_PLAN_TARGETS: Record<Variant, string> = { in: 'cp-in', out: 'cp-out', missing: 'no-such-plan' };
const compPlanBody = (unitId: string) => ({
  name: 'Matrix comp plan',
  currency: 'CNY',
  components: [{ type: 'spiff', id: 'new-customer', amount: 100 }],
  effectiveFrom: '2026-06',
  appliesTo: { unitIds: [unitId] },
});

const PERIOD = '2026-03';
/** Payout runs, approval and close use their own period, so closing it stops no other cell. */
const RUN_PERIOD = '2026-02';

// ---- one request per operation: the path's {params} filled from the target, a valid body where one is taken

type Request = Omit<CallOptions, 'token' | 'params' | 'path'> & { path: string };
type Build = (t: Target, variant: Variant) => Partial<Request>;

let runId = 'run-none';
let workbook: Uint8Array = new Uint8Array();
let txCount = 0;
const planOf = (unitId: string) => ({
  unitId,
  period: PERIOD,
  templateVersion: TEMPLATE_VERSION,
  targets: [{ owner: unitId, metric: 'revenue', period: PERIOD, value: 300_000 }],
});

const REQUESTS: Record<string, Build> = {
  'PUT /org': () => ({ json: org }),
  'POST /plans/validate': (t) => ({ json: { plan: planOf(t.unitId) } }),
  'POST /allocate': () => ({ json: { total: 100, basis: 'even', parts: [{ id: 'a' }, { id: 'b' }] } }),
  'PUT /plans/{unitId}/{period}': (t) => ({ json: planOf(t.unitId) }),
  'PUT /plans/{unitId}/{period}/draft': (t) => ({ json: planOf(t.unitId) }),
  'POST /plans/{unitId}/{period}/approve': (_t, v) => ({
    path: `plans/${APPROVAL_TARGETS[v]}/${PERIOD}/approve`,
    // A version no unit has: past the gate the answer is 404, not the four-eyes 403 of a caller who
    // submitted version 1 in an earlier cell (the four-eyes rule has its own tests).
    json: { version: 99 },
  }),
  'POST /plans/{unitId}/{period}/review': (_t, v) => ({
    path: `plans/${APPROVAL_TARGETS[v]}/${PERIOD}/review`,
    json: { version: 99, decision: 'reject', comment: 'too low' },
  }),
  'GET /plans': (t) => ({ path: `plans?parent=${t.unitId}&period=${PERIOD}` }),
  'POST /actuals': (t) => ({
    json: {
      period: PERIOD,
      transactions: [
        {
          id: `matrix-${++txCount}`,
          date: '2026-03-03',
          amount: 10,
          credits: [{ personId: t.personId, share: 1 }],
        },
      ],
    },
  }),
  'POST /activities': (t) => ({
    json: {
      period: PERIOD,
      activities: [{ personId: t.personId, metric: 'visits', period: PERIOD, value: 1 }],
    },
  }),
  'POST /scores/compute': () => ({
    json: {
      period: PERIOD,
      scorecard: { items: [{ id: 'rev', metric: 'revenue', weight: 100, curve: { type: 'linear' } }] },
      people: [{ id: 'a', unitId: 't', role: 'rep' }],
      targets: [{ owner: 'a', metric: 'revenue', period: PERIOD, value: 100_000 }],
      actuals: [{ owner: 'a', metric: 'revenue', period: PERIOD, value: 90_000 }],
    },
  }),
  'POST /periods/{period}/scores': (t) => ({
    json: {
      unitId: t.unitId,
      scorecard: { items: [{ id: 'rev', metric: 'revenue', weight: 100, curve: { type: 'linear' } }] },
    },
  }),
  'GET /periods/{period}/scores': (t) => ({ path: `periods/${PERIOD}/scores?unitId=${t.unitId}` }),
  'POST /payouts/preview': () => ({
    json: {
      period: PERIOD,
      plan: sampleCompPlan('preview'),
      people: [{ id: 'r1', unitId: 'u', role: 'rep', hireDate: '2020-01-01' }],
      quotas: [{ personId: 'r1', metric: 'revenue', period: PERIOD, value: 100_000 }],
      transactions: [
        { id: 't1', date: '2026-03-03', amount: 90_000, credits: [{ personId: 'r1', share: 1 }] },
      ],
    },
  }),
  'POST /periods/{period}/payout-runs': () => ({
    json: { plan: sampleCompPlan('matrix'), unitId: 'east-shanghai' },
  }),
  'GET /templates/{kind}.xlsx': () => ({ path: 'templates/targets.xlsx' }),
  'POST /imports': (t) => ({
    path: `imports?kind=targets&unitId=${t.unitId}&period=2026`,
    headers: { 'content-type': XLSX_CONTENT_TYPE },
    body: workbook,
  }),
  'GET /audit': () => ({ path: 'audit?entity=org:demo' }),
  'POST /statements/{personId}/{period}/questions': () => ({
    json: { lineId: 'commission', comment: 'Why this amount?' },
  }),
  'POST /questions/{id}/answer': () => ({ json: { decision: 'declined', comment: 'As computed.' } }),
  'PUT /comp-plans/{id}': () => ({ path: 'comp-plans/matrix-put', json: compPlanBody('east-shanghai') }),
  'GET /comp-plans/{id}': (_t, v) => ({ path: `comp-plans/${COMP_PLAN_TARGETS[v]}` }),
  'POST /lookups': (t) => ({
    json: {
      cells: [
        { fn: 'ACTUAL', args: [t.personId, 'revenue', PERIOD] },
        { fn: 'GRADE', args: [t.personId, PERIOD] },
      ],
    },
  }),
};

/**
 * Answers an allowed caller may get after the gate, besides 2xx, because the target holds nothing yet
 * or the operation was done by an earlier cell: never 401, 403, 400 or 5xx.
 */
const AFTER_THE_GATE: Record<string, number[]> = {
  'PUT /plans/{unitId}/{period}': [412], // a version exists already (no If-Match)
  'GET /plans/{unitId}/{period}': [404], // no plan of that unit yet
  'PUT /plans/{unitId}/{period}/draft': [412], // a version exists already (no If-Match)
  'GET /plans/{unitId}/{period}/diff': [404],
  'POST /plans/{unitId}/{period}/approve': [404], // no such version to approve
  'POST /plans/{unitId}/{period}/review': [404],
  'POST /periods/{period}/scores': [422], // no targets stored for the unit's reps
  'GET /periods/{period}/scores': [404], // no scores stored
  'POST /periods/{period}/payout-runs': [409], // the period was closed by an earlier cell
  'POST /periods/{period}/payout-runs/{runId}/approve': [409],
  'POST /periods/{period}/close': [409],
  'GET /periods/{period}/payouts': [404],
  'POST /statements/{personId}/{period}/questions': [422], // no approved run of the month: no line to question
  'POST /questions/{id}/answer': [404], // no such question
  'PUT /comp-plans/{id}': [412], // stored by an earlier cell (no If-Match)
};

function requestFor(key: string, t: Target, variant: Variant): Request {
  const [, template] = key.split(' ') as [string, string];
  const period =
    template.includes('payout-runs') || template.includes('/close') || template.includes('/payouts')
      ? RUN_PERIOD
      : PERIOD;
  const values: Record<string, string> = {
    unitId: t.unitId,
    personId: t.personId,
    period,
    runId,
    kind: 'targets',
  };
  const path = template
    .slice(1)
    .replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name] ?? 'x'));
  return { path, ...REQUESTS[key]?.(t, variant) };
}

/** Calls the operation through the route table, as the host dispatches it. */
async function send(key: string, request: Request, token?: string): Promise<CallResult> {
  const method = key.split(' ')[0]!;
  const [match] = matchRoutes(request.path.split('?')[0]!);
  if (!match) throw new Error(`no registered route serves ${method} /api/${request.path}`);
  return call(match.route.handler, { ...request, method, params: match.params, ...(token ? { token } : {}) });
}

// ---- the cells

type Cell = {
  key: string;
  role: Persona;
  variant: Variant;
  expected: 'allowed' | 'refused';
  res: CallResult;
};

/** What the table says a role gets for a target: outside the scope, a missing id is like any other. */
function expectation(row: PolicyRow, access: Access, variant: Variant, role: Persona): 'allowed' | 'refused' {
  if (access === 'none') return 'refused';
  // `self`: only the caller's own person is in scope (the rep's target is the rep themselves).
  if (row.scope === 'self')
    return variant === 'in' && CALLER[role] === TARGETS.in.personId ? 'allowed' : 'refused';
  if (access === 'all' || row.scope === 'none') return 'allowed';
  return variant === 'in' ? 'allowed' : 'refused';
}

const ALLOWED_MISSING_FOR_ALL = [400, 404]; // finance or admin asking about an id that does not exist

const personOf = (id: string): Person => org.people.find((p) => p.id === id)!;
/** `admin` as a word: not in "administrator", but in "finance / admin". */
const word = (text: string) => new RegExp(`(?<![\\w-])${text.replace(/[-]/g, '\\-')}(?![\\w-])`);

describe('the authorization matrix', () => {
  useFreshStore();
  let operations: string[] = [];
  const cells: Cell[] = [];
  const tokens = {} as Record<Persona, string>;

  beforeAll(async () => {
    await seedOrg(org);
    for (const role of POLICY_ROLES) tokens[role] = await tokenFor(CALLER[role], org);
    const doc = (await call(openapi, { path: 'openapi.json' })).json;
    operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // A template to upload back, and a stored run (by finance-2, so finance-1 may approve it).
    const template = await callBinary(templates, {
      path: 'templates/targets.xlsx',
      query: 'year=2026',
      params: { kind: 'targets' },
      token: tokens.admin,
    });
    expect(template.status).toBe(200);
    workbook = template.bytes;
    const run = await send(
      'POST /periods/{period}/payout-runs',
      requestFor('POST /periods/{period}/payout-runs', TARGETS.in, 'in'),
      await tokenFor('finance-2', org),
    );
    expect(run.status, run.text).toBe(201);
    runId = run.json.runId;
    for (const [variant, unitId] of [
      ['in', TARGETS.in.unitId],
      ['out', TARGETS.out.unitId],
    ] as const) {
      const stored = await send(
        'PUT /comp-plans/{id}',
        { path: `comp-plans/${COMP_PLAN_TARGETS[variant]}`, json: compPlanBody(unitId) },
        tokens.finance,
      );
      expect(stored.status, stored.text).toBe(201);
    }

    for (const key of operations) {
      const [method, path] = key.split(' ') as [string, string];
      const row = policyFor(method, path);
      if (!row) continue;
      for (const role of POLICY_ROLES) {
        const variants: Variant[] = row.scope === 'none' ? ['in'] : ['in', 'out', 'missing'];
        for (const variant of variants) {
          const res = await send(key, requestFor(key, TARGETS[variant], variant), tokens[role]);
          cells.push({
            key,
            role,
            variant,
            expected: expectation(row, row.access[role], variant, role),
            res,
          });
        }
      }
    }
  }, 300_000);

  it('has one row in the policy table for every operation of the OpenAPI document, and no row more', () => {
    expect(operations.length).toBeGreaterThanOrEqual(31);
    const missing = operations.filter((op) => !policyFor(op.split(' ')[0]!, op.split(' ')[1]!));
    expect(missing, 'operations without a policy row').toEqual([]);
    const stale = POLICY.map((r) => `${r.method} ${r.path}`).filter((k) => !operations.includes(k));
    expect(stale, 'policy rows without an operation').toEqual([]);
    for (const r of POLICY)
      if (r.scope === 'none')
        expect(Object.values(r.access), `${r.method} ${r.path} has no scope to be in`).not.toContain(
          'in-scope',
        );
  });

  it('publishes each row in the OpenAPI document', async () => {
    const doc = (await call(openapi, { path: 'openapi.json' })).json;
    for (const r of POLICY)
      expect(
        doc.paths[r.path][r.method.toLowerCase()]['x-teamsheet-access'],
        `${r.method} ${r.path}`,
      ).toEqual({
        scope: r.scope,
        roles: r.access,
      });
  });

  it('answers every allowed cell after the gate: 2xx, or what the target holds (never 401, 403 or 5xx)', () => {
    const wrong = cells
      .filter((c) => c.expected === 'allowed')
      .filter((c) => {
        const ok =
          c.res.status < 300 || c.res.status === 304 || (AFTER_THE_GATE[c.key] ?? []).includes(c.res.status);
        const missingForAll = c.variant === 'missing' && ALLOWED_MISSING_FOR_ALL.includes(c.res.status);
        return !(ok || missingForAll);
      })
      .map((c) => `${c.key} as ${c.role} (${c.variant}): ${c.res.status} ${c.res.json?.detail ?? ''}`);
    expect(wrong).toEqual([]);
    expect(cells.filter((c) => c.expected === 'allowed').length).toBeGreaterThan(100);
  });

  it('refuses every refused cell with a 403 problem that names neither the caller nor their roles', () => {
    const wrong: string[] = [];
    for (const c of cells.filter((x) => x.expected === 'refused')) {
      const me = personOf(CALLER[c.role]);
      const where = `${c.key} as ${c.role} (${c.variant})`;
      if (c.res.status !== 403) wrong.push(`${where}: ${c.res.status} ${c.res.json?.detail ?? ''}`);
      else if (!c.res.headers.get('content-type')?.includes('application/problem+json'))
        wrong.push(`${where}: not a problem`);
      else if (word(me.id).test(c.res.text) || c.res.text.includes(me.name!))
        wrong.push(`${where}: names the caller`);
      // Only a role refusal lists roles: the ones needed, which the caller by definition does not hold.
      else if (c.res.json.code === 'authz.role' && word(c.role).test(c.res.json.detail))
        wrong.push(`${where}: names the caller's role`);
    }
    expect(wrong).toEqual([]);
    expect(cells.filter((c) => c.expected === 'refused').length).toBeGreaterThan(100);
  });

  it('refuses alike: the same body for every caller refused by role, and for every target outside the scope', () => {
    const differing: string[] = [];
    const same = (a: Cell, b: Cell, textOf = (c: Cell) => c.res.text) => {
      if (textOf(a) !== textOf(b))
        differing.push(`${a.key}: ${a.role}/${a.variant} ≠ ${b.role}/${b.variant}`);
    };
    for (const key of operations) {
      const refused = cells.filter((c) => c.key === key && c.res.status === 403);
      const byRole = refused.filter((c) => c.res.json.code === 'authz.role');
      for (const c of byRole.slice(1)) same(byRole[0]!, c);
      // Outside the scope, a target that does not exist gets the body of one that does, with its id.
      for (const out of refused.filter((c) => c.variant === 'out' && c.res.json.code !== 'authz.role')) {
        const missing = refused.find((c) => c.role === out.role && c.variant === 'missing');
        if (!missing) differing.push(`${key}: ${out.role} refused out of scope but not for a missing target`);
        else
          same(out, missing, (c) =>
            c.variant === 'missing'
              ? c.res.text
              : c.res.text
                  .replaceAll(TARGETS.out.unitId, TARGETS.missing.unitId)
                  .replaceAll(TARGETS.out.personId, TARGETS.missing.personId),
          );
      }
      const scopeRefusals = refused.filter((c) => c.variant === 'out' && c.res.json.code !== 'authz.role');
      for (const c of scopeRefusals.slice(1)) same(scopeRefusals[0]!, c);
    }
    expect(differing).toEqual([]);
  });

  it('lets nobody in without a token but liveness: 401 with a Bearer challenge', async () => {
    for (const key of operations) {
      const row = policyFor(key.split(' ')[0]!, key.split(' ')[1]!)!;
      const res = await send(key, requestFor(key, TARGETS.in, 'in'));
      if (row.anonymous) expect(res.status, key).toBe(200);
      else {
        expect(res.status, key).toBe(401);
        expect(res.headers.get('www-authenticate'), key).toMatch(/^Bearer/);
      }
    }
  });

  it("shows a rep themselves and their manager's name, not the team's hire and exit dates", async () => {
    const res = await send('GET /org', { path: 'org' }, tokens.rep);
    expect(res.status).toBe(200);
    expect(res.json.units.map((u: { id: string }) => u.id)).toEqual(['east-shanghai']);
    const self = personOf('rep-001');
    const manager = personOf('mgr-east-shanghai');
    expect(res.json.people).toEqual([
      self,
      { id: manager.id, name: manager.name, unitId: manager.unitId, role: manager.role },
    ]);
    // The rest of the team, and their dates, are not in the answer at all.
    const team = org.people.filter(
      (p) => p.unitId === 'east-shanghai' && p.id !== self.id && p.id !== manager.id,
    );
    expect(team.length).toBeGreaterThan(3);
    for (const p of team) expect(res.text).not.toContain(`"${p.id}"`);
    expect(res.text).not.toContain(manager.hireDate!);
  });

  it('shows a manager their scope and themselves, nobody above them', async () => {
    const res = await send('GET /org', { path: 'org' }, tokens.manager);
    const ids = res.json.people.map((p: Person) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['rep-001', 'rep-key-1', 'mgr-east-shanghai']));
    expect(res.json.people.every((p: Person) => p.unitId.startsWith('east-shanghai'))).toBe(true);
  });
});
