// History: the stored versions of a plan (who, when, status, findings) and a diff sheet between two
// of them, coloured green for added, red for removed and amber for changed cells.
import { useEffect, useState } from 'react';
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
import { listVersions, writeVersionDiff, type VersionInfo } from '../features/plan/history';
import { readStamp } from '../features/plan/planSheets';
import type { UiKey } from '../i18n';
import type { PageProps } from './PageProps';
import { SectionIntro } from './SectionIntro';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  small: { width: '110px' },
});

export function HistoryPage({ tr, locale, workbook, api, session, onError }: PageProps) {
  const styles = useStyles();
  const [unitId, setUnitId] = useState(session.person?.unitId ?? '');
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = async (u = unitId, p = period) => {
    setBusy(true);
    setDone(null);
    try {
      const list = await listVersions(api, u, p);
      setVersions(list);
      const last = list.at(-1)?.version ?? null;
      setTo(last);
      setFrom(list.length > 1 ? (list.at(-2)?.version ?? null) : last);
    } catch (error) {
      setVersions(null);
      onError(error, 'api');
    } finally {
      setBusy(false);
    }
  };

  // Start from the plan in the workbook, when there is one.
  useEffect(() => {
    let live = true;
    void readStamp(workbook, locale).then(
      (stamp) => {
        if (!live || !stamp) return;
        setUnitId(stamp.unitId);
        setPeriod(stamp.period);
        void load(stamp.unitId, stamp.period);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [workbook]);

  const writeDiff = async () => {
    if (from === null || to === null) return;
    setBusy(true);
    setDone(null);
    try {
      const written = await writeVersionDiff(workbook, api, {
        unitId,
        period,
        from,
        to,
        headers: [
          tr('history.col.sheet'),
          tr('history.col.owner'),
          tr('history.col.metric'),
          tr('history.col.month'),
          tr('history.col.before'),
          tr('history.col.after'),
          tr('history.col.kind'),
        ],
        kindLabel: (kind) => tr(`plan.change.${kind}`),
      });
      setDone(tr('history.diffDone', { count: written.changes, sheet: written.sheet }));
    } catch (error) {
      onError(error, 'api');
    } finally {
      setBusy(false);
    }
  };

  const statusLabel = (s: string) =>
    s === 'submitted' || s === 'approved' ? tr(`history.status.${s}` as UiKey) : s;
  const versionOptions = (versions ?? []).map((v) => String(v.version));

  return (
    <SectionIntro title={tr('page.history.title')} intro={tr('page.history.intro')}>
      <div className={styles.row}>
        <Field label={tr('history.unit')}>
          <Input value={unitId} onChange={(_, d) => setUnitId(d.value)} data-testid="history-unit" />
        </Field>
        <Field label={tr('history.period')}>
          <Input
            className={styles.small}
            value={period}
            onChange={(_, d) => setPeriod(d.value)}
            data-testid="history-period"
          />
        </Field>
        <Button disabled={busy || !unitId} onClick={() => void load()} data-testid="history-load">
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
              const set = which === 'from' ? setFrom : setTo;
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
              onClick={() => void writeDiff()}
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
