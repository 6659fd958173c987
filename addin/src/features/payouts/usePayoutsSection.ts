// The Payouts section's state and actions: the period, one notice per block, the preview on show and
// the payout cell selected for Explain, and finance's pull and downloads, run one at a time.
import { useCallback, useMemo, useState } from 'react';
import { currencyInText, parsePeriod, type CompPlan, type Locale } from '@teamsheet/shared';
import { ApiError, isApiFailure } from '../../api';
import type { Translate, UiParams } from '../../i18n';
import type { Selection } from '../../office';
import type { PageProps } from '../../pages/PageProps';
import { useBusy } from '../common/useBusy';
import { useSelection } from '../common/useSelection';
import { CompPlanMissingError } from './compPlanSheets';
import { downloadExport, fetchApprovedRun, writeRunSheet } from './finance';
import { groupDigits } from './explain';
import { componentLabel } from './financeJourney';
import { fetchOrg } from '../org/org';
import {
  blockedNotice,
  checkCompPlan,
  compPlanNotice,
  fillSampleData,
  insertCompPlan,
  insertTeamTransactions,
  loadTeamTransactions,
  paintCompPlan,
  payoutLabels,
  previewNotice,
  runHeaders,
  type PayoutNotice,
  type PayoutsScope,
} from './payoutActions';
import type { PayoutCell } from './payoutSheet';
import { PreviewBlocked, previewPayouts, type PreviewOutcome, type PreviewStage } from './preview';

/** The month before today's, as the period a manager most often checks. */
function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Kept as a key and its values, so a language switch re-words a notice already on show. */
type FinanceNotice = {
  intent: 'success' | 'warning';
  key: 'payouts.finance.pulled' | 'payouts.finance.downloaded' | 'payouts.finance.none';
  params: UiParams;
} | null;

/** How to word a notice: kept instead of its text, so it reads in the language on show after a switch. */
type Words = (tr: Translate, locale: Locale) => PayoutNotice;

/** A notice state holding its wording; the notice is worded with the `tr` and `locale` on show. */
function useWorded(tr: Translate, locale: Locale) {
  const [words, setWords] = useState<{ of: Words } | null>(null);
  const say = useCallback((of: Words | null) => setWords(of ? { of } : null), []);
  return [words ? words.of(tr, locale) : null, say] as const;
}

export function usePayoutsSection({ tr, locale, workbook, api, session, onError }: PageProps) {
  const [period, setPeriod] = useState(lastMonth);
  const { busy, run } = useBusy();
  const [planNotice, setPlanNotice] = useWorded(tr, locale);
  const [txNotice, setTxNotice] = useWorded(tr, locale);
  const [previewNoticeShown, setPreviewNotice] = useWorded(tr, locale);
  const [financeNotice, setFinanceNotice] = useState<FinanceNotice>(null);
  const [outcome, setOutcome] = useState<PreviewOutcome | null>(null);
  const [selected, setSelected] = useState<PayoutCell | null | undefined>(undefined);
  const [stage, setStage] = useState<PreviewStage | null>(null);
  const roles = session.person ? [session.person.role, ...session.signIn.roles] : session.signIn.roles;
  const at = period.trim();
  const scope: PayoutsScope = {
    workbook,
    api,
    locale,
    personId: session.signIn.personId,
    unitId: session.person?.unitId,
  };
  /** API failures as API failures, everything else as the workbook's. */
  const failed = (error: unknown) => onError(error, isApiFailure(error) ? 'api' : 'workbook');

  // A cell selected on the Payouts sheet is explained step by step.
  const layout = outcome?.layout ?? null;
  const explainSelected = useCallback(
    (s: Selection) => {
      if (!layout || s.sheet !== layout.sheet) return;
      const address = s.address.split(':')[0]!.replace(/\$/g, '');
      setSelected(layout.cells.get(address) ?? null);
    },
    [layout],
  );
  useSelection(workbook, layout ? explainSelected : null, onError);

  const insertPlan = () =>
    run('plan.insert', async () => {
      setPlanNotice(null);
      try {
        const written = await insertCompPlan(workbook, locale);
        setPlanNotice((t) => ({ intent: 'success', text: t('payouts.plan.inserted', written) }));
      } catch (error) {
        onError(error, 'workbook');
      }
    });

  const checkPlan = () =>
    run('plan.check', async () => {
      setPlanNotice(null);
      try {
        const read = await checkCompPlan(workbook, locale);
        setPlanNotice((t) => compPlanNotice(read.findings, read.plan.components.length, t));
      } catch (error) {
        if (error instanceof CompPlanMissingError)
          setPlanNotice((t) => ({ intent: 'warning', text: t('payouts.plan.missing') }));
        else onError(error, 'workbook');
      }
    });

  /** One Transactions action: its notice cleared first, its failure shown as the API's or the workbook's. */
  const transactions = (name: string, work: () => Promise<Words>) =>
    run(name, async () => {
      setTxNotice(null);
      try {
        setTxNotice(await work());
      } catch (error) {
        failed(error);
      }
    });
  const insertTransactions = () =>
    transactions('tx.insert', async () => {
      const sheet = await insertTeamTransactions(scope);
      return (t) => ({ intent: 'success', text: t('payouts.tx.inserted', { sheet }) });
    });
  const fillSample = () =>
    transactions('tx.sample', async () => {
      const written = await fillSampleData(scope, at);
      return (t) => ({
        intent: 'success',
        text: t('payouts.tx.sampled', {
          targets: written.targets,
          transactions: written.transactions,
          period: at,
        }),
      });
    });
  const loadStored = () => transactions('tx.load', () => loadTeamTransactions(scope, at));

  const preview = () =>
    run('preview', async () => {
      setPreviewNotice(null);
      setSelected(undefined);
      try {
        const result = await previewPayouts({
          ...scope,
          period: at,
          labels: payoutLabels(tr),
          chartTitle: tr('payouts.chart.title'),
          onStage: setStage,
        });
        setOutcome(result);
        setPreviewNotice((t, l) => previewNotice(result, t, l));
      } catch (error) {
        if (error instanceof PreviewBlocked) {
          if (error.compPlan) await paintCompPlan(workbook, error.compPlan);
          setPreviewNotice((t) => blockedNotice(error, t));
        } else if (error instanceof CompPlanMissingError) {
          setPreviewNotice((t) => ({ intent: 'error', text: t('payouts.plan.missing') }));
        } else failed(error);
      } finally {
        setStage(null);
      }
    });

  /** One finance action: a period without an approved run is a notice, not a failure. */
  const finance = (name: string, work: () => Promise<FinanceNotice>) =>
    run(name, async () => {
      setFinanceNotice(null);
      try {
        setFinanceNotice(await work());
      } catch (error) {
        if (error instanceof ApiError && error.status === 404)
          setFinanceNotice({ intent: 'warning', key: 'payouts.finance.none', params: { period: at } });
        else failed(error);
      }
    });
  const pull = () =>
    finance('finance.pull', async () => {
      const approved = await fetchApprovedRun(api, at);
      const [org, stored] = await Promise.all([
        fetchOrg(api),
        api.get<{ plan: CompPlan }>(
          `/api/periods/${encodeURIComponent(approved.period)}/payout-runs/${encodeURIComponent(approved.runId)}?lines=false`,
        ),
      ]);
      const sheet = await writeRunSheet(workbook, approved, runHeaders(tr), locale, {
        unit: (id) => org.units.find((u) => u.id === id)?.name ?? tr('payouts.cp.unknownUnit'),
        component: (id) =>
          componentLabel(
            stored.plan.components.find((c) => c.id === id),
            tr,
            locale,
          ),
      });
      return {
        intent: 'success',
        key: 'payouts.finance.pulled',
        params: {
          lines: approved.rows.length,
          period: approved.period,
          sheet,
          total: groupDigits(approved.totals.amount),
          currency: currencyInText(approved.currency, locale),
        },
      };
    });
  const download = (format: 'csv' | 'xlsx') =>
    finance(`finance.${format}`, async () => {
      const saved = await downloadExport(api, at, format);
      return { intent: 'success', key: 'payouts.finance.downloaded', params: { file: saved.fileName } };
    });

  const chartPeople = useMemo(
    () =>
      (outcome?.result.people ?? []).map((p) => ({
        personId: p.personId,
        name: outcome?.names.get(p.personId) ?? p.personId,
        attainment: p.attainment,
      })),
    [outcome],
  );

  return {
    period,
    setPeriod,
    periodOk: parsePeriod(at) !== null,
    isFinance: roles.includes('finance'),
    /** Finance alone sees only the finance view; anyone else (finance among other roles too) sees the rest. */
    plansPay: !roles.includes('finance') || roles.some((r) => r !== 'finance'),
    busy,
    stage,
    planNotice,
    txNotice,
    previewNotice: previewNoticeShown,
    financeNotice: financeNotice && {
      intent: financeNotice.intent,
      text: tr(financeNotice.key, financeNotice.params),
    },
    outcome,
    selected,
    chartPeople,
    insertPlan,
    checkPlan,
    insertTransactions,
    fillSample,
    loadStored,
    preview,
    pull,
    download,
  };
}
