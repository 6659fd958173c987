// Finance's journey in the Payouts section, as state and actions: the stored comp plans, the version
// being stored (effective from / to, applies to), the run of the period (create, review, approve by a
// second finance person, close after a confirmation). Each block keeps its own notice as a key and its
// values, worded at render time so a language switch re-words it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type Finding, type Role } from '@teamsheet/shared';
import { ApiError, isApiFailure } from '../../api';
import type { UiKey, UiParams } from '../../i18n';
import type { PageProps } from '../../pages/PageProps';
import { useBusy } from '../common/useBusy';
import { useOrg } from '../org/org';
import { CompPlanMissingError, insertCompPlanTemplate, starterCompPlan } from './compPlanSheets';
import {
  approveRun,
  closePeriod,
  createRun,
  latestRun,
  listCompPlans,
  metricLabelIn,
  moneyLabel,
  openCompPlan,
  storeCompPlanVersion,
  type RunView,
  type StoredCompPlan,
} from './financeJourney';

export type JourneyNotice = {
  intent: 'success' | 'warning' | 'error' | 'info';
  key: UiKey;
  params?: UiParams;
  /** A refusal's own words (the server's, already in the request's language) and its field errors. */
  detail?: string;
  findings?: Finding[];
} | null;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const key = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).toString();

/** A failure of a block as its notice: the server's refusal in its words, else the shell's bar. */
function refusalNotice(error: unknown, fallback: UiKey): JourneyNotice | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const p = error.problem;
  const errors = (p.errors ?? []).map((e) => ({
    rule: 'api',
    severity: 'error' as const,
    path: e.path,
    message: e.message,
  }));
  return { intent: 'error', key: fallback, detail: p.detail ?? p.title, findings: errors };
}

export function useFinanceJourney(
  { tr, locale, workbook, api, session, onError }: PageProps,
  period: string,
  enabled: boolean,
) {
  const org = useOrg(api, onError as (e: unknown, s: 'api') => void);
  const { busy, run } = useBusy();
  const me = session.signIn.personId;
  const [plans, setPlans] = useState<StoredCompPlan[] | null>(null);
  const [chosen, setChosen] = useState<string>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [units, setUnits] = useState<string[]>([]);
  const [roles, setRoles] = useState<Role[]>([]);
  const [runView, setRun] = useState<RunView | null>(null);
  const [explained, setExplained] = useState<number | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [planNotice, setPlanNotice] = useState<JourneyNotice>(null);
  const [runNotice, setRunNotice] = useState<JourneyNotice>(null);
  const [approveNotice, setApproveNotice] = useState<JourneyNotice>(null);
  const [closeNotice, setCloseNotice] = useState<JourneyNotice>(null);
  const failed = (error: unknown) => onError(error, isApiFailure(error) ? 'api' : 'workbook');

  const refresh = useCallback(async () => {
    const list = await listCompPlans(api);
    setPlans(list);
    setChosen((c) => c || list[0]?.compPlanId || '');
    return list;
  }, [api]);
  useEffect(() => {
    if (enabled) refresh().catch((error: unknown) => onError(error, 'api'));
  }, [refresh, onError, enabled]);

  const insertTemplate = () =>
    run('cp.insert', async () => {
      setPlanNotice(null);
      try {
        const written = await insertCompPlanTemplate(workbook, starterCompPlan(locale), locale);
        setPlanNotice({
          intent: 'success',
          key: 'payouts.plan.inserted',
          params: { components: written.components, tiers: written.tiers },
        });
      } catch (error) {
        failed(error);
      }
    });

  const open = (compPlanId: string) =>
    run('cp.open', async () => {
      setPlanNotice(null);
      try {
        const stored = await openCompPlan(api, workbook, compPlanId, locale);
        setFrom('');
        setTo(stored.effectiveTo ?? '');
        setUnits(stored.appliesTo.unitIds ?? []);
        setRoles(stored.appliesTo.roles ?? []);
        setPlanNotice({
          intent: 'success',
          key: 'payouts.cp.opened',
          params: { name: stored.name, version: stored.version },
        });
      } catch (error) {
        failed(error);
      }
    });

  const datesOk = MONTH.test(from) && (to === '' || (MONTH.test(to) && to >= from));
  const store = () =>
    run('cp.store', async () => {
      setPlanNotice(null);
      try {
        const out = await storeCompPlanVersion(
          api,
          workbook,
          locale,
          {
            effectiveFrom: from,
            ...(to ? { effectiveTo: to } : {}),
            appliesTo: { ...(units.length ? { unitIds: units } : {}), ...(roles.length ? { roles } : {}) },
          },
          plans ?? [],
          key(),
        );
        if ('findings' in out) {
          setPlanNotice({ intent: 'error', key: 'payouts.cp.sheetErrors', findings: out.findings });
          return;
        }
        await refresh();
        setChosen(out.stored.compPlanId);
        setPlanNotice({
          intent: 'success',
          key: 'payouts.cp.stored',
          params: { name: out.stored.name, version: out.stored.version },
        });
      } catch (error) {
        if (error instanceof CompPlanMissingError)
          setPlanNotice({ intent: 'warning', key: 'payouts.plan.missing' });
        else {
          const notice = refusalNotice(error, 'payouts.cp.refused');
          if (notice) setPlanNotice(notice);
          else failed(error);
        }
      }
    });

  const createForPeriod = () =>
    run('run.create', async () => {
      setRunNotice(null);
      setApproveNotice(null);
      setCloseNotice(null);
      try {
        const created = await createRun(api, period, chosen, key());
        setRun(created);
        setExplained(null);
        setRunNotice({
          intent: 'success',
          key: 'payouts.run.created',
          params: { period, lines: created.lineCount },
        });
      } catch (error) {
        const notice = refusalNotice(error, 'payouts.run.refused');
        if (notice) setRunNotice(notice);
        else failed(error);
      }
    });

  const openLatest = () =>
    run('run.open', async () => {
      setRunNotice(null);
      setApproveNotice(null);
      try {
        const found = await latestRun(api, period);
        setRun(found);
        setExplained(null);
        setRunNotice(found ? null : { intent: 'info', key: 'payouts.run.none', params: { period } });
      } catch (error) {
        const notice = refusalNotice(error, 'payouts.run.refused');
        if (notice) setRunNotice(notice);
        else failed(error);
      }
    });

  const reload = async (r: RunView) => setRun(await latestRun(api, r.period));

  const approve = () =>
    run('run.approve', async () => {
      if (!runView) return;
      setApproveNotice(null);
      try {
        await approveRun(api, runView, key());
        await reload(runView);
        setApproveNotice({
          intent: 'success',
          key: 'payouts.run.approved',
          params: { period: runView.period },
        });
      } catch (error) {
        const notice = refusalNotice(error, 'payouts.run.approveRefused');
        if (notice) setApproveNotice(notice);
        else failed(error);
      }
    });

  const close = () =>
    run('period.close', async () => {
      setConfirmClose(false);
      setCloseNotice(null);
      try {
        await closePeriod(api, period, key());
        if (runView) await reload(runView);
        setCloseNotice({ intent: 'success', key: 'payouts.close.done', params: { period } });
      } catch (error) {
        const notice = refusalNotice(error, 'payouts.close.refused');
        if (notice) setCloseNotice(notice);
        else failed(error);
      }
    });

  const names = useMemo(
    () => new Map((org?.people ?? []).map((p) => [p.id, p.name ?? tr('payouts.cp.unnamed')])),
    [org, tr],
  );
  const metricName = metricLabelIn(locale);
  const money = (amount: string) => moneyLabel(amount, runView?.currency ?? 'CNY', locale);

  return {
    org,
    busy,
    plans,
    chosen,
    setChosen,
    from,
    setFrom,
    to,
    setTo,
    units,
    setUnits,
    roles,
    setRoles,
    datesOk,
    run: runView,
    ownRun: runView?.createdBy === me,
    names,
    metricName,
    money,
    explained,
    setExplained,
    confirmClose,
    setConfirmClose,
    planNotice,
    runNotice,
    approveNotice,
    closeNotice,
    insertTemplate,
    open,
    store,
    createForPeriod,
    openLatest,
    approve,
    close,
  };
}
