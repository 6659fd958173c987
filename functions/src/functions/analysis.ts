// GET /api/analysis/{unitId}/{period}: sales analysis of a unit in scope (docs/rules.md, Metrics; Analysis
// and sizing): plan versus actual by month of the period's year with year-on-year and month-on-month growth,
// median, the least-squares trend with the next month's forecast, ABC classes of the unit's people by
// credited revenue in the period, and the field-force KPIs (a zero denominator is null with a finding).
import { unitPeriodOf } from '../address';
import { allow, signedInCaller } from '../auth';
import { handler, json } from '../http';
import { route } from '../registry';
import { unitAnalysis } from '../workflows/unitAnalysis';

export const analysis = route({
  name: 'analysis',
  methods: ['GET'],
  route: 'analysis/{unitId}/{period}',
  handler: handler(async (request) => {
    const caller = await signedInCaller(request);
    const { unitId, period } = unitPeriodOf(caller.locale, request.params);
    // Scope first: outside it, a unit that exists and one that does not get the same 403.
    allow(caller, { unitId });
    return json(await unitAnalysis(caller, unitId, period));
  }),
});
