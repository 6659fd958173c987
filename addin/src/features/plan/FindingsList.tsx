// The findings of a check, grouped by severity, each message in the user's language; a click on one
// selects its cell in the workbook.
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
  rule: { color: tokens.colorNeutralForeground3, fontFamily: 'Consolas, monospace' },
});

const order = ['error', 'warning', 'info'] as const;
const border = { error: '#D13438', warning: '#C19C00', info: '#0078D4' } as const;

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
  return (
    <div className={styles.root} data-testid="findings">
      {order.map((severity) => {
        const items = findings.filter((f) => f.finding.severity === severity);
        if (items.length === 0) return null;
        return (
          <div key={severity} className={styles.group} data-testid={`findings-${severity}`}>
            <Text weight="semibold">{tr(`plan.findings.${severity}` as UiKey, { count: items.length })}</Text>
            {items.map(({ finding, place }, i) => {
              const first = place?.addresses[0];
              return (
                <div
                  key={`${finding.rule}-${finding.path}-${i}`}
                  className={styles.item}
                  style={{ borderLeftColor: border[severity], backgroundColor: SEVERITY_FILL[severity] }}
                  data-testid="finding"
                  data-rule={finding.rule}
                >
                  <Text size={200}>{finding.message}</Text>
                  <Text size={100} className={styles.rule}>
                    {finding.rule} ·{' '}
                    {place && first ? (
                      <Link
                        as="button"
                        onClick={() => onSelect(place.sheet, first)}
                        data-testid="finding-link"
                      >
                        {tr('plan.findings.where', { cell: `${place.sheet}!${first}` })}
                      </Link>
                    ) : (
                      tr('plan.findings.nowhere')
                    )}
                  </Text>
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
