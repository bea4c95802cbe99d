import { Type, type Static } from '@sinclair/typebox';
import { AppError, STATUS_BY_CODE, type FieldIssue } from '../errors.js';
import type { Translator } from '../i18n/catalogue.js';

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      fields: Type.Optional(Type.Record(Type.String(), Type.String())),
    }),
  },
  { $id: 'ErrorBody', description: 'Every error: a stable code, a message in the caller’s language, and per-field messages.' },
);
export type ErrorBody = Static<typeof ErrorBody>;

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function fieldName(issue: AjvIssue): string {
  const base = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra = (issue.params.missingProperty ?? issue.params.additionalProperty) as string | undefined;
  if (extra) return base ? `${base}.${extra}` : extra;
  return base || '_';
}

function issueFor(issue: AjvIssue): FieldIssue {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return { key: 'required' };
    case 'minLength':
      return p.limit === 1 ? { key: 'required' } : { key: 'too_short', values: { min: Number(p.limit) } };
    case 'maxLength':
      return { key: 'too_long', values: { max: Number(p.limit) } };
    case 'format':
      if (p.format === 'email') return { key: 'email' };
      if (p.format === 'date') return { key: 'date' };
      return { key: 'invalid' };
    case 'enum':
      return { key: 'one_of', values: { values: ((p.allowedValues as unknown[]) ?? []).join(', ') } };
    case 'type':
      if (p.type === 'integer') return { key: 'integer' };
      if (p.type === 'number') return { key: 'number' };
      return { key: 'invalid' };
    case 'minimum':
      return { key: 'min', values: { min: Number(p.limit) } };
    case 'maximum':
      return { key: 'max', values: { max: Number(p.limit) } };
    case 'additionalProperties':
      return { key: 'unknown' };
    default:
      return { key: 'invalid' };
  }
}

/** Turns schema validation issues into the same field map domain code produces. */
export function validationError(issues: readonly AjvIssue[]): AppError {
  const fields: Record<string, FieldIssue> = {};
  for (const issue of issues) {
    // A union (anyOf) reports one issue per branch; the first one is the most telling.
    if (issue.keyword === 'anyOf' || issue.keyword === 'oneOf') continue;
    const name = fieldName(issue);
    fields[name] ??= issueFor(issue);
  }
  return new AppError('validation', { fields });
}

/** The HTTP status and localised body for an AppError. */
export function renderError(error: AppError, tr: Translator): { status: number; body: ErrorBody } {
  const values: Record<string, string | number> = { ...error.details.values };
  if (error.code === 'not_found') values.what = tr.t(`errors.what.${String(values.what ?? 'resource')}`);
  if (error.code === 'duplicate' && typeof values.field === 'string') {
    const label = `fields.${values.field}`;
    values.field = tr.has(label) ? tr.t(label) : values.field;
  }
  if (error.code === 'rate_limited') values.seconds ??= 60;
  const body: ErrorBody = { error: { code: error.code, message: tr.t(error.details.messageKey ?? `errors.${error.code}`, values) } };
  if (error.details.fields && Object.keys(error.details.fields).length > 0) {
    body.error.fields = Object.fromEntries(
      Object.entries(error.details.fields).map(([name, issue]) => [name, tr.t(`errors.field.${issue.key}`, issue.values)]),
    );
  }
  return { status: STATUS_BY_CODE[error.code], body };
}
