import { FieldProblems } from '../../platform/field-problems.js';
import { AppError } from '../../platform/errors.js';
import { cleanTranslated } from '../../platform/i18n/translated-input.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { cleanCode, COURSE_LIMITS } from './course-fields.js';
import { duplicateCourseField, type ProgrammeValues } from './repository.js';

export interface ProgrammeInput {
  associationId?: string;
  code?: string;
  title?: Translated;
  summary?: Translated;
}

export function normaliseProgrammeInput(raw: ProgrammeInput, creating: boolean): Partial<ProgrammeValues> {
  const problems = new FieldProblems();
  const values: Partial<ProgrammeValues> = {};
  const code = cleanCode(raw.code, problems);
  if (code !== undefined) values.code = code;
  else if (creating) problems.add('code', 'required');
  if (raw.title !== undefined || creating) {
    values.title = cleanTranslated(raw.title, 'title', problems, { required: true, max: COURSE_LIMITS.title });
  }
  if (raw.summary !== undefined) {
    values.summary = cleanTranslated(raw.summary, 'summary', problems, { max: COURSE_LIMITS.summary, multiline: true });
  }
  problems.throwIfAny();
  return values;
}

/** A code already used by another programme or course of the association becomes a field error. */
export function rethrowDuplicate(error: unknown): never {
  const field = duplicateCourseField(error);
  if (field) throw new AppError('duplicate', { values: { field }, fields: { [field]: { key: 'taken' } } });
  throw error;
}
