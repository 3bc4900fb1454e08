import { LOCALES, type Locale } from '@atelier/shared';
import { chooseLocale, useT } from './locale';

/** FR / EN toggle: one button per language, the current one pressed. */
export function LocaleSwitch() {
  const t = useT();
  return (
    <fieldset className="locale-switch" aria-label={t('locale.label')}>
      {LOCALES.map((locale: Locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          data-testid="locale.switch"
          data-locale={locale}
          aria-pressed={t.locale === locale}
          title={t(`locale.${locale}`)}
          onClick={() => chooseLocale(locale)}
        >
          {locale.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
