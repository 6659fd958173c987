// Small views of the Statement and Questions sections: a notice rendered from its key at render time,
// one statement line with Explain and its question, and the year to date.
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Locale, Translate } from '../../i18n';
import {
  explainLine,
  lineLabel,
  money,
  monthName,
  questionStatus,
  type Notice,
  type StatementLine,
} from './statement';
import { SectionBlock } from '../../pages/SectionIntro';

export const useStatementStyles = makeStyles({
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
  line: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '6px 8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  lineHead: { display: 'flex', justifyContent: 'space-between', gap: '8px', alignItems: 'baseline' },
  amount: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  steps: { margin: 0, paddingLeft: '20px', display: 'flex', flexDirection: 'column', gap: '2px' },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '2px' },
});

/** A notice beside its action, its text rendered now from its key (and `extra` parameters known now). */
export function NoticeBar({
  notice,
  tr,
  testId,
  extra,
}: {
  notice: Notice;
  tr: Translate;
  testId: string;
  extra?: Record<string, string>;
}) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid={testId} data-intent={notice.intent}>
      <MessageBarBody>{tr(notice.key, { ...notice.params, ...extra })}</MessageBarBody>
    </MessageBar>
  );
}

export function LineView({
  line,
  currency,
  tr,
  locale,
  explained,
  onExplain,
  actions,
  children,
}: {
  line: StatementLine;
  currency: string;
  tr: Translate;
  locale: Locale;
  explained: boolean;
  onExplain: () => void;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const styles = useStatementStyles();
  return (
    <div className={styles.line} data-testid="statement-line" data-type={line.type}>
      <div className={styles.lineHead}>
        <Text weight="semibold">{lineLabel(line, tr, locale)}</Text>
        <Text className={styles.amount} data-testid="line-amount">
          {money(line.amount, currency, locale)}
        </Text>
      </div>
      <div className={styles.row}>
        <button
          type="button"
          onClick={onExplain}
          data-testid="explain-line"
          aria-expanded={explained}
          style={{ all: 'unset', cursor: 'pointer', color: tokens.colorBrandForegroundLink }}
        >
          {explained ? tr('statement.hide') : tr('statement.explain')}
        </button>
        {actions}
      </div>
      {explained ? (
        <ol className={styles.steps} data-testid="line-explain">
          {explainLine(line, tr, locale, currency).map((s, i) => (
            <li key={i}>
              <Text size={200}>{s}</Text>
            </li>
          ))}
        </ol>
      ) : null}
      {line.question ? (
        <Text size={200} data-testid="line-question" data-status={line.question.status}>
          {questionStatus(line.question, tr, locale)}
        </Text>
      ) : null}
      {children}
    </div>
  );
}

export function YearToDate({
  months,
  amount,
  year,
  currency,
  tr,
  locale,
}: {
  months: readonly { period: string; amount: string }[];
  amount: string;
  year: string;
  currency: string;
  tr: Translate;
  locale: Locale;
}) {
  const styles = useStatementStyles();
  return (
    <SectionBlock testId="statement-ytd">
      <Text weight="semibold">{tr('statement.ytd.title')}</Text>
      <ul className={styles.list}>
        {months.map((m) => (
          <li key={m.period}>
            <Text size={200}>
              {tr('statement.ytd.month', {
                month: monthName(m.period, locale),
                amount: money(m.amount, currency, locale),
              })}
            </Text>
          </li>
        ))}
      </ul>
      <Text weight="semibold" data-testid="ytd-total">
        {tr('statement.ytd.total', { year, amount: money(amount, currency, locale) })}
      </Text>
    </SectionBlock>
  );
}
