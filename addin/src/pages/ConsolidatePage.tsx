// Consolidate: a regional head pulls the roll-up of a unit in scope for a period and gets a Rollup
// sheet (drill-down, months across, gap and coverage with colour scales, missing and stale units,
// a coverage chart); Refresh fetches only what changed since the last pull. What happened shows right
// under the two buttons, the units that have not submitted listed with their managers.
import {
  Button,
  Field,
  Input,
  ProgressBar,
  Select,
  Spinner,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { FailureBar, NoticeBar } from '../components/NoticeBar';
import { useConsolidateSection } from '../features/consolidate/useConsolidateSection';
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '10px', marginTop: '8px' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

export function ConsolidatePage(props: PageProps) {
  const { tr, locale } = props;
  const styles = useStyles();
  const section = useConsolidateSection(props);
  const { org, units, busy, periodOk, progress, outcome } = section;
  return (
    <SectionIntro title={tr('page.consolidate.title')} intro={tr('page.consolidate.intro')}>
      {!org ? (
        <Spinner size="tiny" label={tr('consolidate.loadingOrg')} />
      ) : units.length === 0 ? (
        <Text>{tr('consolidate.noUnits')}</Text>
      ) : (
        <div className={styles.form}>
          <Field label={tr('consolidate.unit')}>
            <Select
              value={section.unitId}
              onChange={(_, d) => section.setUnitId(d.value)}
              disabled={busy}
              data-testid="consolidate-unit"
            >
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {`${'\u2003'.repeat(u.depth)}${u.name}`}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={tr('consolidate.period')}
            hint={tr('consolidate.periodHelp')}
            validationState={periodOk ? 'none' : 'error'}
            validationMessage={
              periodOk ? undefined : tr('consolidate.periodInvalid', { period: section.period })
            }
          >
            <Input
              value={section.period}
              onChange={(_, d) => section.setPeriod(d.value)}
              disabled={busy}
              data-testid="consolidate-period"
            />
          </Field>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              disabled={busy || !periodOk || !section.unitId}
              onClick={() => void section.consolidate()}
              data-testid="consolidate-run"
            >
              {tr('consolidate.run')}
            </Button>
            <Button disabled={busy} onClick={() => void section.refresh()} data-testid="consolidate-refresh">
              {tr('consolidate.refresh')}
            </Button>
          </div>
          {outcome ? (
            <NoticeBar notice={outcome} tr={tr} locale={locale} testId="consolidate-outcome" />
          ) : null}
          {section.failure ? <FailureBar failure={section.failure} tr={tr} /> : null}
          <Text size={200}>{tr('consolidate.refreshHelp')}</Text>
          {progress ? (
            <Field
              validationMessage={progress.label}
              validationState="none"
              data-testid="consolidate-progress"
            >
              <ProgressBar {...(progress.value !== undefined ? { value: progress.value } : {})} />
            </Field>
          ) : null}
        </div>
      )}
    </SectionIntro>
  );
}
