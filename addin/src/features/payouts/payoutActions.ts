// The Payouts section's use cases, without React: the comp-plan sheets, the Transactions sheet (from
// the server, from the demo, or blank for the team), and what each outcome says in the MessageBar.
import { currencyInText, findingInWords, type Finding, type Locale } from '@teamsheet/shared';
import type { Api } from '../../api';
import type { Translate } from '../../i18n';
import type { Workbook } from '../../office';
import { paintFindings } from '../plan/planSheets';
import { insertCompPlanTemplate, readCompPlan, starterCompPlan, type CompPlanRead } from './compPlanSheets';
import { groupDigits } from './explain';
import type { RunHeaders } from './finance';
import type { LayoutLabels } from './payoutSheet';
import { loadTeam, type PreviewBlocked, type PreviewOutcome } from './preview';
import { insertSampleData } from './sampleData';
import { insertTransactionsTemplate, loadStoredTransactions } from './transactions';

export type PayoutNotice = {
  intent: 'success' | 'warning' | 'info' | 'error';
  text: string;
  findings?: Finding[];
} | null;

/** Who the section works for: the signed-in person and, when known, their unit. */
export interface PayoutsScope {
  workbook: Workbook;
  api: Api;
  locale: Locale;
  personId: string;
  unitId?: string | undefined;
}

/** Writes the starter comp plan's sheets (clearing old marks) and selects its first component. */
export async function insertCompPlan(workbook: Workbook, locale: Locale) {
  const written = await insertCompPlanTemplate(workbook, starterCompPlan(locale), locale);
  await paintFindings(workbook, [written.components, written.tiers], []);
  await workbook.selectCell(written.components, 'A3');
  return written;
}

/** Paints a comp plan's findings on the cells they are about, clearing the old marks. */
export const paintCompPlan = (workbook: Workbook, read: CompPlanRead) =>
  paintFindings(workbook, read.sheets, read.located);

/** Reads the comp-plan sheets and paints their findings. */
export async function checkCompPlan(workbook: Workbook, locale: Locale): Promise<CompPlanRead> {
  const read = await readCompPlan(workbook, locale);
  await paintCompPlan(workbook, read);
  return read;
}

/** The notice of a comp plan read: its findings, an empty plan, or how many components it has. */
export function compPlanNotice(findings: Finding[], components: number, tr: Translate): PayoutNotice {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (findings.length > 0)
    return {
      intent: errors > 0 ? 'error' : 'warning',
      text: tr('payouts.plan.findings', { errors, warnings }),
      findings,
    };
  if (components === 0) return { intent: 'error', text: tr('payouts.plan.empty') };
  return { intent: 'success', text: tr('payouts.plan.ok', { count: components }) };
}

/** A blank Transactions sheet with the team's people in its drop-downs. */
export async function insertTeamTransactions(s: PayoutsScope): Promise<string> {
  const team = await loadTeam(s.api, s.personId, s.unitId);
  const written = await insertTransactionsTemplate(s.workbook, s.locale, team.people);
  await s.workbook.selectCell(written.sheet, 'A2');
  return written.sheet;
}

/** The demo's targets and deals of `period` for the team (preview mode only: nothing is sent). */
export async function fillSampleData(s: PayoutsScope, period: string) {
  const team = await loadTeam(s.api, s.personId, s.unitId);
  return insertSampleData(s.workbook, team, period, s.locale);
}

/**
 * The Transactions sheet filled from what Teamsheet stores for the team and period; answers how to
 * word its notice, so the notice reads in the language on show after a switch.
 */
export async function loadTeamTransactions(
  s: PayoutsScope,
  period: string,
): Promise<(tr: Translate) => NonNullable<PayoutNotice>> {
  const team = await loadTeam(s.api, s.personId, s.unitId);
  const loaded = await loadStoredTransactions(s.workbook, s.api, {
    unitId: team.unitId,
    period,
    locale: s.locale,
    people: team.people,
  });
  const unitName = team.units.find((u) => u.id === team.unitId)?.name;
  const unitOf = (tr: Translate) => unitName ?? tr('payouts.cp.unknownUnit');
  if (loaded.status === 'none')
    return (tr) => ({ intent: 'warning', text: tr('payouts.tx.noneStored', { period, unit: unitOf(tr) }) });
  await s.workbook.selectCell(loaded.sheet, 'A2');
  return (tr) => {
    const text = tr('payouts.tx.loaded', {
      transactions: loaded.transactions,
      period,
      unit: unitOf(tr),
      sheet: loaded.sheet,
      rows: loaded.rows,
    });
    return {
      intent: 'success',
      text:
        loaded.sharedOutside > 0
          ? `${text} ${tr('payouts.tx.loadedShared', { count: loaded.sharedOutside })}`
          : text,
    };
  };
}

/** The Payouts sheet's column titles in the user's language. */
export const payoutLabels = (tr: Translate): LayoutLabels => ({
  name: tr('payouts.col.name'),
  attainment: tr('payouts.col.attainment'),
  credited: tr('payouts.col.credited'),
  quota: tr('payouts.col.quota'),
  total: tr('payouts.col.total'),
  totalRow: tr('payouts.col.totalRow'),
});

/** The payroll sheet's column titles in the user's language. */
export const runHeaders = (tr: Translate): RunHeaders => ({
  name: tr('payouts.finance.col.name'),
  unit: tr('payouts.finance.col.unit'),
  component: tr('payouts.finance.col.component'),
  amount: tr('payouts.finance.col.amount'),
  currency: tr('payouts.finance.col.currency'),
  period: tr('payouts.finance.col.period'),
});

/**
 * A preview done: how many people, the total, and where the quotas came from; the engine's findings
 * worded by the core in the user's language, people and components by the names the sheets show.
 */
export function previewNotice(
  outcome: PreviewOutcome,
  tr: Translate,
  locale: Locale,
): NonNullable<PayoutNotice> {
  const { result } = outcome;
  return {
    intent: outcome.quotaSource === 'none' ? 'warning' : 'success',
    text: `${tr('payouts.preview.done', {
      people: result.people.length,
      sheet: outcome.layout.sheet,
      total: groupDigits(result.totals.amount),
      currency: currencyInText(result.currency, locale),
      transactions: outcome.request.transactions.length,
    })} ${tr(`payouts.quotas.${outcome.quotaSource}`)}`,
    findings: result.findings.map((f) =>
      findingInWords(f, { locale, people: outcome.names, components: outcome.layout.componentNames }),
    ),
  };
}

/** A preview stopped before the server: the plan's findings, no transactions, or bad transactions. */
export function blockedNotice(blocked: PreviewBlocked, tr: Translate): NonNullable<PayoutNotice> {
  const text =
    blocked.reason === 'plan-errors'
      ? (compPlanNotice(blocked.findings, blocked.compPlan?.plan.components.length ?? 0, tr)?.text ?? '')
      : blocked.reason === 'no-transactions'
        ? tr('payouts.tx.missing')
        : tr('payouts.tx.errors');
  return { intent: 'error', text, findings: blocked.findings };
}
