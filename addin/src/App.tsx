// The task-pane shell: language, sign-in, the sections the caller's roles open (GET /api/me), and one
// place where failures show.
// In preview mode (a plain browser) the in-memory workbook is drawn beside the pane.
import { useCallback, useEffect, useMemo, useState, type ComponentType } from 'react';
import {
  Button,
  FluentProvider,
  Tab,
  TabList,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { createApi } from './api';
import { ErrorBar } from './components/ErrorBar';
import { LanguageSwitch } from './components/LanguageSwitch';
import { PreviewGrid } from './components/PreviewGrid';
import { useFormulas } from './features/formulas/useFormulas';
import { roleLabel, SignInPanel, type Session } from './components/SignInPanel';
import { describeError, describeWorkbookError, type UiError } from './errors';
import { translator, type Locale, type UiKey } from './i18n';
import type { PreviewWorkbook, Workbook } from './office';
import { ConsolidatePage } from './pages/ConsolidatePage';
import { HistoryPage } from './pages/HistoryPage';
import type { PageProps } from './pages/PageProps';
import { PayoutsPage } from './pages/PayoutsPage';
import { PlanPage } from './pages/PlanPage';
import { ReviewPage } from './pages/ReviewPage';
import { QuestionsPage } from './pages/QuestionsPage';
import { ScoresPage } from './pages/ScoresPage';
import { StatementPage } from './pages/StatementPage';

export type Section =
  | 'plan'
  | 'review'
  | 'scores'
  | 'payouts'
  | 'consolidate'
  | 'history'
  // Issue 11: the person's statement, finance's answers to questions on it.
  | 'statement'
  | 'questions';
const sections: { id: Section; label: UiKey; Page: ComponentType<PageProps> }[] = [
  { id: 'plan', label: 'nav.plan', Page: PlanPage },
  { id: 'review', label: 'nav.review', Page: ReviewPage },
  { id: 'scores', label: 'nav.scores', Page: ScoresPage },
  { id: 'payouts', label: 'nav.payouts', Page: PayoutsPage },
  { id: 'consolidate', label: 'nav.consolidate', Page: ConsolidatePage },
  { id: 'history', label: 'nav.history', Page: HistoryPage },
  { id: 'statement', label: 'nav.statement', Page: StatementPage },
  { id: 'questions', label: 'nav.questions', Page: QuestionsPage },
];

/** A failure known before the shell starts (host checks), as translation keys so it follows the language switch. */
export interface StartProblem {
  title: UiKey;
  detail: UiKey;
  action: UiKey;
  params?: Record<string, string>;
  /** When true the shell stops here: this host cannot run Teamsheet. */
  blocking: boolean;
}

export interface AppProps {
  workbook: Workbook | null;
  initialLocale: Locale;
  apiBase: string;
  startProblem?: StartProblem;
}

const useStyles = makeStyles({
  provider: { height: '100%' },
  layout: { display: 'flex', height: '100%' },
  gridArea: { flex: 1, minWidth: 0 },
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    padding: '12px 14px',
    boxSizing: 'border-box',
    overflowY: 'auto',
  },
  paneBeside: {
    width: '380px',
    flexShrink: 0,
    height: '100%',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '8px',
    flexWrap: 'wrap',
  },
  titles: { display: 'flex', flexDirection: 'column' },
  tagline: { color: tokens.colorNeutralForeground3 },
  nav: { flexWrap: 'wrap' },
  session: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px' },
  sessionText: { display: 'flex', flexDirection: 'column' },
});

export function App({ workbook, initialLocale, apiBase, startProblem }: AppProps) {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [session, setSession] = useState<Session | null>(null);
  const [section, setSection] = useState<Section>('plan');
  // The sections the caller's roles open, from GET /api/me once signed in (null while it is asked).
  const [open, setOpen] = useState<readonly Section[] | null>(null);
  // The failure itself is kept, not its text, so the message follows a later language switch.
  const [failure, setFailure] = useState<{ error: unknown; source?: 'api' | 'workbook' } | null>(null);
  const tr = useMemo(() => translator(locale), [locale]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const api = useMemo(
    () => createApi({ base: apiBase, getToken: () => session?.signIn.token, getLocale: () => locale }),
    [apiBase, session, locale],
  );
  const onError = useCallback(
    (error: unknown, source?: 'api' | 'workbook') => setFailure({ error, ...(source ? { source } : {}) }),
    [],
  );
  const signedIn = session?.signIn.token;
  useEffect(() => {
    setOpen(null);
    if (!signedIn) return;
    let live = true;
    api.get<{ sections: Section[] }>('/api/me').then(
      (me) => {
        if (!live) return;
        setOpen(me.sections);
        setSection((current) => (me.sections.includes(current) ? current : (me.sections[0] ?? current)));
      },
      (e: unknown) => {
        if (!live) return;
        // Unknown roles: every section, and the failure shown; the API still decides each call.
        setOpen(sections.map((s) => s.id));
        onError(e);
      },
    );
    return () => {
      live = false;
    };
    // Asked once per sign-in, not again on a language switch (api changes with the language).
  }, [signedIn]);
  const visible = sections.filter((s) => open?.includes(s.id));
  const error: UiError | null = failure
    ? failure.source === 'workbook'
      ? describeWorkbookError(failure.error, tr)
      : describeError(failure.error, tr)
    : null;
  const preview = workbook?.kind === 'preview' ? (workbook as PreviewWorkbook) : null;
  const start: UiError | null = startProblem
    ? {
        title: tr(startProblem.title, startProblem.params),
        detail: tr(startProblem.detail, startProblem.params),
        action: tr(startProblem.action, startProblem.params),
      }
    : null;
  const Page = sections.find((s) => s.id === section)?.Page ?? PlanPage;
  const formulas = useFormulas(preview, api, locale, signedIn);

  const pane = (
    <main
      className={mergeClasses(styles.pane, preview ? styles.paneBeside : undefined)}
      data-testid="task-pane"
    >
      <header className={styles.header}>
        <div className={styles.titles}>
          <Text as="h1" size={600} weight="bold">
            {tr('app.title')}
          </Text>
          <Text size={200} className={styles.tagline}>
            {tr('app.tagline')}
          </Text>
        </div>
        <LanguageSwitch locale={locale} onChange={setLocale} tr={tr} />
      </header>
      {start ? (
        <ErrorBar error={start} tr={tr} intent={startProblem?.blocking ? 'error' : 'warning'} />
      ) : null}
      {error ? <ErrorBar error={error} tr={tr} onDismiss={() => setFailure(null)} /> : null}
      {startProblem?.blocking || !workbook ? null : session ? (
        <>
          <div className={styles.session} data-testid="session">
            <div className={styles.sessionText}>
              <Text weight="semibold">
                {tr('signIn.signedInAs', { name: session.signIn.name ?? session.signIn.personId })}
              </Text>
              <Text size={200}>
                {tr('signIn.scope', {
                  roles:
                    (session.person ? [session.person.role] : session.signIn.roles)
                      .map((r) => roleLabel(r, tr))
                      .join(', ') || '—',
                  unitId: session.person?.unitName ?? session.person?.unitId ?? '—',
                })}
              </Text>
            </div>
            {preview ? null : (
              // In Excel: the Teamsheet formulas of the workbook ask the server again (the preview has its own button).
              <Button
                size="small"
                data-testid="refresh-formulas"
                onClick={() => void formulas.refresh().catch(onError)}
              >
                {tr('grid.refreshFormulas')}
              </Button>
            )}
            <Button size="small" onClick={() => setSession(null)}>
              {tr('signIn.signOut')}
            </Button>
          </div>
          {open === null ? (
            <Text data-testid="nav-loading">{tr('nav.loading')}</Text>
          ) : visible.length === 0 ? (
            <Text data-testid="nav-nothing">{tr('nav.nothing')}</Text>
          ) : (
            <>
              <TabList
                className={styles.nav}
                aria-label={tr('nav.label')}
                selectedValue={section}
                onTabSelect={(_, d) => setSection(d.value as Section)}
                size="small"
              >
                {visible.map((s) => (
                  <Tab key={s.id} value={s.id} data-testid={`nav-${s.id}`}>
                    {tr(s.label)}
                  </Tab>
                ))}
              </TabList>
              <Page
                tr={tr}
                locale={locale}
                workbook={workbook}
                api={api}
                session={session}
                onError={onError}
              />
            </>
          )}
        </>
      ) : (
        <SignInPanel
          apiBase={apiBase}
          tr={tr}
          onSignedIn={(s) => {
            setFailure(null);
            setSession(s);
          }}
          onError={onError}
        />
      )}
    </main>
  );

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      {preview ? (
        <div className={styles.layout}>
          <div className={styles.gridArea}>
            <PreviewGrid workbook={preview} tr={tr} onRefreshFormulas={formulas.refresh} />
          </div>
          {pane}
        </div>
      ) : (
        pane
      )}
    </FluentProvider>
  );
}
