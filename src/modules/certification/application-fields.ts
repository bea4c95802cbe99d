import { cleanText, type FieldProblems } from '../../platform/field-problems.js';

export const APPLICATION_LIMITS = { statement: 4000, note: 4000, name: 200, experienceYears: 70 } as const;

/** Years of experience as stated: 0 to 70, in half years at most. */
export function cleanExperience(value: number | null | undefined, problems: FieldProblems): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (!Number.isFinite(value)) problems.add('experienceYears', 'number');
  else if (value < 0) problems.add('experienceYears', 'min', { min: 0 });
  else if (value > APPLICATION_LIMITS.experienceYears) problems.add('experienceYears', 'max', { max: APPLICATION_LIMITS.experienceYears });
  return Math.round(value * 10) / 10;
}

/** A free text (statement, note, reason) with its line breaks; empty means none. */
export function cleanNote(value: string | null | undefined, field: string, problems: FieldProblems, required = false): string | null {
  const text = value?.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').trim() ?? '';
  if (text === '') {
    if (required) problems.add(field, 'required');
    return null;
  }
  if (text.length > APPLICATION_LIMITS.note) problems.add(field, 'too_long', { max: APPLICATION_LIMITS.note });
  return text;
}

export function cleanName(value: string | null | undefined, field: string, problems: FieldProblems): string | null {
  const text = cleanText(value) ?? null;
  if (text && text.length > APPLICATION_LIMITS.name) problems.add(field, 'too_long', { max: APPLICATION_LIMITS.name });
  return text;
}
