// A notice drawn where the action that caused it sits: its text, and lines or findings listed below,
// all put into words now, in the language on show (see features/common/notice.ts).
import { MessageBar, MessageBarBody, makeStyles } from '@fluentui/react-components';
import type { Locale } from '@teamsheet/shared';
import { findingText, noticeText, type Notice } from '../features/common/notice';

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
    ...(notice.findings ?? []).map((f) => findingText(f, locale, notice.names)),
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
