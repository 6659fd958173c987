// GET /api/analysis/{unitId}/{period}: sales analysis of a unit in scope (docs/rules.md, Metrics; Analysis
// and sizing): plan versus actual by month of the period's year with year-on-year and month-on-month growth,
// median, the least-squares trend with the next month's forecast, ABC classes of the unit's people by
// credited revenue in the period, and the field-force KPIs (a zero denominator is null with a finding).
import { analyseUnit, periodId } from '@teamsheet/shared';
import { allow, signedInCaller } from '../auth';
import { HttpError, handler, json } from '../http';
import { route } from '../registry';
import { readScoringInputs } from '../repositories/scores';

export const analysis = route({
  name: 'analysis',
  methods: ['GET'],
  route: 'analysis/{unitId}/{period}',
  handler: handler(async (request) => {
    const caller = await signedInCaller(request);
    const { locale, tenantId, org } = caller;
    const unitId = request.params.unitId ?? '';
    const period = request.params.period ?? '';
    // Scope first: outside it, a unit that exists and one that does not get the same 403.
    allow(caller, { unitId });
    const errors = [];
    if (!periodId.safeParse(period).success)
      errors.push({
        path: 'period',
        message: `expected a period id such as 2026, 2026-Q1 or 2026-03; got ${period}`,
      });
    if (!org.unit(unitId))
      errors.push({ path: 'unitId', message: `${unitId} is not a unit of the organisation` });
    if (errors.length > 0) throw HttpError.of(400, 'http.body-invalid', { count: errors.length }, errors);

    const year = Number(period.slice(0, 4));
    const members = org.peopleIn(unitId, { deep: true });
    const units = org.subtree(unitId);
    // This year and the two before: last year's months for YoY, and the written cohorts of persistency 13/25.
    const [now, lastYear, twoBack] = await Promise.all(
      [year, year - 1, year - 2].map((y) => readScoringInputs(tenantId, String(y), units, members)),
    );
    const analysisOfUnit = analyseUnit(
      {
        unitId,
        period,
        org,
        targets: now!.targets,
        transactions: now!.transactions,
        lastYearTransactions: lastYear!.transactions,
        earlierTransactions: twoBack!.transactions,
        activities: now!.activities,
      },
      { locale },
    );
    const transactions =
      now!.transactions.length + lastYear!.transactions.length + twoBack!.transactions.length;
    return json({ ...analysisOfUnit, sources: { planVersions: now!.planVersions, transactions } });
  }),
});
