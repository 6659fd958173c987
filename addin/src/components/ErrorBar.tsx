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
  fields: { margin: 0, paddingLeft: '18px', fontSize: '12px' },
  path: { fontFamily: 'Consolas, monospace', fontSize: '11px' },
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
              {error.fields.map((f) => {
                // "path: message": the message for the reader, the field's path in a details line.
                const at = f.indexOf(': ');
                const [path, message] = at > 0 ? [f.slice(0, at), f.slice(at + 2)] : ['', f];
                return (
                  <li key={f}>
                    {message}
                    {path ? (
                      <details>
                        <summary>{tr('error.fieldDetails')}</summary>
                        <span className={styles.path}>{path}</span>
                      </details>
                    ) : null}
                  </li>
                );
              })}
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
