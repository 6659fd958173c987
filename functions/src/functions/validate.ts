// POST /api/plans/validate {plan, context?, today?}: the core's SMART validation of a plan, stored
// nowhere. Without a context the plan is checked against what the store knows (org, last year's
// actuals, the parent's targets), which is only shown to someone in scope of the plan's unit.
import { validatePlan, validateRequest } from '@teamsheet/shared';
import type { HttpRequest } from '../azure';
import { authenticate, authorize, orgInForce } from '../auth';
import { handler, json, localeOf, readJson } from '../http';
import { route } from '../registry';
import { currentTenant } from '../repositories';
import { MAX_PLAN_BYTES, storedPlanContext } from '../repositories/plans';
import { refusal } from '../refusal';

async function postValidate(request: HttpRequest) {
  const locale = localeOf(request);
  const principal = await authenticate(request);
  const body = await readJson(request, validateRequest, { maxBytes: MAX_PLAN_BYTES });
  let context = body.context;
  if (!context) {
    const tenant = currentTenant();
    const org = await orgInForce(tenant);
    authorize(principal, { unitId: body.plan.unitId, path: 'plan.unitId', org: org.index, locale });
    context = await storedPlanContext(tenant, body.plan);
  }
  try {
    return json(validatePlan(body.plan, context, { locale, ...(body.today ? { today: body.today } : {}) }));
  } catch (error) {
    // The schema checks the shape of `today`; the core also refuses a date that does not exist (2026-02-30).
    if (error instanceof RangeError && body.today !== undefined)
      throw refusal('invalid', 'plan.context-invalid', { today: body.today }, [
        { path: 'today', message: error.message },
      ]);
    throw error;
  }
}

export const validate = route({
  name: 'validate',
  methods: ['POST'],
  route: 'plans/validate',
  maxBodyBytes: MAX_PLAN_BYTES,
  handler: handler(postValidate),
});
