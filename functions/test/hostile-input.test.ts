// Hostile input across the whole API: every registered route, with a token of someone allowed to use
// it, gets malformed JSON, JSON of the wrong type, empty objects, huge strings, deep nesting, extreme
// numbers, broken path parameters and bad query values (fast-check generates the bodies and
// mutations, bounded and seeded). Every refusal must be a 4xx application/problem+json with a
// `detail` (and `errors[]` with paths for body shape errors), never a 5xx, and a refused request must
// leave every container exactly as it was.
import fc from 'fast-check';
import { describe, expect, it, beforeAll } from 'vitest';
import { TEMPLATE_VERSION, type Org } from '@teamsheet/shared';
import { sampleCompPlan } from '@teamsheet/shared/fixtures';
import { demoOrg } from '@teamsheet/shared/demo';
import '../src/main';
import { routes, type RegisteredRoute } from '../src/registry';
import { getStore, type ContainerName } from '../src/store';
import { call, seedOrg, tokenFor, useFreshStore, type CallOptions, type CallResult } from './helpers';

const demo: Org = demoOrg();
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const UNIT = 'east-shanghai';
const PERIOD = '2026-03';
const reps = demo.people.filter((p) => p.unitId === UNIT && p.role === 'rep').map((p) => p.id);
const rep = reps[0]!;

// ---- who calls each route: someone the route lets in, so refusals come from the input, not from 403

const FINANCE_ROUTES = new Set([
  'actuals',
  'payoutRuns',
  'payoutRunGet',
  'payoutRunApprove',
  'payoutRunVerify',
  'periodClose',
  'payoutsExport',
]);
// Statements and questions (issue 11): finance answers; a person questions their own statement.
for (const name of ['questions', 'questionAnswer']) FINANCE_ROUTES.add(name);
/** Admin sees and may change everything except what only finance or a manager does (actuals, runs). */
const personaOf = (r: RegisteredRoute): string =>
  r.name === 'statementQuestions' ? rep : FINANCE_ROUTES.has(r.name) ? 'finance-1' : 'admin';

// ---- a valid request per route, so that one broken part at a time is what gets refused

const validPlan = {
  unitId: UNIT,
  period: PERIOD,
  templateVersion: TEMPLATE_VERSION,
  targets: [
    { owner: UNIT, metric: 'revenue', period: PERIOD, value: 300_000 },
    ...reps.map((owner) => ({ owner, metric: 'revenue', period: PERIOD, value: 300_000 / reps.length })),
  ],
};

const validBodies: Record<string, unknown> = {
  org: demo,
  validate: { plan: validPlan },
  allocate: {
    total: 100,
    basis: 'weights',
    parts: [
      { id: 'a', weight: 1 },
      { id: 'b', weight: 2 },
    ],
  },
  plans: validPlan,
  planDraft: validPlan,
  planApprove: { version: 1 },
  planReview: { version: 1, decision: 'reject', comment: 'Too low.' },
  scoresCompute: {
    period: PERIOD,
    scorecard: {
      items: [{ id: 'rev', metric: 'revenue', weight: 100, curve: { type: 'linear', floor: 0.6, cap: 1.2 } }],
    },
    people: [{ id: 'a', unitId: 't', role: 'rep' }],
    targets: [{ owner: 'a', metric: 'revenue', period: PERIOD, value: 100_000 }],
    actuals: [{ owner: 'a', metric: 'revenue', period: PERIOD, value: 90_000 }],
    ratings: [{ personId: 'a', raterId: 'm', group: 'superior', dimension: 'results', score: 80 }],
    deductions: [{ personId: 'a', points: 2, reason: 'late' }],
  },
  scoresRun: {
    unitId: UNIT,
    scorecard: { items: [{ id: 'rev', metric: 'revenue', weight: 100, curve: { type: 'linear' } }] },
  },
  activities: { period: PERIOD, activities: [{ personId: rep, metric: 'visits', period: PERIOD, value: 3 }] },
  actuals: {
    period: PERIOD,
    transactions: [{ id: 'h-t1', date: '2026-03-03', amount: 1000, credits: [{ personId: rep, share: 1 }] }],
  },
  payoutsPreview: {
    period: PERIOD,
    plan: sampleCompPlan('sales'),
    people: [{ id: 'r1', unitId: 'u', role: 'rep', hireDate: '2020-01-01' }],
    quotas: [{ personId: 'r1', metric: 'revenue', period: PERIOD, value: 100_000 }],
    transactions: [{ id: 't1', date: '2026-03-03', amount: 90_000, credits: [{ personId: 'r1', share: 1 }] }],
  },
  payoutRuns: { plan: sampleCompPlan('sales-2026'), unitId: UNIT },
  statementQuestions: { lineId: 'commission', comment: 'Why this amount?' },
  questionAnswer: { decision: 'accepted', amount: 120.5, comment: 'A deal was missed.' },
  compPlan: {
    name: 'Sales',
    currency: 'CNY',
    components: sampleCompPlan('sales').components,
    effectiveFrom: '2026-09',
    appliesTo: { unitIds: [UNIT], roles: ['rep'] },
  },
  lookups: { cells: [{ fn: 'ACTUAL', args: [rep, 'revenue', PERIOD] }] },
};

const validParam: Record<string, string> = {
  unitId: UNIT,
  period: PERIOD,
  runId: 'run-none',
  kind: 'targets',
  personId: rep,
  // One id for the routes that take one: no question has it; a comp plan of it is stored only by a valid body.
  id: 'q-none',
};
const validQuery: Record<string, string> = {
  imports: `kind=targets&unitId=${UNIT}&period=${PERIOD}`,
  scoresRun: `unitId=${UNIT}`,
  audit: 'entity=org:demo',
};

const paramNames = (r: RegisteredRoute): string[] =>
  [...r.route.matchAll(/\{\*?(\w+)[^}]*\}/g)].map((m) => m[1]!);

function pathOf(r: RegisteredRoute, params: Record<string, string>, query = ''): string {
  const path = r.route.replace(/\{\*?(\w+)[^}]*\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  return query ? `${path}?${query}` : path;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes whose body is not JSON: they take raw bytes and say so with their content type. */
const BYTE_BODY = new Set(['imports']);

// ---- the store: every document of every container, to prove a refusal wrote nothing

const CONTAINERS: ContainerName[] = ['org', 'history', 'actuals', 'audit', 'idempotency'];
type Snapshot = Record<ContainerName, Set<string>>;

async function snapshot(): Promise<Snapshot> {
  const { port } = await getStore();
  const entries = await Promise.all(
    CONTAINERS.map(async (name) => {
      const resources = (await port.scan(name)) as { id: string; pk?: string; tenantId?: string }[];
      return [name, new Set(resources.map((d) => `${d.pk ?? d.tenantId}/${d.id}`))] as const;
    }),
  );
  return Object.fromEntries(entries) as Snapshot;
}

function added(before: Snapshot, after: Snapshot): string[] {
  return CONTAINERS.flatMap((c) =>
    [...after[c]].filter((id) => !before[c].has(id)).map((id) => `${c}:${id}`),
  );
}

// ---- one call, checked

type Case = {
  label: string;
  route: RegisteredRoute;
  method: string;
  params?: Record<string, string>;
  query?: string;
  options?: Partial<CallOptions>;
  /** The request is certainly wrong: only a 4xx will do. Otherwise a 2xx is fine (the mutation was valid). */
  mustRefuse: boolean;
  /** A JSON body that parsed: a 400/422 must name the wrong fields in errors[]. */
  jsonBody?: boolean;
  /** The field this case broke, as formatPath writes it: some error path must lead to it. */
  brokenPath?: string;
};

/** Refusals of a whole body, with no one field to blame: nothing to upload, or a product that overflows money. */
const NO_FIELD_CODES = new Set(['actuals.empty', 'http.number-overflow']);

const tokens = new Map<string, string>();
async function tokenOf(personId: string): Promise<string> {
  let t = tokens.get(personId);
  if (!t) tokens.set(personId, (t = await tokenFor(personId, demo)));
  return t;
}

async function send(c: Case): Promise<CallResult> {
  const params = c.params ?? Object.fromEntries(paramNames(c.route).map((n) => [n, validParam[n] ?? 'x']));
  const query = c.query ?? validQuery[c.route.name] ?? '';
  const write = WRITE.has(c.method);
  const before = write ? await snapshot() : undefined;
  const res = await call(c.route.handler, {
    method: c.method,
    path: pathOf(c.route, params, query),
    params,
    token: await tokenOf(personaOf(c.route)),
    ...c.options,
  });
  const what = `${c.method} ${c.route.route} [${c.label}] → ${res.status} ${res.text.slice(0, 300)}`;
  expect.soft(res.status, what).toBeLessThan(500);
  if (c.mustRefuse) expect.soft(res.status, what).toBeGreaterThanOrEqual(400);
  if (res.status >= 400) {
    expect.soft(res.headers.get('content-type') ?? '', what).toMatch(/^application\/problem\+json/);
    expect.soft(typeof res.json?.detail, what).toBe('string');
    expect.soft(res.json.detail.length, what).toBeGreaterThan(0);
    expect.soft(res.json.status, what).toBe(res.status);
    expect.soft(Array.isArray(res.json.errors), what).toBe(true);
    for (const e of res.json.errors) {
      expect.soft(typeof e.path, what).toBe('string');
      expect.soft(typeof e.message, what).toBe('string');
    }
    if (c.jsonBody && (res.status === 400 || res.status === 422) && !NO_FIELD_CODES.has(res.json.code)) {
      expect.soft(res.json.errors.length, what).toBeGreaterThan(0);
    }
    if (c.brokenPath !== undefined && res.status === 400 && res.json.errors.length > 0) {
      const broken = c.brokenPath;
      const related = res.json.errors.some(
        (e: { path: string }) => e.path === '' || broken.startsWith(e.path) || e.path.startsWith(broken),
      );
      expect.soft(related, `${what}: no error path leads to ${broken}`).toBe(true);
    }
    if (write) {
      const after = await snapshot();
      expect.soft(added(before!, after), `${what}: a refused write stored documents`).toEqual([]);
    }
  }
  return res;
}

// ---- hostile values

const HUGE = 'x'.repeat(1_000_000);
/** `{"a":{"a":…}}` nested `depth` deep, written as text so building it needs no recursion. */
const deepText = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const deepValue = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    1e308,
    -1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -0,
    2 ** 53 + 1,
    'NaN',
    'Infinity',
    '-0',
    '1e308',
    null,
    [],
    {},
    true,
    '',
    ' ',
    '../..%2F',
    'a/b?c#d\\e',
    '\u0000',
    '\ud800',
    '=cmd|" /C calc"!A0',
    '__proto__',
    HUGE,
    deepValue(2000),
    [deepValue(2000)],
  ),
  fc.string({ maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

type Seg = string | number;
/** Every place in `value` a mutation may hit (arrays: their first two elements), with formatPath paths. */
function placesIn(value: unknown, path: Seg[] = [], out: Seg[][] = []): Seg[][] {
  if (path.length > 0) out.push(path);
  if (Array.isArray(value)) value.slice(0, 2).forEach((v, i) => placesIn(v, [...path, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) placesIn(v, [...path, k], out);
  return out;
}

function setAt(value: unknown, path: Seg[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    copy[head as number] = setAt(copy[head as number], rest, next);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[head!] = setAt(copy[head!], rest, next);
  return copy;
}

const formatSegs = (path: Seg[]) =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

// ---- the routes

const all = routes();
const bodyRoutes = all.flatMap((r) =>
  r.methods.filter((m) => WRITE.has(m)).map((method) => ({ route: r, method })),
);
const paramRoutes = all.flatMap((r) =>
  paramNames(r).length > 0 ? r.methods.map((method) => ({ route: r, method })) : [],
);

/** Query parameters each route reads, with values it cannot use: each must be a 4xx. */
const badQueries: Record<string, string[]> = {
  plans: [
    'version=abc',
    'version=0',
    'version=-1',
    'version=1.5',
    'version=1e308',
    'version=99999999999999999999',
  ],
  planDiff: ['from=abc', 'to=-1', 'from=1e308', 'to=1.5', 'from=NaN'],
  rollup: ['since=garbage', 'since=2026-99-99T00:00:00Z', 'since=' + 'x'.repeat(10_000)],
  payoutsExport: ['format=pdf', 'format=', 'format=' + encodeURIComponent('../csv')],
  scoresRun: ['unitId=nope', 'unitId=', `unitId=${UNIT}&version=abc`, `unitId=${UNIT}&version=0`],
  templates: ['year=abc', 'year=99999', 'year=1e308', 'year=-0'],
  imports: [
    'kind=zzz',
    'kind=targets',
    `kind=targets&unitId=${UNIT}&period=2026-13`,
    'kind=targets&unitId=nope&period=2026',
  ],
  audit: ['', 'entity='],
  devToken: ['person=nobody', 'person=' + 'x'.repeat(10_000), 'person=' + encodeURIComponent('../admin')],
};

/** Query parameters every route gets, known to some: an unknown value must never be a 5xx. */
const strayQueries = [
  'version=abc&from=x&to=y&format=zzz&since=q&lines=maybe&lang=xx&year=0&unitId=..%2F&period=2026-13',
  'x=' + 'y'.repeat(20_000),
  'version=%00&format=%E0%A4%A',
];

const badParams = [
  'nope',
  '2026-13',
  '2026-00',
  '2026-Q5',
  '..%2F',
  '../',
  '..',
  '',
  ' ',
  '%',
  '\u0000',
  'a/b',
  'x'.repeat(5000),
  "'; DROP TABLE c; --",
];

describe('hostile input across every route: 4xx problem documents, never 5xx, never a partial write', () => {
  useFreshStore();

  beforeAll(async () => {
    await seedOrg(demo);
    // A stored plan version, so that approvals, diffs and a second PUT reach past "no such plan".
    const plans = all.find((r) => r.name === 'plans')!;
    const res = await call(plans.handler, {
      method: 'PUT',
      path: pathOf(plans, { unitId: UNIT, period: PERIOD }),
      params: { unitId: UNIT, period: PERIOD },
      token: await tokenOf('mgr-east-shanghai'),
      json: validPlan,
    });
    expect(res.status, res.text).toBe(201);
  });

  it('covers every registered route, each with a valid body where it takes one', () => {
    expect(all.length).toBeGreaterThanOrEqual(27);
    for (const { route } of bodyRoutes)
      if (
        !BYTE_BODY.has(route.name) &&
        !['payoutRunApprove', 'payoutRunVerify', 'periodClose'].includes(route.name)
      )
        expect(validBodies[route.name], `no valid body for ${route.name}`).toBeDefined();
  });

  it('refuses malformed JSON, bodies of the wrong type, {} and invalid UTF-8 on every write route', async () => {
    for (const { route, method } of bodyRoutes) {
      const takesBody = validBodies[route.name] !== undefined;
      const bodies: { label: string; options: Partial<CallOptions>; json: boolean }[] = [
        {
          label: 'malformed JSON',
          options: { body: '{"period": "2026-03",', headers: { 'content-type': 'application/json' } },
          json: false,
        },
        {
          label: 'invalid UTF-8',
          options: {
            body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
            headers: { 'content-type': 'application/json' },
          },
          json: false,
        },
        { label: 'array', options: { json: [] }, json: true },
        { label: 'number', options: { json: 42 }, json: true },
        { label: 'null', options: { json: null }, json: true },
        { label: 'string', options: { json: 'plan' }, json: true },
        { label: 'empty object', options: { json: {} }, json: true },
        {
          label: 'deep nesting (10,000 levels)',
          options: { body: deepText(10_000), headers: { 'content-type': 'application/json' } },
          json: true,
        },
        {
          label: 'prototype keys',
          options: {
            body: '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}',
            headers: { 'content-type': 'application/json' },
          },
          json: true,
        },
      ];
      for (const b of bodies)
        await send({
          label: b.label,
          route,
          method,
          options: b.options,
          // Routes without a body (approve a run, close a period) may ignore it; the rest must refuse.
          mustRefuse: takesBody || BYTE_BODY.has(route.name),
          jsonBody: b.json && takesBody,
        });
    }
  });

  it('refuses a huge string and a deeply nested value in every top-level field of every body', async () => {
    for (const { route, method } of bodyRoutes) {
      const valid = validBodies[route.name];
      if (!valid || typeof valid !== 'object') continue;
      for (const key of Object.keys(valid)) {
        for (const [label, v] of [
          ['1 MB string', HUGE],
          ['2,000-deep object', deepValue(2000)],
        ] as const) {
          await send({
            label: `${key} = ${label}`,
            route,
            method,
            options: { json: setAt(valid, [key], v) },
            mustRefuse: true,
            jsonBody: true,
            brokenPath: key,
          });
        }
      }
    }
  }, 60_000);

  it('refuses extreme numbers (±1e308, and NaN, Infinity, 1e308 as strings) in every numeric field', async () => {
    for (const { route, method } of bodyRoutes) {
      const valid = validBodies[route.name];
      if (!valid || route.name === 'org') continue;
      const numeric = placesIn(valid).filter((p) => {
        let v: unknown = valid;
        for (const k of p) v = (v as Record<Seg, unknown>)[k];
        return typeof v === 'number';
      });
      for (const p of numeric)
        for (const v of [1e308, -1e308, 'NaN', 'Infinity', '1e308'])
          await send({
            label: `${formatSegs(p)} = ${String(v)}`,
            route,
            method,
            options: { json: setAt(valid, p, v) },
            mustRefuse: true,
            jsonBody: true,
            brokenPath: formatSegs(p),
          });
    }
  }, 60_000);

  it('refuses a 1e308 transaction amount, which once stored made every later analysis and scoring of the unit answer 500', async () => {
    const byName = (n: string) => all.find((r) => r.name === n)!;
    const body = validBodies.actuals as { transactions: { amount: number }[] };
    const res = await send({
      label: 'found: stored 1e308 amount',
      route: byName('actuals'),
      method: 'POST',
      options: {
        json: { ...body, transactions: [{ ...body.transactions[0], id: 'h-huge', amount: 1e308 }] },
      },
      mustRefuse: true,
      jsonBody: true,
    });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([expect.objectContaining({ path: 'transactions[0].amount' })]);
    // The largest accepted magnitude is 90,071,992,547,409 (an exact integer of cents); one more is refused.
    const edge = await send({
      label: 'found: just over the limit',
      route: byName('allocate'),
      method: 'POST',
      options: { json: { total: 90_071_992_547_410, basis: 'even', parts: [{ id: 'a' }] } },
      mustRefuse: true,
      jsonBody: true,
      brokenPath: 'total',
    });
    expect(edge.json.errors.map((e: { path: string }) => e.path)).toEqual(['total']);
    const analysis = await send({
      label: 'after the refusal',
      route: byName('analysis'),
      method: 'GET',
      mustRefuse: false,
    });
    expect(analysis.status).toBe(200);
  });

  it('answers 422, not 500, when figures in range multiply beyond what money holds (rate 1e12 on a 100,000 quota)', async () => {
    const preview = validBodies.payoutsPreview as {
      plan: { components: { type: string; tiers?: { rate: number }[] }[] };
    };
    const plan = structuredClone(preview.plan);
    for (const c of plan.components) for (const t of c.tiers ?? []) t.rate = 1e12;
    for (const name of ['payoutsPreview', 'payoutRuns']) {
      const r = all.find((x) => x.name === name)!;
      const base = validBodies[name] as Record<string, unknown>;
      const res = await send({
        label: 'found: product overflow',
        route: r,
        method: 'POST',
        options: { json: { ...base, plan: { ...plan, id: (base.plan as { id: string }).id } } },
        mustRefuse: name === 'payoutsPreview',
      });
      if (name === 'payoutsPreview') {
        expect(res.status).toBe(422);
        expect(res.json.detail).toMatch(/too large to compute exactly/);
        expect(res.json.code).toBe('http.number-overflow');
      }
    }
  });

  it('never answers 5xx to one field of a valid body replaced by a generated hostile value', async () => {
    for (const { route, method } of bodyRoutes) {
      const valid = validBodies[route.name];
      if (!valid) continue;
      const places = placesIn(valid);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...places), hostileLeaf, async (place, value) => {
          let old: unknown = valid;
          for (const k of place) old = (old as Record<Seg, unknown>)[k];
          const typeChanged = kindOf(old) !== kindOf(value);
          const res = await send({
            label: `${formatSegs(place)} = ${JSON.stringify(value)?.slice(0, 60)}`,
            route,
            method,
            options: { json: setAt(valid, place, value) },
            mustRefuse: false,
            jsonBody: true,
            ...(typeChanged ? { brokenPath: formatSegs(place) } : {}),
          });
          // An accepted change of the organisation is put back, so the next cases see the demo org.
          if (route.name === 'org' && res.status < 300) await seedOrg(demo);
        }),
        { numRuns: route.name === 'org' ? 10 : 40, seed: SEED, endOnFailure: true },
      );
    }
  }, 120_000);

  it('never answers 5xx to arbitrary generated JSON bodies', async () => {
    for (const { route, method } of bodyRoutes) {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
          await send({
            label: `generated ${JSON.stringify(value)?.slice(0, 60)}`,
            route,
            method,
            options: { json: value },
            mustRefuse: validBodies[route.name] !== undefined || BYTE_BODY.has(route.name),
            jsonBody: validBodies[route.name] !== undefined,
          });
        }),
        { numRuns: 15, seed: SEED, endOnFailure: true },
      );
    }
  }, 60_000);

  it('refuses generated bytes that are not a workbook on the import route', async () => {
    const route = all.find((r) => r.name === 'imports')!;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          // A ZIP local-file signature followed by noise, so the reader gets past the first bytes.
          fc.uint8Array({ maxLength: 2000 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
        ),
        async (bytes) => {
          await send({
            label: `${bytes.length} generated bytes`,
            route,
            method: 'POST',
            options: { body: bytes, headers: { 'content-type': 'application/octet-stream' } },
            mustRefuse: true,
          });
        },
      ),
      { numRuns: 15, seed: SEED, endOnFailure: true },
    );
  });

  it('refuses unknown units, impossible periods and traversal in every path parameter', async () => {
    for (const { route, method } of paramRoutes) {
      for (const name of paramNames(route)) {
        for (const bad of badParams) {
          const params = Object.fromEntries(paramNames(route).map((n) => [n, validParam[n] ?? 'x']));
          params[name] = bad;
          const valid = validBodies[route.name];
          await send({
            label: `${name} = ${JSON.stringify(bad.slice(0, 30))}`,
            route,
            method,
            params,
            options: WRITE.has(method) && valid !== undefined ? { json: valid } : {},
            mustRefuse: true,
          });
        }
      }
    }
  }, 60_000);

  it('refuses query values a route cannot use, and never answers 5xx to stray ones', async () => {
    for (const r of all) {
      for (const method of r.methods) {
        const body =
          WRITE.has(method) && validBodies[r.name] !== undefined ? { json: validBodies[r.name] } : {};
        const options = BYTE_BODY.has(r.name)
          ? { body: new Uint8Array([1, 2, 3]), headers: { 'content-type': 'application/octet-stream' } }
          : body;
        if (method === 'GET' || BYTE_BODY.has(r.name))
          for (const query of badQueries[r.name] ?? [])
            await send({
              label: `?${query.slice(0, 40)}`,
              route: r,
              method,
              query,
              options,
              mustRefuse: true,
            });
        // Stray values on GET only: on a write they would be new valid writes, which are not hostile.
        if (method === 'GET')
          for (const query of strayQueries)
            await send({
              label: `?${query.slice(0, 40)}`,
              route: r,
              method,
              query,
              options,
              mustRefuse: false,
            });
      }
    }
  }, 60_000);

  it('refuses hostile If-Match and Idempotency-Key headers on the writes that read them', async () => {
    for (const name of ['plans', 'planDraft', 'org', 'actuals', 'payoutRuns', 'planApprove', 'activities']) {
      const r = all.find((x) => x.name === name)!;
      const method = r.methods.find((m) => WRITE.has(m))!;
      const cases: [string, Record<string, string>][] = [
        ['If-Match garbage', { 'if-match': '"banana"' }],
        ['If-Match 1e308', { 'if-match': '"1e308"' }],
        ['Idempotency-Key of 10,000 characters', { 'idempotency-key': 'k'.repeat(10_000) }],
      ];
      for (const [label, headers] of cases) {
        // org keeps no idempotency records (a PUT of the same org is a no-op anyway): If-Match only.
        if (label.startsWith('If-Match') ? !['plans', 'planDraft', 'org'].includes(name) : name === 'org')
          continue;
        await send({
          label,
          route: r,
          method,
          options: { json: validBodies[name], headers },
          mustRefuse: true,
        });
      }
    }
  });
});
