// Small views of the Payouts section: a block's notice, findings as a list, attainment as bars, and
// the Explain panel.
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '@teamsheet/shared';
import type { Translate } from '../../i18n';
import { explainTrace, groupDigits } from './explain';
import type { PayoutNotice } from './payoutActions';
import type { PayoutCell } from './payoutSheet';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '2px' },
  chart: { display: 'flex', flexDirection: 'column', gap: '4px' },
  bar: { display: 'grid', gridTemplateColumns: '96px 1fr 64px', alignItems: 'center', gap: '6px' },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: '12px' },
  track: { position: 'relative', height: '14px', backgroundColor: tokens.colorNeutralBackground3 },
  fill: { position: 'absolute', top: 0, bottom: 0, left: 0 },
  quotaLine: {
    position: 'absolute',
    top: '-2px',
    bottom: '-2px',
    width: '2px',
    backgroundColor: tokens.colorNeutralForeground1,
  },
  value: { fontSize: '12px', textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  steps: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '2px' },
  explain: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** A block's notice: what happened and, under it, the first 50 findings. */
export function PayoutNoticeBar({
  notice,
  tr,
  testId,
}: {
  notice: PayoutNotice;
  tr: Translate;
  testId: string;
}) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid={testId} data-intent={notice.intent}>
      <MessageBarBody style={{ display: 'flex', flexDirection: 'column', gap: '4px' }}>
        <Text>{notice.text}</Text>
        {notice.findings && notice.findings.length > 0 ? (
          <>
            <Text size={200} weight="semibold">
              {tr('payouts.findings.title', { count: notice.findings.length })}
            </Text>
            <FindingList findings={notice.findings.slice(0, 50)} tr={tr} testId={`${testId}-findings`} />
          </>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

export function FindingList({
  findings,
  tr,
  testId,
}: {
  findings: readonly Finding[];
  tr: Translate;
  testId: string;
}) {
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid={testId}>
      {findings.map((f, i) => (
        <li key={`${f.path}-${f.rule}-${i}`} data-severity={f.severity}>
          <Text size={200}>
            <strong>{tr(`payouts.severity.${f.severity}`)}</strong>
            {typeof f.params?.cell === 'string' ? ` (${f.params.cell})` : ''}: {f.message}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** Attainment per person as horizontal bars, the 100 % line marked; the scale ends at the best or 150 %. */
export function AttainmentChart({
  people,
  title,
}: {
  people: readonly { personId: string; name: string; attainment?: number | undefined }[];
  title: string;
}) {
  const styles = useStyles();
  const shown = people.filter((p) => p.attainment !== undefined);
  const max = Math.max(1.5, ...shown.map((p) => p.attainment!));
  return (
    <figure className={styles.chart} data-testid="attainment-chart" aria-label={title} style={{ margin: 0 }}>
      <Text weight="semibold" size={300}>
        {title}
      </Text>
      {shown.map((p) => {
        const a = p.attainment!;
        const colour =
          a >= 1
            ? tokens.colorPaletteGreenBackground3
            : a >= 0.5
              ? tokens.colorPaletteYellowBackground3
              : tokens.colorPaletteRedBackground3;
        return (
          <div className={styles.bar} key={p.personId} data-testid="attainment-bar" data-person={p.personId}>
            <span className={styles.name} title={p.name}>
              {p.name}
            </span>
            <div className={styles.track}>
              <div
                className={styles.fill}
                style={{ width: `${(Math.max(0, a) / max) * 100}%`, backgroundColor: colour }}
              />
              <div className={styles.quotaLine} style={{ left: `${(1 / max) * 100}%` }} />
            </div>
            <span className={styles.value}>{(a * 100).toFixed(1)} %</span>
          </div>
        );
      })}
    </figure>
  );
}

export function ExplainPanel({
  cell,
  sheet,
  tr,
  componentName = (id) => id,
}: {
  cell: PayoutCell | null | undefined;
  sheet: string;
  tr: Translate;
  /** A component as the sheet titles it (its kind), never its id. */
  componentName?: (id: string) => string;
}) {
  const styles = useStyles();
  let body;
  if (cell === undefined) body = <Text size={200}>{tr('payouts.explain.hint', { sheet })}</Text>;
  else if (cell === null) body = <Text size={200}>{tr('payouts.explain.none')}</Text>;
  else if (cell.kind === 'line')
    body = (
      <>
        <Text weight="semibold" data-testid="explain-title">
          {tr('payouts.explain.line', {
            name: cell.name,
            component: componentName(cell.line.component),
            amount: groupDigits(cell.line.amount),
          })}
        </Text>
        <ol className={styles.steps} data-testid="explain-steps">
          {explainTrace(cell.line.trace, tr).map((s, i) => (
            <li key={i}>
              <Text size={200}>{s}</Text>
            </li>
          ))}
        </ol>
      </>
    );
  else if (cell.kind === 'total')
    body = (
      <>
        <Text weight="semibold" data-testid="explain-title">
          {tr('payouts.explain.total', { name: cell.name, amount: groupDigits(cell.amount) })}
        </Text>
        <Text size={200} data-testid="explain-steps">
          {tr('payouts.explain.sum', {
            parts:
              cell.lines.map((l) => `${componentName(l.component)} ${groupDigits(l.amount)}`).join(' + ') ||
              '0',
            amount: groupDigits(cell.amount),
          })}
        </Text>
      </>
    );
  else body = <Text size={200}>{tr('payouts.explain.person', { name: cell.name })}</Text>;
  return (
    <section className={styles.explain} data-testid="explain" aria-live="polite">
      <Text weight="semibold">{tr('payouts.explain.title')}</Text>
      {body}
    </section>
  );
}
