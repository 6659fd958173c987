// Sign-in: in development the demo people of the local issuer; otherwise Microsoft Entra ID (nested
// app authentication in Office, the Office dialog as fallback), both from ../auth.
import { useEffect, useState } from 'react';
import { Button, CompoundButton, Spinner, Text, makeStyles } from '@fluentui/react-components';
import {
  devPeople,
  devSignIn,
  entraConfigured,
  entraSignIn,
  readAuthSettings,
  SignInError,
  type DevPerson,
  type SignIn,
} from '../auth';
import { NetworkError } from '../api';
import type { UiError } from '../errors';
import type { Translate, UiKey } from '../i18n';
import { ErrorBar } from './ErrorBar';

export interface Session {
  signIn: SignIn;
  /** The demo person's record when signed in through the dev issuer (unit, role). */
  person?: DevPerson;
}

type Mode =
  | { kind: 'loading' }
  | { kind: 'dev'; people: DevPerson[] }
  | { kind: 'entra' }
  | { kind: 'unconfigured' }
  | { kind: 'unreachable' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  people: { display: 'flex', flexDirection: 'column', gap: '6px' },
  person: { justifyContent: 'flex-start', textAlign: 'left', maxWidth: 'none', width: '100%' },
});

export function roleLabel(role: string, tr: Translate): string {
  const key = `role.${role}` as UiKey;
  return ['rep', 'manager', 'regional_head', 'finance', 'admin'].includes(role) ? tr(key) : role;
}

export function SignInPanel(props: {
  apiBase: string;
  tr: Translate;
  onSignedIn: (s: Session) => void;
  onError: (e: unknown) => void;
}) {
  const { apiBase, tr, onSignedIn, onError } = props;
  const styles = useStyles();
  const [mode, setMode] = useState<Mode>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setMode({ kind: 'loading' });
    devPeople(apiBase).then(
      (people) => live && setMode({ kind: 'dev', people }),
      (error: unknown) => {
        if (!live) return;
        // 404: the API runs without the dev issuer, which is how production looks.
        if (error instanceof SignInError && error.status === 404)
          setMode({ kind: entraConfigured() ? 'entra' : 'unconfigured' });
        else {
          setMode({ kind: 'unreachable' });
          // No HTTP status means the API never answered: say so, rather than blame the sign-in itself.
          const unreachable = error instanceof SignInError && error.status === undefined;
          onError(unreachable ? new NetworkError(`${apiBase}/api/dev/token`, error) : error);
        }
      },
    );
    return () => {
      live = false;
    };
  }, [apiBase, attempt, onError]);

  const run = async (signIn: () => Promise<Session>) => {
    setBusy(true);
    try {
      onSignedIn(await signIn());
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const notConfigured: UiError = {
    title: tr('signIn.notConfigured.title'),
    detail: tr('signIn.notConfigured.detail'),
    action: tr('signIn.notConfigured.action'),
  };

  return (
    <section className={styles.root} aria-labelledby="signin-title" data-testid="sign-in">
      <Text as="h2" id="signin-title" size={500} weight="semibold">
        {tr('signIn.title')}
      </Text>
      {mode.kind === 'loading' ? <Spinner size="tiny" label={tr('signIn.loadingPeople')} /> : null}
      {mode.kind === 'dev' ? (
        <>
          <Text>{tr('signIn.devIntro')}</Text>
          {mode.people.length === 0 ? <Text>{tr('signIn.noPeople')}</Text> : null}
          <div className={styles.people}>
            {mode.people.map((p) => (
              <CompoundButton
                key={p.id}
                size="small"
                className={styles.person}
                secondaryContent={`${roleLabel(p.role, tr)} · ${p.unitName ?? p.unitId}`}
                disabled={busy}
                data-person-id={p.id}
                data-role={p.role}
                aria-label={tr('signIn.as', { name: p.name ?? p.id })}
                onClick={() => void run(async () => ({ signIn: await devSignIn(apiBase, p.id), person: p }))}
              >
                {p.name ?? p.id}
              </CompoundButton>
            ))}
          </div>
        </>
      ) : null}
      {mode.kind === 'entra' ? (
        <>
          <Text>{tr('signIn.microsoftIntro')}</Text>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void run(async () => ({ signIn: await entraSignIn(readAuthSettings()) }))}
          >
            {tr('signIn.microsoft')}
          </Button>
        </>
      ) : null}
      {mode.kind === 'unconfigured' ? <ErrorBar error={notConfigured} tr={tr} intent="warning" /> : null}
      {mode.kind === 'unreachable' ? (
        <Button onClick={() => setAttempt((n) => n + 1)}>{tr('signIn.retry')}</Button>
      ) : null}
      {busy ? <Spinner size="tiny" label={tr('app.working')} /> : null}
    </section>
  );
}
