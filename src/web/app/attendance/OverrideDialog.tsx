import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../api.js';
import { FormErrors } from '../components/FormErrors.js';
import { useI18n } from '../i18n.js';
import type { CompletionView } from './types.js';

/**
 * Deciding a registrant's completion against the rule: completed or not, and why (required, kept
 * in the history). The native dialog keeps focus inside and closes on Escape.
 */
export function OverrideDialog({
  item,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  item: CompletionView | null;
  busy: boolean;
  error: ApiError | null;
  onConfirm: (completed: boolean, reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [completed, setCompleted] = useState(true);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (item && !dialog.open) {
      setCompleted(!item.completed);
      setReason('');
      setMissing(false);
      dialog.showModal();
    }
    if (!item && dialog.open) dialog.close();
  }, [item]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onConfirm(completed, reason.trim());
  };

  const reasonError = missing ? t('web.app.attendance.completions.reason_required') : error?.fields.reason;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="override-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {item ? (
        <form onSubmit={submit} noValidate>
          <h2 id="override-title">{t('web.app.attendance.completions.override_title', { name: item.fullName })}</h2>
          <p>{t('web.app.attendance.completions.override_text')}</p>
          <FormErrors error={error} labels={{ reason: t('web.app.attendance.completions.reason') }} />
          <fieldset className="field">
            <legend>{t('web.app.attendance.completions.decision')}</legend>
            <div className="field-check">
              <input id="override-completed" type="radio" name="completed" checked={completed} onChange={() => setCompleted(true)} />
              <label htmlFor="override-completed">{t('web.app.attendance.completions.status.completed')}</label>
            </div>
            <div className="field-check">
              <input id="override-not-completed" type="radio" name="completed" checked={!completed} onChange={() => setCompleted(false)} />
              <label htmlFor="override-not-completed">{t('web.app.attendance.completions.status.not_completed')}</label>
            </div>
          </fieldset>
          <div className={reasonError ? 'field field-invalid' : 'field'}>
            <label htmlFor="field-reason">{t('web.app.attendance.completions.reason')}</label>
            <textarea
              id="field-reason"
              value={reason}
              rows={3}
              maxLength={1000}
              required
              aria-invalid={reasonError ? 'true' : undefined}
              aria-describedby={reasonError ? 'field-reason-error' : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
            {reasonError ? (
              <p className="field-error" id="field-reason-error">
                {reasonError}
              </p>
            ) : null}
          </div>
          <div className="dialog-actions">
            <button type="submit" disabled={busy}>
              {t('web.app.attendance.completions.override_confirm')}
            </button>
            <button type="button" className="secondary" onClick={onCancel}>
              {t('web.app.common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
