import { LOCALES } from '../../../config.js';
import { AppError } from '../../../platform/errors.js';
import { renderError } from '../../../platform/http/error-body.js';
import type { Translator } from '../../../platform/i18n/catalogue.js';
import type { PageContext } from '../../../web/server/layout.js';

/** What a form shows: the values typed, and the problems found with them. */
export interface FormState {
  values: Record<string, string>;
  message?: string;
  fields?: Record<string, string>;
}

/** The string fields of a posted form; anything else (repeated or odd values) is dropped. */
export function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (typeof value === 'string' && key !== '_csrf') out[key] = value;
    }
  }
  return out;
}

/** Errors a person can fix on the form itself; anything else is shown as an error page. */
const FORM_ERRORS = new Set(['validation', 'duplicate', 'invalid_credentials', 'invalid_token']);

/** The form state and status for an error that belongs on the form, or null. */
export function formError(error: unknown, tr: Translator, values: Record<string, string>): { state: FormState; status: number } | null {
  if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) return null;
  const { status, body } = renderError(error, tr);
  const state: FormState = { values, message: body.error.message };
  if (body.error.fields) state.fields = body.error.fields;
  return { state, status };
}

export function LocaleField({ ctx, value, error }: { ctx: PageContext; value?: string; error?: string }) {
  const id = 'field-locale';
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{ctx.tr.t('fields.locale')}</label>
      <select
        id={id}
        name="locale"
        defaultValue={value ?? ctx.locale}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {ctx.tr.t(`language.${locale}`)}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
