// Payouts: the comp-plan template and its check, transactions, a what-if preview of the team's pay
// written to a sheet with an attainment chart, Explain on a selected payout cell, and finance's view
// of a period's approved run with its exports. The use cases are in features/payouts/.
import { Button, Field, Input, ProgressBar, Text, makeStyles } from '@fluentui/react-components';
import { AttainmentChart, ExplainPanel, PayoutNoticeBar } from '../features/payouts/PayoutViews';
import { FinanceJourney } from '../features/payouts/FinanceJourney';
import { financeNextStep } from '../features/payouts/financeJourney';
import { useFinanceJourney } from '../features/payouts/useFinanceJourney';
import { payoutsSheetName } from '../features/payouts/payoutSheet';
import { usePayoutsSection } from '../features/payouts/usePayoutsSection';
import type { PageProps } from './PageProps';
import { SectionIntro, SectionBlock } from './SectionIntro';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
});

export function PayoutsPage(props: PageProps) {
  const { tr, locale, workbook } = props;
  const styles = useStyles();
  const pay = usePayoutsSection(props);
  const journey = useFinanceJourney(props, pay.period.trim(), pay.isFinance);
  const { busy, stage, period, periodOk, outcome, chartPeople } = pay;
  const noticeBar = (notice: typeof pay.planNotice, testId: string) => (
    <PayoutNoticeBar notice={notice} tr={tr} testId={testId} />
  );

  const disabled = busy !== null;
  return (
    <SectionIntro title={tr('page.payouts.title')} intro={tr('page.payouts.intro')}>
      <Field
        label={tr('payouts.period')}
        hint={tr('payouts.periodHelp')}
        validationMessage={periodOk ? undefined : tr('payouts.periodInvalid')}
      >
        <Input value={period} onChange={(_, d) => pay.setPeriod(d.value)} data-testid="payouts-period" />
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

      {/* A manager's one primary button is Preview payouts; the blocks before it prepare its sheets. */}
      {pay.plansPay ? (
        <>
          <SectionBlock>
            <Text weight="semibold">{tr('payouts.plan.title')}</Text>
            <Text size={200}>{tr('payouts.plan.help')}</Text>
            <div className={styles.row}>
              <Button disabled={disabled} onClick={() => void pay.insertPlan()} data-testid="insert-compplan">
                {tr('payouts.plan.insert')}
              </Button>
              <Button disabled={disabled} onClick={() => void pay.checkPlan()} data-testid="check-compplan">
                {tr('payouts.plan.check')}
              </Button>
            </div>
            {noticeBar(pay.planNotice, 'compplan-notice')}
          </SectionBlock>

          <SectionBlock>
            <Text weight="semibold">{tr('payouts.tx.title')}</Text>
            <Text size={200}>{tr('payouts.tx.help')}</Text>
            <div className={styles.row}>
              <Button
                disabled={disabled}
                onClick={() => void pay.insertTransactions()}
                data-testid="insert-transactions"
              >
                {tr('payouts.tx.insert')}
              </Button>
              <Button
                disabled={disabled || !periodOk}
                onClick={() => void pay.loadStored()}
                data-testid="load-transactions"
              >
                {tr('payouts.tx.load')}
              </Button>
              {workbook.kind === 'preview' ? (
                <Button
                  disabled={disabled || !periodOk}
                  onClick={() => void pay.fillSample()}
                  data-testid="fill-sample"
                >
                  {tr('payouts.tx.sample')}
                </Button>
              ) : null}
            </div>
            <Text size={200}>{tr('payouts.tx.loadHelp')}</Text>
            {workbook.kind === 'preview' ? <Text size={200}>{tr('payouts.tx.sampleHelp')}</Text> : null}
            {noticeBar(pay.txNotice, 'transactions-notice')}
          </SectionBlock>

          <SectionBlock>
            <Text weight="semibold">{tr('payouts.preview.title')}</Text>
            <Text size={200}>{tr('payouts.preview.help')}</Text>
            <div className={styles.row}>
              <Button
                appearance="primary"
                disabled={disabled || !periodOk}
                onClick={() => void pay.preview()}
                data-testid="preview-payouts"
              >
                {tr('payouts.preview.button')}
              </Button>
            </div>
            {noticeBar(pay.previewNotice, 'preview-notice')}
            {outcome ? (
              chartPeople.some((p) => p.attainment !== undefined) ? (
                <AttainmentChart people={chartPeople} title={tr('payouts.chart.title')} />
              ) : (
                <Text size={200}>{tr('payouts.chart.empty')}</Text>
              )
            ) : null}
            {outcome ? (
              <ExplainPanel
                cell={pay.selected}
                sheet={outcome.layout.sheet}
                tr={tr}
                componentName={(id) => outcome.layout.componentNames?.get(id) ?? id}
              />
            ) : null}
            {!outcome ? (
              <Text size={200}>{tr('payouts.explain.hint', { sheet: payoutsSheetName(locale) })}</Text>
            ) : null}
          </SectionBlock>
        </>
      ) : null}

      {pay.isFinance ? (
        <FinanceJourney j={journey} tr={tr} locale={locale} period={period.trim()} periodOk={periodOk} />
      ) : null}

      {pay.isFinance ? (
        <SectionBlock testId="finance-view">
          <Text weight="semibold">{tr('payouts.finance.title')}</Text>
          <Text size={200}>{tr('payouts.finance.help')}</Text>
          <div className={styles.row}>
            <Button
              appearance={
                financeNextStep({
                  hasPlans: (journey.plans ?? []).length > 0,
                  run: journey.run,
                  ownRun: journey.ownRun,
                }) === 'pull'
                  ? 'primary'
                  : 'secondary'
              }
              disabled={disabled || !periodOk}
              onClick={() => void pay.pull()}
              data-testid="pull-run"
            >
              {tr('payouts.finance.pull')}
            </Button>
            <Button
              disabled={disabled || !periodOk}
              onClick={() => void pay.download('csv')}
              data-testid="download-csv"
            >
              {tr('payouts.finance.csv')}
            </Button>
            <Button
              disabled={disabled || !periodOk}
              onClick={() => void pay.download('xlsx')}
              data-testid="download-xlsx"
            >
              {tr('payouts.finance.xlsx')}
            </Button>
          </div>
          {noticeBar(pay.financeNotice, 'finance-notice')}
        </SectionBlock>
      ) : null}
    </SectionIntro>
  );
}
