// What every section page receives from the shell.
import type { Api } from '../api';
import type { Session } from '../components/SignInPanel';
import type { Locale, Translate } from '../i18n';
import type { Workbook } from '../office';

export interface PageProps {
  tr: Translate;
  locale: Locale;
  workbook: Workbook;
  api: Api;
  session: Session;
  /** Shows a failure in the shell's MessageBar. */
  onError: (error: unknown, source?: 'api' | 'workbook') => void;
}
