// Payouts: the comp-plan template and its check, transactions, a what-if preview of the team's pay
// written to a sheet with an attainment chart, Explain on a selected payout cell, and finance's view
// of a period's approved run with its exports.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { parsePeriod, type Finding } from '@teamsheet/shared';
import { ApiError } from '../api';
import {
  CompPlanMissingError,
  insertCompPlanTemplate,
  readCompPlan,
  starterCompPlan,
} from '../features/payouts/compPlanSheets';
import { downloadExport, fetchApprovedRun, writeRunSheet } from '../features/payouts/finance';
import { groupDigits } from '../features/payouts/explain';
import { payoutsSheetName, type PayoutCell, type PayoutLayout } from '../features/payouts/payoutSheet';
import {
  PreviewBlocked,
  loadTeam,
  previewPayouts,
  type PreviewOutcome,
  type PreviewStage,
} from '../features/payouts/preview';
import { insertSampleData } from '../features/payouts/sampleData';
import { insertTransactionsTemplate, loadStoredTransactions } from '../features/payouts/transactions';
import { AttainmentChart, ExplainPanel, FindingList } from '../features/payouts/PayoutViews';
import { paintFindings, type LocatedFinding } from '../features/plan/planSheets';
import type { UiParams } from '../i18n';
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

const useStyles = makeStyles({
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    paddingTop: '8px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
});

/** The month before today's, as the period a manager most often checks. */
function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

type Notice = { intent: 'success' | 'warning' | 'info' | 'error'; text: string; findings?: Finding[] } | null;
type FinanceNotice = {
  intent: 'success' | 'warning';
  key: 'payouts.finance.pulled' | 'payouts.finance.downloaded' | 'payouts.finance.none';
  params: UiParams;
} | null;

export function PayoutsPage({ tr, locale, workbook, api, session, onError }: PageProps) {
  const styles = useStyles();
  const [period, setPeriod] = useState(lastMonth);
  const [busy, setBusy] = useState<string | null>(null);
  const [planNotice, setPlanNotice] = useState<Notice>(null);
  const [txNotice, setTxNotice] = useState<Notice>(null);
  const [previewNotice, setPreviewNotice] = useState<Notice>(null);
  // kept as a key and its values, so a language switch re-words a notice already on show
  const [financeNotice, setFinanceNotice] = useState<FinanceNotice>(null);
  const [outcome, setOutcome] = useState<PreviewOutcome | null>(null);
  const [selected, setSelected] = useState<PayoutCell | null | undefined>(undefined);
  const roles = session.person ? [session.person.role, ...session.signIn.roles] : session.signIn.roles;
  const isFinance = roles.includes('finance');
  const periodOk = parsePeriod(period.trim()) !== null;
  const personId = session.signIn.personId;
  const unitId = session.person?.unitId;

  const layout: PayoutLayout | null = outcome?.layout ?? null;
  useEffect(() => {
    if (!layout) return;
    let unsubscribe: (() => void) | undefined;
    let live = true;
    workbook
      .onSelectionChanged((s) => {
        if (s.sheet !== layout.sheet) return;
        const address = s.address.split(':')[0]!.replace(/\$/g, '');
        setSelected(layout.cells.get(address) ?? null);
      })
      .then(
        (off) => (live ? (unsubscribe = off) : off()),
        (error: unknown) => onError(error, 'workbook'),
      );
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [layout, workbook, onError]);

  const run = useCallback(async (name: string, work: () => Promise<void>) => {
    setBusy(name);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  }, []);

  const paint = async (located: LocatedFinding[], sheets: string[]) => {
    await paintFindings(workbook, sheets, located);
  };

  const insertPlan = () =>
    run('plan.insert', async () => {
      setPlanNotice(null);
      try {
        const written = await insertCompPlanTemplate(workbook, starterCompPlan(locale), locale);
        await paint([], [written.components, written.tiers]);
        await workbook.selectCell(written.components, 'A3');
        setPlanNotice({ intent: 'success', text: tr('payouts.plan.inserted', written) });
      } catch (error) {
        onError(error, 'workbook');
      }
    });

  const checkPlan = () =>
    run('plan.check', async () => {
      setPlanNotice(null);
      try {
        const read = await readCompPlan(workbook, locale);
        await paint(read.located, read.sheets);
        setPlanNotice(planNoticeOf(read.findings, read.plan.components.length));
      } catch (error) {
        if (error instanceof CompPlanMissingError)
          setPlanNotice({ intent: 'warning', text: tr('payouts.plan.missing') });
        else onError(error, 'workbook');
      }
    });

  const planNoticeOf = (findings: Finding[], components: number): Notice => {
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
  };

  const insertTransactions = () =>
    run('tx.insert', async () => {
      setTxNotice(null);
      try {
        const team = await loadTeam(api, personId, unitId);
        const written = await insertTransactionsTemplate(workbook, locale, team.people);
        await workbook.selectCell(written.sheet, 'A2');
        setTxNotice({ intent: 'success', text: tr('payouts.tx.inserted', { sheet: written.sheet }) });
      } catch (error) {
        onError(error, error instanceof ApiError ? 'api' : 'workbook');
      }
    });

  const fillSample = () =>
    run('tx.sample', async () => {
      setTxNotice(null);
      try {
        const team = await loadTeam(api, personId, unitId);
        const written = await insertSampleData(workbook, team, period.trim(), locale);
        setTxNotice({
          intent: 'success',
          text: tr('payouts.tx.sampled', {
            targets: written.targets,
            transactions: written.transactions,
            period: period.trim(),
          }),
        });
      } catch (error) {
        onError(error, error instanceof ApiError ? 'api' : 'workbook');
      }
    });

  const loadStored = () =>
    run('tx.load', async () => {
      setTxNotice(null);
      const at = period.trim();
      try {
        const team = await loadTeam(api, personId, unitId);
        const loaded = await loadStoredTransactions(workbook, api, {
          unitId: team.unitId,
          period: at,
          locale,
          people: team.people,
        });
        if (loaded.status === 'none') {
          setTxNotice({
            intent: 'warning',
            text: tr('payouts.tx.noneStored', { period: at, unit: team.unitId }),
          });
          return;
        }
        await workbook.selectCell(loaded.sheet, 'A2');
        const text = tr('payouts.tx.loaded', {
          transactions: loaded.transactions,
          period: at,
          unit: team.unitId,
          sheet: loaded.sheet,
          rows: loaded.rows,
        });
        setTxNotice({
          intent: 'success',
          text:
            loaded.sharedOutside > 0
              ? `${text} ${tr('payouts.tx.loadedShared', { count: loaded.sharedOutside })}`
              : text,
        });
      } catch (error) {
        onError(error, error instanceof ApiError ? 'api' : 'workbook');
      }
    });

  const [stage, setStage] = useState<PreviewStage | null>(null);
  const preview = () =>
    run('preview', async () => {
      setPreviewNotice(null);
      setSelected(undefined);
      try {
        const result = await previewPayouts({
          workbook,
          api,
          personId,
          ...(unitId ? { unitId } : {}),
          period: period.trim(),
          locale,
          labels: {
            person: tr('payouts.col.person'),
            name: tr('payouts.col.name'),
            attainment: tr('payouts.col.attainment'),
            credited: tr('payouts.col.credited'),
            quota: tr('payouts.col.quota'),
            total: tr('payouts.col.total'),
            totalRow: tr('payouts.col.totalRow'),
          },
          chartTitle: tr('payouts.chart.title'),
          onStage: setStage,
        });
        setOutcome(result);
        const quotaNote = tr(`payouts.quotas.${result.quotaSource}`);
        setPreviewNotice({
          intent: result.quotaSource === 'none' ? 'warning' : 'success',
          text: `${tr('payouts.preview.done', {
            people: result.result.people.length,
            sheet: result.layout.sheet,
            total: groupDigits(result.result.totals.amount),
            currency: result.result.currency,
            transactions: result.request.transactions.length,
          })} ${quotaNote}`,
          findings: result.result.findings,
        });
      } catch (error) {
        if (error instanceof PreviewBlocked) {
          if (error.compPlan) await paint(error.compPlan.located, error.compPlan.sheets);
          const text =
            error.reason === 'plan-errors'
              ? (planNoticeOf(error.findings, error.compPlan?.plan.components.length ?? 0)?.text ?? '')
              : error.reason === 'no-transactions'
                ? tr('payouts.tx.missing')
                : tr('payouts.tx.errors');
          setPreviewNotice({ intent: 'error', text, findings: error.findings });
        } else if (error instanceof CompPlanMissingError) {
          setPreviewNotice({ intent: 'error', text: tr('payouts.plan.missing') });
        } else
          onError(
            error,
            error instanceof ApiError || (error as Error)?.name === 'NetworkError' ? 'api' : 'workbook',
          );
      } finally {
        setStage(null);
      }
    });

  const pull = () =>
    run('finance.pull', async () => {
      setFinanceNotice(null);
      try {
        const approved = await fetchApprovedRun(api, period.trim());
        const sheet = await writeRunSheet(
          workbook,
          approved,
          {
            person: tr('payouts.finance.col.person'),
            name: tr('payouts.finance.col.name'),
            unit: tr('payouts.finance.col.unit'),
            component: tr('payouts.finance.col.component'),
            amount: tr('payouts.finance.col.amount'),
            currency: tr('payouts.finance.col.currency'),
            period: tr('payouts.finance.col.period'),
            runId: tr('payouts.finance.col.runId'),
            hash: tr('payouts.finance.col.hash'),
          },
          locale,
        );
        setFinanceNotice({
          intent: 'success',
          key: 'payouts.finance.pulled',
          params: {
            lines: approved.rows.length,
            runId: approved.runId,
            period: approved.period,
            sheet,
            total: groupDigits(approved.totals.amount),
            currency: approved.currency,
          },
        });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404)
          setFinanceNotice({
            intent: 'warning',
            key: 'payouts.finance.none',
            params: { period: period.trim() },
          });
        else onError(error, error instanceof ApiError ? 'api' : 'workbook');
      }
    });

  const download = (format: 'csv' | 'xlsx') =>
    run(`finance.${format}`, async () => {
      setFinanceNotice(null);
      try {
        const saved = await downloadExport({
          period: period.trim(),
          format,
          token: session.signIn.token,
          locale,
        });
        setFinanceNotice({
          intent: 'success',
          key: 'payouts.finance.downloaded',
          params: { file: saved.fileName },
        });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404)
          setFinanceNotice({
            intent: 'warning',
            key: 'payouts.finance.none',
            params: { period: period.trim() },
          });
        else onError(error, 'api');
      }
    });

  const chartPeople = useMemo(
    () =>
      (outcome?.result.people ?? []).map((p) => ({
        personId: p.personId,
        name: String(outcome?.layout.rows.find((r) => r[0] === p.personId)?.[1] ?? p.personId),
        attainment: p.attainment,
      })),
    [outcome],
  );

  const noticeBar = (notice: Notice, testId: string) =>
    notice ? (
      <MessageBar intent={notice.intent} layout="multiline" data-testid={testId} data-intent={notice.intent}>
        <MessageBarBody style={{ display: 'flex', flexDirection: 'column', gap: '4px' }}>
          <Text>{notice.text}</Text>
          {notice.findings && notice.findings.length > 0 ? (
            <>
              <Text size={200} weight="semibold">
                {tr('payouts.findings.title', { count: notice.findings.length })}
              </Text>
              <FindingList findings={notice.findings.slice(0, 50)} tr={tr} testId={`${testId}-findings`} />
            </>
          ) : null}
        </MessageBarBody>
      </MessageBar>
    ) : null;

  const disabled = busy !== null;
  return (
    <SectionIntro title={tr('page.payouts.title')} intro={tr('page.payouts.intro')}>
      <Field
        label={tr('payouts.period')}
        hint={tr('payouts.periodHelp')}
        validationMessage={periodOk ? undefined : tr('payouts.periodInvalid')}
      >
        <Input value={period} onChange={(_, d) => setPeriod(d.value)} data-testid="payouts-period" />
      </Field>
      {busy ? (
        <div data-testid="payouts-progress">
          <ProgressBar />
          <Text size={200}>
            {stage
              ? tr(`payouts.stage.${stage}`)
              : busy === 'tx.load'
                ? tr('payouts.tx.loading', { period: period.trim() })
                : tr('app.working')}
          </Text>
        </div>
      ) : null}

      {!isFinance || roles.some((r) => r !== 'finance') ? (
        <>
          <div className={styles.block}>
            <Text weight="semibold">{tr('payouts.plan.title')}</Text>
            <Text size={200}>{tr('payouts.plan.help')}</Text>
            <div className={styles.row}>
              <Button
                appearance="primary"
                disabled={disabled}
                onClick={() => void insertPlan()}
                data-testid="insert-compplan"
              >
                {tr('payouts.plan.insert')}
              </Button>
              <Button disabled={disabled} onClick={() => void checkPlan()} data-testid="check-compplan">
                {tr('payouts.plan.check')}
              </Button>
            </div>
            {noticeBar(planNotice, 'compplan-notice')}
          </div>

          <div className={styles.block}>
            <Text weight="semibold">{tr('payouts.tx.title')}</Text>
            <Text size={200}>{tr('payouts.tx.help')}</Text>
            <div className={styles.row}>
              <Button
                disabled={disabled}
                onClick={() => void insertTransactions()}
                data-testid="insert-transactions"
              >
                {tr('payouts.tx.insert')}
              </Button>
              <Button
                appearance="primary"
                disabled={disabled || !periodOk}
                onClick={() => void loadStored()}
                data-testid="load-transactions"
              >
                {tr('payouts.tx.load')}
              </Button>
              {workbook.kind === 'preview' ? (
                <Button
                  disabled={disabled || !periodOk}
                  onClick={() => void fillSample()}
                  data-testid="fill-sample"
                >
                  {tr('payouts.tx.sample')}
                </Button>
              ) : null}
            </div>
            <Text size={200}>{tr('payouts.tx.loadHelp')}</Text>
            {workbook.kind === 'preview' ? <Text size={200}>{tr('payouts.tx.sampleHelp')}</Text> : null}
            {noticeBar(txNotice, 'transactions-notice')}
          </div>

          <div className={styles.block}>
            <Text weight="semibold">{tr('payouts.preview.title')}</Text>
            <Text size={200}>{tr('payouts.preview.help')}</Text>
            <div className={styles.row}>
              <Button
                appearance="primary"
                disabled={disabled || !periodOk}
                onClick={() => void preview()}
                data-testid="preview-payouts"
              >
                {tr('payouts.preview.button')}
              </Button>
            </div>
            {noticeBar(previewNotice, 'preview-notice')}
            {outcome ? (
              chartPeople.some((p) => p.attainment !== undefined) ? (
                <AttainmentChart people={chartPeople} title={tr('payouts.chart.title')} />
              ) : (
                <Text size={200}>{tr('payouts.chart.empty')}</Text>
              )
            ) : null}
            {outcome ? <ExplainPanel cell={selected} sheet={outcome.layout.sheet} tr={tr} /> : null}
            {!outcome ? (
              <Text size={200}>{tr('payouts.explain.hint', { sheet: payoutsSheetName(locale) })}</Text>
            ) : null}
          </div>
        </>
      ) : null}

      {isFinance ? (
        <div className={styles.block} data-testid="finance-view">
          <Text weight="semibold">{tr('payouts.finance.title')}</Text>
          <Text size={200}>{tr('payouts.finance.help')}</Text>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={disabled || !periodOk}
              onClick={() => void pull()}
              data-testid="pull-run"
            >
              {tr('payouts.finance.pull')}
            </Button>
            <Button
              disabled={disabled || !periodOk}
              onClick={() => void download('csv')}
              data-testid="download-csv"
            >
              {tr('payouts.finance.csv')}
            </Button>
            <Button
              disabled={disabled || !periodOk}
              onClick={() => void download('xlsx')}
              data-testid="download-xlsx"
            >
              {tr('payouts.finance.xlsx')}
            </Button>
          </div>
          {noticeBar(
            financeNotice && {
              intent: financeNotice.intent,
              text: tr(financeNotice.key, financeNotice.params),
            },
            'finance-notice',
          )}
        </div>
      ) : null}
    </SectionIntro>
  );
}
