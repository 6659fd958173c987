// A notice drawn where the action that caused it sits: its text, and lines or findings listed below,
// all put into words now, in the language on show (see features/common/notice.ts); and a failure of
// that action, likewise beside its button.
import { MessageBar, MessageBarBody, makeStyles } from '@fluentui/react-components';
import { findingInWords, type Locale } from '@teamsheet/shared';
import { describeError, describeWorkbookError } from '../errors';
import { noticeText, type Failure, type Notice } from '../features/common/notice';
import type { Translate } from '../i18n';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: '18px' } });

export function NoticeBar<Key extends string>({
  notice,
  tr,
  locale,
  testId,
}: {
  notice: Notice<Key>;
  tr: (key: Key, params?: Record<string, string | number>) => string;
  locale: Locale;
  testId: string;
}) {
  const styles = useStyles();
  const items = [
    ...(notice.lines ?? []).map((l) => noticeText(l, tr, locale)),
    ...(notice.findings ?? []).map(
      (f) => findingInWords(f, { locale, people: notice.names, units: notice.names }).message,
    ),
  ];
  return (
    <MessageBar intent={notice.intent} data-testid={testId}>
      <MessageBarBody>
        {noticeText(notice, tr, locale)}
        {items.length > 0 ? (
          <ul className={styles.list}>
            {items.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A failed action's MessageBar, beside its button: what happened and what to do, in the language on show. */
export function FailureBar({ failure, tr }: { failure: Failure; tr: Translate }) {
  const error =
    failure.source === 'workbook'
      ? describeWorkbookError(failure.error, tr)
      : describeError(failure.error, tr);
  return <ErrorBar error={error} tr={tr} />;
}
