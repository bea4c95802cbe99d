/**
 * The one error type domain code throws. It knows nothing of HTTP: the error handler in
 * platform/http maps each code to a status and a localised message.
 */
export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'duplicate',
  'rate_limited',
  'invalid_credentials',
  'invalid_token',
  'csrf',
  'payload_too_large',
  'unsupported_file',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field-level problem: a message key under `errors.field.*` and the values it needs. */
export interface FieldIssue {
  key: string;
  values?: Record<string, string | number>;
}

export interface AppErrorDetails {
  fields?: Record<string, FieldIssue>;
  /** Values for the top-level message (e.g. which resource was not found). */
  values?: Record<string, string | number>;
  /** A catalogue key for a more specific top-level message than the code's own. */
  messageKey?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorDetails;

  constructor(code: ErrorCode, details: AppErrorDetails = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function fieldError(field: string, key: string, values?: FieldIssue['values']): AppError {
  return new AppError('validation', { fields: { [field]: values ? { key, values } : { key } } });
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_token: 400,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  payload_too_large: 413,
  unsupported_file: 415,
  rate_limited: 429,
  internal: 500,
};
