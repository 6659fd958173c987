// Allocation: pick a row (months) or a metric (people), a total and a basis; the preview table shows
// the core's split at once, and "Write" puts it on the Targets sheet in one range write.
import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { quarterKey, quarterTotals, targetsSheet, type Finding, type Locale } from '@teamsheet/shared';
import type { Translate, UiKey } from '../../i18n';
import type { Workbook } from '../../office';
import {
  basisChoices,
  figuresFor,
  monthParts,
  runAllocation,
  type BasisChoice,
  type PartFigures,
} from './allocation';
import { readTargetsGrid, writeMonths, writeTotals, type TargetsGrid } from './planSheets';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '6px' },
  row: { display: 'flex', gap: '6px', alignItems: 'end', flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', fontSize: '12px', width: '100%' },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '1px 4px', textAlign: 'right' },
  head: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '1px 4px', textAlign: 'left' },
  input: { width: '80px', fontSize: '12px' },
});

type Mode = 'months' | 'people';
const figureLabel: Record<'lastYear' | 'lastPeriod' | 'weight', UiKey> = {
  lastYear: 'plan.allocate.lastYear',
  lastPeriod: 'plan.allocate.lastPeriod',
  weight: 'plan.allocate.weight',
};

export function AllocatePanel({
  tr,
  locale,
  workbook,
  refresh,
  selectedRow,
  onError,
  onWritten,
}: {
  tr: Translate;
  locale: Locale;
  workbook: Workbook;
  /** Changes whenever the sheets were rewritten, so the rows are read again. */
  refresh: number;
  /** The sheet row (0-based) of the cell the user selected on the Targets sheet, if any. */
  selectedRow: number | null;
  onError: (error: unknown) => void;
  onWritten: () => void;
}) {
  const styles = useStyles();
  const [grid, setGrid] = useState<TargetsGrid | null>(null);
  const [mode, setMode] = useState<Mode>('months');
  const [row, setRow] = useState<number | null>(null);
  const [metric, setMetric] = useState<string>('');
  const [totalText, setTotalText] = useState('');
  const [basis, setBasis] = useState<BasisChoice>('even');
  const [blendShare, setBlendShare] = useState('50');
  const [figures, setFigures] = useState<
    Record<string, Partial<Record<'lastYear' | 'lastPeriod' | 'weight', string>>>
  >({});
  const [written, setWritten] = useState<{ count: number; sheet: string; sum: number } | null>(null);

  useEffect(() => {
    let live = true;
    readTargetsGrid(workbook, locale).then(
      (g) => {
        if (!live) return;
        setGrid(g);
        setRow((r) => r ?? g.rows[0]?.row ?? null);
        setMetric((m) => m || g.rows[0]?.metric || '');
      },
      () => live && setGrid(null),
    );
    return () => {
      live = false;
    };
  }, [workbook, locale, refresh]);

  useEffect(() => {
    if (selectedRow !== null && grid?.rows.some((r) => r.row === selectedRow)) setRow(selectedRow);
  }, [selectedRow, grid]);

  const current = grid?.rows.find((r) => r.row === row) ?? null;
  const metrics = useMemo(() => [...new Set(grid?.rows.map((r) => r.metric) ?? [])], [grid]);
  const peopleRows = useMemo(
    () => (grid ? grid.rows.filter((r) => r.metric === metric && r.owner !== grid.unitId) : []),
    [grid, metric],
  );
  const unitRow = grid?.rows.find((r) => r.metric === metric && r.owner === grid.unitId) ?? null;

  // The total defaults to the row's (or the unit's) Total cell whenever the target changes.
  useEffect(() => {
    const source = mode === 'months' ? current : unitRow;
    setTotalText(source?.total !== null && source?.total !== undefined ? String(source.total) : '');
    setWritten(null);
  }, [mode, current?.row, unitRow?.row, grid]);

  const parts: PartFigures[] = useMemo(() => {
    const base =
      mode === 'months' ? (grid ? monthParts(grid.year) : []) : peopleRows.map((r) => ({ id: r.owner }));
    return base.map((p) => {
      const f = figures[p.id] ?? {};
      const out: PartFigures = { id: p.id };
      for (const key of ['lastYear', 'lastPeriod', 'weight'] as const) {
        const text = f[key];
        if (text !== undefined && text.trim() !== '' && Number.isFinite(Number(text)))
          out[key] = Number(text);
      }
      return out;
    });
  }, [mode, grid, peopleRows, figures]);

  const total = totalText.trim() === '' ? NaN : Number(totalText);
  const allocMetric = mode === 'months' ? (current?.metric ?? '') : metric;
  const result = useMemo(() => {
    if (!Number.isFinite(total) || parts.length === 0) return null;
    return runAllocation(
      {
        total,
        basis,
        blendLastYearShare: Number(blendShare) / 100,
        parts,
        metric: allocMetric,
      },
      locale,
    );
  }, [total, basis, blendShare, parts, allocMetric, locale]);

  if (!grid || grid.rows.length === 0)
    return (
      <Text size={200} data-testid="allocate-empty">
        {tr('plan.allocate.noRows')}
      </Text>
    );

  const write = async () => {
    if (!result) return;
    try {
      if (mode === 'months' && current) {
        const months = result.parts.map((p) => p.value);
        await writeMonths(workbook, grid, current.row, months);
        // The row's Total follows its months from now on: its formula again, where a number was typed.
        const sum = Number(months.reduce((a, v) => a + v, 0).toFixed(6));
        await writeTotals(workbook, grid, new Map([[current.row, grid.totalFormula(current.row) ?? sum]]));
      } else {
        const values = new Map<number, number>();
        result.parts.forEach((p, i) => {
          const r = peopleRows[i];
          if (r) values.set(r.row, p.value);
        });
        await writeTotals(workbook, grid, values);
      }
      const sum = result.parts.reduce((a, p) => a + p.value, 0);
      // Kept as numbers and put into words when shown, so a language switch re-words it.
      setWritten({ count: result.parts.length, sheet: grid.sheet, sum: Number(sum.toFixed(6)) });
      onWritten();
    } catch (error) {
      onError(error);
    }
  };

  const shown = figuresFor(basis);
  const setFigure = (id: string, key: 'lastYear' | 'lastPeriod' | 'weight', text: string) =>
    setFigures((f) => ({ ...f, [id]: { ...f[id], [key]: text } }));
  const rowLabel = (r: TargetsGrid['rows'][number]) => `${r.ownerName} · ${r.metricName}`;
  const metricName = (m: string) => grid.rows.find((r) => r.metric === m)?.metricName ?? m;
  /** A part by name: a month as the language names it (1月, January), a person by their name. */
  const partName = (id: string) => {
    if (mode === 'people') return grid.rows.find((r) => r.owner === id)?.ownerName ?? id;
    const [y, m] = id.split('-').map(Number);
    return y && m
      ? new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(locale, { month: 'long', timeZone: 'UTC' })
      : id;
  };

  return (
    <div className={styles.root} data-testid="allocate">
      <RadioGroup layout="horizontal" value={mode} onChange={(_, d) => setMode(d.value as Mode)}>
        <Radio value="months" label={tr('plan.allocate.modeMonths')} data-testid="allocate-mode-months" />
        <Radio value="people" label={tr('plan.allocate.modePeople')} data-testid="allocate-mode-people" />
      </RadioGroup>
      <div className={styles.row}>
        {mode === 'months' ? (
          <Field label={tr('plan.allocate.row')}>
            <Dropdown
              data-testid="allocate-row"
              value={current ? rowLabel(current) : ''}
              selectedOptions={current ? [String(current.row)] : []}
              onOptionSelect={(_, d) => setRow(Number(d.optionValue))}
            >
              {grid.rows.map((r) => (
                <Option key={r.row} value={String(r.row)} text={rowLabel(r)}>
                  {rowLabel(r)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        ) : (
          <Field label={tr('plan.allocate.metric')}>
            <Dropdown
              value={metricName(metric)}
              selectedOptions={[metric]}
              onOptionSelect={(_, d) => setMetric(String(d.optionValue))}
            >
              {metrics.map((m) => (
                <Option key={m} value={m} text={metricName(m)}>
                  {metricName(m)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        <Field
          label={tr('plan.allocate.total')}
          validationMessage={
            totalText.trim() === '' || Number.isFinite(total) ? undefined : tr('plan.allocate.badTotal')
          }
        >
          <Input
            data-testid="allocate-total"
            value={totalText}
            onChange={(_, d) => setTotalText(d.value)}
            inputMode="decimal"
          />
        </Field>
        <Field label={tr('plan.allocate.basis')}>
          <Dropdown
            data-testid="allocate-basis"
            value={tr(`plan.allocate.basis.${basis}` as UiKey)}
            selectedOptions={[basis]}
            onOptionSelect={(_, d) => setBasis(d.optionValue as BasisChoice)}
          >
            {basisChoices.map((b) => (
              <Option key={b} value={b}>
                {tr(`plan.allocate.basis.${b}` as UiKey)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {basis === 'blend' ? (
          <Field label={tr('plan.allocate.blendShare')}>
            <Input className={styles.input} value={blendShare} onChange={(_, d) => setBlendShare(d.value)} />
          </Field>
        ) : null}
      </div>
      <Text size={200} weight="semibold">
        {tr('plan.allocate.preview')}
      </Text>
      <table className={styles.table} data-testid="allocate-preview">
        <thead>
          <tr>
            <th className={styles.head}>{tr('plan.allocate.part')}</th>
            {shown.map((k) => (
              <th key={k} className={styles.head}>
                {tr(figureLabel[k])}
              </th>
            ))}
            <th className={styles.head}>{tr('plan.allocate.value')}</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((p, i) => (
            <tr key={p.id}>
              <td className={styles.head}>{partName(p.id)}</td>
              {shown.map((k) => (
                <td key={k} className={styles.cell}>
                  <input
                    className={styles.input}
                    aria-label={`${tr(figureLabel[k])} ${partName(p.id)}`}
                    value={figures[p.id]?.[k] ?? ''}
                    onChange={(e) => setFigure(p.id, k, e.target.value)}
                  />
                </td>
              ))}
              <td className={styles.cell} data-testid="allocate-value">
                {result?.parts[i]?.value.toLocaleString(locale) ?? ''}
              </td>
            </tr>
          ))}
          <tr>
            <td className={styles.head}>{tr('plan.allocate.sum')}</td>
            {shown.map((k) => (
              <td key={k} className={styles.cell} />
            ))}
            <td className={styles.cell} data-testid="allocate-sum">
              {result
                ? Number(result.parts.reduce((a, p) => a + p.value, 0).toFixed(6)).toLocaleString(locale)
                : ''}
            </td>
          </tr>
        </tbody>
      </table>
      {mode === 'months' && result && result.parts.length === 12 ? (
        <Text size={200} data-testid="allocate-quarters">
          {tr('plan.allocate.quarters', {
            list: quarterTotals(result.parts.map((p) => p.value))
              .map((value, q) =>
                tr('plan.allocate.quarter', {
                  // named as the sheet's quarter columns are (Q1, 一季度)
                  name: quarterName(grid.year, q + 1, locale),
                  value: (value ?? 0).toLocaleString(locale),
                }),
              )
              .join(' · '),
          })}
        </Text>
      ) : null}
      {result && result.findings.length > 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {dedupe(result.findings).map((f) => (
              <div key={f.path + f.rule}>{f.message}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Button disabled={!result} onClick={() => void write()} data-testid="allocate-write">
        {tr('plan.allocate.write')}
      </Button>
      {written ? (
        <MessageBar intent="success" data-testid="allocate-done">
          <MessageBarBody>
            {tr('plan.allocate.written', { ...written, sum: written.sum.toLocaleString(locale) })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

/** A quarter's header on the Targets sheet, from the core's template. */
function quarterName(year: number, n: number, locale: Locale): string {
  return targetsSheet(year).columns.find((c) => c.key === quarterKey(n))?.header[locale] ?? `Q${n}`;
}

/** Fallback findings repeat per part; the pane shows the first few. */
function dedupe(findings: readonly Finding[]): Finding[] {
  return findings.slice(0, 4);
}
