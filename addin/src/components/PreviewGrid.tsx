// Draws the preview workbook (preview mode, outside Excel): sheet tabs, a grid with fills, notes and
// drop-downs as hover text, charts as data, and the selection. Clicking a cell selects it.
import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  Badge,
  Button,
  Tab,
  TabList,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  cellAddress,
  colourScaleFills,
  columnLetters,
  displayValue,
  parseCell,
  rangeAddress,
  usedSize,
  type PreviewSheet,
  type PreviewWorkbook,
} from '../office';
import type { Translate } from '../i18n';
import { PreviewChart } from './PreviewChart';

const MAX_ROWS = 200;
const MAX_COLS = 30;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  banner: {
    display: 'flex',
    alignItems: 'center',
    gap: '10px',
    padding: '8px 12px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
  scroller: { flex: 1, overflow: 'auto', backgroundColor: tokens.colorNeutralBackground1 },
  grid: {
    borderCollapse: 'collapse',
    fontSize: '12px',
    fontFamily: 'Segoe UI, Calibri, sans-serif',
    tableLayout: 'fixed',
  },
  corner: {
    position: 'sticky',
    top: 0,
    left: 0,
    zIndex: 3,
    backgroundColor: tokens.colorNeutralBackground3,
    width: '40px',
  },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: 'normal',
    minWidth: '84px',
    color: tokens.colorNeutralForeground3,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'center',
    color: tokens.colorNeutralForeground3,
  },
  frozen: { borderBottom: `2px solid ${tokens.colorNeutralStroke1}` },
  // A hidden row is hidden as Excel hides it (the row numbers skip it; it stays in the DOM). Hidden
  // sheets keep their tab, dimmed, so that nothing a template keeps is secret in the preview.
  hiddenRow: { display: 'none' },
  hiddenTab: { opacity: 0.55, fontStyle: 'italic' },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: '2px 6px',
    height: '20px',
    maxWidth: '220px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    position: 'relative',
    cursor: 'cell',
  },
  number: { textAlign: 'right' },
  tableHeader: { backgroundColor: '#DDEBF7', fontWeight: 600 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  note: {
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0,
      borderTop: `6px solid ${tokens.colorPaletteRedBorder2}`,
      borderLeft: '6px solid transparent',
    },
  },
  tabs: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  footer: {
    maxHeight: '45%',
    overflowY: 'auto',
    padding: '6px 12px',
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

function isTableHeader(sheet: PreviewSheet, row: number, col: number): boolean {
  return sheet.tables.some((t) => t.row === row && col >= t.col && col < t.col + t.colCount);
}

export function PreviewGrid({
  workbook,
  tr,
  onRefreshFormulas,
}: {
  workbook: PreviewWorkbook;
  tr: Translate;
  /** Asks the server again for every Teamsheet formula and recalculates. */
  onRefreshFormulas?: () => Promise<void>;
}) {
  const styles = useStyles();
  useSyncExternalStore(workbook.subscribe, workbook.version);
  const sheets = workbook.sheets();
  const selection = workbook.selection();
  const [active, setActive] = useState(sheets[0]?.name ?? '');
  // Preview mode lets a person type into a cell as in Excel: double-click, type, Enter (Escape cancels).
  const [editing, setEditing] = useState<{ address: string; text: string } | null>(null);
  const commit = (sheetName: string) => {
    if (!editing) return;
    const text = editing.text.trim();
    const value = text === '' ? null : Number.isFinite(Number(text)) ? Number(text) : editing.text;
    setEditing(null);
    void workbook.writeRange(sheetName, editing.address, [[value]]);
  };
  // Pasting rows and columns (tab- and line-separated, as Excel copies) writes the block at the cell in
  // one go, so a block of formulas is one recalculation.
  const pasteBlock = (sheetName: string, address: string, text: string): boolean => {
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return false;
    const rowsOf = text
      .replace(/\r?\n$/, '')
      .split(/\r?\n/)
      .map((line) => line.split('\t'));
    const width = Math.max(...rowsOf.map((r) => r.length));
    const block = rowsOf.map((r) =>
      Array.from({ length: width }, (_, j) => {
        const t = (r[j] ?? '').trim();
        return t === '' ? null : Number.isFinite(Number(t)) ? Number(t) : (r[j] ?? '');
      }),
    );
    setEditing(null);
    const at = parseCell(address);
    void workbook.writeRange(sheetName, rangeAddress(at.row, at.col, block.length, width), block);
    return true;
  };

  // Follow the selection to its sheet, as Excel does when the add-in selects a cell elsewhere.
  useEffect(() => {
    if (selection) setActive(selection.sheet);
  }, [selection]);

  const sheet = workbook.sheet(active) ?? sheets[0];
  const size = sheet ? usedSize(sheet) : { rows: 1, cols: 1 };
  const rows = Math.min(Math.max(size.rows + 5, 20), MAX_ROWS);
  const cols = Math.min(Math.max(size.cols + 2, 8), MAX_COLS);
  const scaleFills = sheet
    ? colourScaleFills(sheet.colourScales, (r, c) => sheet.cells.get(`${r},${c}`)?.value ?? null)
    : new Map<string, string>();

  return (
    <section className={styles.root} aria-label={tr('grid.label')} data-testid="preview-grid">
      <div className={styles.banner}>
        <Badge
          appearance="filled"
          color="warning"
          size="large"
          className={styles.badge}
          data-testid="preview-badge"
        >
          {tr('app.previewBadge')}
        </Badge>
        <Text size={200}>{tr('app.previewExplain')}</Text>
        {onRefreshFormulas ? (
          <Button size="small" data-testid="refresh-formulas" onClick={() => void onRefreshFormulas()}>
            {tr('grid.refreshFormulas')}
          </Button>
        ) : null}
      </div>
      <div className={styles.scroller}>
        {sheet ? (
          <table className={styles.grid} data-testid="preview-table" data-sheet={sheet.name}>
            <thead>
              <tr>
                <th className={styles.corner} />
                {Array.from({ length: cols }, (_, c) => (
                  <th key={c} className={styles.colHead} scope="col">
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rows }, (_, r) => (
                <tr
                  key={r}
                  className={sheet.hiddenRows.includes(r + 1) ? styles.hiddenRow : undefined}
                  data-hidden={sheet.hiddenRows.includes(r + 1) ? 'true' : undefined}
                  title={sheet.hiddenRows.includes(r + 1) ? tr('grid.hiddenRow') : undefined}
                >
                  <th
                    scope="row"
                    className={mergeClasses(styles.rowHead, sheet.frozenRows === r + 1 && styles.frozen)}
                  >
                    {r + 1}
                  </th>
                  {Array.from({ length: cols }, (_, c) => {
                    const cell = sheet.cells.get(`${r},${c}`);
                    const address = cellAddress(r, c);
                    const isSelected = selection?.sheet === sheet.name && selection.address === address;
                    const fill = cell?.fill ?? scaleFills.get(`${r},${c}`);
                    const look = {
                      ...(fill ? { backgroundColor: fill } : {}),
                      ...(cell?.bold ? { fontWeight: 600 } : {}),
                      ...(cell?.indent ? { paddingLeft: `${6 + cell.indent * 12}px` } : {}),
                    };
                    const title = [
                      cell?.note,
                      cell?.list ? tr('grid.list', { values: cell.list.join(', ') }) : undefined,
                    ]
                      .filter(Boolean)
                      .join('\n');
                    return (
                      <td
                        key={c}
                        data-address={address}
                        title={title || undefined}
                        data-fill={fill}
                        style={Object.keys(look).length > 0 ? look : undefined}
                        className={mergeClasses(
                          styles.cell,
                          typeof cell?.value === 'number' && styles.number,
                          isTableHeader(sheet, r, c) && styles.tableHeader,
                          sheet.frozenRows === r + 1 && styles.frozen,
                          cell?.note && styles.note,
                          isSelected && styles.selected,
                        )}
                        onClick={() => workbook.select(sheet.name, address)}
                        onDoubleClick={() =>
                          setEditing({
                            address,
                            text: cell?.formula ?? (cell?.value === null || !cell ? '' : String(cell.value)),
                          })
                        }
                      >
                        {editing?.address === address ? (
                          <input
                            autoFocus
                            data-testid="cell-editor"
                            value={editing.text}
                            onChange={(e) => setEditing({ address, text: e.target.value })}
                            onPaste={(e) => {
                              if (pasteBlock(sheet.name, address, e.clipboardData.getData('text/plain')))
                                e.preventDefault();
                            }}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') commit(sheet.name);
                              if (e.key === 'Escape') setEditing(null);
                            }}
                            onBlur={() => commit(sheet.name)}
                          />
                        ) : cell ? (
                          displayValue(cell.value, cell.numberFormat)
                        ) : (
                          ''
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      <div className={styles.footer}>
        {size.rows > MAX_ROWS || size.cols > MAX_COLS ? (
          <Text size={200}>{tr('grid.truncated', { rows: MAX_ROWS, cols: MAX_COLS })}</Text>
        ) : null}
        {selection ? (
          <Text size={200}>
            {tr('grid.selected', { address: `${selection.sheet}!${selection.address}` })}
          </Text>
        ) : null}
        {sheet && sheet.charts.length > 0 ? (
          <>
            <Text size={200} weight="semibold">
              {tr('grid.charts')}
            </Text>
            {sheet.charts.map((ch) => (
              <div key={ch.name}>
                <Text size={200}>
                  {tr('grid.chart', {
                    name: ch.title ?? ch.name,
                    type: tr(`grid.chartType.${ch.type}`),
                    source: ch.source,
                  })}
                </Text>
                <PreviewChart sheet={sheet} spec={ch} />
              </div>
            ))}
          </>
        ) : null}
      </div>
      <TabList
        className={styles.tabs}
        size="small"
        aria-label={tr('grid.sheets')}
        selectedValue={sheet?.name ?? ''}
        onTabSelect={(_, d) => setActive(String(d.value))}
      >
        {sheets.map((s) => (
          <Tab
            key={s.name}
            value={s.name}
            data-testid={`sheet-tab-${s.name}`}
            data-hidden={s.hidden ? 'true' : undefined}
            className={s.hidden ? styles.hiddenTab : undefined}
            title={s.hidden ? tr('grid.hiddenSheet') : undefined}
          >
            {s.name}
          </Tab>
        ))}
      </TabList>
    </section>
  );
}
