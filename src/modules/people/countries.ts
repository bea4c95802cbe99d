import { LOCALES } from '../../config.js';
import { nameSkeleton } from './name-skeleton.js';

/** Two-letter codes that ICU names but that are not countries (regions, reservations, pseudo-locales). */
const NOT_COUNTRIES = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'ZZ']);

let codes: Set<string> | null = null;
let byName: Map<string, string> | null = null;

/** ISO 3166-1 alpha-2 codes, as far as the runtime's ICU data knows them. */
function countryCodes(): Set<string> {
  if (codes) return codes;
  const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
  codes = new Set();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!NOT_COUNTRIES.has(code) && names.of(code) !== undefined) codes.add(code);
    }
  }
  return codes;
}

export function isCountryCode(value: string): boolean {
  return countryCodes().has(value);
}

/**
 * The code for a country written as a code or as its name in any interface language
 * ("uz", "Uzbekistan", "Узбекистан", "Oʻzbekiston", "Uzbekistāna" → "UZ"); null when unknown.
 */
export function parseCountry(value: string): string | null {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    return isCountryCode(code) ? code : null;
  }
  if (!byName) {
    byName = new Map();
    for (const locale of ['en', ...LOCALES]) {
      const names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
      for (const code of countryCodes()) {
        const name = names.of(code);
        if (name) byName.set(nameSkeleton(name), code);
      }
    }
  }
  return byName.get(nameSkeleton(trimmed)) ?? null;
}
