// Questions (finance): the open questions on statement lines — who, which line by its name, its
// amount, the comment and when — each answered once: accepted with an amount (an adjustment in the next
// open month's run) or declined with a reason. The use cases are in features/statement/.
import {
  Button,
  Field,
  Input,
  ProgressBar,
  Radio,
  RadioGroup,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { NoticeBar, useStatementStyles } from '../features/statement/StatementViews';
import { currencySymbol, lineLabel, money, monthName, when } from '../features/statement/statement';
import { useQuestions } from '../features/statement/useQuestions';
import type { PageProps } from './PageProps';
import { SectionIntro, SectionBlock } from './SectionIntro';

export function QuestionsPage(props: PageProps) {
  const { tr, locale } = props;
  const styles = useStatementStyles();
  const qs = useQuestions(props);
  const disabled = qs.busy !== null;
  const answered = qs.notice?.question;

  return (
    <SectionIntro title={tr('page.questions.title')} intro={tr('page.questions.intro')}>
      <SectionBlock testId="questions-open">
        <div className={styles.row}>
          <Text weight="semibold">{tr('questions.open')}</Text>
          <Button
            size="small"
            disabled={disabled}
            onClick={() => void qs.refresh()}
            data-testid="questions-refresh"
          >
            {tr('questions.refresh')}
          </Button>
        </div>
        {qs.busy === 'read' ? (
          <div>
            <ProgressBar />
            <Text size={200}>{tr('questions.loading')}</Text>
          </div>
        ) : null}
        {answered && qs.notice ? (
          <NoticeBar
            notice={qs.notice.notice}
            tr={tr}
            testId="answer-notice"
            extra={{
              name: answered.personName,
              amount: money(answered.answer?.amount ?? '0', answered.currency, locale),
              month: answered.answer?.adjustmentPeriod
                ? monthName(answered.answer.adjustmentPeriod, locale)
                : '',
            }}
          />
        ) : null}
        {qs.questions && qs.questions.length === 0 ? (
          <Text size={200} data-testid="questions-none">
            {tr('questions.none')}
          </Text>
        ) : null}
        {(qs.questions ?? []).map((q) => {
          const open = qs.answering === q.questionId;
          return (
            <div key={q.questionId} className={styles.line} data-testid="question">
              <Text weight="semibold">
                {tr('questions.item', {
                  name: q.personName,
                  line: lineLabel(
                    { type: q.lineType, ...(q.lineMetric ? { metric: q.lineMetric } : {}) },
                    tr,
                    locale,
                  ),
                  month: monthName(q.period, locale),
                  amount: money(q.lineAmount, q.currency, locale),
                })}
              </Text>
              <Text size={200}>
                {tr('questions.asked', { when: when(q.askedAt, locale), comment: q.comment })}
              </Text>
              {open ? (
                <div className={styles.line} data-testid="answer-form">
                  <Field label={tr('questions.decision')}>
                    {/* The radios' values are not words a user reads: 1 accepts, 0 declines. */}
                    <RadioGroup
                      value={qs.draft.decision === 'accepted' ? '1' : '0'}
                      onChange={(_, d) =>
                        qs.setDraft({ decision: d.value === '1' ? 'accepted' : 'declined' })
                      }
                      layout="horizontal"
                    >
                      <Radio value="1" label={tr('questions.accept')} data-testid="decision-accept" />
                      <Radio value="0" label={tr('questions.decline')} data-testid="decision-decline" />
                    </RadioGroup>
                  </Field>
                  {qs.draft.decision === 'accepted' ? (
                    <Field
                      label={tr('questions.amount', { currency: currencySymbol(q.currency, locale) })}
                      hint={tr('questions.amountHelp')}
                      validationMessage={qs.invalid === 'amount' ? tr('questions.amountInvalid') : undefined}
                    >
                      <Input
                        value={qs.draft.amount}
                        inputMode="decimal"
                        onChange={(_, d) => qs.setDraft({ amount: d.value })}
                        data-testid="answer-amount"
                      />
                    </Field>
                  ) : null}
                  <Field
                    label={
                      qs.draft.decision === 'declined' ? tr('questions.reason') : tr('questions.comment')
                    }
                    validationMessage={qs.invalid === 'comment' ? tr('questions.reasonRequired') : undefined}
                  >
                    <Textarea
                      value={qs.draft.comment}
                      onChange={(_, d) => qs.setDraft({ comment: d.value })}
                      data-testid="answer-comment"
                    />
                  </Field>
                  <div className={styles.row}>
                    <Button
                      appearance="primary"
                      disabled={disabled}
                      onClick={() => void qs.send()}
                      data-testid="answer-send"
                    >
                      {tr('questions.send')}
                    </Button>
                    <Button disabled={disabled} onClick={qs.cancel}>
                      {tr('statement.ask.cancel')}
                    </Button>
                  </div>
                </div>
              ) : (
                <div className={styles.row}>
                  <Button
                    size="small"
                    disabled={disabled}
                    onClick={() => qs.start(q.questionId)}
                    data-testid="answer-question"
                  >
                    {tr('questions.answer')}
                  </Button>
                </div>
              )}
            </div>
          );
        })}
      </SectionBlock>
    </SectionIntro>
  );
}
