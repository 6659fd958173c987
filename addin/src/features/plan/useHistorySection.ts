// The History section's state and actions: the unit and period asked about (the workbook's plan when
// it holds one), their stored versions, and the diff sheet between two of them.
import { useEffect, useState } from 'react';
import type { PageProps } from '../../pages/PageProps';
import { listVersions, writeVersionDiff, type VersionInfo } from './history';
import { readStamp } from './planSheets';

export function useHistorySection({ tr, locale, workbook, api, session, onError }: PageProps) {
  const [unitId, setUnitId] = useState(session.person?.unitId ?? '');
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = async (u = unitId, p = period) => {
    setBusy(true);
    setDone(null);
    try {
      const list = await listVersions(api, u, p);
      setVersions(list);
      const last = list.at(-1)?.version ?? null;
      setTo(last);
      setFrom(list.length > 1 ? (list.at(-2)?.version ?? null) : last);
    } catch (error) {
      setVersions(null);
      onError(error, 'api');
    } finally {
      setBusy(false);
    }
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
    if (from === null || to === null) return;
    setBusy(true);
    setDone(null);
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
      });
      setDone(tr('history.diffDone', { count: written.changes, sheet: written.sheet }));
    } catch (error) {
      onError(error, 'api');
    } finally {
      setBusy(false);
    }
  };

  return {
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
    load,
    writeDiff,
  };
}
