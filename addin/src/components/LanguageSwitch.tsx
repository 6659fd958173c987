// The visible language switch; the starting language comes from Office (or the browser in preview).
import { Select, makeStyles, useId } from '@fluentui/react-components';
import { localeNames, locales, type Locale, type Translate } from '../i18n';

const useStyles = makeStyles({ root: { display: 'flex', alignItems: 'center', gap: '6px' } });

export function LanguageSwitch({
  locale,
  onChange,
  tr,
}: {
  locale: Locale;
  onChange: (l: Locale) => void;
  tr: Translate;
}) {
  const id = useId('language');
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <label htmlFor={id}>{tr('app.language')}</label>
      <Select
        id={id}
        size="small"
        data-testid="language-select"
        value={locale}
        onChange={(_, data) => onChange(data.value as Locale)}
      >
        {locales.map((l) => (
          <option key={l} value={l}>
            {localeNames[l]}
          </option>
        ))}
      </Select>
    </div>
  );
}
