// History: the stored versions of a plan (who, when, status, findings) and a diff sheet between two
// of them, coloured green for added, red for removed and amber for changed cells.
import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
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
import { useHistorySection } from '../features/plan/useHistorySection';
import type { UiKey } from '../i18n';
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  small: { width: '110px' },
});

export function HistoryPage(props: PageProps) {
  const { tr, locale } = props;
  const styles = useStyles();
  const history = useHistorySection(props);
  const { versions, busy, from, to, done } = history;

  const statusLabel = (s: string) =>
    s === 'submitted' || s === 'approved' ? tr(`history.status.${s}` as UiKey) : s;
  const versionOptions = (versions ?? []).map((v) => String(v.version));

  return (
    <SectionIntro title={tr('page.history.title')} intro={tr('page.history.intro')}>
      <div className={styles.row}>
        <Field label={tr('history.unit')}>
          <Input
            value={history.unitId}
            onChange={(_, d) => history.setUnitId(d.value)}
            data-testid="history-unit"
          />
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
          disabled={busy || !history.unitId}
          onClick={() => void history.load()}
          data-testid="history-load"
        >
          {tr('history.load')}
        </Button>
      </div>
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
                  <TableCell>{v.author}</TableCell>
                  <TableCell>{new Date(v.createdAt).toLocaleString(locale)}</TableCell>
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
          <div className={styles.row}>
            {(['from', 'to'] as const).map((which) => {
              const value = which === 'from' ? from : to;
              const set = which === 'from' ? history.setFrom : history.setTo;
              return (
                <Field key={which} label={tr(`history.${which}`)}>
                  <Dropdown
                    className={styles.small}
                    value={value === null ? '' : `v${value}`}
                    selectedOptions={value === null ? [] : [String(value)]}
                    onOptionSelect={(_, d) => set(Number(d.optionValue))}
                    data-testid={`history-${which}`}
                  >
                    {versionOptions.map((o) => (
                      <Option key={o} value={o} text={`v${o}`}>
                        v{o}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              );
            })}
            <Button
              disabled={busy || from === null || to === null}
              onClick={() => void history.writeDiff()}
              data-testid="history-diff"
            >
              {tr('history.diff')}
            </Button>
          </div>
        </>
      ) : null}
      {done ? (
        <MessageBar intent="success" data-testid="history-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      ) : null}
    </SectionIntro>
  );
}
