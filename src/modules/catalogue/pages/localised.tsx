import type { Locale } from '../../../config.js';
import { LOCALES } from '../../../config.js';
import { INTL_LOCALE } from '../../../platform/i18n/catalogue.js';
import { pickTranslation, type Translated } from '../../../platform/i18n/translated.js';

/** The language `pickTranslation` actually chose, so the page can mark text shown in another language. */
export function chosenLocale(text: Translated | null | undefined, locale: Locale): Locale | null {
  if (!text) return null;
  if (text[locale]) return locale;
  if (text.en) return 'en';
  return LOCALES.find((l) => text[l]) ?? null;
}

/**
 * A translated text in the reader's language, falling back field by field; text in another
 * language carries its own `lang`, so screen readers pronounce it right.
 */
export function Localised({ text, locale, as: Tag = 'span' }: { text: Translated | null | undefined; locale: Locale; as?: 'span' | 'p' | 'li' | 'h2' | 'h3' }) {
  const chosen = chosenLocale(text, locale);
  const value = pickTranslation(text, locale);
  return <Tag lang={chosen && chosen !== locale ? INTL_LOCALE[chosen] : undefined}>{value}</Tag>;
}

/** Paragraphs from a text with blank lines between them. */
export function Paragraphs({ text, locale }: { text: Translated | null | undefined; locale: Locale }) {
  const chosen = chosenLocale(text, locale);
  const lang = chosen && chosen !== locale ? INTL_LOCALE[chosen] : undefined;
  return (
    <>
      {pickTranslation(text, locale)
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i} lang={lang}>
            {p}
          </p>
        ))}
    </>
  );
}
