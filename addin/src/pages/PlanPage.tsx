// Plan: insert the planning templates, allocate, check (the core at once, then the server), and
// submit a new version; a stale base shows what changed. The use cases are in features/plan/.
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  SpinButton,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { getMetric } from '@teamsheet/shared';
import { AllocatePanel } from '../features/plan/AllocatePanel';
import { ConflictNotice } from '../features/plan/ConflictNotice';
import { FindingsList } from '../features/plan/FindingsList';
import { CHOOSABLE_METRICS, usePlanSection } from '../features/plan/usePlanSection';
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
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  metrics: { display: 'flex', flexWrap: 'wrap' },
});

export function PlanPage(props: PageProps) {
  const { tr, locale, workbook, onError } = props;
  const styles = useStyles();
  const plan = usePlanSection(props);
  const { busy, notice, unitId, units, metrics, conflict } = plan;
  const busyLabel = busy ? tr(`plan.busy.${busy}`) : '';

  return (
    <SectionIntro title={tr('page.plan.title')} intro={tr('page.plan.intro')}>
      {busy ? <Spinner size="tiny" label={busyLabel} labelPosition="after" data-testid="plan-busy" /> : null}
      {notice ? (
        <MessageBar intent={notice.intent} data-testid={notice.testId}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}

      <div className={styles.block}>
        <Text weight="semibold">{tr('plan.insert.title')}</Text>
        <Text size={200}>{tr('plan.insert.help')}</Text>
        <div className={styles.row}>
          <Field label={tr('plan.unit')}>
            <Dropdown
              data-testid="plan-unit"
              value={units.find((u) => u.id === unitId)?.name ?? unitId}
              selectedOptions={[unitId]}
              onOptionSelect={(_, d) => plan.setUnitId(String(d.optionValue))}
            >
              {units.map((u) => (
                <Option key={u.id} value={u.id} text={u.name ?? u.id}>
                  {u.name ?? u.id}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={tr('plan.year')}>
            <SpinButton
              data-testid="plan-year"
              value={plan.year}
              min={2000}
              max={2100}
              onChange={(_, d) => {
                const v = d.value ?? Number(d.displayValue);
                if (Number.isInteger(v)) plan.setYear(v as number);
              }}
            />
          </Field>
        </div>
        <Field label={tr('plan.metrics')}>
          <div className={styles.metrics}>
            {CHOOSABLE_METRICS.map((m) => (
              <Checkbox
                key={m}
                label={getMetric(m)?.label[locale] ?? m}
                data-metric={m}
                checked={metrics.includes(m)}
                onChange={(_, d) => plan.toggleMetric(m, d.checked === true)}
              />
            ))}
          </div>
        </Field>
        <Button
          appearance="primary"
          disabled={busy !== null || !plan.org || metrics.length === 0}
          onClick={() => void plan.insert()}
          data-testid="plan-insert"
        >
          {tr('plan.insert.button')}
        </Button>
      </div>

      <div className={styles.block}>
        <Text weight="semibold">{tr('plan.allocate.title')}</Text>
        <Text size={200}>{tr('plan.allocate.help')}</Text>
        <AllocatePanel
          tr={tr}
          locale={locale}
          workbook={workbook}
          refresh={plan.refresh}
          selectedRow={plan.selectedRow}
          onError={(e) => onError(e, 'workbook')}
          onWritten={plan.allocationWritten}
        />
      </div>

      <div className={styles.block}>
        <Text weight="semibold">{tr('plan.check.title')}</Text>
        <Text size={200}>{tr('plan.check.help')}</Text>
        <Button disabled={busy !== null} onClick={() => void plan.check()} data-testid="plan-check">
          {tr('plan.check.button')}
        </Button>
        {plan.findings ? <FindingsList findings={plan.findings} tr={tr} onSelect={plan.select} /> : null}
      </div>

      <div className={styles.block}>
        <Text weight="semibold">{tr('plan.submit.title')}</Text>
        <Text size={200}>{tr('plan.submit.help')}</Text>
        <Text size={200} data-testid="plan-base">
          {plan.baseVersion
            ? tr('plan.submit.base', { version: plan.baseVersion })
            : tr('plan.submit.baseNone')}
        </Text>
        <Button
          appearance="primary"
          disabled={busy !== null}
          onClick={() => void plan.submit()}
          data-testid="plan-submit"
        >
          {tr('plan.submit.button')}
        </Button>
        {conflict ? (
          <ConflictNotice
            conflict={conflict}
            tr={tr}
            locale={locale}
            onReload={() => void plan.reload(conflict.current)}
            onResubmit={() => void plan.submit(conflict.current)}
          />
        ) : null}
      </div>

      <div className={styles.block}>
        <Text weight="semibold">{tr('page.plan.metrics')}</Text>
        <Text size={200}>{tr('page.plan.metricsHelp', { sheet: plan.metricsSheet })}</Text>
        <Button disabled={busy !== null} onClick={() => void plan.writeCatalog()} data-testid="write-metrics">
          {tr('page.plan.metricsButton')}
        </Button>
        {plan.catalogDone !== null ? (
          <MessageBar intent="success">
            <MessageBarBody>
              {tr('page.plan.metricsDone', { count: plan.catalogDone, sheet: plan.metricsSheet })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </SectionIntro>
  );
}
