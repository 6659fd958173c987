// Statement: a person's pay of a month as finance approved it — the month picker (months with an
// approved run), the lines with Explain, attainment against quota as a chart, the year to date — and
// "Question this line" with a comment. The use cases are in features/statement/.
import { Button, Field, ProgressBar, Select, Text, Textarea } from '@fluentui/react-components';
import { AttainmentChart } from '../features/payouts/PayoutViews';
import { LineView, NoticeBar, YearToDate, useStatementStyles } from '../features/statement/StatementViews';
import { lineLabel, money, monthName, percentOf } from '../features/statement/statement';
import { useStatement } from '../features/statement/useStatement';
import { describeError } from '../errors';
import type { PageProps } from './PageProps';
import { SectionIntro, SectionBlock } from './SectionIntro';

export function StatementPage(props: PageProps) {
  const { tr, locale } = props;
  const styles = useStatementStyles();
  const st = useStatement(props);
  const { statement: s, period, busy } = st;
  const disabled = busy !== null;
  const year = (period ?? '').slice(0, 4);

  return (
    <SectionIntro title={tr('page.statement.title')} intro={tr('page.statement.intro')}>
      {s && s.available.length > 0 ? (
        <Field label={tr('statement.month')} hint={tr('statement.monthHelp')}>
          <Select
            value={s.available.includes(s.period) ? s.period : ''}
            onChange={(_, d) => st.pick(d.value)}
            disabled={disabled}
            data-testid="statement-month"
          >
            {s.available.includes(s.period) ? null : <option value="">—</option>}
            {s.available.map((m) => (
              <option key={m} value={m}>
                {monthName(m, locale)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {busy === 'read' ? (
        <div data-testid="statement-progress">
          <ProgressBar />
          <Text size={200}>{tr('statement.loading')}</Text>
        </div>
      ) : null}
      {st.failure && !busy ? (
        <Text data-testid="statement-failed">
          {describeError(st.failure, tr).detail ?? tr('statement.failed')}
        </Text>
      ) : null}

      {s?.status === 'none' ? (
        <Text data-testid="statement-none">
          {s.available.length > 0
            ? tr('statement.none', { month: monthName(s.period, locale) })
            : tr('statement.noneAny', { year: s.period.slice(0, 4) })}
        </Text>
      ) : null}

      {s && s.status !== 'none' ? (
        <>
          <SectionBlock testId="statement-lines">
            <Text weight="semibold">{tr('statement.lines', { month: monthName(s.period, locale) })}</Text>
            <Text size={200} className={styles.muted} data-testid="statement-status">
              {tr(`statement.status.${s.status}`)}
            </Text>
            {s.lines.length === 0 ? <Text size={200}>{tr('statement.noLines')}</Text> : null}
            {s.lines.map((line) => {
              const asking = st.asking === line.lineId;
              const mayAsk = s.status !== 'draft' && !asking && line.question?.status !== 'open';
              return (
                <LineView
                  key={line.lineId}
                  line={line}
                  currency={s.currency}
                  tr={tr}
                  locale={locale}
                  explained={st.explained === line.lineId}
                  onExplain={() => st.toggleExplain(line.lineId)}
                  actions={
                    mayAsk ? (
                      <Button
                        size="small"
                        disabled={disabled}
                        onClick={() => st.startAsking(line.lineId)}
                        data-testid="ask-line"
                      >
                        {tr('statement.ask')}
                      </Button>
                    ) : null
                  }
                >
                  {asking ? (
                    <div className={styles.row} data-testid="ask-form">
                      <Field
                        label={tr('statement.ask.comment')}
                        hint={tr('statement.ask.commentHelp')}
                        style={{ flexBasis: '100%' }}
                      >
                        <Textarea
                          value={st.comment}
                          onChange={(_, d) => st.setComment(d.value)}
                          data-testid="ask-comment"
                        />
                      </Field>
                      <Button
                        appearance="primary"
                        disabled={disabled}
                        onClick={() => void st.send()}
                        data-testid="ask-send"
                      >
                        {tr('statement.ask.send')}
                      </Button>
                      <Button disabled={disabled} onClick={st.cancelAsking}>
                        {tr('statement.ask.cancel')}
                      </Button>
                    </div>
                  ) : null}
                  {st.askNotice?.lineId === line.lineId ? (
                    <NoticeBar
                      notice={st.askNotice.notice}
                      tr={tr}
                      testId="ask-notice"
                      extra={{ line: lineLabel(line, tr, locale) }}
                    />
                  ) : null}
                </LineView>
              );
            })}
            <Text weight="semibold" data-testid="statement-total">
              {tr('statement.total', {
                month: monthName(s.period, locale),
                amount: money(s.total.amount, s.currency, locale),
              })}
            </Text>
          </SectionBlock>

          <SectionBlock testId="statement-attainment">
            <Text weight="semibold">{tr('statement.attainment.title')}</Text>
            <Text size={200}>
              {s.attainment.quota !== null && s.attainment.attainment !== null
                ? tr('statement.attainment.text', {
                    credited: money(s.attainment.credited, s.currency, locale),
                    quota: money(s.attainment.quota, s.currency, locale),
                    percent: percentOf(s.attainment.attainment, locale),
                  })
                : tr('statement.attainment.noQuota', {
                    credited: money(s.attainment.credited, s.currency, locale),
                  })}
            </Text>
            {s.attainment.attainment !== null ? (
              <AttainmentChart
                people={[{ personId: 'me', name: s.person.name, attainment: s.attainment.attainment }]}
                title={monthName(s.period, locale)}
              />
            ) : null}
          </SectionBlock>

          <YearToDate
            months={s.yearToDate.months}
            amount={s.yearToDate.amount}
            year={year}
            currency={s.currency}
            tr={tr}
            locale={locale}
          />

          <SectionBlock testId="statement-sheet">
            <Text weight="semibold">{tr('statement.sheet.title')}</Text>
            <Text size={200}>{tr('statement.sheet.help')}</Text>
            <div className={styles.row}>
              <Button
                appearance="secondary"
                disabled={disabled}
                onClick={() => void st.writeSheet()}
                data-testid="statement-write-sheet"
              >
                {tr('statement.sheet.write')}
              </Button>
            </div>
            <NoticeBar notice={st.sheetNotice} tr={tr} testId="statement-sheet-notice" />
          </SectionBlock>
        </>
      ) : null}
    </SectionIntro>
  );
}
