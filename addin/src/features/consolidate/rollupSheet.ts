// Pulls the roll-up from the server and writes it to the Rollup sheet; Refresh asks with the stored
// ETag (304: up to date) and rewrites only the lines that changed, or the whole sheet when its shape did.
import type { OrgData, Rollup } from '@teamsheet/shared';
import { ApiError, type Api } from '../../api';
import { cellAddress, columnLetters, type CellValue, type Workbook } from '../../office';
import { mergeDelta, type RollupAnswer } from './delta';
import { blocksOf, ROLLUP_SHEET, STAMP, type RollupSheet } from './layout';

export type Pull = { status: 'unchanged' } | { status: 'changed'; rollup: Rollup; etag: string | null };

/** The last full roll-up pulled per unit and period in this session, the base a delta applies to. */
const lastPulls = new Map<string, { etag: string; rollup: Rollup }>();

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
  const key = `${unitId}\u0000${period}`;
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
    if (newTag) lastPulls.set(key, { etag: newTag, rollup });
    return { status: 'changed', rollup, etag: newTag };
  } catch (error) {
    if (error instanceof ApiError && error.status === 304) return { status: 'unchanged' };
    throw error;
  }
}

export type WritePhase = { phase: 'cells' | 'formats' | 'chart' };

/** Replaces the Rollup sheet: cells (one sync per chunk), colour scales, the coverage chart. */
export async function writeRollupSheet(
  workbook: Workbook,
  sheet: RollupSheet,
  onPhase: (p: WritePhase) => void = () => {},
): Promise<void> {
  onPhase({ phase: 'cells' });
  await workbook.writeCells(
    ROLLUP_SHEET,
    blocksOf(
      sheet.lines,
      sheet.lines.map((_, i) => i),
    ),
    { clear: true },
  );
  onPhase({ phase: 'formats' });
  if (sheet.colourScales.length > 0) await workbook.addColourScales(ROLLUP_SHEET, sheet.colourScales);
  if (sheet.chart) {
    onPhase({ phase: 'chart' });
    await workbook.addChart(ROLLUP_SHEET, sheet.chart);
  }
  await workbook.selectCell(ROLLUP_SHEET, 'A1');
}

/** What the last pull left on the sheet: unit, period, ETag and its number of lines. */
export interface SheetStamp {
  unitId: string;
  period: string;
  etag: string | null;
  pulledAt: string;
  lines: number;
}

export async function readStamp(workbook: Workbook): Promise<SheetStamp | null> {
  if (!(await workbook.listSheets()).includes(ROLLUP_SHEET)) return null;
  const row = STAMP.row + 1;
  const [values = []] = await workbook.readRange(ROLLUP_SHEET, `A${row}:${columnLetters(STAMP.lines)}${row}`);
  const text = (v: CellValue | undefined) => (v === null || v === undefined || v === '' ? null : String(v));
  const unitId = text(values[STAMP.unitId]);
  const period = text(values[STAMP.period]);
  const lines = Number(values[STAMP.lines]);
  if (!unitId || !period || !Number.isInteger(lines) || lines <= 0) return null;
  return {
    unitId,
    period,
    etag: text(values[STAMP.etag]),
    pulledAt: text(values[STAMP.pulledAt]) ?? '',
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
  if (previous.lines !== sheet.lines.length) {
    await writeRollupSheet(workbook, sheet, onPhase);
    return { status: 'rewritten' };
  }
  const old = await workbook.readRange(
    ROLLUP_SHEET,
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
  if (changed.length > 0) await workbook.writeCells(ROLLUP_SHEET, blocksOf(sheet.lines, changed));
  return { status: 'patched', changedLines: changed.filter((i) => i !== STAMP.row).length };
}
