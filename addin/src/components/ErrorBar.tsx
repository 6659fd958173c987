// Shows a failure in a Fluent MessageBar: what happened, what to do, and the fields to correct.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from '@fluentui/react-components';
import type { UiError } from '../errors';
import type { Translate } from '../i18n';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: '4px' },
  fields: { margin: 0, paddingLeft: '18px', fontFamily: 'Consolas, monospace', fontSize: '12px' },
});

export function ErrorBar({
  error,
  tr,
  onDismiss,
  intent = 'error',
}: {
  error: UiError;
  tr: Translate;
  onDismiss?: () => void;
  intent?: 'error' | 'warning';
}) {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="error-bar">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        {error.detail ? <span>{error.detail}</span> : null}
        <span>{tr('error.whatToDo', { action: error.action })}</span>
        {error.fields && error.fields.length > 0 ? (
          <>
            <span>{tr('error.fields')}</span>
            <ul className={styles.fields}>
              {error.fields.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </>
        ) : null}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button size="small" onClick={onDismiss}>
            {tr('error.dismiss')}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
