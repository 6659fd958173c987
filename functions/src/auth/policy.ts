// Who may call each operation of the API: one row per route and method, as the OpenAPI document lists
// them, saying per role whether it is allowed everywhere, only in the caller's scope, or not at all,
// and what the scope is checked on. The routes enforce it (signedInCaller / allow); the authorization
// matrix test (functions/test/authorizationMatrix.test.ts) calls every operation as every role in
// scope and out of scope and holds each answer to this table; the OpenAPI document publishes it.
import type { Role } from '@teamsheet/shared';

/** all: allowed whatever the target; in-scope: allowed in the caller's scope, 403 outside it; none: 403. */
export type Access = 'all' | 'in-scope' | 'none';

/**
 * What the scope is checked on: none; the unit of the address, query or body; the people of a body's
 * rows; the parent of the address's unit (plan approval is the parent unit's decision); the person of
 * the address being the caller themselves (`self`: a question on one's own statement).
 */
export type ScopeTarget = 'none' | 'unit' | 'person' | 'parent-unit' | 'self';

export const POLICY_ROLES = [
  'admin',
  'finance',
  'regional_head',
  'manager',
  'rep',
] as const satisfies readonly Role[];

export type PolicyRow = {
  method: 'GET' | 'POST' | 'PUT';
  /** The OpenAPI path, below /api. */
  path: string;
  scope: ScopeTarget;
  /** Callers without a token (anonymous) are allowed: only liveness. */
  anonymous?: true;
  access: Record<(typeof POLICY_ROLES)[number], Access>;
};

const everyone: PolicyRow['access'] = {
  admin: 'all',
  finance: 'all',
  regional_head: 'all',
  manager: 'all',
  rep: 'all',
};
const financeOnly: PolicyRow['access'] = {
  admin: 'none',
  finance: 'all',
  regional_head: 'none',
  manager: 'none',
  rep: 'none',
};
const adminOnly: PolicyRow['access'] = { ...financeOnly, admin: 'all', finance: 'none' };
/** Reading what belongs to a unit: finance and admin any unit, managers and regional heads their scope. */
const readsUnit: PolicyRow['access'] = {
  admin: 'all',
  finance: 'all',
  regional_head: 'in-scope',
  manager: 'in-scope',
  rep: 'none',
};
/** Planning a unit: its managers and regional heads in scope, the admin; finance sees plans but edits none. */
const plansUnit: PolicyRow['access'] = {
  admin: 'all',
  finance: 'none',
  regional_head: 'in-scope',
  manager: 'in-scope',
  rep: 'none',
};

export const POLICY: readonly PolicyRow[] = [
  { method: 'GET', path: '/health', scope: 'none', anonymous: true, access: everyone },
  { method: 'GET', path: '/metrics', scope: 'none', access: everyone },
  { method: 'GET', path: '/me', scope: 'none', access: everyone },
  // Everyone reads the org; what each sees is their scope (functions/src/auth/orgView.ts).
  { method: 'GET', path: '/org', scope: 'none', access: everyone },
  { method: 'PUT', path: '/org', scope: 'none', access: adminOnly },
  // Without a context the plan is checked against stored data of its unit: in scope only.
  { method: 'POST', path: '/plans/validate', scope: 'unit', access: readsUnit },
  { method: 'POST', path: '/allocate', scope: 'none', access: everyone },
  { method: 'PUT', path: '/plans/{unitId}/{period}', scope: 'unit', access: plansUnit },
  { method: 'GET', path: '/plans/{unitId}/{period}', scope: 'unit', access: readsUnit },
  { method: 'GET', path: '/plans/{unitId}/{period}/versions', scope: 'unit', access: readsUnit },
  // A draft is stored, not submitted: written as a submission is, read by those who read the plan.
  { method: 'PUT', path: '/plans/{unitId}/{period}/draft', scope: 'unit', access: plansUnit },
  { method: 'GET', path: '/plans/{unitId}/{period}/draft', scope: 'unit', access: readsUnit },
  { method: 'GET', path: '/plans/{unitId}/{period}/diff', scope: 'unit', access: readsUnit },
  { method: 'POST', path: '/plans/{unitId}/{period}/approve', scope: 'parent-unit', access: plansUnit },
  { method: 'POST', path: '/plans/{unitId}/{period}/review', scope: 'parent-unit', access: plansUnit },
  // The review queue of a parent unit (?parent=): the units below it, in scope.
  { method: 'GET', path: '/plans', scope: 'unit', access: readsUnit },
  {
    method: 'POST',
    path: '/actuals',
    scope: 'person',
    access: { admin: 'none', finance: 'all', regional_head: 'in-scope', manager: 'in-scope', rep: 'none' },
  },
  { method: 'GET', path: '/actuals/{unitId}/{period}', scope: 'unit', access: readsUnit },
  { method: 'POST', path: '/activities', scope: 'person', access: plansUnit },
  { method: 'POST', path: '/scores/compute', scope: 'none', access: everyone },
  { method: 'POST', path: '/periods/{period}/scores', scope: 'unit', access: plansUnit },
  { method: 'GET', path: '/periods/{period}/scores', scope: 'unit', access: readsUnit },
  { method: 'GET', path: '/analysis/{unitId}/{period}', scope: 'unit', access: readsUnit },
  { method: 'GET', path: '/rollup/{unitId}/{period}', scope: 'unit', access: readsUnit },
  { method: 'POST', path: '/payouts/preview', scope: 'none', access: everyone },
  { method: 'GET', path: '/periods/{period}/payout-runs', scope: 'none', access: financeOnly },
  { method: 'POST', path: '/periods/{period}/payout-runs', scope: 'none', access: financeOnly },
  { method: 'GET', path: '/periods/{period}/payout-runs/{runId}', scope: 'none', access: financeOnly },
  {
    method: 'POST',
    path: '/periods/{period}/payout-runs/{runId}/approve',
    scope: 'none',
    access: financeOnly,
  },
  {
    method: 'POST',
    path: '/periods/{period}/payout-runs/{runId}/verify',
    scope: 'none',
    access: financeOnly,
  },
  { method: 'GET', path: '/periods/{period}/close', scope: 'none', access: { ...everyone, rep: 'none' } },
  { method: 'POST', path: '/periods/{period}/close', scope: 'none', access: financeOnly },
  { method: 'GET', path: '/periods/{period}/payouts', scope: 'none', access: financeOnly },
  { method: 'GET', path: '/templates/{kind}.xlsx', scope: 'none', access: everyone },
  // A plan workbook (kind=targets or goals) is a unit's plan: in scope only. Other kinds: signed in.
  { method: 'POST', path: '/imports', scope: 'unit', access: readsUnit },
  { method: 'GET', path: '/audit', scope: 'none', access: { ...financeOnly, admin: 'all' } },
  // Statements and questions (issue 11): a statement is read by the person, the managers above them
  // and finance; a question is asked by the person about their own statement only; finance answers.
  {
    method: 'GET',
    path: '/statements/{personId}/{period}',
    scope: 'person',
    access: { admin: 'all', finance: 'all', regional_head: 'in-scope', manager: 'in-scope', rep: 'in-scope' },
  },
  {
    method: 'POST',
    path: '/statements/{personId}/{period}/questions',
    scope: 'self',
    access: {
      admin: 'in-scope',
      finance: 'in-scope',
      regional_head: 'in-scope',
      manager: 'in-scope',
      rep: 'in-scope',
    },
  },
  { method: 'GET', path: '/questions', scope: 'none', access: financeOnly },
  { method: 'POST', path: '/questions/{id}/answer', scope: 'none', access: financeOnly },
  // Comp plans in force: finance stores them; managers and regional heads read those that reach their
  // scope (the list holds only those; one outside it is refused like one that does not exist).
  { method: 'PUT', path: '/comp-plans/{id}', scope: 'none', access: financeOnly },
  {
    method: 'GET',
    path: '/comp-plans',
    scope: 'none',
    access: { ...financeOnly, regional_head: 'all', manager: 'all' },
  },
  {
    method: 'GET',
    path: '/comp-plans/{id}',
    scope: 'unit',
    access: { ...financeOnly, regional_head: 'in-scope', manager: 'in-scope' },
  },
  // Teamsheet formulas (issue 12): everyone signed in may ask; the scope is checked per cell, so a
  // cell about someone out of scope is answered "no rights" and the request is never a 403.
  { method: 'POST', path: '/lookups', scope: 'none', access: everyone },
];

/** The row of an operation, if the table has one. */
export function policyFor(method: string, path: string): PolicyRow | undefined {
  return POLICY.find((r) => r.method === method.toUpperCase() && r.path === path);
}
