// POST /api/plans/{unitId}/{period}/approve {version}: the manager of the parent unit (or a regional
// head or administrator above it) approves the latest submitted version (workflows/reviewPlan.ts).
// POST /api/plans/{unitId}/{period}/review {version, decision, comment}: the same reviewer approves
// it or rejects it with a comment that says why.
import { MAX_REVIEW_COMMENT } from '@teamsheet/shared';
import { z } from 'zod';
import { planAddress } from '../address';
import { readJson } from '../http';
import { command } from '../http/command';
import { route } from '../registry';
import { authorizePlanReview, reviewPlan } from '../workflows/reviewPlan';

const version = z.number().int().min(1);
const approveBody = z.object({ version });
const reviewBody = z.object({
  version,
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(MAX_REVIEW_COMMENT).optional(),
});

const REVIEWERS = ['manager', 'regional_head', 'admin'] as const;

export const planApprove = route({
  name: 'planApprove',
  methods: ['POST'],
  route: 'plans/{unitId}/{period}/approve',
  handler: command('plan.approve', {
    roles: [...REVIEWERS],
    parse: async (request, caller) => {
      const address = planAddress(caller.locale, request.params);
      authorizePlanReview(caller, address.unitId);
      const { version } = await readJson(request, approveBody);
      return { ...address, version, decision: 'approve' as const };
    },
    period: (input) => input.period,
    run: reviewPlan,
  }),
});

export const planReview = route({
  name: 'planReview',
  methods: ['POST'],
  route: 'plans/{unitId}/{period}/review',
  handler: command('plan.review', {
    roles: [...REVIEWERS],
    parse: async (request, caller) => {
      const address = planAddress(caller.locale, request.params);
      authorizePlanReview(caller, address.unitId);
      return { ...address, ...(await readJson(request, reviewBody)) };
    },
    period: (input) => input.period,
    run: reviewPlan,
  }),
});
