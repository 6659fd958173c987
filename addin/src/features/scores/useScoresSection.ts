// The Scores section's state and actions: the period and unit chosen, the outcome of the last action,
// one action at a time, and the Idempotency-Key of each stored write (kept while that very write is
// retried). The use cases themselves are scoreActions.ts.
import { useMemo, useState } from 'react';
import { WriteAttempt } from '../../api';
import type { PageProps } from '../../pages/PageProps';
import { useBusy } from '../common/useBusy';
import {
  analyseUnit,
  computeScores,
  insertScoreTemplates,
  scoreStored,
  sizeSalesForce,
  uploadActivities,
  type ScoresOutcome,
  type ScoresScope,
} from './scoreActions';
import { scoresTranslator } from './sheets';

export function useScoresSection({ locale, workbook, api, session, onError }: PageProps) {
  const st = useMemo(() => scoresTranslator(locale), [locale]);
  const [period, setPeriod] = useState('2026-Q1');
  const [unitId, setUnitId] = useState(session.person?.unitId ?? '');
  const { busy, run: runBusy } = useBusy();
  const [outcome, setOutcome] = useState<ScoresOutcome | null>(null);
  /** The activity upload's Idempotency-Key, kept while the same upload is retried. */
  const [upload] = useState(() => new WriteAttempt());
  /** The stored scoring's Idempotency-Key, likewise. */
  const [scoring] = useState(() => new WriteAttempt());

  const run = (
    name: string,
    work: (s: ScoresScope) => Promise<ScoresOutcome>,
    source: 'api' | 'workbook' = 'api',
  ) =>
    runBusy(name, async () => {
      setOutcome(null);
      try {
        setOutcome(await work({ workbook, api, locale, period, unitId, st }));
      } catch (error) {
        onError(error, source);
      }
    });
  const templates = () => run('templates', insertScoreTemplates);
  const compute = () => run('compute', computeScores);
  const scoreFromStore = () => run('stored', (s) => scoreStored(s, scoring));
  const uploadNow = () => run('upload', (s) => uploadActivities(s, upload));
  const analyse = () => run('analysis', analyseUnit);
  const size = () => run('sizing', sizeSalesForce, 'workbook');

  return {
    st,
    period,
    setPeriod,
    unitId,
    setUnitId,
    busy,
    outcome,
    actions: { templates, compute, scoreFromStore, uploadNow, analyse, size },
  };
}
