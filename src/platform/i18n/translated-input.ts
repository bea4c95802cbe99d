import { LOCALES } from '../../config.js';
import type { FieldProblems } from '../field-problems.js';
import type { Translated } from './translated.js';

export interface TranslatedRules {
  /** At least one language must be filled in. */
  required?: boolean;
  /** Longest text in any one language. */
  max: number;
  /** Keep line breaks (summaries, outcomes); titles are folded onto one line. */
  multiline?: boolean;
}

/**
 * Cleans a text given in several languages: trims each, drops empty ones and unknown languages,
 * and reports problems on `field` (missing altogether) or `field.<locale>` (too long).
 */
export function cleanTranslated(
  value: Translated | null | undefined,
  field: string,
  problems: FieldProblems,
  rules: TranslatedRules,
): Translated {
  const out: Translated = {};
  for (const locale of LOCALES) {
    const raw = value?.[locale];
    if (typeof raw !== 'string') continue;
    const text = rules.multiline
      ? raw.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n').trim()
      : raw.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    if (text.length > rules.max) problems.add(`${field}.${locale}`, 'too_long', { max: rules.max });
    out[locale] = text;
  }
  if (rules.required && Object.keys(out).length === 0) problems.add(field, 'translation_required');
  return out;
}
