// A stale base on screen: who stored what meanwhile, the cells that differ, and the two ways on —
// reload the newer version, or submit this sheet on top of it.
import { getMetric } from '@teamsheet/shared';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import type { Locale, Translate } from '../../i18n';
import type { Conflict } from './planWorkflow';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  changes: { margin: 0, paddingLeft: '18px', fontSize: '12px' },
});

const SHOWN = 12;

/** A changed cell's value as a person reads it: numbers grouped in the user's language, text as is. */
function changeValue(value: unknown, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return value.toLocaleString(locale, { maximumFractionDigits: 6 });
  return String(value);
}

export function ConflictNotice(props: {
  conflict: Conflict;
  tr: Translate;
  locale: Locale;
  onReload: () => void;
  onResubmit: () => void;
  /** Owner names by id (people and units): the changes name owners, not ids. */
  ownerNames?: ReadonlyMap<string, string>;
}) {
  const { conflict, tr, locale, ownerNames } = props;
  const ownerOf = (id: string | undefined) => (id ? (ownerNames?.get(id) ?? id) : id);
  const metricOf = (id: string | undefined) => (id ? (getMetric(id)?.label[locale] ?? id) : id);
  const styles = useStyles();
  const { base, current, changes } = conflict;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="plan-conflict">
      <MessageBarBody>
        <MessageBarTitle>{tr('plan.conflict.title', { base, current })}</MessageBarTitle>
        {changes ? (
          <>
            <div>{tr('plan.conflict.changes', { count: changes.length, base, current })}</div>
            <ul className={styles.changes}>
              {changes.slice(0, SHOWN).map((c, i) => (
                <li key={i}>
                  {[ownerOf(c.key.owner) ?? c.key.id, metricOf(c.key.metric) ?? c.field, c.key.period]
                    .filter(Boolean)
                    .join(' · ')}
                  : {changeValue(c.before, locale)} → {changeValue(c.after, locale)} (
                  {tr(`plan.change.${c.kind}`)})
                </li>
              ))}
            </ul>
            {changes.length > SHOWN ? (
              <div>{tr('plan.conflict.more', { count: changes.length - SHOWN })}</div>
            ) : null}
          </>
        ) : null}
        <div className={styles.row}>
          <Button size="small" onClick={props.onReload} data-testid="plan-reload">
            {tr('plan.conflict.reload', { current })}
          </Button>
          <Button size="small" onClick={props.onResubmit} data-testid="plan-resubmit">
            {tr('plan.conflict.resubmit', { current })}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
