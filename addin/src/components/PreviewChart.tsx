// Draws a chart of the preview workbook (preview mode) from its source range, as Excel would place it
// under the grid: the first series as horizontal bars, columns or a line, with their values. SVG, no
// chart library.
import type { ReactElement } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { chartData, displayValue, parseRange, type ChartSpec, type PreviewSheet } from '../office';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '2px', maxWidth: '560px' },
  svg: { fontSize: '11px', fontFamily: 'Segoe UI, Calibri, sans-serif' },
});

const BAR = 16;
const GAP = 6;
const LABEL = 170;
const WIDTH = 540;

export function PreviewChart({ sheet, spec }: { sheet: PreviewSheet; spec: ChartSpec }) {
  const styles = useStyles();
  const r = parseRange(spec.source);
  const values = Array.from({ length: r.end.row - r.start.row + 1 }, (_, i) =>
    Array.from(
      { length: r.end.col - r.start.col + 1 },
      (_, j) => sheet.cells.get(`${r.start.row + i},${r.start.col + j}`)?.value ?? null,
    ),
  );
  const data = chartData(values);
  const series = data.series[0];
  const format = sheet.cells.get(`${r.start.row + 1},${r.start.col + 1}`)?.numberFormat;
  const numbers = (series?.values ?? []).filter((v): v is number => v !== null);
  const max = Math.max(0, ...numbers);
  const min = Math.min(0, ...numbers);
  const span = max - min || 1;
  const title = spec.title ?? spec.name;
  const label = (category: string, room: number) =>
    category.length > room ? `${category.slice(0, room - 1)}…` : category;
  const points = data.categories.map((category, i) => ({ category, i, v: series?.values[i] ?? null }));

  let body: ReactElement;
  let height: number;
  if (spec.type === 'bar' || spec.type === 'pie') {
    // Horizontal bars, one category a row (a pie is shown this way too: the shares read the same).
    const plot = WIDTH - LABEL - 60;
    const x = (v: number) => LABEL + ((v - min) / span) * plot;
    height = data.categories.length * (BAR + GAP) + GAP;
    body = (
      <>
        <line x1={x(0)} x2={x(0)} y1={0} y2={height} stroke={tokens.colorNeutralStroke1} />
        {points.map(({ category, i, v }) => {
          const y = GAP + i * (BAR + GAP);
          const from = x(Math.min(0, v ?? 0));
          const to = x(Math.max(0, v ?? 0));
          return (
            <g key={`${category}-${i}`} data-category={category} data-value={v ?? ''}>
              <text x={LABEL - 6} y={y + BAR - 4} textAnchor="end">
                {label(category, 26)}
              </text>
              {v !== null ? (
                <>
                  <rect x={from} y={y} width={Math.max(1, to - from)} height={BAR} fill="#4472C4" />
                  <text x={to + 4} y={y + BAR - 4}>
                    {displayValue(v, format)}
                  </text>
                </>
              ) : null}
            </g>
          );
        })}
      </>
    );
  } else {
    // Columns or a line over categories along the bottom, as Excel draws them.
    height = 200;
    const top = 18;
    const bottom = height - 34;
    const step = (WIDTH - 20) / Math.max(1, data.categories.length);
    const y = (v: number) => bottom - ((v - min) / span) * (bottom - top);
    const cx = (i: number) => 10 + step * i + step / 2;
    const line = points
      .filter((p) => p.v !== null)
      .map((p) => `${cx(p.i)},${y(p.v!)}`)
      .join(' ');
    body = (
      <>
        <line x1={0} x2={WIDTH} y1={y(0)} y2={y(0)} stroke={tokens.colorNeutralStroke1} />
        {spec.type === 'line' ? (
          <polyline points={line} fill="none" stroke="#4472C4" strokeWidth={2} />
        ) : null}
        {points.map(({ category, i, v }) => (
          <g key={`${category}-${i}`} data-category={category} data-value={v ?? ''}>
            {v !== null && spec.type === 'column' ? (
              <rect
                x={cx(i) - step * 0.35}
                y={Math.min(y(v), y(0))}
                width={step * 0.7}
                height={Math.max(1, Math.abs(y(0) - y(v)))}
                fill="#4472C4"
              />
            ) : null}
            {v !== null && spec.type === 'line' ? <circle cx={cx(i)} cy={y(v)} r={3} fill="#4472C4" /> : null}
            {v !== null ? (
              <text x={cx(i)} y={Math.min(y(v), y(0)) - 4} textAnchor="middle">
                {displayValue(v, format)}
              </text>
            ) : null}
            <text x={cx(i)} y={height - 18} textAnchor="middle">
              {label(category, Math.max(4, Math.floor(step / 7)))}
            </text>
          </g>
        ))}
      </>
    );
  }
  return (
    <figure className={styles.root} data-testid={`preview-chart-${spec.name}`} data-type={spec.type}>
      <Text size={200} weight="semibold">
        {title}
      </Text>
      <svg className={styles.svg} width={WIDTH} height={height} role="img" aria-label={title}>
        {body}
      </svg>
    </figure>
  );
}
