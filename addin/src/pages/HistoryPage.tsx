// History: the stored versions of a plan (who, when, status, findings) and a diff sheet between two
// different versions, coloured green for added, red for removed and amber for changed cells. The unit
// is chosen by name among the units in the caller's scope; what happened shows beside its button.
import {
  Button,
  Field,
  Input,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { FailureBar, NoticeBar } from '../components/NoticeBar';
import { useHistorySection } from '../features/plan/useHistorySection';
import type { UiKey } from '../i18n';
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  small: { width: '110px', minWidth: '110px' },
  unit: { minWidth: '200px' },
});

const STATUSES = ['draft', 'submitted', 'approved', 'rejected'];

export function HistoryPage(props: PageProps) {
  const { tr, locale } = props;
  const styles = useStyles();
  const history = useHistorySection(props);
  const { versions, busy, from, to, done } = history;

  const statusLabel = (s: string) => (STATUSES.includes(s) ? tr(`history.status.${s}` as UiKey) : s);
  const all = (versions ?? []).map((v) => v.version);
  const choices = { from: all, to: all.filter((v) => v !== from) };

  return (
    <SectionIntro title={tr('page.history.title')} intro={tr('page.history.intro')}>
      <div className={styles.row}>
        <Field label={tr('history.unit')} className={styles.unit}>
          <Select
            value={history.unitId}
            onChange={(_, d) => history.setUnitId(d.value)}
            disabled={busy || history.units.length === 0}
            data-testid="history-unit"
          >
            {history.units.map((u) => (
              <option key={u.id} value={u.id}>
                {`${'\u2003'.repeat(u.depth)}${u.name}`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={tr('history.period')}>
          <Input
            className={styles.small}
            value={history.period}
            onChange={(_, d) => history.setPeriod(d.value)}
            data-testid="history-period"
          />
        </Field>
        <Button
          appearance={versions && versions.length > 1 ? 'secondary' : 'primary'}
          disabled={busy || !history.unitId}
          onClick={() => void history.load()}
          data-testid="history-load"
        >
          {tr('history.load')}
        </Button>
      </div>
      {history.failure?.action === 'load' ? <FailureBar failure={history.failure} tr={tr} /> : null}
      {busy ? <Spinner size="tiny" label={tr('history.loading')} labelPosition="after" /> : null}
      {versions && versions.length === 0 ? (
        <Text data-testid="history-none">{tr('history.none')}</Text>
      ) : null}
      {versions && versions.length > 0 ? (
        <>
          <Table size="small" data-testid="history-versions">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{tr('history.version')}</TableHeaderCell>
                <TableHeaderCell>{tr('history.author')}</TableHeaderCell>
                <TableHeaderCell>{tr('history.time')}</TableHeaderCell>
                <TableHeaderCell>{tr('history.status')}</TableHeaderCell>
                <TableHeaderCell>{tr('history.summary')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {versions.map((v) => (
                <TableRow key={v.version} data-testid="history-version">
                  <TableCell>v{v.version}</TableCell>
                  <TableCell>{history.authorName(v.author)}</TableCell>
                  <TableCell>
                    {new Date(v.createdAt).toLocaleString(locale, {
                      dateStyle: 'short',
                      timeStyle: 'short',
                    })}
                  </TableCell>
                  <TableCell>{statusLabel(v.status)}</TableCell>
                  <TableCell>
                    {tr('history.summaryText', {
                      errors: v.summary.errors,
                      warnings: v.summary.warnings,
                      infos: v.summary.infos,
                    })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {versions.length < 2 ? (
            <Text size={200} data-testid="history-one">
              {tr('history.oneVersion')}
            </Text>
          ) : (
            <>
              <div className={styles.row}>
                {(['from', 'to'] as const).map((which) => {
                  const value = which === 'from' ? from : to;
                  const set = which === 'from' ? history.setFrom : history.setTo;
                  return (
                    <Field key={which} label={tr(`history.${which}`)}>
                      <Select
                        className={styles.small}
                        value={value === null ? '' : String(value)}
                        onChange={(_, d) => set(Number(d.value))}
                        data-testid={`history-${which}`}
                      >
                        {choices[which].map((o) => (
                          <option key={o} value={String(o)}>
                            {`v${o}`}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  );
                })}
                <Button
                  appearance="primary"
                  disabled={busy || from === null || to === null || from === to}
                  onClick={() => void history.writeDiff()}
                  data-testid="history-diff"
                >
                  {tr('history.diff')}
                </Button>
              </div>
              {done ? <NoticeBar notice={done} tr={tr} locale={locale} testId="history-done" /> : null}
              {history.failure?.action === 'diff' ? <FailureBar failure={history.failure} tr={tr} /> : null}
            </>
          )}
        </>
      ) : null}
    </SectionIntro>
  );
}
