/**
 * The one way the app talks to the server: JSON in and out, the CSRF token on every change, the
 * interface language on every request (so error messages come back localised), and a trip to the
 * sign-in page when the session has ended.
 */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** Set when the server gave no message of its own; the catalogue key to show instead. */
  readonly messageKey: string | null;
  readonly messageValues: Record<string, string | number>;

  constructor(options: {
    status: number;
    code: string;
    message?: string;
    fields?: Record<string, string>;
    messageKey?: string;
    messageValues?: Record<string, string | number>;
  }) {
    super(options.message ?? options.code);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields ?? {};
    this.messageKey = options.message ? null : (options.messageKey ?? 'web.app.errors.unexpected');
    this.messageValues = options.messageValues ?? { status: options.status };
  }
}

const connection = { csrfToken: '', locale: 'en' };

export function setCsrfToken(token: string): void {
  connection.csrfToken = token;
}

export function setRequestLocale(locale: string): void {
  connection.locale = locale;
}

export function signInUrl(): string {
  const here = window.location.pathname + window.location.search;
  return `/sign-in?next=${encodeURIComponent(here)}`;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as ApiErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ status: 0, code: 'network', messageKey: 'web.app.errors.network' });
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': connection.locale };
  if (method !== 'GET' && connection.csrfToken) headers['x-csrf-token'] = connection.csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: payload, signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: 'network', messageKey: 'web.app.errors.network' });
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;
  if (response.status === 401) window.location.assign(signInUrl());
  if (isErrorBody(data)) {
    const { code, message, fields } = data.error;
    throw new ApiError({ status: response.status, code, message, fields });
  }
  throw new ApiError({ status: response.status, code: 'unexpected' });
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};

/** `?a=1&b=x` from the defined, non-empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
