// The Scores section's state and actions: the period and the unit chosen (by name, among the units in
// the caller's scope), the notice of the last action with the action that caused it (drawn beside its
// button), one action at a time, and the Idempotency-Key of each stored write (kept while that very
// write is retried). The use cases themselves are scoreActions.ts.
import { useEffect, useMemo, useState } from 'react';
import { WriteAttempt } from '../../api';
import type { PageProps } from '../../pages/PageProps';
import type { Failure } from '../common/notice';
import { useBusy } from '../common/useBusy';
import { unitChoices, useOrg } from '../org/org';
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

export type ScoresAction = 'templates' | 'compute' | 'upload' | 'stored' | 'analysis' | 'sizing';

export function useScoresSection({ locale, workbook, api, session, onError }: PageProps) {
  const st = useMemo(() => scoresTranslator(locale), [locale]);
  const org = useOrg(api, onError);
  const units = useMemo(() => (org ? unitChoices(org) : []), [org]);
  const [period, setPeriod] = useState('2026-Q1');
  const [unitId, setUnitId] = useState(session.person?.unitId ?? '');
  const { busy, run: runBusy } = useBusy<ScoresAction>();
  const [outcome, setOutcome] = useState<
    { action: ScoresAction; notice: ScoresOutcome } | { action: ScoresAction; failure: Failure } | null
  >(null);
  /** The activity upload's Idempotency-Key, kept while the same upload is retried. */
  const [upload] = useState(() => new WriteAttempt());
  /** The stored scoring's Idempotency-Key, likewise. */
  const [scoring] = useState(() => new WriteAttempt());

  // The caller's own unit when it is in scope, else the first unit they may see.
  useEffect(() => {
    if (units.length > 0 && !units.some((u) => u.id === unitId)) setUnitId(units[0]!.id);
  }, [units]);

  const run = (
    action: ScoresAction,
    work: (s: ScoresScope) => Promise<ScoresOutcome>,
    source: 'api' | 'workbook' = 'api',
  ) =>
    runBusy(action, async () => {
      setOutcome(null);
      try {
        setOutcome({ action, notice: await work({ workbook, api, locale, period, unitId, st, org }) });
      } catch (error) {
        setOutcome({ action, failure: { error, source } });
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
    units,
    period,
    setPeriod,
    unitId,
    setUnitId,
    busy,
    outcome,
    actions: { templates, compute, scoreFromStore, uploadNow, analyse, size },
  };
}
