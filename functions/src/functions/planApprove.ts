// POST /api/plans/{unitId}/{period}/approve {version}: the manager of the parent unit (or a regional
// head or administrator above it) approves the latest submitted version (workflows/approvePlan.ts).
import { z } from 'zod';
import { planAddress } from '../address';
import { readJson } from '../http';
import { command } from '../http/command';
import { route } from '../registry';
import { approvePlan, authorizePlanReview } from '../workflows/approvePlan';

const approveBody = z.object({ version: z.number().int().min(1) });

export const planApprove = route({
  name: 'planApprove',
  methods: ['POST'],
  route: 'plans/{unitId}/{period}/approve',
  handler: command('plan.approve', {
    roles: ['manager', 'regional_head', 'admin'],
    parse: async (request, caller) => {
      const address = planAddress(caller.locale, request.params);
      authorizePlanReview(caller, address.unitId);
      const { version } = await readJson(request, approveBody);
      return { ...address, version };
    },
    period: (input) => input.period,
    run: approvePlan,
  }),
});
