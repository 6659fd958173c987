// The Review section's state and actions: which parent unit and year, the queue of the units below
// (GET /api/plans?parent=&period=), the unit under review, the comment, and the decisions (POST
// …/review) and the read-only sheet of a version; each notice beside its action, rendered at show.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  OrgIndex,
  getMetric,
  planToTargetRows,
  targetsSheet,
  type Plan,
  type PlanCycleStatus,
  type PlanReviewFacts,
  type ValidationSummary,
} from '@teamsheet/shared';
import { ApiError, isApiFailure } from '../../api';
import type { UiKey, UiParams } from '../../i18n';
import type { CellValue } from '../../office';
import type { PageProps } from '../../pages/PageProps';
import { useBusy } from '../common/useBusy';
import { useOrg } from '../org/org';
import { planPath } from '../plan/planWorkflow';
import { ownerNamesOf } from '../plan/storedPlan';

type Named = { personId: string; name: string };
export type QueueRow = {
  unitId: string;
  unitName: string;
  manager: Named | null;
  status: PlanCycleStatus;
  dueDate: string;
  late: boolean;
  version: number | null;
  submittedBy: Named | null;
  submittedAt: string | null;
  summary: ValidationSummary | null;
  review: (PlanReviewFacts & { byName: string }) | null;
  /** A draft saved since the latest version (or before any), not submitted: nothing to review yet. */
  draft: { draft: number; savedBy: Named; savedAt: string } | null;
};
export type ReviewNotice = {
  intent: 'success' | 'info' | 'warning';
  key: UiKey;
  params?: UiParams;
  testId: string;
};
export type ReviewBusy = 'queue' | 'open' | 'approve' | 'reject';

/** A sheet name Excel takes: at most 31 characters, none of : \ / ? * [ ]. */
const sheetNameOf = (text: string) =>
  text
    .replace(/[:\\/?*[\]]/g, ' ')
    .slice(0, 31)
    .trim();

export function useReviewSection({ tr, locale, workbook, api, session, onError }: PageProps) {
  const org = useOrg(api, onError);
  const me = session.signIn.personId;
  const parents = useMemo(() => {
    if (!org) return [];
    const index = new OrgIndex(org);
    const mine = org.units.filter((u) => index.children(u.id).length > 0 && u.managerId === me);
    return mine.length > 0 ? mine : org.units.filter((u) => index.children(u.id).length > 0);
  }, [org, me]);
  const [parentId, setParentId] = useState('');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [rows, setRows] = useState<QueueRow[] | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [notice, setNotice] = useState<ReviewNotice | null>(null);
  const { busy, run } = useBusy<ReviewBusy>();
  const names = useMemo(() => ownerNamesOf(org), [org]);

  useEffect(() => {
    if (!parentId && parents[0]) setParentId(parents[0].id);
  }, [parents, parentId]);

  useEffect(() => {
    if (!parentId) return;
    let live = true;
    setRows(null);
    api.get<{ units: QueueRow[] }>(`/api/plans?parent=${encodeURIComponent(parentId)}&period=${year}`).then(
      (q) => live && setRows(q.units),
      (error: unknown) => {
        if (!live) return;
        setRows([]);
        onError(error, 'api');
      },
    );
    return () => {
      live = false;
    };
  }, [api, parentId, year, refresh, onError]);

  const row = rows?.find((r) => r.unitId === selected) ?? null;
  const say = (intent: ReviewNotice['intent'], key: UiKey, params: UiParams, testId = 'review-notice') =>
    setNotice({ intent, key, params, testId });

  const choose = (unitId: string) => {
    setSelected(unitId);
    setComment('');
    setNotice(null);
  };

  /** Writes the version under review to its own sheet, owners by name and metrics by label: to read, not to submit. */
  const open = () =>
    run('open', async () => {
      if (!row?.version) return;
      try {
        const got = await api.get<{ plan: Plan }>(
          `${planPath(row.unitId, String(year))}?version=${row.version}`,
        );
        const written = planToTargetRows(got.plan, year, { locale });
        const sheet = sheetNameOf(`${tr('review.sheet')} ${row.unitName}`);
        const headers = targetsSheet(year).columns.map((c) => c.header[locale]);
        const body = (written.rows as CellValue[][]).map(([owner = null, metric = null, ...values]) => [
          typeof owner === 'string' ? (names.get(owner) ?? owner) : owner,
          typeof metric === 'string' ? (getMetric(metric)?.label[locale] ?? metric) : metric,
          ...values,
        ]);
        await workbook.writeTable(sheet, {
          name: `TeamsheetReview_${row.version}`,
          headers,
          rows: body,
          rowFormats: { headers: headers.slice(2), formats: written.numberFormats },
          freezeHeader: true,
        });
        await workbook.selectCell(sheet, 'A1');
        say(
          'success',
          'review.detail.opened',
          { version: row.version, unit: row.unitName, sheet },
          'review-opened',
        );
      } catch (error) {
        onError(error, isApiFailure(error) ? 'api' : 'workbook');
      }
    });

  const decide = (decision: 'approve' | 'reject') =>
    run(decision, async () => {
      if (!row?.version) return;
      if (decision === 'reject' && !comment.trim()) {
        say('warning', 'review.detail.needComment', {});
        return;
      }
      try {
        await api.post(`${planPath(row.unitId, String(year))}/review`, {
          version: row.version,
          decision,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        });
        say(
          'success',
          decision === 'approve' ? 'review.detail.approved' : 'review.detail.rejected',
          { version: row.version, unit: row.unitName },
          'review-decided',
        );
        setComment('');
        setRefresh((n) => n + 1);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) setRefresh((n) => n + 1);
        onError(error, 'api');
      }
    });

  const reload = useCallback(() => setRefresh((n) => n + 1), []);

  return {
    org,
    parents,
    parentId,
    setParentId: (id: string) => {
      setParentId(id);
      setSelected(null);
    },
    year,
    setYear: (y: number) => {
      setYear(y);
      setSelected(null);
    },
    rows,
    row,
    choose,
    comment,
    setComment,
    notice,
    busy,
    open,
    approve: () => decide('approve'),
    reject: () => decide('reject'),
    reload,
  };
}
