// Sample data for trying the section where no cell can be typed into (preview mode, outside Excel):
// the core's deterministic demo targets on the Targets sheet (through the plan's own template writer,
// owners by name as the plan sheets show them) and the demo transactions of the period on the
// Transactions sheet. Nothing is sent to the server.
import { metricCatalog, type Locale } from '@teamsheet/shared';
import { demoTargets } from '@teamsheet/shared/demo';
import type { Workbook } from '../../office';
import { insertTemplates } from '../plan/planSheets';
import { ownerNamesOf } from '../plan/storedPlan';
import type { Team } from './preview';
import { insertTransactionsTemplate, sampleTransactions } from './transactions';

export async function insertSampleData(
  workbook: Workbook,
  team: Team,
  period: string,
  locale: Locale,
): Promise<{ targets: number; transactions: number; sheets: string[] }> {
  const year = Number(period.slice(0, 4));
  const { targets } = demoTargets({ units: team.units, people: team.people }, year);
  const ids = new Set(team.people.map((p) => p.id));
  const mine = targets.filter((t) => ids.has(t.owner) || t.owner === team.unitId);
  const written = await insertTemplates(workbook, {
    unitId: team.unitId,
    year,
    owners: [team.unitId, ...team.people.map((p) => p.id)],
    metrics: ['revenue'].filter((m) => m in metricCatalog),
    locale,
    plan: { targets: mine },
    ownerNames: ownerNamesOf(team),
  });
  const transactions = sampleTransactions(team.people, period);
  const tx = await insertTransactionsTemplate(workbook, locale, team.people, transactions);
  return { targets: mine.length, transactions: transactions.length, sheets: [written.targets, tx.sheet] };
}
