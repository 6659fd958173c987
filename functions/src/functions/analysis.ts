// GET /api/analysis/{unitId}/{period}: sales analysis of a unit in scope (DOMAIN.md §3, §9): plan versus
// actual by month of the period's year with year-on-year and month-on-month growth, median, the
// least-squares trend with the next month's forecast, ABC classes of the unit's people by credited
// revenue in the period, and the field-force KPIs (a zero denominator is null with a finding).
import {
  abcClassify,
  evaluateKpis,
  monthlyRevenue,
  monthsOf,
  periodId,
  planVsActual,
  type Target,
  type Transaction,
} from '@teamsheet/shared';
import { authenticate, authorize } from '../auth';
import { HttpError, handler, json, localeOf } from '../http';
import { route } from '../registry';
import { currentTenant, readLatestOrg } from '../store';
import { readScoringInputs } from '../store/scores';

/** Sum of rows per month over the owners given. */
function byMonth(rows: readonly Target[], owners: ReadonlySet<string>, metric: string, months: string[]) {
  const sums = new Map<string, number>();
  for (const r of rows)
    if (r.metric === metric && owners.has(r.owner)) sums.set(r.period, (sums.get(r.period) ?? 0) + r.value);
  return months.map((m) => sums.get(m) ?? null);
}

export const analysis = route({
  name: 'analysis',
  methods: ['GET'],
  route: 'analysis/{unitId}/{period}',
  handler: handler(async (request) => {
    const locale = localeOf(request);
    const principal = await authenticate(request);
    const tenantId = currentTenant();
    const latest = await readLatestOrg(tenantId);
    if (!latest) throw HttpError.of(404, 'org.missing', { tenant: tenantId });
    const org = latest.index;
    const unitId = request.params.unitId ?? '';
    const period = request.params.period ?? '';
    const errors = [];
    if (!periodId.safeParse(period).success)
      errors.push({
        path: 'period',
        message: `expected a period id such as 2026, 2026-Q1 or 2026-03; got ${period}`,
      });
    if (!org.unit(unitId))
      errors.push({ path: 'unitId', message: `${unitId} is not a unit of the organisation` });
    if (errors.length > 0) throw HttpError.of(400, 'http.body-invalid', { count: errors.length }, errors);
    authorize(principal, { unitId, org, locale });

    const year = Number(period.slice(0, 4));
    const members = org.peopleIn(unitId, { deep: true });
    const units = org.subtree(unitId);
    // This year and the two before: last year's months for YoY, and the written cohorts of persistency 13/25.
    const [now, lastYear, twoBack] = await Promise.all(
      [year, year - 1, year - 2].map((y) => readScoringInputs(tenantId, String(y), units, members)),
    );
    const transactions: Transaction[] = [
      ...twoBack!.transactions,
      ...lastYear!.transactions,
      ...now!.transactions,
    ];
    const kpis = evaluateKpis(
      { unitId, period, org, transactions, activities: now!.activities, targets: now!.targets },
      { locale },
    );
    const metric = kpis.productionMetric;

    // Plan: the unit's own targets by month; failing those, the sum over its people and sub-units.
    const months = monthsOf(String(year));
    const own = byMonth(now!.targets, new Set([unitId]), metric, months);
    const owners = new Set([...units.filter((u) => u !== unitId), ...members.map((p) => p.id)]);
    const plan = own.some((v) => v !== null) ? own : byMonth(now!.targets, owners, metric, months);
    const people = new Set(members.map((p) => p.id));
    const credited = (txs: Transaction[]) =>
      metric === 'revenue'
        ? monthlyRevenue({ people: members }, txs)
        : txs.flatMap((t) =>
            (t.metric ?? 'revenue') === metric
              ? t.credits.map((c) => ({
                  owner: c.personId,
                  metric,
                  period: t.date.slice(0, 7),
                  value: t.amount * c.share,
                }))
              : [],
          );
    const actualRows = credited(now!.transactions);
    const lastYearRows = credited(lastYear!.transactions);
    const actual = byMonth(actualRows, people, metric, months);
    const lastYearByMonth = byMonth(
      lastYearRows.map((r) => ({ ...r, period: `${year}${r.period.slice(4)}` })),
      people,
      metric,
      months,
    );
    const monthly = planVsActual(months, plan, actual, lastYearByMonth);

    const inPeriod = new Set(monthsOf(period));
    const perPerson = new Map(members.filter((p) => p.role === 'rep').map((p) => [p.id, 0]));
    for (const r of actualRows)
      if (inPeriod.has(r.period) && perPerson.has(r.owner))
        perPerson.set(r.owner, perPerson.get(r.owner)! + r.value);
    const abc = abcClassify(
      [...perPerson].map(([id, value]) => ({ id, value: Math.round(value * 100) / 100 })),
    ).map((row) => ({ ...row, name: org.person(row.id)?.name ?? row.id }));

    return json({
      unitId,
      period,
      metric,
      monthly,
      abc,
      kpis: { values: kpis.values, parts: kpis.parts },
      findings: kpis.findings,
      sources: { planVersions: now!.planVersions, transactions: transactions.length },
    });
  }),
});
