import { AppError, type FieldIssue } from './errors.js';

/** Collects field problems so one answer names every field that needs attention. */
export class FieldProblems {
  readonly fields: Record<string, FieldIssue> = {};

  add(field: string, key: string, values?: FieldIssue['values']): void {
    this.fields[field] ??= values ? { key, values } : { key };
  }

  get empty(): boolean {
    return Object.keys(this.fields).length === 0;
  }

  throwIfAny(): void {
    if (!this.empty) throw new AppError('validation', { fields: this.fields });
  }
}

/** Trims and folds runs of spaces; an empty string means "no value". */
export function cleanText(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim().replace(/[ \t]+/g, ' ');
  return trimmed === '' ? null : trimmed;
}
