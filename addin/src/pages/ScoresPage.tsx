// Scores: the scorecard, 360-rating and activity templates, *Compute scores* (POST /api/scores/compute
// with the workbook's scorecard, targets, actuals and ratings) writing the Scores sheet with grade fills
// and a grade-distribution chart, *Score from stored data* (POST /api/periods/{period}/scores: targets
// and actuals from what Teamsheet stores, kept as v1, v2…), activity upload, the Analysis sheet and
// sales-force sizing. One block per task, each with its own notice beside it; the section's one primary
// button is Compute scores.
import { Button, Input, Label, Select, Spinner, Text, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { FailureBar, NoticeBar } from '../components/NoticeBar';
import { useScoresSection, type ScoresAction } from '../features/scores/useScoresSection';
import type { PageProps } from './PageProps';
import { SectionBlock, SectionIntro } from './SectionIntro';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  field: { display: 'flex', flexDirection: 'column', gap: '2px' },
  unit: { minWidth: '200px' },
});

export function ScoresPage(props: PageProps) {
  const { tr, locale } = props;
  const styles = useStyles();
  const { st, units, period, setPeriod, unitId, setUnitId, busy, outcome, actions } = useScoresSection(props);
  const { templates, compute, scoreFromStore, uploadNow, analyse, size } = actions;

  const button = (name: ScoresAction, label: string, onClick: () => void, primary = false) => (
    <Button
      appearance={primary ? 'primary' : 'secondary'}
      disabled={busy !== null}
      onClick={onClick}
      data-testid={`scores-${name}`}
      icon={busy === name ? <Spinner size="tiny" /> : undefined}
    >
      {label}
    </Button>
  );
  /** A block of the section: what it does, its buttons, and the notice of whichever of them ran last. */
  const block = (help: string, actionsHere: ScoresAction[], buttons: ReactNode) => (
    <SectionBlock>
      <Text size={200}>{help}</Text>
      <div className={styles.row}>{buttons}</div>
      {outcome && actionsHere.includes(outcome.action) ? (
        'failure' in outcome ? (
          <FailureBar failure={outcome.failure} tr={tr} />
        ) : (
          <NoticeBar notice={outcome.notice} tr={st} locale={locale} testId="scores-outcome" />
        )
      ) : null}
    </SectionBlock>
  );

  return (
    <SectionIntro title={tr('page.scores.title')} intro={tr('page.scores.intro')}>
      <div className={styles.row}>
        <div className={styles.field}>
          <Label htmlFor="scores-period">{st('scores.period')}</Label>
          <Input
            id="scores-period"
            value={period}
            onChange={(_, d) => setPeriod(d.value.trim())}
            data-testid="scores-period"
          />
        </div>
        <div className={styles.field}>
          <Label htmlFor="scores-unit">{st('scores.unit')}</Label>
          <Select
            id="scores-unit"
            className={styles.unit}
            value={unitId}
            onChange={(_, d) => setUnitId(d.value)}
            disabled={busy !== null || units.length === 0}
            data-testid="scores-unit"
          >
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {`${'\u2003'.repeat(u.depth)}${u.name}`}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {block(
        st('scores.templatesHelp'),
        ['templates'],
        button('templates', st('scores.templates'), () => void templates()),
      )}
      {block(
        st('scores.computeHelp'),
        ['compute', 'upload'],
        <>
          {button('compute', st('scores.compute'), () => void compute(), true)}
          {button('upload', st('scores.uploadActivities'), () => void uploadNow())}
        </>,
      )}
      {block(
        st('scores.storedHelp'),
        ['stored'],
        button('stored', st('scores.stored'), () => void scoreFromStore()),
      )}
      {block(
        st('scores.analysisHelp'),
        ['analysis'],
        button('analysis', st('scores.analysis'), () => void analyse()),
      )}
      {block(
        st('scores.sizingHelp'),
        ['sizing'],
        button('sizing', st('scores.sizing'), () => void size()),
      )}
      {busy ? <Spinner size="small" label={st('scores.working')} data-testid="scores-busy" /> : null}
    </SectionIntro>
  );
}
