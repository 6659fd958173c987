// The Plan section's state and actions: which unit, year and metrics, what the sheet is based on, the
// notice, findings and conflict on show, and the use cases of planWorkflow.ts run one at a time.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ValidationSummary } from '@teamsheet/shared';
import { isApiFailure, WriteAttempt } from '../../api';
import type { Selection } from '../../office';
import type { PageProps } from '../../pages/PageProps';
import { useBusy } from '../common/useBusy';
import { useSelection } from '../common/useSelection';
import { useOrg } from '../org/org';
import {
  TemplateMissingError,
  insertTemplates,
  parseSheetRow,
  readStamp,
  targetsSheetName,
  type LocatedFinding,
} from './planSheets';
import {
  METRICS_SHEET,
  checkLocally,
  checkOnServer,
  knowsUnit,
  planOwners,
  reloadVersion,
  startingUnit,
  submitPlan,
  writeMetricCatalog,
  type Conflict,
} from './planWorkflow';

const DEFAULT_METRICS = ['revenue', 'new_customers', 'visits'];
export const CHOOSABLE_METRICS = [
  'revenue',
  'collections',
  'gross_margin',
  'new_customers',
  'visits',
  'calls',
  'deals',
];

export type PlanBusy = 'insert' | 'check' | 'submit' | 'reload';
export type PlanNotice = { intent: 'success' | 'info' | 'warning'; text: string; testId: string };

const counts = (s: ValidationSummary) => ({ errors: s.errors, warnings: s.warnings, infos: s.infos });

export function usePlanSection({ tr, locale, workbook, api, session, onError }: PageProps) {
  const org = useOrg(api, onError);
  const [unitId, setUnitId] = useState('');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [metrics, setMetrics] = useState<string[]>(DEFAULT_METRICS);
  const { busy, run } = useBusy<PlanBusy>();
  const [notice, setNotice] = useState<PlanNotice | null>(null);
  const [findings, setFindings] = useState<LocatedFinding[] | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [selectedRow, setSelectedRow] = useState<number | null>(null);
  const [catalogDone, setCatalogDone] = useState<number | null>(null);
  /** The submit in flight: its key is reused when the same plan is sent again after a failure. */
  const [attempt] = useState(() => new WriteAttempt());

  useEffect(() => {
    if (org) setUnitId((u) => u || startingUnit(org, session.signIn.personId, session.person?.unitId));
  }, [org, session]);

  // The sheet remembers which unit, period and version it holds; the pane follows it.
  useEffect(() => {
    void readStamp(workbook, locale).then(
      (stamp) => {
        if (!stamp) return;
        setBaseVersion(stamp.baseVersion);
        if (stamp.unitId) setUnitId(stamp.unitId);
        const y = Number(stamp.period.slice(0, 4));
        if (Number.isInteger(y)) setYear(y);
      },
      () => undefined,
    );
  }, [workbook, locale, refresh]);

  // A cell selected on the Targets sheet picks the row to allocate.
  const followTargets = useCallback(
    (s: Selection) => {
      if (s.sheet === targetsSheetName(locale) || s.sheet === targetsSheetName('en'))
        setSelectedRow(parseSheetRow(s.address));
    },
    [locale],
  );
  useSelection(workbook, followTargets);

  const owners = useMemo(() => planOwners(org, unitId, year), [org, unitId, year]);
  const say = (intent: PlanNotice['intent'], text: string, testId = 'plan-notice') =>
    setNotice({ intent, text, testId });

  const fail = (error: unknown) => {
    if (error instanceof TemplateMissingError)
      say('warning', `${tr('plan.templateMissing.title')}. ${tr('plan.templateMissing.action')}`);
    else onError(error, isApiFailure(error) ? 'api' : 'workbook');
  };
  /** Runs one action with the notice cleared; its failure is shown as the section shows failures. */
  const act = (name: PlanBusy, work: () => Promise<void>) =>
    run(name, async () => {
      setNotice(null);
      try {
        await work();
      } catch (error) {
        fail(error);
      }
    });

  const insert = () =>
    act('insert', async () => {
      setFindings(null);
      setConflict(null);
      if (!knowsUnit(org, unitId)) throw new Error(tr('plan.insert.noOrg'));
      const written = await insertTemplates(workbook, {
        unitId,
        year,
        owners,
        metrics,
        locale,
        baseVersion: 0,
      });
      attempt.forget();
      setBaseVersion(0);
      setRefresh((n) => n + 1);
      say(
        'success',
        tr('plan.insert.done', {
          rows: written.rows,
          unit: unitId,
          year,
          targets: written.targets,
          goals: written.goals,
        }),
      );
    });

  const check = () =>
    act('check', async () => {
      const local = await checkLocally(workbook, { locale, org });
      setFindings(local.located);
      say('info', tr('plan.check.local', counts(local.summary)));
      try {
        const server = await checkOnServer(workbook, api, local.read);
        setFindings(server.located);
        const total = server.summary.errors + server.summary.warnings + server.summary.infos;
        if (total === 0) say('success', tr('plan.check.clean'));
        else say('info', tr('plan.check.server', counts(server.summary)));
      } catch (error) {
        say('warning', tr('plan.check.serverFailed'));
        onError(error, 'api');
      }
    });

  const submit = (onTopOf?: number) =>
    act('submit', async () => {
      setConflict(null);
      const outcome = await submitPlan(workbook, api, {
        locale,
        attempt,
        ...(onTopOf !== undefined ? { onTopOf } : {}),
      });
      switch (outcome.status) {
        case 'import-errors':
          setFindings(outcome.located);
          say('warning', tr('plan.submit.importErrors', { count: outcome.count }));
          break;
        case 'stored':
          setBaseVersion(outcome.version);
          setFindings(outcome.located);
          say(
            'success',
            tr('plan.submit.stored', { version: outcome.version, ...counts(outcome.summary) }),
            'plan-stored',
          );
          break;
        case 'stale':
          setConflict(outcome.conflict);
          break;
        case 'rejected':
          setFindings(outcome.located);
          say('warning', tr('plan.submit.rejected', { count: outcome.errors }));
          break;
      }
    });

  const reload = (version: number) =>
    act('reload', async () => {
      await reloadVersion(workbook, api, { locale, version, unitId, year, owners, metrics });
      attempt.forget();
      setBaseVersion(version);
      setConflict(null);
      setFindings(null);
      setRefresh((n) => n + 1);
      say('success', tr('plan.conflict.reloaded', { version }));
    });

  const writeCatalog = () =>
    run('insert', async () => {
      setCatalogDone(null);
      try {
        const headers = (['colId', 'colLabel', 'colUnit', 'colAggregation', 'colDirection'] as const).map(
          (c) => tr(`page.plan.${c}`),
        );
        setCatalogDone(await writeMetricCatalog(workbook, headers, locale));
      } catch (error) {
        onError(error, 'workbook');
      }
    });

  const select = useCallback(
    (sheet: string, address: string) =>
      void workbook.selectCell(sheet, address).catch((e: unknown) => onError(e, 'workbook')),
    [workbook, onError],
  );

  const toggleMetric = (metric: string, on: boolean) =>
    setMetrics((list) =>
      on
        ? CHOOSABLE_METRICS.filter((x) => x === metric || list.includes(x))
        : list.filter((x) => x !== metric),
    );

  return {
    org,
    units: org?.units ?? [],
    unitId,
    setUnitId,
    year,
    setYear,
    metrics,
    toggleMetric,
    busy,
    notice,
    findings,
    baseVersion,
    conflict,
    refresh,
    selectedRow,
    catalogDone,
    metricsSheet: METRICS_SHEET,
    allocationWritten: () => setRefresh((n) => n + 1),
    insert,
    check,
    submit,
    reload,
    writeCatalog,
    select,
  };
}
