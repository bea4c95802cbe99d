import { useState } from 'react';
import type { ApiError } from '../api.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';

/** A confirmation that asks why (cancelling a session, an event or a registration). */
export function ReasonDialog({
  open,
  title,
  text,
  label,
  confirmLabel,
  required,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  text: string;
  label: string;
  confirmLabel: string;
  required?: boolean;
  busy?: boolean;
  error?: ApiError | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const fieldError = error?.fields.reason ?? (error ? error.message : undefined);
  return (
    <ConfirmDialog open={open} title={title} confirmLabel={confirmLabel} busy={busy} onConfirm={() => onConfirm(reason)} onCancel={onCancel}>
      <p>{text}</p>
      <div className={fieldError ? 'field field-invalid' : 'field'}>
        <label htmlFor="dialog-reason">
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </label>
        <textarea
          id="dialog-reason"
          rows={3}
          value={reason}
          required={required}
          aria-invalid={fieldError ? 'true' : undefined}
          aria-describedby={fieldError ? 'dialog-reason-error' : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {fieldError ? (
          <p className="field-error" id="dialog-reason-error">
            {fieldError}
          </p>
        ) : null}
      </div>
    </ConfirmDialog>
  );
}
