import { AppError, fieldError } from '../../platform/errors.js';
import { cleanText } from '../../platform/field-problems.js';

export const MAX_REASON = 1000;
export const MAX_REFERENCE = 200;

/** A required free text (a reason, a payment reference): trimmed, not empty, not too long. */
export function requiredText(field: string, value: string | null | undefined, max: number): string {
  const text = cleanText(value);
  if (!text) throw fieldError(field, 'required');
  if (text.length > max) throw new AppError('validation', { fields: { [field]: { key: 'too_long', values: { max } } } });
  return text;
}
