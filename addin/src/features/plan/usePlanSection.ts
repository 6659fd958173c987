// The Plan section's state and actions: which unit, year and metrics, the team's stored plan (its
// versions, status and review), what the sheet is based on, the notice beside the action that caused
// it, findings and conflict on show, and the use cases of planWorkflow.ts run one at a time.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ValidationSummary } from '@teamsheet/shared';
import { isApiFailure, WriteAttempt } from '../../api';
import type { Selection } from '../../office';
import type { UiKey, UiParams } from '../../i18n';
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
  metricsSheetName,
  checkLocally,
  checkOnServer,
  knowsUnit,
  openDraft as openDraftInSheets,
  planOwners,
  reloadVersion,
  saveDraft as saveDraftOnServer,
  startingUnit,
  submitPlan,
  writeMetricCatalog,
  type Conflict,
} from './planWorkflow';
import { fetchDraft, fetchStoredVersions, ownerNamesOf, type StoredDraft, type StoredVersion } from './storedPlan';

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

export type PlanBusy = 'open' | 'insert' | 'check' | 'submit' | 'draft' | 'reload';
/** Where a notice shows: beside the step whose action caused it. */
export type PlanStep = 'open' | 'insert' | 'check' | 'submit';
/**
 * A notice as keys and parameters, rendered with `tr` when shown, so it reads in the language on
 * show after a switch.
 */
export type PlanNotice = {
  intent: 'success' | 'info' | 'warning';
  parts: { key: UiKey; params?: UiParams }[];
  testId: string;
  step: PlanStep;
};

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
  /** The stored versions of the unit's plan for the year, oldest first; null while asked. */
  const [stored, setStored] = useState<StoredVersion[] | null>(null);
  const [storedRefresh, setStoredRefresh] = useState(0);
  /** The team's latest draft (null: none saved, or not known yet). */
  const [draft, setDraft] = useState<StoredDraft | null>(null);
  /** The draft the sheets hold, written or saved from this pane (null: none). */
  const [heldDraft, setHeldDraft] = useState<number | null>(null);
  /** The version chosen to open; null opens the latest. */
  const [chosenVersion, setChosenVersion] = useState<number | null>(null);
  /** The submit in flight: its key is reused when the same plan is sent again after a failure. */
  const [attempt] = useState(() => new WriteAttempt());

  useEffect(() => {
    if (org) setUnitId((u) => u || startingUnit(org, session.signIn.personId, session.person?.unitId));
  }, [org, session]);

  // The team's stored plan for the year: what Open writes, and the status the section shows.
  useEffect(() => {
    if (!unitId) return;
    let live = true;
    setStored(null);
    setChosenVersion(null);
    Promise.all([fetchStoredVersions(api, unitId, String(year)), fetchDraft(api, unitId, String(year))]).then(
      ([versions, latestDraft]) => {
        if (!live) return;
        setStored(versions);
        setDraft(latestDraft);
      },
      (error: unknown) => {
        if (!live) return;
        setStored([]);
        setDraft(null);
        onError(error, 'api');
      },
    );
    return () => {
      live = false;
    };
  }, [api, unitId, year, storedRefresh, onError]);

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
  const ownerNames = useMemo(() => ownerNamesOf(org), [org]);
  const latest = stored?.at(-1) ?? null;
  /** The draft still open (no version submitted after it), the team's newest work. */
  const openDraft = draft?.open ? draft : null;

  const say = (
    step: PlanStep,
    intent: PlanNotice['intent'],
    key: UiKey,
    params?: UiParams,
    testId = 'plan-notice',
  ) => setNotice({ intent, parts: [{ key, ...(params ? { params } : {}) }], testId, step });

  const fail = (step: PlanStep, error: unknown) => {
    if (error instanceof TemplateMissingError)
      setNotice({
        intent: 'warning',
        parts: [{ key: 'plan.templateMissing.title' }, { key: 'plan.templateMissing.action' }],
        testId: 'plan-notice',
        step,
      });
    else onError(error, isApiFailure(error) ? 'api' : 'workbook');
  };
  /** Runs one action with the notice cleared; its failure is shown beside it (or as the shell shows failures). */
  const act = (name: PlanBusy, step: PlanStep, work: () => Promise<void>) =>
    run(name, async () => {
      setNotice(null);
      try {
        await work();
      } catch (error) {
        fail(step, error);
      }
    });

  /** Writes a stored version (the chosen one, else the latest) into the Targets and Goals sheets. */
  const open = () =>
    act('open', 'open', async () => {
      const version = chosenVersion ?? latest?.version;
      if (!version) return;
      setFindings(null);
      setConflict(null);
      await reloadVersion(workbook, api, {
        locale,
        version,
        unitId,
        year,
        owners,
        metrics,
        ownerNames,
        fromStamp: false,
      });
      attempt.forget();
      setBaseVersion(version);
      setRefresh((n) => n + 1);
      say('open', 'success', 'plan.open.done', { version }, 'plan-opened');
    });

  /** Writes the open draft into the Targets and Goals sheets, based on the version it was saved on. */
  const openTheDraft = () =>
    act('open', 'open', async () => {
      if (!openDraft) return;
      setFindings(null);
      setConflict(null);
      await openDraftInSheets(workbook, {
        locale,
        plan: openDraft.plan,
        basedOn: openDraft.basedOn,
        owners,
        metrics,
        ownerNames,
      });
      attempt.forget();
      setBaseVersion(openDraft.basedOn ?? 0);
      setHeldDraft(openDraft.draft);
      setRefresh((n) => n + 1);
      say('open', 'success', 'plan.draft.opened', { draft: openDraft.draft }, 'plan-opened');
    });

  // A blank template is based on the latest stored version, so that its submission is the next one.
  const insert = () =>
    act('insert', 'insert', async () => {
      setFindings(null);
      setConflict(null);
      if (!knowsUnit(org, unitId)) throw new Error(tr('plan.insert.noOrg'));
      const base = latest?.version ?? 0;
      const written = await insertTemplates(workbook, {
        unitId,
        year,
        owners,
        metrics,
        locale,
        baseVersion: base,
        ownerNames,
      });
      attempt.forget();
      setBaseVersion(base);
      setRefresh((n) => n + 1);
      say('insert', 'success', 'plan.insert.done', {
        rows: written.rows,
        unit: ownerNames.get(unitId) ?? unitId,
        year,
        targets: written.targets,
        goals: written.goals,
      });
    });

  const check = () =>
    act('check', 'check', async () => {
      const local = await checkLocally(workbook, { locale, org });
      setFindings(local.located);
      say('check', 'info', 'plan.check.local', counts(local.summary));
      try {
        const server = await checkOnServer(workbook, api, local.read);
        setFindings(server.located);
        const total = server.summary.errors + server.summary.warnings + server.summary.infos;
        if (total === 0) say('check', 'success', 'plan.check.clean');
        else say('check', 'info', 'plan.check.server', counts(server.summary));
      } catch (error) {
        say('check', 'warning', 'plan.check.serverFailed');
        onError(error, 'api');
      }
    });

  const submit = (onTopOf?: number) =>
    act('submit', 'submit', async () => {
      setConflict(null);
      const outcome = await submitPlan(workbook, api, {
        locale,
        attempt,
        ...(onTopOf !== undefined ? { onTopOf } : {}),
      });
      switch (outcome.status) {
        case 'import-errors':
          setFindings(outcome.located);
          say('submit', 'warning', 'plan.submit.importErrors', { count: outcome.count });
          break;
        case 'stored':
          setBaseVersion(outcome.version);
          setHeldDraft(null);
          setFindings(outcome.located);
          setStoredRefresh((n) => n + 1);
          say(
            'submit',
            'success',
            'plan.submit.stored',
            { version: outcome.version, ...counts(outcome.summary) },
            'plan-stored',
          );
          break;
        case 'stale':
          setConflict(outcome.conflict);
          break;
        case 'rejected':
          setFindings(outcome.located);
          say('submit', 'warning', 'plan.submit.rejected', { count: outcome.errors });
          break;
      }
    });

  /** Saves the sheets as a draft: stored, not submitted; its findings painted, errors too. */
  const saveDraft = () =>
    act('draft', 'submit', async () => {
      setConflict(null);
      const outcome = await saveDraftOnServer(workbook, api, { locale, attempt });
      switch (outcome.status) {
        case 'import-errors':
          setFindings(outcome.located);
          say('submit', 'warning', 'plan.submit.importErrors', { count: outcome.count });
          break;
        case 'saved':
          setFindings(outcome.located);
          setHeldDraft(outcome.draft);
          setStoredRefresh((n) => n + 1);
          say('submit', 'success', 'plan.draft.saved', counts(outcome.summary), 'plan-draft-saved');
          break;
        case 'stale':
          setConflict(outcome.conflict);
          break;
      }
    });

  const reload = (version: number) =>
    act('reload', 'submit', async () => {
      await reloadVersion(workbook, api, { locale, version, unitId, year, owners, metrics, ownerNames });
      attempt.forget();
      setBaseVersion(version);
      setConflict(null);
      setFindings(null);
      setRefresh((n) => n + 1);
      say('submit', 'success', 'plan.conflict.reloaded', { version });
    });

  const writeCatalog = () =>
    run('insert', async () => {
      setCatalogDone(null);
      try {
        const headers = (['colId', 'colLabel', 'colUnit', 'colAggregation', 'colDirection'] as const).map(
          (c) => tr(`page.plan.${c}`),
        );
        const word = (kind: 'unit' | 'aggregation' | 'direction', value: string) =>
          tr(`plan.catalog.${kind}.${value}` as UiKey);
        setCatalogDone(await writeMetricCatalog(workbook, headers, locale, word));
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
    stored,
    latest,
    openDraft,
    heldDraft,
    chosenVersion,
    setChosenVersion,
    ownerNames,
    open,
    openTheDraft,
    saveDraft,
    metricsSheet: metricsSheetName(locale),
    allocationWritten: () => setRefresh((n) => n + 1),
    insert,
    check,
    submit,
    reload,
    writeCatalog,
    select,
  };
}
