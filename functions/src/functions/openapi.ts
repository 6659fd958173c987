// GET /api/openapi.json: the HTTP contract as an OpenAPI 3.1 document, its schemas generated from the
// core's zod schemas (so the published contract cannot drift from the checks the API runs).
import { z } from 'zod';
import { compPlanVersionBody, contractSchemas, lookupRequest, lookupResponse } from '@teamsheet/shared';

/**
 * The core's contract schemas, the request shapes of the routes beside the contract table (comp plans
 * in force) and the formula lookups' (kept beside their rules in the core's lookups module).
 */
const documented = {
  ...contractSchemas,
  CompPlanVersion: compPlanVersionBody,
  LookupRequest: lookupRequest,
  LookupResponse: lookupResponse,
};
import { policyFor } from '../auth/policy';
import { handler } from '../http';
import { route } from '../registry';
import { appVersion } from '../version';

type SchemaName = keyof typeof documented;
type Operation = {
  method: 'get' | 'put' | 'post';
  path: string;
  who: string;
  summary: string;
  request?: SchemaName;
  response?: SchemaName;
  /** Body is not JSON (csv, xlsx). */
  binary?: boolean;
};

// The contract (docs/architecture.md, HTTP contract), one row per operation.
const operations: Operation[] = [
  {
    method: 'get',
    path: '/health',
    who: 'anyone',
    summary: 'Liveness, version and whether the store answers',
  },
  { method: 'get', path: '/metrics', who: 'signed in', summary: 'The metric catalog' },
  {
    method: 'get',
    path: '/me',
    who: 'signed in',
    summary: 'The caller: person, roles, units in scope and the task-pane sections their roles open',
  },
  {
    method: 'get',
    path: '/org',
    who: 'signed in',
    summary: 'The units and people the caller may see',
    response: 'Org',
  },
  {
    method: 'put',
    path: '/org',
    who: 'admin',
    summary: 'Replace the organisation (a new append-only version)',
    request: 'Org',
  },
  {
    method: 'post',
    path: '/plans/validate',
    who: 'signed in',
    summary: 'Validate a plan; stores nothing',
    request: 'ValidateRequest',
  },
  {
    method: 'post',
    path: '/allocate',
    who: 'signed in',
    summary: 'Split a total over parts; the parts sum exactly to the total',
    request: 'AllocateRequest',
    response: 'AllocateResult',
  },
  {
    method: 'put',
    path: '/plans/{unitId}/{period}',
    who: 'manager in scope',
    summary: 'Store a new plan version (If-Match base version, Idempotency-Key)',
    request: 'Plan',
  },
  {
    method: 'get',
    path: '/plans/{unitId}/{period}',
    who: 'in scope',
    summary: 'A plan version (?version=n, default the newest)',
    response: 'Plan',
  },
  {
    method: 'get',
    path: '/plans/{unitId}/{period}/versions',
    who: 'in scope',
    summary: 'The versions of a plan',
  },
  {
    method: 'put',
    path: '/plans/{unitId}/{period}/draft',
    who: 'manager in scope',
    summary:
      'Save the plan as a draft: stored, not submitted; findings (errors too) kept with it; If-Match the submitted version it is based on, Idempotency-Key',
    request: 'Plan',
  },
  {
    method: 'get',
    path: '/plans/{unitId}/{period}/draft',
    who: 'in scope',
    summary: 'The latest draft of a plan with its content, whether it is still open (no version submitted since), who saved it when; draft null when none was saved',
  },
  {
    method: 'get',
    path: '/plans/{unitId}/{period}/diff',
    who: 'in scope',
    summary: 'The changes between two versions, cell by cell (?from=&to=)',
  },
  {
    method: 'post',
    path: '/actuals',
    who: 'manager, finance',
    summary: 'Bulk transactions and metric actuals for a period, idempotent',
  },
  {
    method: 'post',
    path: '/scores/compute',
    who: 'signed in',
    summary: 'Stateless scorecard computation',
    request: 'ScoreRequest',
    response: 'ScoreResult',
  },
  {
    method: 'post',
    path: '/payouts/preview',
    who: 'signed in',
    summary: 'Stateless what-if payout',
    request: 'PayoutRequest',
    response: 'PayoutResult',
  },
  {
    method: 'post',
    path: '/periods/{period}/payout-runs',
    who: 'finance',
    summary:
      "A payout run from stored data: {plan}, {planId} of a plan an earlier run used, or {compPlanId} of a stored comp plan (each person under the version in effect on the period's first day)",
    response: 'PayoutResult',
  },
  {
    method: 'get',
    path: '/periods/{period}/payout-runs/{runId}',
    who: 'finance',
    summary: 'A payout run',
    response: 'PayoutResult',
  },
  {
    method: 'post',
    path: '/periods/{period}/payout-runs/{runId}/approve',
    who: 'finance (not the creator)',
    summary: 'Approve a payout run',
  },
  { method: 'post', path: '/periods/{period}/close', who: 'finance', summary: 'Lock the period' },
  {
    method: 'get',
    path: '/periods/{period}/payouts',
    who: 'finance',
    summary: 'The approved run (?format=json|csv|xlsx), export-safe',
    binary: true,
  },
  {
    method: 'get',
    path: '/rollup/{unitId}/{period}',
    who: 'manager / regional head in scope',
    summary: 'Consolidation of the plans below a unit',
  },
  {
    method: 'get',
    path: '/templates/{kind}.xlsx',
    who: 'signed in',
    summary: 'A blank template workbook',
    binary: true,
  },
  {
    method: 'post',
    path: '/imports',
    who: 'signed in',
    summary: 'An uploaded template workbook → plan + findings',
    binary: true,
  },
  { method: 'get', path: '/audit', who: 'admin, finance', summary: 'Audit entries (?entity=)' },
  // Routes beyond the contract table, of the same workflows.
  {
    method: 'post',
    path: '/plans/{unitId}/{period}/approve',
    who: "the parent unit's manager (not the submitter)",
    summary: 'Approve a submitted plan version ({version})',
  },
  {
    method: 'post',
    path: '/plans/{unitId}/{period}/review',
    who: "the parent unit's manager or a regional head above it (not the submitter)",
    summary:
      "Review the latest version: {version, decision: 'approve'|'reject', comment} (a rejection needs a comment)",
  },
  {
    method: 'get',
    path: '/plans',
    who: 'manager / regional head in scope, finance, admin',
    summary:
      'The review queue (?parent=&period=): each unit below with status, due date, late, submitter, version, findings summary, review',
  },
  {
    method: 'post',
    path: '/periods/{period}/scores',
    who: 'manager / regional head in scope, admin',
    summary: 'Score a unit from stored targets and actuals; a new stored version',
    response: 'ScoreResult',
  },
  {
    method: 'get',
    path: '/periods/{period}/scores',
    who: 'in scope',
    summary: 'The latest (or ?version=n) stored scores of a unit (?unitId=)',
    response: 'ScoreResult',
  },
  {
    method: 'post',
    path: '/activities',
    who: 'manager in scope',
    summary: 'Activity logs of a period, idempotent (Idempotency-Key)',
  },
  {
    method: 'get',
    path: '/analysis/{unitId}/{period}',
    who: 'in scope',
    summary: 'Plan vs actual by month with YoY, MoM, trend and forecast; ABC; KPIs',
  },
  {
    method: 'get',
    path: '/periods/{period}/payout-runs',
    who: 'finance',
    summary: "The period's payout runs",
  },
  {
    method: 'post',
    path: '/periods/{period}/payout-runs/{runId}/verify',
    who: 'finance',
    summary: 'Recompute a stored run from its snapshot and compare the hash',
  },
  {
    method: 'get',
    path: '/periods/{period}/close',
    who: 'finance, admin, managers, regional heads',
    summary: "The period's state",
  },
  {
    method: 'get',
    path: '/actuals/{unitId}/{period}',
    who: 'manager / regional head in scope, finance, admin',
    summary: "Stored transactions crediting a unit's people, with their activities and metric actuals",
  },
  // Statements and questions (issue 11).
  {
    method: 'get',
    path: '/statements/{personId}/{period}',
    who: 'the person, managers above them, finance',
    summary:
      "A person's statement of a month: lines of the approved run with traces, attainment, year to date, questions (status 'none' while no approved run; managers and finance may see the latest draft, status 'draft')",
  },
  {
    method: 'post',
    path: '/statements/{personId}/{period}/questions',
    who: 'the person',
    summary: 'Question a line of the approved statement ({ lineId, comment }), Idempotency-Key',
  },
  {
    method: 'get',
    path: '/questions',
    who: 'finance',
    summary: 'Questions on statement lines (?status=open|answered), with their answers',
  },
  {
    method: 'post',
    path: '/questions/{id}/answer',
    who: 'finance',
    summary:
      "Answer once: { decision: 'accepted', amount } (an adjustment in the next open period's run) or { decision: 'declined', comment }",
  },
  // Comp plans in force (docs/rules.md, Comp plans in force).
  {
    method: 'put',
    path: '/comp-plans/{id}',
    who: 'finance',
    summary:
      'Store a new comp-plan version (effectiveFrom, effectiveTo?, appliesTo units and/or roles); If-Match base version, Idempotency-Key; 412 stale; 422 overlapping or back-dated',
    request: 'CompPlanVersion',
  },
  {
    method: 'get',
    path: '/comp-plans/{id}',
    who: 'finance; managers and regional heads whose scope it reaches',
    summary: 'A comp-plan version (?version=n, default the newest) with its versions',
  },
  {
    method: 'get',
    path: '/comp-plans',
    who: 'finance; managers and regional heads (the comp plans reaching their scope)',
    summary: 'The stored comp plans with their versions and effective dates',
  },
  // Teamsheet formulas (issue 12).
  {
    method: 'post',
    path: '/lookups',
    who: 'signed in (each cell within the caller’s scope)',
    summary:
      "The cells of a recalculation's TEAMSHEET formulas, { cells: [{ fn: 'TARGET'|'ACTUAL'|'ATTAINMENT'|'PAYOUT'|'PAYOUTSTATUS'|'SCORE'|'GRADE', args }] } (at most 10,000), answered per cell { value } or { error: 'na'|'value'|'forbidden', message }; ETag, If-None-Match → 304",
    request: 'LookupRequest',
    response: 'LookupResponse',
  },
];

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'errors'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(documented)) registry.add(schema, { id: name });
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  });
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    // Each schema is a component of this document, not a standalone JSON Schema file.
    const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
    out[name] = rest;
  }
  return out;
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

/** The OpenAPI 3.1 document of the contract. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const problemResponse = {
      description: 'A problem (RFC 9457)',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
    const okContent = op.binary
      ? {
          'application/octet-stream': {
            schema: { type: 'string', contentMediaType: 'application/octet-stream' },
          },
        }
      : { 'application/json': { schema: op.response ? ref(op.response) : { type: 'object' } } };
    // Who may call it, per role, from the one policy table (auth/policy.ts) the matrix test holds the API to.
    const policy = policyFor(op.method, op.path);
    const operation: Record<string, unknown> = {
      operationId: `${op.method}${op.path.replace(/[{}.]/g, '').replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
      summary: op.summary,
      description: `Who: ${op.who}.`,
      ...(op.who === 'anyone' ? { security: [] } : {}),
      ...(policy ? { 'x-teamsheet-access': { scope: policy.scope, roles: policy.access } } : {}),
      parameters: pathParameters(op.path),
      ...(op.request
        ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.request) } } } }
        : {}),
      responses: {
        [op.method === 'put' ? '201' : '200']: { description: 'OK', content: okContent },
        default: problemResponse,
      },
    };
    (paths[op.path] ??= {})[op.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Teamsheet API',
      version: appVersion,
      description: 'Sales-team planning, scoring and incentive pay inside Excel.',
    },
    servers: [{ url: '/api' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: { ...componentSchemas(), Problem: problemSchema },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}

let cached: string | undefined;

export const openapi = route({
  name: 'openapi',
  methods: ['GET'],
  route: 'openapi.json',
  handler: handler(async () => {
    cached ??= JSON.stringify(openApiDocument());
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
      body: cached,
    };
  }),
});
