// The Consolidate section's state and actions: the units worth consolidating, the unit and period
// chosen, a pull of the roll-up written to the Rollup sheet, and Refresh of a sheet already there.
// What happened is kept as a notice (key and params), put into words when drawn.
import { useEffect, useMemo, useState } from 'react';
import { OrgIndex, parsePeriod, type OrgData, type Rollup } from '@teamsheet/shared';
import type { UiKey } from '../../i18n';
import type { PageProps } from '../../pages/PageProps';
import type { Failure, Notice } from '../common/notice';
import { useOrg } from '../org/org';
import { rollupSheet, ROLLUP_SHEETS } from './layout';
import {
  pullRollup,
  readStamp,
  refreshRollupSheet,
  writeRollupSheet,
  type Pull,
  type WritePhase,
} from './rollupSheet';

export type Progress = { label: string; value?: number } | null;
export type Outcome = Notice<UiKey> | null;

/** Units that have units below them (there is something to consolidate), shallowest first. */
function consolidatable(org: OrgData): { id: string; name: string; depth: number }[] {
  const index = new OrgIndex(org);
  const ids = new Set(org.units.map((u) => u.id));
  const depth = (id: string) => index.ancestors(id).filter((a) => ids.has(a)).length;
  return org.units
    .filter((u) => index.children(u.id).length > 0)
    .map((u) => ({ id: u.id, name: u.name, depth: depth(u.id) }))
    .sort((a, b) => a.depth - b.depth);
}

/** The units below that have not submitted, each with its manager's name, as lines of a notice. */
function missingLines(rollup: Rollup, org: OrgData): NonNullable<Notice<UiKey>['lines']> {
  const index = new OrgIndex(org);
  return rollup.missing.map((m) => {
    const manager = m.managerName ?? index.managerOf(m.unitId)?.name ?? '—';
    return { key: 'consolidate.missingLine', params: { unit: m.unitName, manager } };
  });
}

export function useConsolidateSection({ tr, locale, workbook, api, session, onError }: PageProps) {
  const org = useOrg(api, onError);
  const [unitId, setUnitId] = useState('');
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [progress, setProgress] = useState<Progress>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    if (!org) return;
    const own = session.person?.unitId;
    const units = consolidatable(org);
    setUnitId(units.find((u) => u.id === own)?.id ?? units[0]?.id ?? '');
  }, [org, session]);

  const units = useMemo(() => (org ? consolidatable(org) : []), [org]);
  const periodOk = parsePeriod(period.trim()) !== null;
  const unitName = (id: string) => org?.units.find((u) => u.id === id)?.name ?? id;
  const sheetName = ROLLUP_SHEETS[locale];
  const phaseLabel = (p: WritePhase) => ({
    label: tr('consolidate.writing', { sheet: sheetName }),
    value: p.phase === 'cells' ? 0.5 : p.phase === 'formats' ? 0.8 : 0.9,
  });

  /** Runs one step, showing its failure beside the buttons as an API or a workbook failure. */
  const step = async <T>(source: 'api' | 'workbook', work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      setFailure({ error, source });
      throw error;
    }
  };

  /** The Rollup sheet of a pull, stamped with the moment it was pulled, in the user's language. */
  const sheetOf = (o: OrgData, pull: Extract<Pull, { status: 'changed' }>) =>
    rollupSheet(pull.rollup, o, { pulledAt: pull.pulledAt }, tr, locale);

  const consolidate = async () => {
    if (!org || !unitId || !periodOk) return;
    const p = period.trim();
    setOutcome(null);
    setFailure(null);
    setProgress({ label: tr('consolidate.pulling', { unit: unitName(unitId), period: p }), value: 0.1 });
    try {
      const pull = await step('api', () => pullRollup(api, org, unitId, p));
      if (pull.status !== 'changed') return;
      const sheet = sheetOf(org, pull);
      setProgress({ label: tr('consolidate.writing', { sheet: sheet.name }), value: 0.4 });
      await step('workbook', () => writeRollupSheet(workbook, sheet, (ph) => setProgress(phaseLabel(ph))));
      const s = pull.rollup.summary;
      setOutcome({
        intent: 'success',
        key: 'consolidate.done',
        params: {
          unit: pull.rollup.unitName,
          period: p,
          sheet: sheet.name,
          submitted: s.submitted + s.approved,
          expected: s.expected,
          missing: s.missing,
          stale: s.staleTemplates,
        },
        lines: missingLines(pull.rollup, org),
      });
    } catch {
      // shown beside the buttons by step()
    } finally {
      setProgress(null);
    }
  };

  const refresh = async () => {
    if (!org) return;
    setOutcome(null);
    setFailure(null);
    setProgress({ label: tr('consolidate.pulling', { unit: '…', period: '…' }) });
    try {
      const stamp = await step('workbook', () => readStamp(workbook, org, locale));
      if (!stamp) {
        setOutcome({ intent: 'info', key: 'consolidate.noSheet', params: { sheet: sheetName } });
        return;
      }
      setProgress({
        label: tr('consolidate.pulling', { unit: unitName(stamp.unitId), period: stamp.period }),
        value: 0.1,
      });
      const pull = await step('api', () => pullRollup(api, org, stamp.unitId, stamp.period, stamp.etag));
      if (pull.status === 'unchanged') {
        setOutcome({
          intent: 'info',
          key: 'consolidate.upToDate',
          params: { time: { date: stamp.pulledAt } },
        });
        return;
      }
      const sheet = sheetOf(org, pull);
      const result = await step('workbook', () =>
        refreshRollupSheet(workbook, sheet, stamp, (ph) => setProgress(phaseLabel(ph))),
      );
      setOutcome({
        intent: 'success',
        ...(result.status === 'rewritten'
          ? { key: 'consolidate.rewritten', params: { sheet: sheet.name } }
          : { key: 'consolidate.refreshed', params: { sheet: sheet.name, rows: result.changedLines } }),
        lines: missingLines(pull.rollup, org),
      });
    } catch {
      // shown beside the buttons by step()
    } finally {
      setProgress(null);
    }
  };

  return {
    org,
    units,
    unitId,
    setUnitId,
    period,
    setPeriod,
    periodOk,
    progress,
    outcome,
    failure,
    busy: progress !== null,
    consolidate,
    refresh,
  };
}
