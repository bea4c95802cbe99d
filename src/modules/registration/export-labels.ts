import { INTL_LOCALE, type Translator } from '../../platform/i18n/catalogue.js';

/** A column header of an export, in the reader's language. */
export const header = (tr: Translator, key: string) => tr.t(`registration.export.column.${key}`);

/** Country names in the reader's language, e.g. UZ → «Узбекистан». */
export function countryLabel(tr: Translator): (code: string | null) => string | null {
  const names = new Intl.DisplayNames(INTL_LOCALE[tr.locale], { type: 'region', fallback: 'code' });
  return (code) => (code ? (names.of(code) ?? code) : null);
}

export function sectorLabel(tr: Translator, sector: string | null): string | null {
  return sector ? tr.t(`people.sector.${sector}`) : null;
}
