import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n.js';

/**
 * A modal form for a change that is not destructive (recording a payment, sponsoring a seat): the
 * native dialog keeps focus inside, closes on Escape and returns focus to where it was.
 */
export function ActionDialog({
  title,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="action-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {/* The server's localised field messages speak instead of the browser's own. */}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <h2 id="action-dialog-title">{title}</h2>
        {children}
        <div className="dialog-actions">
          <button type="submit" disabled={busy}>
            {confirmLabel}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('web.app.common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
