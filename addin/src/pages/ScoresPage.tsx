// Scores: the scorecard, 360-rating and activity templates, *Compute scores* (POST /api/scores/compute
// with the workbook's scorecard, targets, actuals and ratings) writing the Scores sheet with grade fills
// and a grade-distribution chart, *Score from stored data* (POST /api/periods/{period}/scores: targets
// and actuals from what Teamsheet stores, kept as v1, v2…), activity upload, the Analysis sheet and
// sales-force sizing.
import {
  Button,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { useScoresSection } from '../features/scores/useScoresSection';
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  field: { display: 'flex', flexDirection: 'column', gap: '2px' },
  block: { display: 'flex', flexDirection: 'column', gap: '6px', marginTop: '8px' },
  list: { margin: 0, paddingLeft: '18px' },
});

export function ScoresPage(props: PageProps) {
  const { tr } = props;
  const styles = useStyles();
  const { st, period, setPeriod, unitId, setUnitId, busy, outcome, actions } = useScoresSection(props);
  const { templates, compute, scoreFromStore, uploadNow, analyse, size } = actions;

  const button = (name: string, label: string, onClick: () => void, primary = false) => (
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
          <Input
            id="scores-unit"
            value={unitId}
            onChange={(_, d) => setUnitId(d.value.trim())}
            data-testid="scores-unit"
          />
        </div>
      </div>
      <div className={styles.block}>
        <Text size={200}>{st('scores.templatesHelp')}</Text>
        {button('templates', st('scores.templates'), () => void templates())}
        <Text size={200}>{st('scores.computeHelp')}</Text>
        <div className={styles.row}>
          {button('compute', st('scores.compute'), () => void compute(), true)}
          {button('upload', st('scores.uploadActivities'), () => void uploadNow())}
        </div>
        <Text size={200}>{st('scores.storedHelp')}</Text>
        {button('stored', st('scores.stored'), () => void scoreFromStore())}
        <Text size={200}>{st('scores.analysisHelp')}</Text>
        {button('analysis', st('scores.analysis'), () => void analyse())}
        <Text size={200}>{st('scores.sizingHelp')}</Text>
        {button('sizing', st('scores.sizing'), () => void size())}
      </div>
      {busy ? <Spinner size="small" label={st('scores.working')} data-testid="scores-busy" /> : null}
      {outcome ? (
        <MessageBar intent={outcome.intent} data-testid="scores-outcome">
          <MessageBarBody>
            {outcome.text}
            {outcome.findings && outcome.findings.length > 0 ? (
              <ul className={styles.list}>
                {outcome.findings.map((f, i) => (
                  <li key={i}>{f.message}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </SectionIntro>
  );
}
