// Sales analysis of a unit (GET /api/analysis/{unitId}/{period}; docs/rules.md, Metrics; Analysis and
// sizing): plan versus actual by month of the period's year, growth, trend and forecast, ABC classes and
// the field-force KPIs, read from the stored plans and ledger of this year and the two before (last
// year's months for year-on-year growth, the written cohorts of persistency 13/25).
import { analyseUnit } from '@teamsheet/shared';
import type { Caller } from '../auth';
import { unknownUnit } from '../address';
import { readScoringInputs } from '../repositories/scores';

export async function unitAnalysis(caller: Caller, unitId: string, period: string) {
  const { locale, tenantId, org } = caller;
  if (!org.unit(unitId)) throw unknownUnit(locale, unitId);
  const year = Number(period.slice(0, 4));
  const members = org.peopleIn(unitId, { deep: true });
  const units = org.subtree(unitId);
  const [now, lastYear, twoBack] = await Promise.all(
    [year, year - 1, year - 2].map((y) => readScoringInputs(tenantId, String(y), units, members)),
  );
  const analysis = analyseUnit(
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
  return { ...analysis, sources: { planVersions: now!.planVersions, transactions } };
}
