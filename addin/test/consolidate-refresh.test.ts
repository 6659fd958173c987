// Refresh on the preview workbook: the stamp a pull leaves on the Rollup sheet (the unit by name, the
// ETag only in the pane's memory), a refresh that rewrites only the lines that changed when the sheet
// keeps its shape, a full rewrite when it does not, the sheet renamed (not doubled) when written in the
// other language, and a `since` delta merged into the previous roll-up giving exactly the full one.
import { consolidate, type ConsolidateInput, type Rollup } from '@teamsheet/shared';
import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n';
import { createPreviewWorkbook, type CellBlock, type PreviewWorkbook } from '../src/office';
import { mergeDelta } from '../src/features/consolidate/delta';
import { ROLLUP_SHEET, rollupSheet, COVERAGE_CHART } from '../src/features/consolidate/layout';
import { readStamp, refreshRollupSheet, writeRollupSheet } from '../src/features/consolidate/rollupSheet';
import { smallRegion } from './consolidate.fixture';

const tr = translator('en');
const layout = (input: ConsolidateInput, locale: 'en' | 'zh-CN' = 'en') =>
  rollupSheet(
    consolidate(input),
    input.org,
    { pulledAt: '2026-11-25T09:00:04Z' },
    locale === 'en' ? tr : translator('zh-CN'),
    locale,
  );

/** Records every block written, to see what a refresh touched. */
function recording(wb: PreviewWorkbook) {
  const written: CellBlock[][] = [];
  const writeCells = wb.writeCells.bind(wb);
  wb.writeCells = async (sheet, blocks, options) => {
    written.push([...blocks]);
    await writeCells(sheet, blocks, options);
  };
  return written;
}

const cellText = (wb: PreviewWorkbook, row: number, col: number) =>
  wb.sheet(ROLLUP_SHEET)?.cells.get(`${row},${col}`)?.value ?? null;
const rowOf = (wb: PreviewWorkbook, col: number, value: string, after = 0) => {
  for (let r = after; r < 500; r++) if (cellText(wb, r, col) === value) return r;
  return -1;
};

describe('the Rollup sheet in the preview workbook', () => {
  it('leaves a stamp (unit by name, period, time, line count), colour scales and the coverage chart', async () => {
    const wb = createPreviewWorkbook();
    const sheet = layout(smallRegion());
    await writeRollupSheet(wb, sheet);
    expect(await readStamp(wb, smallRegion().org)).toEqual({
      sheet: 'Rollup',
      unitId: 'R',
      period: '2026',
      etag: null, // this session never pulled it from the server
      pulledAt: new Date('2026-11-25T09:00:04Z').toLocaleString('en', {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
      lines: sheet.lines.length,
    });
    const s = wb.sheet(ROLLUP_SHEET)!;
    expect(s.colourScales).toHaveLength(sheet.colourScales.length);
    expect(s.charts.map((c) => c.name)).toEqual([COVERAGE_CHART]);
    expect(wb.selection()).toEqual({ sheet: ROLLUP_SHEET, address: 'A1' });
    // a team line: bold header above, indent 1, percent coverage
    const t1 = rowOf(wb, 0, 'Team One', rowOf(wb, 3, '2026-01'));
    expect(s.cells.get(`${t1},0`)).toMatchObject({ value: 'Team One', indent: 1 });
    expect(s.cells.get(`${t1},18`)).toMatchObject({ value: 1, numberFormat: '0.0%' });
  });

  it('has no stamp to refresh from before the first pull', async () => {
    expect(await readStamp(createPreviewWorkbook(), smallRegion().org)).toBeNull();
  });

  it('renames the English sheet when the roll-up is written in Chinese, rather than add a second one', async () => {
    const wb = createPreviewWorkbook([]);
    await writeRollupSheet(wb, layout(smallRegion()));
    const stamp = (await readStamp(wb, smallRegion().org, 'zh-CN'))!;
    expect(stamp.sheet).toBe('Rollup');
    expect(await refreshRollupSheet(wb, layout(smallRegion(), 'zh-CN'), stamp)).toEqual({
      status: 'rewritten',
    });
    expect(await wb.listSheets()).toEqual(['汇总']);
    expect(wb.sheet('汇总')!.cells.get('4,0')?.value).toBe('未提交（1）');
    expect((await readStamp(wb, smallRegion().org, 'zh-CN'))?.unitId).toBe('R');
  });

  it('rewrites only the changed lines when a rep’s numbers change', async () => {
    const wb = createPreviewWorkbook();
    await writeRollupSheet(wb, layout(smallRegion()));
    const stamp = (await readStamp(wb, smallRegion().org))!;
    const written = recording(wb);
    // Ann 60 → 70 a month: Team One is now covered 110 % (1,320 of 1,200); the region's sum is Team One's own 1,200
    const result = await refreshRollupSheet(wb, layout(smallRegion({ t1Rep: 70 })), stamp);
    expect(result).toEqual({ status: 'patched', changedLines: 3 }); // chart row, Team One, Ann
    expect(written).toHaveLength(1);
    const rows = written[0]!.flatMap((b) => b.values.map((v) => v[0]));
    expect(rows).toEqual(['Team One', 'Team One', 'Ann']);
    const header = rowOf(wb, 3, '2026-01');
    const t1 = rowOf(wb, 0, 'Team One', header);
    expect(cellText(wb, t1, 16)).toBe(1320);
    expect(cellText(wb, t1, 17)).toBe(-120);
    expect(cellText(wb, t1, 18)).toBe(1.1);
    expect(cellText(wb, t1 + 1, 3)).toBe(70);
    // formats and colour scales of the untouched sheet stay
    expect(wb.sheet(ROLLUP_SHEET)!.cells.get(`${t1},18`)?.numberFormat).toBe('0.0%');
    expect(wb.sheet(ROLLUP_SHEET)!.colourScales.length).toBeGreaterThan(0);
  });

  it('rewrites the whole sheet when its shape changes (a missing team submits)', async () => {
    const wb = createPreviewWorkbook();
    await writeRollupSheet(wb, layout(smallRegion()));
    const stamp = (await readStamp(wb, smallRegion().org))!;
    const next = withTeamThree(smallRegion());
    const result = await refreshRollupSheet(wb, layout(next), stamp);
    expect(result).toEqual({ status: 'rewritten' });
    expect(rowOf(wb, 0, 'Not submitted (0)')).toBeGreaterThan(0);
    expect(rowOf(wb, 0, 'Team Three', rowOf(wb, 3, '2026-01'))).toBeGreaterThan(0);
    expect((await readStamp(wb, smallRegion().org))?.lines).toBe(layout(next).lines.length);
  });
});

function withTeamThree(input: ConsolidateInput): ConsolidateInput {
  const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
  return {
    ...input,
    plans: [
      ...input.plans,
      {
        plan: {
          unitId: 'T3',
          period: '2026',
          templateVersion: '2026.1',
          targets: months.map((period) => ({ owner: 'T3', metric: 'revenue', period, value: 80 })),
        },
        version: 1,
        status: 'submitted',
      },
    ],
  };
}

/** What the route answers for `since`: the full roll-up with only the affected units' rows. */
function deltaOf(full: Rollup, affected: string[], changedUnits: string[]) {
  return { ...full, rows: full.rows.filter((r) => affected.includes(r.unitId)), delta: true, changedUnits };
}

describe('merging a since-delta into the previous roll-up', () => {
  it('gives exactly the full roll-up when a team submits for the first time', () => {
    const before = consolidate(smallRegion());
    const after = consolidate(withTeamThree(smallRegion()));
    const merged = mergeDelta(before, deltaOf(after, ['R', 'T3'], ['T3']), smallRegion().org);
    expect(merged).toEqual(after);
    expect(merged.rows.filter((r) => r.unitId === 'T3').map((r) => r.total)).toEqual([960]);
  });

  it('gives exactly the full roll-up when a team resubmits, keeping the other teams’ rows', () => {
    const before = consolidate(smallRegion());
    const after = consolidate(smallRegion({ t1Rep: 70 }));
    const merged = mergeDelta(before, deltaOf(after, ['R', 'T1'], ['T1']), smallRegion().org);
    expect(merged).toEqual(after);
    expect(merged.rows.find((r) => r.id === 'b1')).toBe(before.rows.find((r) => r.id === 'b1'));
  });
});
