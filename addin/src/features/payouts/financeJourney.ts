// Finance's period end, without React: stored comp plans (list, open into the comp-plan sheets, store
// the sheets as a new effective-dated version), a payout run created from a stored comp plan, its
// approval by a second finance person and the period's close — each one call of the API — and how
// the pane names what it shows (people, units and components by name, months and money in the
// user's locale).
import {
  componentLabel as labelOfComponent,
  findingInWords,
  getMetric,
  type CompPlan,
  type Component,
  type Finding,
  type Locale,
  type PayoutLine,
  type Role,
} from '@teamsheet/shared';
import type { Api } from '../../api';
import type { Translate, UiKey } from '../../i18n';
import type { Workbook } from '../../office';
import type { OrgView } from '../org/org';
import { insertCompPlanTemplate, readCompPlan } from './compPlanSheets';

export type AppliesTo = { unitIds?: string[]; roles?: Role[] };
export interface StoredVersion {
  compPlanId: string;
  version: number;
  name: string;
  effectiveFrom: string;
  effectiveTo?: string;
  appliesTo: AppliesTo;
  author: string;
  createdAt: string;
}
export interface StoredCompPlan {
  compPlanId: string;
  name: string;
  currency: string;
  latestVersion: number;
  etag: string;
  versions: StoredVersion[];
}

export async function listCompPlans(api: Api): Promise<StoredCompPlan[]> {
  return (await api.get<{ compPlans: StoredCompPlan[] }>('/api/comp-plans')).compPlans;
}

/** A stored version written into the Components and Tiers sheets, with what it applies to and when. */
export async function openCompPlan(
  api: Api,
  workbook: Workbook,
  compPlanId: string,
  locale: Locale,
): Promise<StoredVersion & { plan: CompPlan }> {
  const stored = await api.get<StoredVersion & { plan: CompPlan }>(
    `/api/comp-plans/${encodeURIComponent(compPlanId)}`,
  );
  const written = await insertCompPlanTemplate(workbook, stored.plan, locale);
  await workbook.selectCell(written.components, 'A3');
  return stored;
}

/** The comp plan of the sheets, stored as a new version on the latest one (If-Match), retry-safe. */
export async function storeCompPlanVersion(
  api: Api,
  workbook: Workbook,
  locale: Locale,
  when: { effectiveFrom: string; effectiveTo?: string; appliesTo: AppliesTo },
  known: readonly StoredCompPlan[],
  idempotencyKey: string,
): Promise<{ stored: StoredVersion } | { findings: Finding[] }> {
  const read = await readCompPlan(workbook, locale);
  if (read.hasErrors) return { findings: read.findings };
  const { plan } = read;
  const base = known.find((p) => p.compPlanId === plan.id);
  const body = {
    ...plan,
    effectiveFrom: when.effectiveFrom,
    ...(when.effectiveTo ? { effectiveTo: when.effectiveTo } : {}),
    appliesTo: when.appliesTo,
  };
  const stored = await api.put<StoredVersion>(`/api/comp-plans/${encodeURIComponent(plan.id)}`, body, {
    headers: base ? { 'if-match': base.etag } : {},
    idempotencyKey,
  });
  return { stored };
}

// ---- runs

export interface RunLine extends PayoutLine {
  amount: string;
}
export interface RunView {
  runId: string;
  period: string;
  status: 'draft' | 'approved' | 'locked';
  plan: CompPlan;
  compPlanVersions?: {
    compPlanId: string;
    version: number;
    name: string;
    effectiveFrom: string;
    effectiveTo?: string;
    people: number;
  }[];
  currency: string;
  totals: { amount: string; amountMinor: number };
  lineCount: number;
  createdBy: string;
  createdAt: string;
  approvedBy?: string;
  findings: Finding[];
  people: { personId: string; amount: string }[];
  lines?: RunLine[];
}

const runsPath = (period: string) => `/api/periods/${encodeURIComponent(period)}/payout-runs`;

export async function createRun(api: Api, period: string, compPlanId: string, key: string): Promise<RunView> {
  return api.post<RunView>(runsPath(period), { compPlanId }, { idempotencyKey: key });
}

/** The newest run of the period (the approved one first), with its lines, or null. */
export async function latestRun(api: Api, period: string): Promise<RunView | null> {
  const { runs } = await api.get<{ runs: { runId: string; status: string }[] }>(runsPath(period));
  const pick = runs.find((r) => r.status !== 'draft') ?? runs[0];
  return pick ? api.get<RunView>(`${runsPath(period)}/${encodeURIComponent(pick.runId)}`) : null;
}

export async function approveRun(api: Api, run: RunView, key: string): Promise<void> {
  await api.post(
    `${runsPath(run.period)}/${encodeURIComponent(run.runId)}/approve`,
    {},
    { idempotencyKey: key },
  );
}

export async function closePeriod(api: Api, period: string, key: string): Promise<void> {
  await api.post(`/api/periods/${encodeURIComponent(period)}/close`, {}, { idempotencyKey: key });
}

// ---- names in the user's words

/** A metric by its label in the user's language (an unknown id as it is). */
export const metricLabelIn = (locale: Locale) => (id: string) => getMetric(id)?.label[locale] ?? id;

/** A component as a user names it (the core's componentLabel: its kind, with the metric where it says more). */
export function componentLabel(component: Component | undefined, tr: Translate, locale: Locale): string {
  return component ? labelOfComponent(component, locale) : tr('payouts.component.other');
}

/**
 * A run's findings as finance reads them: each worded by the core (findingInWords) with people, units,
 * metrics, components and roles by name; the same finding for many people (no quota for 86 reps) is
 * one line naming five of them and counting the rest. The first `limit` lines.
 */
export function runFindingLines(
  run: Pick<RunView, 'findings' | 'plan'>,
  words: {
    locale: Locale;
    tr: Translate;
    org: OrgView | null;
    people: ReadonlyMap<string, string>;
    metricName: (id: string) => string;
  },
  limit = 10,
): Finding[] {
  const { locale, tr, org, people, metricName } = words;
  const names = {
    locale,
    people,
    units: (id: string) => org?.units.find((u) => u.id === id)?.name,
    metrics: metricName,
    components: (id: string) => {
      const component = run.plan.components.find((c) => c.id === id);
      return component && componentLabel(component, tr, locale);
    },
    roles: (role: string) => tr(`role.${role}` as UiKey),
  };
  const groups = new Map<string, Finding[]>();
  for (const f of run.findings) {
    const { personId: _person, ...rest } = f.params ?? {};
    const key = JSON.stringify([f.rule, f.severity, rest]);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].slice(0, limit).map(([first, ...others]) => {
    const shown = findingInWords(first!, names);
    if (others.length === 0) return shown;
    const named = others.map((o) => o.params?.personId).filter((id): id is string => typeof id === 'string');
    const also = tr('payouts.findings.alsoFor', {
      count: others.length,
      names: named
        .slice(0, 5)
        .map((id) => people.get(id) ?? id)
        .join(locale === 'zh-CN' ? '、' : ', '),
      more: named.length > 5 ? tr('payouts.findings.andMore') : '',
    });
    return { ...shown, message: `${shown.message} ${also}` };
  });
}

/** `2026-04` as "April 2026" / "2026年4月". */
export function monthLabel(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** Money text of the contract (`"1234.50"`) in the user's locale with the currency's symbol. */
export function moneyLabel(amount: string, currency: string, locale: Locale): string {
  const digits = amount.split('.')[1]?.length ?? 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Number(amount));
}

/** What a version applies to, in names: units by name, roles in the user's words, or everyone. */
export function appliesToLabel(appliesTo: AppliesTo, org: OrgView | null, tr: Translate): string {
  const units = (appliesTo.unitIds ?? []).map(
    (id) => org?.units.find((u) => u.id === id)?.name ?? tr('payouts.cp.unknownUnit'),
  );
  const roles = (appliesTo.roles ?? []).map((r) => tr(`role.${r}` as UiKey));
  if (units.length === 0 && roles.length === 0) return tr('payouts.cp.everyone');
  return [...units, ...roles].join('、');
}

/** `2026-04 – open` as the user reads it. */
export function spanLabel(
  v: Pick<StoredVersion, 'effectiveFrom' | 'effectiveTo'>,
  locale: Locale,
  tr: Translate,
): string {
  return tr('payouts.cp.span', {
    from: monthLabel(v.effectiveFrom, locale),
    to: v.effectiveTo ? monthLabel(v.effectiveTo, locale) : tr('payouts.cp.open'),
  });
}

export type FinanceStep = 'store' | 'create' | 'approve' | 'close' | 'pull';

/**
 * The one primary button of finance's Payouts section, the next step of the period: store a comp plan
 * while there is none, create the run while the period has none, approve a draft someone else created,
 * close the period of an approved run, pull the locked run. A draft of one's own waits for a second
 * person: no primary then.
 */
export function financeNextStep(args: {
  hasPlans: boolean;
  run: Pick<RunView, 'status'> | null;
  ownRun: boolean;
}): FinanceStep | null {
  if (!args.run) return args.hasPlans ? 'create' : 'store';
  if (args.run.status === 'draft') return args.ownRun ? null : 'approve';
  return args.run.status === 'approved' ? 'close' : 'pull';
}
