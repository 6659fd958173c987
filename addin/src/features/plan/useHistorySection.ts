// The History section's state and actions: the unit (chosen by name among the units in the caller's
// scope) and period asked about (the workbook's plan when it holds one), their stored versions, and the
// diff sheet between two different versions. What happened is a notice, put into words when drawn.
import { useEffect, useMemo, useState } from 'react';
import type { OrgData } from '@teamsheet/shared';
import type { UiKey } from '../../i18n';
import type { PageProps } from '../../pages/PageProps';
import type { Failure, Notice } from '../common/notice';
import { unitChoices, useOrg } from '../org/org';
import { listVersions, writeVersionDiff, type VersionInfo } from './history';
import { readStamp } from './planSheets';
import { startingUnit } from './planWorkflow';

export function useHistorySection({ tr, locale, workbook, api, session, onError }: PageProps) {
  const org = useOrg(api, onError);
  const [unitId, setUnitId] = useState(session.person?.unitId ?? '');
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [from, setFromState] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [done, setDone] = useState<Notice<UiKey> | null>(null);
  /** The failure of Show versions or of Write diff sheet, shown beside that button. */
  const [failure, setFailure] = useState<(Failure & { action: 'load' | 'diff' }) | null>(null);
  const units = useMemo(() => (org ? unitChoices(org) : []), [org]);

  // The unit the caller plans for, once the org is known, unless the workbook's plan named one.
  useEffect(() => {
    if (!org || units.some((u) => u.id === unitId)) return;
    setUnitId(startingUnit(org as OrgData, session.signIn.personId, session.person?.unitId));
  }, [org]);

  const load = async (u = unitId, p = period) => {
    setBusy(true);
    setDone(null);
    setFailure(null);
    try {
      const list = await listVersions(api, u, p);
      setVersions(list);
      // A diff needs two different versions: the last against the one before.
      setTo(list.length > 1 ? (list.at(-1)?.version ?? null) : null);
      setFromState(list.length > 1 ? (list.at(-2)?.version ?? null) : null);
    } catch (error) {
      setVersions(null);
      setFailure({ error, source: 'api', action: 'load' });
    } finally {
      setBusy(false);
    }
  };

  /** Choosing the version `to` already is moves `to` to another one: a version is never diffed with itself. */
  const setFrom = (v: number) => {
    setFromState(v);
    if (v === to) setTo(versions?.map((x) => x.version).find((x) => x !== v) ?? null);
  };

  // Start from the plan in the workbook, when there is one.
  useEffect(() => {
    let live = true;
    void readStamp(workbook, locale).then(
      (stamp) => {
        if (!live || !stamp) return;
        setUnitId(stamp.unitId);
        setPeriod(stamp.period);
        void load(stamp.unitId, stamp.period);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [workbook]);

  const writeDiff = async () => {
    if (from === null || to === null || from === to) return;
    setBusy(true);
    setDone(null);
    setFailure(null);
    try {
      const written = await writeVersionDiff(workbook, api, {
        unitId,
        period,
        from,
        to,
        headers: [
          tr('history.col.sheet'),
          tr('history.col.owner'),
          tr('history.col.metric'),
          tr('history.col.month'),
          tr('history.col.before'),
          tr('history.col.after'),
          tr('history.col.kind'),
        ],
        kindLabel: (kind) => tr(`plan.change.${kind}`),
        org,
        locale,
      });
      setDone({
        intent: 'success',
        key: 'history.diffDone',
        params: { count: written.changes, sheet: written.sheet },
      });
    } catch (error) {
      setFailure({ error, source: 'api', action: 'diff' });
    } finally {
      setBusy(false);
    }
  };

  const people = useMemo(() => new Map((org?.people ?? []).map((p) => [p.id, p.name ?? p.id])), [org]);
  return {
    units,
    unitId,
    setUnitId,
    period,
    setPeriod,
    versions,
    busy,
    from,
    setFrom,
    to,
    setTo,
    done,
    failure,
    load,
    writeDiff,
    /** A person's name for a version's author; the id only when the org does not list them. */
    authorName: (id: string) => people.get(id) ?? id,
  };
}
