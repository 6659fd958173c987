// Plan: insert the planning templates, allocate, check (the core at once, then the server), and
// submit a new version with If-Match and an Idempotency-Key; a stale base shows what changed.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  SpinButton,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  OrgIndex,
  metricCatalog,
  summariseFindings,
  validatePlan,
  type Finding,
  type Org,
  type Plan,
  type ValidationSummary,
} from '@teamsheet/shared';
import { ApiError } from '../api';
import { AllocatePanel } from '../features/plan/AllocatePanel';
import { FindingsList } from '../features/plan/FindingsList';
import {
  TemplateMissingError,
  insertTemplates,
  locateAll,
  paintFindings,
  parseSheetRow,
  readPlan,
  readStamp,
  targetsSheetName,
  writeBaseVersion,
  type LocatedFinding,
  type PlanChange,
  type PlanRead,
} from '../features/plan/planSheets';
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

export const METRICS_SHEET = 'Metrics';
const DEFAULT_METRICS = ['revenue', 'new_customers', 'visits'];
const CHOOSABLE_METRICS = [
  'revenue',
  'collections',
  'gross_margin',
  'new_customers',
  'visits',
  'calls',
  'deals',
];

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
  changes: { margin: 0, paddingLeft: '18px', fontSize: '12px' },
});

type Busy = null | 'insert' | 'check' | 'submit' | 'reload';
type Notice = { intent: 'success' | 'info' | 'warning'; text: string; testId: string };
type Conflict = { base: number; current: number; changes: PlanChange[] | null };

/** A changed cell's value as a person reads it: numbers grouped in the user's language, text as is. */
function changeValue(value: unknown, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return value.toLocaleString(locale, { maximumFractionDigits: 6 });
  return String(value);
}

export function PlanPage({ tr, locale, workbook, api, session, onError }: PageProps) {
  const styles = useStyles();
  const [org, setOrg] = useState<Org | null>(null);
  const [unitId, setUnitId] = useState('');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [metrics, setMetrics] = useState<string[]>(DEFAULT_METRICS);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [findings, setFindings] = useState<LocatedFinding[] | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [selectedRow, setSelectedRow] = useState<number | null>(null);
  /** The submit attempt in flight: its key is reused when the same plan is sent again after a failure. */
  const attempt = useRef<{ key: string; body: string; base: number } | null>(null);

  useEffect(() => {
    let live = true;
    api.get<Org>('/api/org').then(
      (o) => {
        if (!live) return;
        setOrg(o);
        const me = session.person?.unitId ?? o.people.find((p) => p.id === session.signIn.personId)?.unitId;
        const managed = o.units.find((u) => u.managerId === session.signIn.personId)?.id;
        setUnitId((u) => u || managed || me || o.units[0]?.id || '');
      },
      (error: unknown) => live && onError(error, 'api'),
    );
    return () => {
      live = false;
    };
  }, [api, session, onError]);

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
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let live = true;
    void workbook
      .onSelectionChanged((s) => {
        if (s.sheet === targetsSheetName(locale) || s.sheet === targetsSheetName('en'))
          setSelectedRow(parseSheetRow(s.address));
      })
      .then((off) => (live ? (unsubscribe = off) : off()));
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [workbook, locale]);

  const index = useMemo(() => (org ? new OrgIndex(org) : null), [org]);
  const owners = useMemo(() => {
    if (!org || !unitId) return [];
    const people = org.people.filter(
      (p) => p.unitId === unitId && (!p.exitDate || p.exitDate >= `${year}-01-01`),
    );
    return [unitId, ...people.map((p) => p.id)];
  }, [org, unitId, year]);

  const fail = (error: unknown) => {
    if (error instanceof TemplateMissingError)
      setNotice({
        intent: 'warning',
        text: `${tr('plan.templateMissing.title')}. ${tr('plan.templateMissing.action')}`,
        testId: 'plan-notice',
      });
    else if (error instanceof ApiError || (error instanceof Error && error.name === 'NetworkError'))
      onError(error, 'api');
    else onError(error, 'workbook');
  };

  const insert = async () => {
    setBusy('insert');
    setNotice(null);
    setFindings(null);
    setConflict(null);
    try {
      if (!index?.unit(unitId)) throw new Error(tr('plan.insert.noOrg'));
      const written = await insertTemplates(workbook, {
        unitId,
        year,
        owners,
        metrics,
        locale,
        baseVersion: 0,
      });
      attempt.current = null;
      setBaseVersion(0);
      setRefresh((n) => n + 1);
      setNotice({
        intent: 'success',
        text: tr('plan.insert.done', {
          rows: written.rows,
          unit: unitId,
          year,
          targets: written.targets,
          goals: written.goals,
        }),
        testId: 'plan-notice',
      });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const show = async (read: PlanRead, importFindings: Finding[], planFindings: Finding[]) => {
    const located = locateAll(read, importFindings, planFindings);
    const sheets = [read.targetsSheet, ...(read.goalsSheet ? [read.goalsSheet] : [])];
    await paintFindings(workbook, sheets, located);
    setFindings(located);
    return located;
  };
  const counts = (s: ValidationSummary) => ({ errors: s.errors, warnings: s.warnings, infos: s.infos });

  const check = async () => {
    setBusy('check');
    setNotice(null);
    try {
      const read = await readPlan(workbook, locale);
      // The same core as the server, at once; the server then adds last year's actuals and the parent's targets.
      const local = validatePlan(read.plan, org ? { org } : {}, { locale });
      await show(read, read.importFindings, local.findings);
      const localSummary = summariseFindings([...read.importFindings, ...local.findings]);
      setNotice({
        intent: 'info',
        text: tr('plan.check.local', counts(localSummary)),
        testId: 'plan-notice',
      });
      try {
        const server = await api.post<{ findings: Finding[]; summary: ValidationSummary }>(
          '/api/plans/validate',
          { plan: read.plan },
        );
        await show(read, read.importFindings, server.findings);
        const all = summariseFindings([...read.importFindings, ...server.findings]);
        setNotice({
          intent: all.errors + all.warnings + all.infos === 0 ? 'success' : 'info',
          text:
            all.errors + all.warnings + all.infos === 0
              ? tr('plan.check.clean')
              : tr('plan.check.server', counts(all)),
          testId: 'plan-notice',
        });
      } catch (error) {
        setNotice({ intent: 'warning', text: tr('plan.check.serverFailed'), testId: 'plan-notice' });
        onError(error, 'api');
      }
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const planUrl = (plan: Pick<Plan, 'unitId' | 'period'>) =>
    `/api/plans/${encodeURIComponent(plan.unitId)}/${encodeURIComponent(plan.period)}`;

  const submit = async (onTopOf?: number) => {
    setBusy('submit');
    setNotice(null);
    setConflict(null);
    try {
      const read = await readPlan(workbook, locale);
      const importErrors = read.importFindings.filter((f) => f.severity === 'error');
      if (importErrors.length > 0) {
        await show(read, read.importFindings, []);
        setNotice({
          intent: 'warning',
          text: tr('plan.submit.importErrors', { count: importErrors.length }),
          testId: 'plan-notice',
        });
        return;
      }
      const base = onTopOf ?? read.stamp.baseVersion;
      const body = JSON.stringify(read.plan);
      if (!attempt.current || attempt.current.body !== body || attempt.current.base !== base)
        attempt.current = { key: crypto.randomUUID(), body, base };
      try {
        const stored = await api.put<{ version: number; summary: ValidationSummary; findings: Finding[] }>(
          planUrl(read.plan),
          read.plan,
          { headers: { 'if-match': `"${base}"`, 'idempotency-key': attempt.current.key } },
        );
        attempt.current = null;
        await writeBaseVersion(workbook, read.targetsSheet, stored.version);
        setBaseVersion(stored.version);
        await show(read, [], stored.findings ?? []);
        setNotice({
          intent: 'success',
          text: tr('plan.submit.stored', { version: stored.version, ...counts(stored.summary) }),
          testId: 'plan-stored',
        });
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) {
          attempt.current = null;
          const current = Number(error.problem.currentVersion);
          let changes: PlanChange[] | null = null;
          if (base > 0 && Number.isInteger(current))
            changes = await api
              .get<PlanChange[]>(`${planUrl(read.plan)}/diff?from=${base}&to=${current}`)
              .catch(() => null);
          setConflict({ base, current, changes });
        } else if (
          error instanceof ApiError &&
          error.status === 422 &&
          Array.isArray(error.problem.findings)
        ) {
          attempt.current = null;
          const serverFindings = error.problem.findings as Finding[];
          await show(read, [], serverFindings);
          const errors = serverFindings.filter((f) => f.severity === 'error').length;
          setNotice({
            intent: 'warning',
            text: tr('plan.submit.rejected', { count: errors }),
            testId: 'plan-notice',
          });
        } else {
          // Network failures and 5xx keep the attempt (and its key), so a retry cannot store twice.
          throw error;
        }
      }
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const reload = async (version: number) => {
    setBusy('reload');
    try {
      const stamp = await readStamp(workbook, locale);
      const unit = stamp?.unitId || unitId;
      const period = stamp?.period || String(year);
      const got = await api.get<{ plan?: Plan; version?: number } & Partial<Plan>>(
        `${planUrl({ unitId: unit, period })}?version=${version}`,
      );
      const plan: Plan = got.plan ?? (got as Plan);
      await insertTemplates(workbook, {
        unitId: unit,
        year: Number(period.slice(0, 4)),
        owners,
        metrics,
        locale,
        plan,
        baseVersion: version,
      });
      attempt.current = null;
      setBaseVersion(version);
      setConflict(null);
      setFindings(null);
      setRefresh((n) => n + 1);
      setNotice({
        intent: 'success',
        text: tr('plan.conflict.reloaded', { version }),
        testId: 'plan-notice',
      });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const select = useCallback(
    (sheet: string, address: string) =>
      void workbook.selectCell(sheet, address).catch((e: unknown) => onError(e, 'workbook')),
    [workbook, onError],
  );

  const [catalogDone, setCatalogDone] = useState<number | null>(null);
  const writeCatalog = async () => {
    setBusy('insert');
    setCatalogDone(null);
    try {
      const list = Object.values(metricCatalog);
      await workbook.writeTable(METRICS_SHEET, {
        name: 'MetricCatalog',
        headers: [
          tr('page.plan.colId'),
          tr('page.plan.colLabel'),
          tr('page.plan.colUnit'),
          tr('page.plan.colAggregation'),
          tr('page.plan.colDirection'),
        ],
        rows: list.map((m) => [m.id, m.label[locale], m.unit, m.aggregation, m.direction]),
        freezeHeader: true,
      });
      await workbook.selectCell(METRICS_SHEET, 'A1');
      setCatalogDone(list.length);
    } catch (error) {
      onError(error, 'workbook');
    } finally {
      setBusy(null);
    }
  };

  const units = org?.units ?? [];
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
              onOptionSelect={(_, d) => setUnitId(String(d.optionValue))}
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
              value={year}
              min={2000}
              max={2100}
              onChange={(_, d) => {
                const v = d.value ?? Number(d.displayValue);
                if (Number.isInteger(v)) setYear(v as number);
              }}
            />
          </Field>
        </div>
        <Field label={tr('plan.metrics')}>
          <div className={styles.metrics}>
            {CHOOSABLE_METRICS.map((m) => (
              <Checkbox
                key={m}
                label={m}
                checked={metrics.includes(m)}
                onChange={(_, d) =>
                  setMetrics((list) =>
                    d.checked
                      ? CHOOSABLE_METRICS.filter((x) => x === m || list.includes(x))
                      : list.filter((x) => x !== m),
                  )
                }
              />
            ))}
          </div>
        </Field>
        <Button
          appearance="primary"
          disabled={busy !== null || !org || metrics.length === 0}
          onClick={() => void insert()}
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
          refresh={refresh}
          selectedRow={selectedRow}
          onError={(e) => onError(e, 'workbook')}
          onWritten={() => setRefresh((n) => n + 1)}
        />
      </div>

      <div className={styles.block}>
        <Text weight="semibold">{tr('plan.check.title')}</Text>
        <Text size={200}>{tr('plan.check.help')}</Text>
        <Button disabled={busy !== null} onClick={() => void check()} data-testid="plan-check">
          {tr('plan.check.button')}
        </Button>
        {findings ? <FindingsList findings={findings} tr={tr} onSelect={select} /> : null}
      </div>

      <div className={styles.block}>
        <Text weight="semibold">{tr('plan.submit.title')}</Text>
        <Text size={200}>{tr('plan.submit.help')}</Text>
        <Text size={200} data-testid="plan-base">
          {baseVersion ? tr('plan.submit.base', { version: baseVersion }) : tr('plan.submit.baseNone')}
        </Text>
        <Button
          appearance="primary"
          disabled={busy !== null}
          onClick={() => void submit()}
          data-testid="plan-submit"
        >
          {tr('plan.submit.button')}
        </Button>
        {conflict ? (
          <MessageBar intent="warning" layout="multiline" data-testid="plan-conflict">
            <MessageBarBody>
              <MessageBarTitle>
                {tr('plan.conflict.title', { base: conflict.base, current: conflict.current })}
              </MessageBarTitle>
              {conflict.changes ? (
                <>
                  <div>
                    {tr('plan.conflict.changes', {
                      count: conflict.changes.length,
                      base: conflict.base,
                      current: conflict.current,
                    })}
                  </div>
                  <ul className={styles.changes}>
                    {conflict.changes.slice(0, 12).map((c, i) => (
                      <li key={i}>
                        {[c.key.owner ?? c.key.id, c.key.metric ?? c.field, c.key.period]
                          .filter(Boolean)
                          .join(' · ')}
                        : {changeValue(c.before, locale)} → {changeValue(c.after, locale)} (
                        {tr(`plan.change.${c.kind}`)})
                      </li>
                    ))}
                  </ul>
                  {conflict.changes.length > 12 ? (
                    <div>{tr('plan.conflict.more', { count: conflict.changes.length - 12 })}</div>
                  ) : null}
                </>
              ) : null}
              <div className={styles.row}>
                <Button size="small" onClick={() => void reload(conflict.current)} data-testid="plan-reload">
                  {tr('plan.conflict.reload', { current: conflict.current })}
                </Button>
                <Button
                  size="small"
                  onClick={() => void submit(conflict.current)}
                  data-testid="plan-resubmit"
                >
                  {tr('plan.conflict.resubmit', { current: conflict.current })}
                </Button>
              </div>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>

      <div className={styles.block}>
        <Text weight="semibold">{tr('page.plan.metrics')}</Text>
        <Text size={200}>{tr('page.plan.metricsHelp', { sheet: METRICS_SHEET })}</Text>
        <Button disabled={busy !== null} onClick={() => void writeCatalog()} data-testid="write-metrics">
          {tr('page.plan.metricsButton')}
        </Button>
        {catalogDone !== null ? (
          <MessageBar intent="success">
            <MessageBarBody>
              {tr('page.plan.metricsDone', { count: catalogDone, sheet: METRICS_SHEET })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </SectionIntro>
  );
}
