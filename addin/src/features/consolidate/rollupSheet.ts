// Pulls the roll-up from the server and writes it to the Rollup sheet; Refresh asks with the ETag of
// the last pull (304: up to date) and rewrites only the lines that changed, or the whole sheet when its
// shape did. The ETag is kept in the pane's memory for the session, never on the sheet: a Refresh after
// the pane was reopened pulls in full and still rewrites only the lines that differ.
import type { OrgData, Rollup } from '@teamsheet/shared';
import { ApiError, type Api } from '../../api';
import type { Locale } from '../../i18n';
import { cellAddress, columnLetters, type CellValue, type Workbook } from '../../office';
import { findSheet, placeSheet } from '../common/localSheets';
import { mergeDelta, type RollupAnswer } from './delta';
import { blocksOf, ROLLUP_SHEETS, STAMP, type RollupSheet } from './layout';

export type Pull =
  { status: 'unchanged' } | { status: 'changed'; rollup: Rollup; etag: string | null; pulledAt: string };

/** The last full roll-up pulled per unit and period in this session, the base a delta applies to. */
const lastPulls = new Map<string, { etag: string; rollup: Rollup; pulledAt: string }>();
const pullKey = (unitId: string, period: string) => `${unitId}\u0000${period}`;

/**
 * GET /api/rollup/{unitId}/{period}. With the ETag of an earlier pull it asks If-None-Match (304:
 * unchanged) and, when that pull's roll-up is still at hand, `since` for the changed units only.
 */
export async function pullRollup(
  api: Api,
  org: OrgData,
  unitId: string,
  period: string,
  etag?: string | null,
): Promise<Pull> {
  const key = pullKey(unitId, period);
  const base = etag ? lastPulls.get(key) : undefined;
  const since = base && base.etag === etag ? base : undefined;
  let tag: string | null = null;
  try {
    const path = `/api/rollup/${encodeURIComponent(unitId)}/${encodeURIComponent(period)}`;
    const answer = await api.get<RollupAnswer>(
      since ? `${path}?since=${encodeURIComponent(since.etag)}` : path,
      {
        ...(etag ? { headers: { 'if-none-match': etag } } : {}),
        onResponse: (r) => (tag = r.headers.get('etag')),
      },
    );
    const rollup = answer.delta && since ? mergeDelta(since.rollup, answer, org) : answer;
    const newTag = tag ?? answer.etag ?? null;
    const pulledAt = new Date().toISOString();
    if (newTag) lastPulls.set(key, { etag: newTag, rollup, pulledAt });
    return { status: 'changed', rollup, etag: newTag, pulledAt };
  } catch (error) {
    if (error instanceof ApiError && error.status === 304) return { status: 'unchanged' };
    throw error;
  }
}

export type WritePhase = { phase: 'cells' | 'formats' | 'chart' };

/**
 * Replaces the Rollup sheet, named in the sheet's language (a Rollup sheet of the other language is
 * renamed, not left beside it): cells (one sync per chunk), colour scales, the coverage chart.
 */
export async function writeRollupSheet(
  workbook: Workbook,
  sheet: RollupSheet,
  onPhase: (p: WritePhase) => void = () => {},
): Promise<void> {
  const name = await placeSheet(workbook, ROLLUP_SHEETS, sheet.locale);
  onPhase({ phase: 'cells' });
  await workbook.writeCells(
    name,
    blocksOf(
      sheet.lines,
      sheet.lines.map((_, i) => i),
    ),
    { clear: true },
  );
  onPhase({ phase: 'formats' });
  if (sheet.colourScales.length > 0) await workbook.addColourScales(name, sheet.colourScales);
  if (sheet.chart) {
    onPhase({ phase: 'chart' });
    await workbook.addChart(name, sheet.chart);
  }
  await workbook.selectCell(name, 'A1');
}

/** What the last pull left: the sheet, unit, period and its number of lines; ETag and time from memory. */
export interface SheetStamp {
  sheet: string;
  unitId: string;
  period: string;
  etag: string | null;
  /** ISO text when this session pulled it, else the time as the sheet shows it. */
  pulledAt: string;
  lines: number;
}

/**
 * The stamp of the Rollup sheet, in either language; its unit is named on the sheet and found again
 * among `org`'s units by that name (by id too, for a sheet of an earlier version).
 */
export async function readStamp(
  workbook: Workbook,
  org?: OrgData,
  locale: Locale = 'en',
): Promise<SheetStamp | null> {
  const sheet = await findSheet(workbook, ROLLUP_SHEETS, locale);
  if (!sheet) return null;
  const row = STAMP.row + 1;
  const [values = []] = await workbook.readRange(sheet, `A${row}:${columnLetters(STAMP.lines)}${row}`);
  const text = (v: CellValue | undefined) => (v === null || v === undefined || v === '' ? null : String(v));
  const unit = text(values[STAMP.unit]);
  const period = text(values[STAMP.period]);
  const lines = Number(values[STAMP.lines]);
  const unitId = org?.units.find((u) => u.name === unit)?.id ?? org?.units.find((u) => u.id === unit)?.id;
  if (!unitId || !period || !Number.isInteger(lines) || lines <= 0) return null;
  const pulled = lastPulls.get(pullKey(unitId, period));
  return {
    sheet,
    unitId,
    period,
    etag: pulled?.etag ?? null,
    pulledAt: pulled?.pulledAt ?? text(values[STAMP.pulledAt]) ?? '',
    lines,
  };
}

const same = (a: CellValue | undefined, b: CellValue | undefined) =>
  (a === null || a === undefined || a === '' ? '' : a) ===
  (b === null || b === undefined || b === '' ? '' : b);

/** The column that names a line (unit, person, label): when any differ, the sheet's shape changed. */
const IDENTITY = 1;

export type RefreshResult = { status: 'rewritten' } | { status: 'patched'; changedLines: number };

/**
 * Writes a new pull over the previous one: when the sheet has the same lines (same count, same
 * names, IDs and sources in order) only the lines whose cells differ are rewritten; otherwise the
 * whole sheet is.
 */
export async function refreshRollupSheet(
  workbook: Workbook,
  sheet: RollupSheet,
  previous: SheetStamp,
  onPhase?: (p: WritePhase) => void,
): Promise<RefreshResult> {
  if (previous.lines !== sheet.lines.length || previous.sheet !== sheet.name) {
    await writeRollupSheet(workbook, sheet, onPhase);
    return { status: 'rewritten' };
  }
  const old = await workbook.readRange(
    sheet.name,
    `A1:${cellAddress(sheet.lines.length - 1, sheet.width - 1)}`,
  );
  const shapeChanged = sheet.lines.some((l, i) =>
    l.values.slice(0, IDENTITY).some((v, j) => !same(v, old[i]?.[j])),
  );
  if (shapeChanged) {
    await writeRollupSheet(workbook, sheet, onPhase);
    return { status: 'rewritten' };
  }
  const changed = sheet.lines
    .map((l, i) => (l.values.some((v, j) => !same(v, old[i]?.[j])) ? i : -1))
    .filter((i) => i >= 0);
  onPhase?.({ phase: 'cells' });
  if (changed.length > 0) await workbook.writeCells(sheet.name, blocksOf(sheet.lines, changed));
  return { status: 'patched', changedLines: changed.filter((i) => i !== STAMP.row).length };
}
