import type { ApiError } from '../api.js';
import { useI18n, type I18n } from '../i18n.js';

export function errorText(error: ApiError, i18n: Pick<I18n, 't'>): string {
  return error.messageKey ? i18n.t(error.messageKey, error.messageValues) : error.message;
}

/** A failed request, in the words the server chose (already in the user's language), announced at once. */
export function ErrorMessage({ error }: { error: ApiError | undefined | null }) {
  const i18n = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorText(error, i18n)}</p>
    </div>
  );
}

/** A confirmation after a change; polite, so it does not interrupt. */
export function Notice({ children }: { children: string | null | undefined }) {
  return (
    <div role="status" className={children ? 'alert alert-ok' : 'visually-hidden'}>
      {children ? <p>{children}</p> : null}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('web.app.common.loading')}
    </p>
  );
}
