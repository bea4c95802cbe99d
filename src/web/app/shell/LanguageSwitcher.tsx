import { useState } from 'react';
import { toApiError, type ApiError } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { INTL_LOCALE, isLocale, LOCALES, useI18n } from '../i18n.js';

/** Changes the interface language in place: no reload, the choice is kept on the account. */
export function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const choose = async (value: string) => {
    if (!isLocale(value) || value === locale) return;
    setBusy(true);
    setError(null);
    try {
      await setLocale(value);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="header-control">
      <label htmlFor="language-select">{t('language.choose')}</label>
      <select id="language-select" value={locale} disabled={busy} onChange={(event) => void choose(event.target.value)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={INTL_LOCALE[l]}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
      <ErrorMessage error={error} />
    </div>
  );
}
