// Plan: planning templates, instant checks and submission (being built). Working today: the metric
// catalog from the core written to a sheet, the list targets are chosen from.
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text, makeStyles } from '@fluentui/react-components';
import { metricCatalog } from '@teamsheet/shared';
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

export const METRICS_SHEET = 'Metrics';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: '6px', marginTop: '8px' },
});

export function PlanPage({ tr, locale, workbook, onError }: PageProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);

  const writeCatalog = async () => {
    setBusy(true);
    setDone(null);
    try {
      const metrics = Object.values(metricCatalog);
      await workbook.writeTable(METRICS_SHEET, {
        name: 'MetricCatalog',
        headers: [
          tr('page.plan.colId'),
          tr('page.plan.colLabel'),
          tr('page.plan.colUnit'),
          tr('page.plan.colAggregation'),
          tr('page.plan.colDirection'),
        ],
        rows: metrics.map((m) => [m.id, m.label[locale], m.unit, m.aggregation, m.direction]),
        freezeHeader: true,
      });
      await workbook.selectCell(METRICS_SHEET, 'A1');
      setDone(metrics.length);
    } catch (error) {
      onError(error, 'workbook');
    } finally {
      setBusy(false);
    }
  };

  return (
    <SectionIntro title={tr('page.plan.title')} intro={tr('page.plan.intro')} note={tr('page.comingSoon')}>
      <div className={styles.block}>
        <Text weight="semibold">{tr('page.plan.metrics')}</Text>
        <Text size={200}>{tr('page.plan.metricsHelp', { sheet: METRICS_SHEET })}</Text>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => void writeCatalog()}
          data-testid="write-metrics"
        >
          {tr('page.plan.metricsButton')}
        </Button>
        {done !== null ? (
          <MessageBar intent="success">
            <MessageBarBody>
              {tr('page.plan.metricsDone', { count: done, sheet: METRICS_SHEET })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </SectionIntro>
  );
}
