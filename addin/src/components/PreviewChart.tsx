// Draws a chart of the preview workbook (preview mode) from its source range, as Excel would place it
// under the grid: the first series as horizontal bars with their values. SVG, no chart library.
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
  const plot = WIDTH - LABEL - 60;
  const x = (v: number) => LABEL + ((v - min) / span) * plot;
  const height = data.categories.length * (BAR + GAP) + GAP;
  return (
    <figure className={styles.root} data-testid={`preview-chart-${spec.name}`} data-type={spec.type}>
      <Text size={200} weight="semibold">
        {spec.title ?? spec.name}
      </Text>
      <svg
        className={styles.svg}
        width={WIDTH}
        height={height}
        role="img"
        aria-label={spec.title ?? spec.name}
      >
        <line x1={x(0)} x2={x(0)} y1={0} y2={height} stroke={tokens.colorNeutralStroke1} />
        {data.categories.map((category, i) => {
          const v = series?.values[i] ?? null;
          const y = GAP + i * (BAR + GAP);
          const from = x(Math.min(0, v ?? 0));
          const to = x(Math.max(0, v ?? 0));
          return (
            <g key={`${category}-${i}`} data-category={category} data-value={v ?? ''}>
              <text x={LABEL - 6} y={y + BAR - 4} textAnchor="end">
                {category.length > 26 ? `${category.slice(0, 25)}…` : category}
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
      </svg>
    </figure>
  );
}
