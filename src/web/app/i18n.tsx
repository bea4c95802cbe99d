import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setRequestLocale } from './api.js';

/** The interface languages; the same list as the server's (src/config.ts), which the browser cannot import. */
export const LOCALES = ['en', 'ru', 'uz', 'kk', 'lv'] as const;
export type Locale = (typeof LOCALES)[number];

/** BCP 47 tags handed to Intl, as on the server (src/platform/i18n/catalogue.ts). */
export const INTL_LOCALE: Record<Locale, string> = {
  en: 'en-GB',
  ru: 'ru-RU',
  uz: 'uz-Latn-UZ',
  kk: 'kk-KZ',
  lv: 'lv-LV',
};

export type Catalogue = Record<string, string>;
export type Values = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export interface I18n {
  locale: Locale;
  /** The tag for Intl and for `lang` attributes. */
  tag: string;
  t: (key: string, values?: Values) => string;
  has: (key: string) => boolean;
  formatDate: (value: string | Date) => string;
  formatDateTime: (value: string | Date) => string;
  formatNumber: (value: number) => string;
  /** Loads the other catalogue, remembers the choice on the server, then re-renders in place. */
  setLocale: (locale: Locale) => Promise<void>;
}

export function loadCatalogue(locale: Locale): Promise<Catalogue> {
  return api.get<Catalogue>(`/i18n/${locale}`);
}

const SAMPLE_DAY = new Date(Date.UTC(2026, 2, 8, 12));

/**
 * A date formatter for the language. Browsers may know a language's name but ship no calendar
 * data for it (Chromium prints "2026 M03 8" for uz and kk); those languages write dates as
 * 08.03.2026, so that is what we show then.
 */
function dateFormatter(tag: string, options: Intl.DateTimeFormatOptions): (value: Date) => string {
  const styled = new Intl.DateTimeFormat(tag, options);
  if (!/M\d\d/.test(styled.format(SAMPLE_DAY))) return (value) => styled.format(value);
  const withTime = options.timeStyle !== undefined;
  const numeric = new Intl.DateTimeFormat(tag, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    timeZone: options.timeZone,
  });
  return (value) => {
    const parts = Object.fromEntries(numeric.formatToParts(value).map((p) => [p.type, p.value]));
    const day = `${parts.day}.${parts.month}.${parts.year}`;
    return withTime ? `${day} ${parts.hour}:${parts.minute}` : day;
  };
}

function makeTranslator(locale: Locale, catalogue: Catalogue) {
  const tag = INTL_LOCALE[locale];
  const compiled = new Map<string, IntlMessageFormat>();
  const date = dateFormatter(tag, { dateStyle: 'medium' });
  // Birth dates and similar come as plain YYYY-MM-DD: shown as that calendar day wherever the browser is.
  const plainDate = dateFormatter(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = dateFormatter(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(tag);
  const t = (key: string, values?: Values): string => {
    let message = compiled.get(key);
    if (!message) {
      const source = catalogue[key];
      if (source === undefined) return key;
      message = new IntlMessageFormat(source, tag);
      compiled.set(key, message);
    }
    return String(message.format(values));
  };
  return {
    locale,
    tag,
    t,
    has: (key: string) => key in catalogue,
    formatDate: (value: string | Date) =>
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? plainDate(new Date(`${value}T00:00:00Z`))
        : date(new Date(value)),
    formatDateTime: (value: string | Date) => dateTime(new Date(value)),
    formatNumber: (value: number) => number.format(value),
  };
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  initialLocale,
  initialCatalogue,
  persist,
  children,
}: {
  initialLocale: Locale;
  initialCatalogue: Catalogue;
  /** Stores the choice (on the account and in the language cookie). */
  persist: (locale: Locale) => Promise<void>;
  children: ReactNode;
}) {
  const [state, setState] = useState({ locale: initialLocale, catalogue: initialCatalogue });

  const setLocale = useCallback(
    async (locale: Locale) => {
      const [catalogue] = await Promise.all([loadCatalogue(locale), persist(locale)]);
      setRequestLocale(locale);
      setState({ locale, catalogue });
    },
    [persist],
  );

  const value = useMemo<I18n>(
    () => ({ ...makeTranslator(state.locale, state.catalogue), setLocale }),
    [state, setLocale],
  );

  useEffect(() => {
    document.documentElement.lang = value.tag;
  }, [value.tag]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = use(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
