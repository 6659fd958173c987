// The findings of a check, grouped by severity, each message in the user's language; a click on one
// selects its cell in the workbook. The findings of one rule on one row of a sheet (a month each) are
// one card with the first message and links to the other cells; the rule id sits in a details line.
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Translate, UiKey } from '../../i18n';
import { SEVERITY_FILL, type LocatedFinding } from './planSheets';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  group: { display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: '4px 8px',
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: '2px',
  },
  more: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'baseline' },
  details: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

const order = ['error', 'warning', 'info'] as const;
const border = { error: '#D13438', warning: '#C19C00', info: '#0078D4' } as const;

type Card = { first: LocatedFinding; others: LocatedFinding[] };

/** One card per rule and sheet row (findings about no cell keep a card each), in the findings' order. */
export function cardsOf(items: readonly LocatedFinding[]): Card[] {
  const cards: Card[] = [];
  const byKey = new Map<string, Card>();
  for (const item of items) {
    const address = item.place?.addresses[0];
    const row = address ? /\d+/.exec(address)?.[0] : undefined;
    const key = item.place && row ? `${item.finding.rule}\u0000${item.place.sheet}\u0000${row}` : null;
    const card = key ? byKey.get(key) : undefined;
    if (card) card.others.push(item);
    else {
      const fresh = { first: item, others: [] };
      cards.push(fresh);
      if (key) byKey.set(key, fresh);
    }
  }
  return cards;
}

export function FindingsList({
  findings,
  tr,
  onSelect,
}: {
  findings: readonly LocatedFinding[];
  tr: Translate;
  onSelect: (sheet: string, address: string) => void;
}) {
  const styles = useStyles();
  const goTo = (item: LocatedFinding, label: (cell: string) => string) => {
    const first = item.place?.addresses[0];
    if (!item.place || !first) return null;
    const { sheet } = item.place;
    return (
      <Link as="button" onClick={() => onSelect(sheet, first)} data-testid="finding-link">
        {label(`${sheet}!${first}`)}
      </Link>
    );
  };
  return (
    <div className={styles.root} data-testid="findings">
      {order.map((severity) => {
        const items = findings.filter((f) => f.finding.severity === severity);
        if (items.length === 0) return null;
        return (
          <div key={severity} className={styles.group} data-testid={`findings-${severity}`}>
            <Text weight="semibold">{tr(`plan.findings.${severity}` as UiKey, { count: items.length })}</Text>
            {cardsOf(items).map(({ first, others }, i) => (
              <div
                key={`${first.finding.rule}-${first.finding.path}-${i}`}
                className={styles.item}
                style={{ borderLeftColor: border[severity], backgroundColor: SEVERITY_FILL[severity] }}
                data-testid="finding"
                data-rule={first.finding.rule}
                data-count={1 + others.length}
              >
                <Text size={200}>{first.finding.message}</Text>
                <Text size={100}>
                  {goTo(first, (cell) => tr('plan.findings.where', { cell })) ?? tr('plan.findings.nowhere')}
                </Text>
                {others.length > 0 ? (
                  <div className={styles.more}>
                    <Text size={100}>{tr('plan.findings.alsoAt', { count: others.length })}</Text>
                    {others.map((o, k) => (
                      <span key={k}>{goTo(o, (cell) => cell.slice(cell.indexOf('!') + 1))}</span>
                    ))}
                  </div>
                ) : null}
                <details className={styles.details}>
                  <summary>{tr('plan.findings.details')}</summary>
                  {tr('plan.findings.rule', { rule: first.finding.rule })}
                </details>
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}
