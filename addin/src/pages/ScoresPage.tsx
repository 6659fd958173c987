// Scores: the scorecard, 360-rating and activity templates, *Compute scores* (POST /api/scores/compute
// with the workbook's scorecard, targets, actuals and ratings) writing the Scores sheet with grade fills
// and a grade-distribution chart, *Score from stored data* (POST /api/periods/{period}/scores: targets
// and actuals from what Teamsheet stores, kept as v1, v2…), activity upload, the Analysis sheet and
// sales-force sizing.
import { useMemo, useState } from 'react';
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
import type { Finding, Person, ScoreResult } from '@teamsheet/shared';
import {
  SHEETS,
  demoSample,
  insertTemplates,
  readActivities,
  readScoreRequest,
  runSizing,
  scoresTranslator,
  writeAnalysisSheet,
  writeScoresSheet,
  type AnalysisAnswer,
} from '../features/scores/sheets';
import { scoreFromStoredData } from '../features/scores/stored';
import { ApiError } from '../api';
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  field: { display: 'flex', flexDirection: 'column', gap: '2px' },
  block: { display: 'flex', flexDirection: 'column', gap: '6px', marginTop: '8px' },
  list: { margin: 0, paddingLeft: '18px' },
});

type Outcome = { intent: 'success' | 'warning'; text: string; findings?: Finding[] };

export function ScoresPage({ tr, locale, workbook, api, session, onError }: PageProps) {
  const styles = useStyles();
  const st = useMemo(() => scoresTranslator(locale), [locale]);
  const [period, setPeriod] = useState('2026-Q1');
  const [unitId, setUnitId] = useState(session.person?.unitId ?? '');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  /** The reps of the unit in the caller's scope, from the server's organisation. */
  const teamPeople = async (): Promise<Person[]> => {
    const org = await api.get<{ people: Person[]; units: { id: string; parentId?: string | null }[] }>(
      '/api/org',
    );
    const below = new Set([unitId]);
    for (let grew = true; grew;) {
      grew = false;
      for (const u of org.units)
        if (u.parentId && below.has(u.parentId) && !below.has(u.id)) {
          below.add(u.id);
          grew = true;
        }
    }
    return org.people.filter((p) => p.role === 'rep' && below.has(p.unitId));
  };

  const run = async (name: string, work: () => Promise<Outcome>, source: 'api' | 'workbook' = 'api') => {
    setBusy(name);
    setOutcome(null);
    try {
      setOutcome(await work());
    } catch (error) {
      onError(error, source);
    } finally {
      setBusy(null);
    }
  };

  const templates = () =>
    run('templates', async () => {
      const people = await teamPeople();
      const sample = workbook.kind === 'preview' ? demoSample(people, period) : undefined;
      await insertTemplates(workbook, { locale, period, people, st, ...(sample ? { sample } : {}) });
      await workbook.selectCell(SHEETS.scorecard, 'A1');
      const text = st('scores.templatesDone', { people: people.length });
      return { intent: 'success', text: sample ? `${text} ${st('scores.sampleNote')}` : text };
    });

  const compute = () =>
    run('compute', async () => {
      const people = await teamPeople();
      const { request, findings } = await readScoreRequest(workbook, { locale, period, people });
      const errors = findings.filter((f) => f.severity === 'error');
      if (errors.length > 0)
        return {
          intent: 'warning',
          text: st('scores.sheetProblems', { count: errors.length }),
          findings: errors,
        };
      const result = await api.post<ScoreResult>('/api/scores/compute', request);
      const { counts } = await writeScoresSheet(workbook, {
        result,
        scorecard: request.scorecard,
        people,
        st,
      });
      const summary = Object.entries(counts)
        .map(([g, n]) => `${g} ${n}`)
        .join(', ');
      return {
        intent: 'success',
        text: st('scores.computeDone', {
          people: result.people.length,
          summary,
          findings: result.findings.length,
        }),
        findings: result.findings.slice(0, 5),
      };
    });

  const scoreStored = () =>
    run('stored', async () => {
      const people = await teamPeople();
      try {
        const out = await scoreFromStoredData(workbook, api, { unitId, period, locale, people, st });
        if (out.status === 'no-scorecard') return { intent: 'warning', text: st('scores.noScorecard') };
        if (out.status === 'sheet-errors')
          return {
            intent: 'warning',
            text: st('scores.sheetProblems', { count: out.findings.length }),
            findings: out.findings,
          };
        const { stored, counts } = out;
        return {
          intent: 'success',
          text: st('scores.storedDone', {
            people: stored.people.length,
            unit: stored.unitId,
            period: stored.period,
            summary: Object.entries(counts)
              .map(([g, n]) => `${g} ${n}`)
              .join(', '),
            version: stored.version,
            targets: stored.inputs.targets,
            actuals: stored.inputs.actuals,
            plans: stored.inputs.planVersions.map((p) => `${p.unitId} v${p.version}`).join(', ') || '—',
            findings: stored.findings.length,
          }),
          findings: stored.findings.slice(0, 5),
        };
      } catch (error) {
        // No stored targets, or a version written at the same moment: what to do next, not a failure.
        if (error instanceof ApiError && (error.status === 422 || error.status === 409))
          return {
            intent: 'warning',
            text: st('scores.storedRefused', {
              unit: unitId,
              period,
              detail: error.problem.detail ?? error.message,
            }),
          };
        throw error;
      }
    });

  const upload = () =>
    run('upload', async () => {
      const { activities, findings } = await readActivities(workbook, locale);
      const errors = findings.filter((f) => f.severity === 'error');
      if (errors.length > 0)
        return {
          intent: 'warning',
          text: st('scores.sheetProblems', { count: errors.length }),
          findings: errors,
        };
      const inPeriod = activities.filter((a) => a.period.startsWith(period.slice(0, 4)));
      const batch = await api.post<{ count: number; people: number }>(
        '/api/activities',
        { period: period.slice(0, 4), activities: inPeriod },
        {
          headers: {
            'idempotency-key': `activities-${period}-${inPeriod.length}-${JSON.stringify(inPeriod).length}`,
          },
        },
      );
      return {
        intent: 'success',
        text: st('scores.uploadDone', { count: batch.count, people: batch.people, period }),
      };
    });

  const analyse = () =>
    run('analysis', async () => {
      const answer = await api.get<AnalysisAnswer>(
        `/api/analysis/${encodeURIComponent(unitId)}/${encodeURIComponent(period)}`,
      );
      await writeAnalysisSheet(workbook, answer, st);
      return { intent: 'success', text: st('scores.analysisDone', { unit: unitId, period }) };
    });

  const size = () =>
    run(
      'sizing',
      async () => {
        const out = await runSizing(workbook, { headcount: (await teamPeople()).length, st, locale });
        if (out.inserted) return { intent: 'success', text: st('scores.sizingInserted') };
        return {
          intent: out.result.findings.length > 0 ? 'warning' : 'success',
          text: st('scores.sizingDone', {
            reps: out.result.repsNeeded ?? '—',
            current: out.result.currentHeadcount ?? '—',
          }),
          findings: out.result.findings,
        };
      },
      'workbook',
    );

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
          {button('upload', st('scores.uploadActivities'), () => void upload())}
        </div>
        <Text size={200}>{st('scores.storedHelp')}</Text>
        {button('stored', st('scores.stored'), () => void scoreStored())}
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
