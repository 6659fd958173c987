// Review: a regional head's queue of the plans of the units below for a year — status, due date,
// late units with their managers, who submitted which version when, findings — and, for the unit
// chosen, its version opened into a sheet to read, approved, or rejected with a comment. The use
// cases are in features/review/.
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useReviewSection, type QueueRow } from '../features/review/useReviewSection';
import { UnitField, YearField } from '../components/PickFields';
import type { PageProps } from './PageProps';
import { SectionIntro, SectionBlock } from './SectionIntro';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '4px', textAlign: 'left' },
  late: { color: tokens.colorPaletteRedForeground1 },
  badge: { whiteSpace: 'nowrap' },
  chosen: { backgroundColor: tokens.colorNeutralBackground1Selected },
});

const STATUS_COLOR: Record<QueueRow['status'], 'informative' | 'warning' | 'success' | 'danger'> = {
  'not-started': 'informative',
  draft: 'informative',
  submitted: 'warning',
  approved: 'success',
  rejected: 'danger',
};

export function ReviewPage(props: PageProps) {
  const { tr, locale } = props;
  const styles = useStyles();
  const review = useReviewSection(props);
  const { rows, row, busy, notice } = review;
  const dateOf = (iso: string | null | undefined) =>
    iso ? new Date(iso).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' }) : '';
  const parentName = review.parents.find((u) => u.id === review.parentId)?.name ?? '';
  const count = (s: QueueRow['status']) => rows?.filter((r) => r.status === s).length ?? 0;

  return (
    <SectionIntro title={tr('page.review.title')} intro={tr('page.review.intro')}>
      <div className={styles.row}>
        <UnitField
          label={tr('review.parent')}
          units={review.parents}
          value={review.parentId}
          onChange={review.setParentId}
          testId="review-parent"
        />
        <YearField
          label={tr('review.year')}
          value={review.year}
          onChange={review.setYear}
          testId="review-year"
        />
      </div>

      {rows === null ? (
        <Spinner size="tiny" label={tr('review.loading')} labelPosition="after" />
      ) : rows.length === 0 ? (
        <Text size={200}>{tr('review.empty', { unit: parentName })}</Text>
      ) : (
        <>
          <Text size={200} data-testid="review-summary">
            {tr('review.summary', {
              count: rows.length,
              waiting: count('submitted'),
              late: rows.filter((r) => r.late).length,
              approved: count('approved'),
            })}
          </Text>
          <table className={styles.table} data-testid="review-queue">
            <thead>
              <tr>
                {(['unit', 'status', 'submitted'] as const).map((c) => (
                  <th key={c} className={styles.cell}>
                    {tr(`review.col.${c}`)}
                  </th>
                ))}
                <th className={styles.cell} />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.unitId}
                  data-unit={r.unitId}
                  data-status={r.status}
                  className={r.unitId === review.row?.unitId ? styles.chosen : undefined}
                >
                  <td className={styles.cell}>
                    {r.unitName}
                    {r.manager ? (
                      <Text size={100} block>
                        {r.manager.name}
                      </Text>
                    ) : null}
                  </td>
                  <td className={styles.cell}>
                    <Badge appearance="tint" color={STATUS_COLOR[r.status]} className={styles.badge}>
                      {tr(`review.status.${r.status}`, { version: r.version ?? 0 })}
                    </Badge>
                    {r.late ? (
                      <Text size={100} block className={styles.late} data-testid="review-late">
                        {tr('review.late', { manager: r.manager?.name ?? '' })}
                      </Text>
                    ) : null}
                    <Text size={100} block>
                      {tr('review.due', { date: dateOf(r.dueDate) })}
                    </Text>
                  </td>
                  <td className={styles.cell}>
                    {r.submittedBy
                      ? tr('review.submittedBy', { name: r.submittedBy.name, date: dateOf(r.submittedAt) })
                      : ''}
                    {r.draft ? (
                      <Text size={100} block data-testid="review-draft">
                        {tr('review.draftSaved', { name: r.draft.savedBy.name, date: dateOf(r.draft.savedAt) })}
                      </Text>
                    ) : null}
                    {r.summary ? (
                      <Text size={100} block>
                        {tr('review.findings', { errors: r.summary.errors, warnings: r.summary.warnings })}
                      </Text>
                    ) : null}
                  </td>
                  <td className={styles.cell}>
                    {r.version ? (
                      <Button
                        size="small"
                        onClick={() => review.choose(r.unitId)}
                        data-testid={`review-choose-${r.unitId}`}
                      >
                        {tr('review.choose')}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {row && row.version ? (
        <SectionBlock testId="review-detail">
          <Text weight="semibold">
            {tr('review.detail.title', { unit: row.unitName, version: row.version })}
          </Text>
          <Button disabled={busy !== null} onClick={() => void review.open()} data-testid="review-open">
            {tr('review.detail.open')}
          </Button>
          {row.review ? (
            <Text size={200} data-testid="review-done">
              {tr('review.detail.reviewed', {
                decision: tr(`review.decision.${row.review.decision}`),
                by: row.review.byName,
                date: dateOf(row.review.at),
              })}
            </Text>
          ) : (
            <>
              <Field label={tr('review.detail.comment')} hint={tr('review.detail.commentHelp')}>
                <Textarea
                  data-testid="review-comment"
                  value={review.comment}
                  onChange={(_, d) => review.setComment(d.value)}
                  resize="vertical"
                />
              </Field>
              <div className={styles.row}>
                <Button
                  appearance="primary"
                  disabled={busy !== null}
                  onClick={() => void review.approve()}
                  data-testid="review-approve"
                >
                  {tr('review.detail.approve', { version: row.version })}
                </Button>
                <Button
                  disabled={busy !== null}
                  onClick={() => void review.reject()}
                  data-testid="review-reject"
                >
                  {tr('review.detail.reject')}
                </Button>
              </div>
            </>
          )}
          {notice ? (
            <MessageBar intent={notice.intent} data-testid={notice.testId}>
              <MessageBarBody>{tr(notice.key, notice.params)}</MessageBarBody>
            </MessageBar>
          ) : null}
        </SectionBlock>
      ) : null}
    </SectionIntro>
  );
}
