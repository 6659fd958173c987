// Preview payouts for the signed-in manager's team: people from GET /api/org, the comp plan from its
// sheets, quotas from the plan's targets, transactions from the Transactions sheet; the server's
// stateless POST /api/payouts/preview computes, and the Payouts sheet and its chart show the result.
import type { CompPlan, Finding, Locale, PayoutRequest, PayoutResult, Person, Unit } from '@teamsheet/shared';
import type { Api } from '../../api';
import type { Workbook } from '../../office';
import { distinctNames, readNameIds } from '../common/nameLists';
import { fetchOrg } from '../org/org';
import { readCompPlan, type CompPlanRead } from './compPlanSheets';
import { layoutPayouts, writePayoutsSheet, type LayoutLabels, type PayoutLayout } from './payoutSheet';
import { loadQuotas, type QuotaSource } from './quotas';
import { inPeriod, readTransactions } from './transactions';

export type PreviewStage = 'org' | 'plan' | 'quotas' | 'transactions' | 'compute' | 'write';

export interface Team {
  unitId: string;
  units: Unit[];
  people: Person[];
  /** Each person's name as the sheets and the pane show it (distinctNames). */
  names: Map<string, string>;
}

/** The people the caller may see (a manager: the subtree of their unit), and who they are. */
export async function loadTeam(api: Api, personId: string, unitHint?: string): Promise<Team> {
  const org = await fetchOrg(api);
  const me = org.people.find((p) => p.id === personId);
  const unitId = unitHint ?? me?.unitId ?? org.units[0]?.id ?? '';
  return { unitId, units: org.units, people: org.people, names: distinctNames(org.people) };
}

/** What stopped a preview before it reached the server: a plan with errors, or no transactions. */
export class PreviewBlocked extends Error {
  constructor(
    readonly reason: 'plan-errors' | 'no-transactions' | 'transaction-errors',
    readonly findings: Finding[],
    readonly compPlan?: CompPlanRead,
  ) {
    super(reason);
    this.name = 'PreviewBlocked';
  }
}

export interface PreviewOutcome {
  request: PayoutRequest;
  result: PayoutResult;
  layout: PayoutLayout;
  plan: CompPlan;
  quotaSource: QuotaSource;
  transactionFindings: Finding[];
  /**
   * Each person's name as the sheets show it, by id: the team's (the chart's labels), and someone
   * outside the team as the Transactions sheet shows them (what the findings call them).
   */
  names: ReadonlyMap<string, string>;
}

export async function previewPayouts(opts: {
  workbook: Workbook;
  api: Api;
  personId: string;
  unitId?: string;
  period: string;
  locale: Locale;
  labels: LayoutLabels;
  chartTitle: string;
  onStage?: (stage: PreviewStage) => void;
}): Promise<PreviewOutcome> {
  const { workbook, api, period, locale } = opts;
  const stage = opts.onStage ?? (() => undefined);
  stage('org');
  const team = await loadTeam(api, opts.personId, opts.unitId);
  stage('plan');
  const compPlan = await readCompPlan(workbook, locale);
  if (compPlan.hasErrors) throw new PreviewBlocked('plan-errors', compPlan.findings, compPlan);
  stage('quotas');
  const ids = new Set(team.people.map((p) => p.id));
  const { quotas, source } = await loadQuotas(workbook, api, {
    unitId: team.unitId,
    period,
    plan: compPlan.plan,
    people: ids,
    locale,
  });
  stage('transactions');
  const read = await readTransactions(workbook, locale);
  if (!read) throw new PreviewBlocked('no-transactions', []);
  if (read.findings.some((f) => f.severity === 'error'))
    throw new PreviewBlocked('transaction-errors', read.findings);
  const transactions = read.transactions.filter((tx) => inPeriod(tx.date, period));
  const names = new Map(team.names);
  for (const [name, id] of await readNameIds(workbook, 'people')) if (!names.has(id)) names.set(id, name);
  stage('compute');
  const request: PayoutRequest = { period, plan: compPlan.plan, people: team.people, quotas, transactions };
  const result = await api.post<PayoutResult>('/api/payouts/preview', request);
  stage('write');
  const layout = layoutPayouts(result, compPlan.plan, team.names, opts.labels, locale);
  await writePayoutsSheet(workbook, layout, opts.chartTitle);
  return {
    request,
    result,
    layout,
    plan: compPlan.plan,
    quotaSource: source,
    transactionFindings: read.findings,
    names,
  };
}
