// Finance's blocks of the Payouts section: stored comp plans (list, open, store the sheets as a
// version), the period's run (create from a stored comp plan, review lines and findings, Explain a
// line), approval by a second finance person, and the period's close after a confirmation. Each block
// has one primary button and its notice beside it.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Role } from '@teamsheet/shared';
import type { Translate, UiKey } from '../../i18n';
import type { Locale } from '../../i18n';
import { explainTrace } from './explain';
import {
  appliesToLabel,
  componentLabel,
  monthLabel,
  runFindingLines,
  spanLabel,
  financeNextStep,
  type FinanceStep,
} from './financeJourney';
import { FindingList } from './PayoutViews';
import type { JourneyNotice, useFinanceJourney } from './useFinanceJourney';
import { SectionBlock } from '../../pages/SectionIntro';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'end' },
  list: {
    margin: 0,
    paddingLeft: '0',
    listStyle: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  item: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '6px' },
  table: { borderCollapse: 'collapse', fontSize: '12px', width: '100%' },
  cell: { padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'left' },
  num: {
    padding: '2px 4px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
  },
});

const ROLES: Role[] = ['rep', 'manager', 'regional_head'];

export function NoticeBar({ notice, tr, testId }: { notice: JourneyNotice; tr: Translate; testId: string }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid={testId} data-intent={notice.intent}>
      <MessageBarBody style={{ display: 'flex', flexDirection: 'column', gap: '4px' }}>
        <Text>{tr(notice.key, notice.params)}</Text>
        {notice.detail ? <Text size={200}>{notice.detail}</Text> : null}
        {notice.findings && notice.findings.length > 0 ? (
          <FindingList findings={notice.findings.slice(0, 20)} tr={tr} testId={`${testId}-findings`} />
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

type Journey = ReturnType<typeof useFinanceJourney>;

export function FinanceJourney({
  j,
  tr,
  locale,
  period,
  periodOk,
}: {
  j: Journey;
  tr: Translate;
  locale: Locale;
  period: string;
  periodOk: boolean;
}) {
  const styles = useStyles();
  const disabled = j.busy !== null;
  const run = j.run;
  const next = financeNextStep({ hasPlans: (j.plans ?? []).length > 0, run, ownRun: j.ownRun });
  const look = (step: FinanceStep) => (next === step ? 'primary' : 'secondary');
  const chosenPlan = j.plans?.find((p) => p.compPlanId === j.chosen);
  const unitName = (id: string) =>
    j.org?.units.find((u) => u.id === id)?.name ?? tr('payouts.cp.unknownUnit');
  // The largest amounts first: what a reviewer checks before the zeros.
  const lines = [...(run?.lines ?? [])].sort((a, b) => b.amountMinor - a.amountMinor);
  const explained = j.explained === null ? undefined : lines[j.explained];
  const findings = run
    ? runFindingLines(run, { locale, tr, org: j.org, people: j.names, metricName: j.metricName })
    : [];
  return (
    <>
      <SectionBlock testId="finance-compplans">
        <Text weight="semibold">{tr('payouts.cp.title')}</Text>
        <Text size={200}>{tr('payouts.cp.help')}</Text>
        {j.plans && j.plans.length === 0 ? <Text size={200}>{tr('payouts.cp.empty')}</Text> : null}
        <ul className={styles.list} data-testid="compplan-list">
          {(j.plans ?? []).flatMap((p) =>
            p.versions
              .slice()
              .reverse()
              .map((v) => (
                <li
                  key={`${p.compPlanId}-${v.version}`}
                  className={styles.item}
                  data-testid="compplan-version"
                >
                  <Text size={200}>
                    {tr('payouts.cp.line', {
                      name: v.name,
                      version: v.version,
                      span: spanLabel(v, locale, tr),
                      applies: appliesToLabel(v.appliesTo, j.org, tr),
                    })}
                  </Text>
                  {v.version === p.latestVersion ? (
                    <Button
                      size="small"
                      disabled={disabled}
                      onClick={() => void j.open(p.compPlanId)}
                      data-testid="open-compplan"
                    >
                      {tr('payouts.cp.open.button')}
                    </Button>
                  ) : null}
                </li>
              )),
          )}
        </ul>
        <div className={styles.row}>
          <Field label={tr('payouts.cp.from')} hint={tr('payouts.cp.fromHelp')}>
            <Input
              value={j.from}
              onChange={(_, d) => j.setFrom(d.value)}
              placeholder="2026-04"
              data-testid="compplan-from"
            />
          </Field>
          <Field label={tr('payouts.cp.to')}>
            <Input value={j.to} onChange={(_, d) => j.setTo(d.value)} data-testid="compplan-to" />
          </Field>
        </div>
        <Field label={tr('payouts.cp.units')}>
          <Dropdown
            multiselect
            placeholder={tr('payouts.cp.everyUnit')}
            selectedOptions={j.units}
            value={j.units.map(unitName).join('、')}
            onOptionSelect={(_, d) => j.setUnits(d.selectedOptions)}
            data-testid="compplan-units"
          >
            {(j.org?.units ?? []).map((u) => (
              <Option key={u.id} value={u.id}>
                {u.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={tr('payouts.cp.roles')}>
          <Dropdown
            multiselect
            placeholder={tr('payouts.cp.everyRole')}
            selectedOptions={j.roles}
            value={j.roles.map((r) => tr(`role.${r}` as UiKey)).join('、')}
            onOptionSelect={(_, d) => j.setRoles(d.selectedOptions as Role[])}
            data-testid="compplan-roles"
          >
            {ROLES.map((r) => (
              <Option key={r} value={r}>
                {tr(`role.${r}` as UiKey)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div className={styles.row}>
          <Button
            appearance={look('store')}
            disabled={disabled || !j.datesOk}
            onClick={() => void j.store()}
            data-testid="store-compplan"
          >
            {tr('payouts.cp.store')}
          </Button>
          <Button
            disabled={disabled}
            onClick={() => void j.insertTemplate()}
            data-testid="finance-insert-compplan"
          >
            {tr('payouts.plan.insert')}
          </Button>
        </div>
        <NoticeBar notice={j.planNotice} tr={tr} testId="compplan-store-notice" />
      </SectionBlock>

      <SectionBlock testId="finance-run">
        <Text weight="semibold">{tr('payouts.run.title')}</Text>
        <Text size={200}>{tr('payouts.run.help')}</Text>
        <Field label={tr('payouts.run.compPlan')}>
          <Dropdown
            selectedOptions={j.chosen ? [j.chosen] : []}
            value={chosenPlan?.name ?? ''}
            onOptionSelect={(_, d) => j.setChosen(d.optionValue ?? '')}
            data-testid="run-compplan"
          >
            {(j.plans ?? []).map((p) => (
              <Option key={p.compPlanId} value={p.compPlanId}>
                {p.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div className={styles.row}>
          <Button
            appearance={look('create')}
            disabled={disabled || !periodOk || !j.chosen}
            onClick={() => void j.createForPeriod()}
            data-testid="create-run"
          >
            {tr('payouts.run.create', { period })}
          </Button>
          <Button disabled={disabled || !periodOk} onClick={() => void j.openLatest()} data-testid="open-run">
            {tr('payouts.run.openLatest')}
          </Button>
        </div>
        {j.busy === 'run.create' || j.busy === 'run.open' ? (
          <div data-testid="run-progress">
            <ProgressBar />
            <Text size={200}>
              {tr(j.busy === 'run.create' ? 'payouts.run.creating' : 'payouts.run.opening', { period })}
            </Text>
          </div>
        ) : null}
        <NoticeBar notice={j.runNotice} tr={tr} testId="run-notice" />
        {run ? (
          <section data-testid="run-review" data-status={run.status}>
            <Text size={200} block data-testid="run-summary">
              {tr('payouts.run.summary', {
                status: tr(`payouts.run.status.${run.status}` as UiKey),
                period: monthLabel(run.period, locale),
                total: j.money(run.totals.amount),
                people: run.people.length,
                lines: run.lineCount,
                by: j.names.get(run.createdBy) ?? tr('payouts.cp.unnamed'),
              })}
            </Text>
            {(run.compPlanVersions ?? []).map((v) => (
              <Text size={200} block key={v.version}>
                {tr('payouts.run.versionUsed', {
                  name: v.name,
                  version: v.version,
                  span: spanLabel(v, locale, tr),
                  people: v.people,
                })}
              </Text>
            ))}
            {run.findings.length > 0 ? (
              <>
                <Text size={200} weight="semibold" block>
                  {tr('payouts.findings.title', { count: run.findings.length })}
                </Text>
                <FindingList findings={findings} tr={tr} testId="run-findings" />
              </>
            ) : null}
            <table className={styles.table} data-testid="run-lines">
              <thead>
                <tr>
                  <th className={styles.cell}>{tr('payouts.finance.col.name')}</th>
                  <th className={styles.cell}>{tr('payouts.finance.col.component')}</th>
                  <th className={styles.num}>{tr('payouts.finance.col.amount')}</th>
                  <th className={styles.cell} />
                </tr>
              </thead>
              <tbody>
                {lines.slice(0, 12).map((l, i) => (
                  <tr key={`${l.personId}-${l.component}`} data-testid="run-line">
                    <td className={styles.cell}>{j.names.get(l.personId) ?? tr('payouts.cp.unnamed')}</td>
                    <td className={styles.cell}>
                      {componentLabel(
                        run.plan.components.find((c) => c.id === l.component),
                        tr,
                        locale,
                      )}
                    </td>
                    <td className={styles.num}>{j.money(l.amount)}</td>
                    <td className={styles.cell}>
                      <Button
                        size="small"
                        appearance="subtle"
                        onClick={() => j.setExplained(i)}
                        data-testid="explain-line"
                      >
                        {tr('payouts.explain.title')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {lines.length > 12 ? (
              <Text size={200}>{tr('payouts.run.moreLines', { count: lines.length - 12 })}</Text>
            ) : null}
            {explained ? (
              <section data-testid="run-explain">
                <Text weight="semibold">
                  {tr('payouts.explain.line', {
                    name: j.names.get(explained.personId) ?? tr('payouts.cp.unnamed'),
                    component: componentLabel(
                      run.plan.components.find((c) => c.id === explained.component),
                      tr,
                      locale,
                    ),
                    amount: j.money(explained.amount),
                  })}
                </Text>
                <ol>
                  {explainTrace(explained.trace, tr).map((s, i) => (
                    <li key={i}>
                      <Text size={200}>{s}</Text>
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
          </section>
        ) : null}
      </SectionBlock>

      <SectionBlock testId="finance-approve">
        <Text weight="semibold">{tr('payouts.approve.title')}</Text>
        <Text size={200}>{tr('payouts.approve.help')}</Text>
        {run && run.status === 'draft' && j.ownRun ? (
          <Text size={200} data-testid="own-run">
            {tr('payouts.approve.own')}
          </Text>
        ) : null}
        <div className={styles.row}>
          <Button
            appearance={look('approve')}
            disabled={disabled || !run || run.status !== 'draft' || j.ownRun}
            onClick={() => void j.approve()}
            data-testid="approve-run"
          >
            {tr('payouts.approve.button')}
          </Button>
        </div>
        <NoticeBar notice={j.approveNotice} tr={tr} testId="approve-notice" />
      </SectionBlock>

      <SectionBlock testId="finance-close">
        <Text weight="semibold">{tr('payouts.close.title')}</Text>
        <Text size={200}>{tr('payouts.close.help')}</Text>
        <div className={styles.row}>
          <Button
            appearance={look('close')}
            disabled={disabled || !periodOk || run?.status !== 'approved'}
            onClick={() => j.setConfirmClose(true)}
            data-testid="close-period"
          >
            {tr('payouts.close.button', { period })}
          </Button>
        </div>
        <NoticeBar notice={j.closeNotice} tr={tr} testId="close-notice" />
        <Dialog open={j.confirmClose} onOpenChange={(_, d) => j.setConfirmClose(d.open)}>
          <DialogSurface data-testid="close-dialog">
            <DialogBody>
              <DialogTitle>
                {tr('payouts.close.confirmTitle', { period: monthLabel(period, locale) })}
              </DialogTitle>
              <DialogContent>{tr('payouts.close.confirmText')}</DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => void j.close()} data-testid="close-confirm">
                  {tr('payouts.close.confirm')}
                </Button>
                <Button onClick={() => j.setConfirmClose(false)} data-testid="close-cancel">
                  {tr('payouts.close.cancel')}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </SectionBlock>
    </>
  );
}
