// The Rollup sheet as lines of cells: a title and the pull's stamp, who has not submitted and who is on
// an old template (with their managers), coverage of every unit below for the chart (0 % for a unit
// that has not submitted), then a block per metric with the drill-down region → team → person, months
// across, and gap and coverage columns. Units, people and metrics by their names, no internal values:
// the pull's ETag stays in the pane's memory (rollupSheet.ts), the sheet is named in the user's language.
import {
  getMetric,
  OrgIndex,
  unitCoverage,
  type OrgData,
  type Rollup,
  type RollupRow,
  type UnitCoverage,
} from '@teamsheet/shared';
import type { Locale, Translate } from '../../i18n';
import type { SheetNames } from '../common/localSheets';
import { localTime } from '../common/notice';
import {
  cellAddress,
  columnLetters,
  type CellBlock,
  type CellValue,
  type ChartSpec,
  type ColourScale,
  type ColourScaleRule,
} from '../../office';

/** The Rollup sheet's names, the key it is found by in either language. */
export const ROLLUP_SHEETS: SheetNames = { en: 'Rollup', 'zh-CN': '汇总' };
/** The English name, for callers that predate the Chinese one. */
export const ROLLUP_SHEET = ROLLUP_SHEETS.en;
export const COVERAGE_CHART = 'RollupCoverage';
export const PERCENT = '0.0%';

/** Coverage under 95 % red, 100 % white, from 110 % green. */
export const COVERAGE_SCALE: ColourScale = {
  minimum: { type: 'number', value: 0.95, color: '#F8696B' },
  midpoint: { type: 'number', value: 1, color: '#FFFFFF' },
  maximum: { type: 'number', value: 1.1, color: '#63BE7B' },
};
/** A gap is what is not yet covered: 0 or less white, the largest shortfall red. */
export const GAP_SCALE: ColourScale = {
  minimum: { type: 'number', value: 0, color: '#FFFFFF' },
  maximum: { type: 'highestValue', color: '#F8696B' },
};

/** Where the stamp of the pull sits: row 2, label/value pairs (the unit by its name, the time in the locale). */
export const STAMP = { row: 1, unit: 1, period: 3, pulledAt: 5, lines: 7 } as const;

export interface SheetLine {
  values: CellValue[];
  formats?: (string | null)[];
  bold?: boolean;
  indent?: number;
}

export interface RollupSheet {
  /** The sheet's name in the language it is written in. */
  name: string;
  locale: Locale;
  lines: SheetLine[];
  width: number;
  colourScales: ColourScaleRule[];
  chart: ChartSpec | null;
}

export interface Stamp {
  /** When the roll-up was pulled, ISO text; written in the user's locale. */
  pulledAt: string;
}

/** The Excel number format a metric's values are shown with. */
function metricFormat(metric: string): string {
  const def = getMetric(metric);
  if (!def) return '#,##0.##';
  if (def.unit === 'percent') return PERCENT;
  if (def.unit === 'ratio') return '0.00';
  return def.precision > 0 ? `#,##0.${'0'.repeat(Math.min(def.precision, 2))}` : '#,##0';
}

const blank = (n: number): CellValue[] => Array<CellValue>(n).fill(null);

export function rollupSheet(
  rollup: Rollup,
  org: OrgData,
  stamp: Stamp,
  tr: Translate,
  locale: Locale,
): RollupSheet {
  const M = rollup.months.length;
  const width = 3 + M + 4;
  const cTotal = 3 + M;
  const cGap = cTotal + 2;
  const cCoverage = cTotal + 3;
  const index = new OrgIndex(org);
  const lines: SheetLine[] = [];
  const colourScales: ColourScaleRule[] = [];
  const line = (values: CellValue[], more: Omit<SheetLine, 'values'> = {}) => {
    lines.push({ values: [...values, ...blank(Math.max(0, width - values.length))], ...more });
    return lines.length - 1;
  };
  const managerName = (unitId: string) => {
    const m = index.managerOf(unitId);
    return m ? (m.name ?? m.id) : '—';
  };
  const unitName = (unitId: string | null) => (unitId ? (index.unit(unitId)?.name ?? unitId) : '—');
  const s = rollup.summary;

  line([tr('consolidate.sheet.title', { unit: rollup.unitName, period: rollup.period })], { bold: true });
  line([
    tr('consolidate.sheet.unit'),
    rollup.unitName,
    tr('consolidate.sheet.period'),
    rollup.period,
    tr('consolidate.sheet.pulledAt'),
    localTime(stamp.pulledAt, locale),
    tr('consolidate.sheet.lines'),
    0, // filled in below, once the count is known
  ]);
  line([
    tr('consolidate.summary', {
      submitted: s.submitted + s.approved,
      expected: s.expected,
      missing: s.missing,
      stale: s.staleTemplates,
    }),
  ]);
  line([]);

  // ---- who has not submitted, who is on an old template
  line([tr('consolidate.sheet.missing', { count: rollup.missing.length })], { bold: true });
  if (rollup.missing.length > 0) {
    line(
      [tr('consolidate.sheet.unitName'), tr('consolidate.sheet.parent'), tr('consolidate.sheet.manager')],
      { bold: true },
    );
    for (const m of rollup.missing)
      line([m.unitName, unitName(m.parentId), m.managerName ?? managerName(m.unitId)]);
  } else line([tr('consolidate.sheet.none')]);
  line([]);
  const current = rollup.findings.find((f) => f.rule === 'consolidation.old-template')?.params?.current;
  line(
    [
      typeof current === 'string' || typeof current === 'number'
        ? tr('consolidate.sheet.stale', { count: rollup.staleTemplates.length, current })
        : tr('consolidate.sheet.staleNone', { count: rollup.staleTemplates.length }),
    ],
    { bold: true },
  );
  if (rollup.staleTemplates.length > 0) {
    line(
      [
        tr('consolidate.sheet.unitName'),
        tr('consolidate.sheet.planVersion'),
        tr('consolidate.sheet.template'),
        tr('consolidate.sheet.manager'),
      ],
      { bold: true },
    );
    for (const u of rollup.staleTemplates)
      line([u.unitName, u.version, u.templateVersion, managerName(u.unitId)], {
        formats: [null, '0'],
      });
  } else line([tr('consolidate.sheet.none')]);
  line([]);

  // ---- coverage by unit of the first additive metric that has any, for the chart: every unit directly
  // below, a unit that has not submitted at 0 %
  const coverage = unitCoverage(rollup);
  const covered = (row: RollupRow, i: number) =>
    row.kind === 'unit' && row.level === 1 && coverage[i] != null;
  const chartMetric = rollup.metrics.find(
    (m) => m.additive && rollup.rows.some((r, i) => r.metric === m.metric && covered(r, i)),
  );
  const missing = new Set(rollup.missing.map((m) => m.unitId));
  const unitsBelow = index.children(rollup.unitId).filter((id) => index.unit(id));
  let chart: ChartSpec | null = null;
  if (chartMetric) {
    const label = getMetric(chartMetric.metric)?.label[locale] ?? chartMetric.metric;
    const title = tr('consolidate.sheet.chartTitle', { metric: label });
    line([title], { bold: true });
    const header = line([tr('consolidate.sheet.unitName'), tr('consolidate.sheet.coverage')], {
      bold: true,
    });
    let last = header;
    const rowOf = (unitId: string) =>
      rollup.rows.findIndex(
        (r) => r.metric === chartMetric.metric && r.kind === 'unit' && r.level === 1 && r.unitId === unitId,
      );
    for (const id of unitsBelow) {
      const i = rowOf(id);
      const value = (i >= 0 ? coverage[i]?.coverage : null) ?? (missing.has(id) ? 0 : null);
      last = line([unitName(id), value], { formats: [null, PERCENT] });
    }
    if (last > header) {
      colourScales.push({ address: `B${header + 2}:B${last + 1}`, scale: COVERAGE_SCALE });
      chart = { name: COVERAGE_CHART, type: 'bar', source: `A${header + 1}:B${last + 1}`, title };
    }
    line([]);
  }

  // ---- a block per metric
  const rowsByMetric = new Map<string, { row: RollupRow; cov: UnitCoverage | null }[]>();
  rollup.rows.forEach((row, i) => {
    const list = rowsByMetric.get(row.metric) ?? [];
    list.push({ row, cov: coverage[i] ?? null });
    rowsByMetric.set(row.metric, list);
  });
  const sourceLabel = (row: RollupRow) =>
    row.kind === 'person'
      ? tr('consolidate.source.person')
      : row.source
        ? tr(`consolidate.source.${row.source}`)
        : null;
  for (const metric of rollup.metrics) {
    const fmt = metricFormat(metric.metric);
    const label = getMetric(metric.metric)?.label[locale] ?? metric.metric;
    const numbers = (n: number) => Array<string | null>(n).fill(fmt);
    const formats = [null, null, '0', ...numbers(M + 3), PERCENT];
    line([tr(metric.additive ? 'consolidate.sheet.metric' : 'consolidate.sheet.notAdditive', { label })], {
      bold: true,
    });
    line(
      [
        tr('consolidate.sheet.name'),
        tr('consolidate.sheet.source'),
        tr('consolidate.sheet.version'),
        ...rollup.months,
        tr('consolidate.sheet.total'),
        tr('consolidate.sheet.below'),
        tr('consolidate.sheet.gap'),
        tr('consolidate.sheet.coverage'),
      ],
      { bold: true },
    );
    const rows = rowsByMetric.get(metric.metric) ?? [];
    const root = rows.find((r) => r.row.level === 0);
    const first = lines.length;
    if (metric.target.total !== null || metric.target.months.some((v) => v !== null)) {
      line(
        [
          rollup.unitName,
          tr('consolidate.source.target'),
          null,
          ...metric.target.months,
          metric.target.total,
          metric.children.total,
          metric.gap.total,
          metric.coverage.total,
        ],
        { formats },
      );
      if (metric.additive) {
        const sub = (
          key: 'below' | 'gap' | 'coverage',
          v: { total: number | null; months: (number | null)[] },
        ) =>
          line([tr(`consolidate.line.${key}`), null, null, ...v.months, v.total], {
            indent: 1,
            formats: [null, null, null, ...Array<string>(M + 1).fill(key === 'coverage' ? PERCENT : fmt)],
          });
        sub('below', metric.children);
        const gapLine = sub('gap', metric.gap);
        colourScales.push({
          address: `D${gapLine + 1}:${columnLetters(cTotal)}${gapLine + 1}`,
          scale: GAP_SCALE,
        });
        const covLine = sub('coverage', metric.coverage);
        colourScales.push({
          address: `D${covLine + 1}:${columnLetters(cTotal)}${covLine + 1}`,
          scale: COVERAGE_SCALE,
        });
      }
    } else if (root) {
      line([root.row.name, sourceLabel(root.row), root.row.version, ...root.row.months, root.row.total], {
        formats,
      });
    } else line([rollup.unitName], { formats });
    for (const { row, cov } of rows) {
      if (row.level === 0) continue;
      line(
        [
          row.name,
          sourceLabel(row),
          row.version,
          ...row.months,
          row.total,
          cov?.below ?? null,
          cov?.gap ?? null,
          cov?.coverage ?? null,
        ],
        { formats, indent: row.level },
      );
    }
    const last = lines.length;
    if (metric.additive) {
      colourScales.push({
        address: `${columnLetters(cGap)}${first + 1}:${columnLetters(cGap)}${last}`,
        scale: GAP_SCALE,
      });
      colourScales.push({
        address: `${columnLetters(cCoverage)}${first + 1}:${columnLetters(cCoverage)}${last}`,
        scale: COVERAGE_SCALE,
      });
    }
    line([]);
  }
  lines[STAMP.row]!.values[STAMP.lines] = lines.length;
  return { name: ROLLUP_SHEETS[locale], locale, lines, width, colourScales, chart };
}

const sameFormats = (a: SheetLine, b: SheetLine) =>
  !!a.bold === !!b.bold && JSON.stringify(a.formats ?? []) === JSON.stringify(b.formats ?? []);

/** Consecutive lines with the same look become one block (one range write and one format per column). */
export function blocksOf(lines: readonly SheetLine[], rows: readonly number[]): CellBlock[] {
  const blocks: CellBlock[] = [];
  let start = -1;
  let prev = -2;
  const flush = (endRow: number) => {
    if (start < 0) return;
    const part = lines.slice(start, endRow + 1);
    const first = part[0]!;
    blocks.push({
      at: cellAddress(start, 0),
      values: part.map((l) => l.values),
      ...(first.formats ? { columnFormats: first.formats } : {}),
      ...(first.bold ? { bold: true } : {}),
      ...(part.some((l) => l.indent) ? { indents: part.map((l) => l.indent ?? 0) } : {}),
    });
  };
  for (const r of rows) {
    const l = lines[r]!;
    if (start >= 0 && (r !== prev + 1 || !sameFormats(lines[start]!, l))) {
      flush(prev);
      start = -1;
    }
    if (start < 0) start = r;
    prev = r;
  }
  flush(prev);
  return blocks;
}
