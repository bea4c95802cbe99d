import type { Locale } from '../../config.js';

/**
 * A text kept in several interface languages, e.g. a course title. At least one language is set;
 * `pickTranslation` chooses what to show.
 */
export type Translated = Partial<Record<Locale, string>>;

/** The text in the wanted language, else in English, else in any language that has it. */
export function pickTranslation(text: Translated | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] ?? text.en ?? Object.values(text).find((v) => v !== undefined && v !== '') ?? '';
}
