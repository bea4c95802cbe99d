import { useState } from 'react';
import { api, toApiError, type ApiError } from '../api.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { useI18n } from '../i18n.js';
import { REASON_CATEGORIES, type Certificate } from './types.js';

type Action = 'suspend' | 'reinstate' | 'revoke' | 'renew' | 'reissue';

/** The changes open for a certificate in its status; the server decides again. */
export function actionsFor(c: Certificate): Action[] {
  if (c.replacedBy) return c.status === 'suspended' ? ['reinstate', 'revoke'] : c.status === 'revoked' ? [] : ['revoke'];
  switch (c.status) {
    case 'active':
      return ['suspend', 'revoke', 'renew', 'reissue'];
    case 'suspended':
      return ['reinstate', 'revoke'];
    case 'expired':
      return ['renew', 'revoke'];
    case 'revoked':
      return [];
  }
}

/** One dialog per action: suspension and revocation ask for a category and a reason; a re-issue for what was corrected. */
function ActionDialog({ action, certificate, onDone, onCancel }: { action: Action; certificate: Certificate; onDone: (next: Certificate) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [category, setCategory] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const needsCategory = action === 'suspend' || action === 'revoke';
  const hasReason = action !== 'renew';

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = needsCategory ? { category, reason } : action === 'reissue' ? { reason } : action === 'reinstate' ? { reason: reason || null } : {};
      onDone(await api.post<Certificate>(`/certificates/${certificate.id}/${action}`, body));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };

  const categoryError = error?.fields.category;
  const reasonError = error?.fields.reason;
  const other = error && !categoryError && !reasonError ? error.message : null;
  return (
    <ConfirmDialog
      open
      title={t(`web.app.certification.certificates.${action}_title`, { number: certificate.number })}
      confirmLabel={t(`web.app.certification.certificates.${action}`)}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <p>{t(`web.app.certification.certificates.${action}_text`)}</p>
      {other ? (
        <p className="field-error" role="alert">
          {other}
        </p>
      ) : null}
      {needsCategory ? (
        <div className={categoryError ? 'field field-invalid' : 'field'}>
          <label htmlFor="dialog-category">
            {t('web.app.certification.certificates.category')}
            <span aria-hidden="true"> *</span>
          </label>
          <select id="dialog-category" value={category} required aria-invalid={categoryError ? 'true' : undefined} onChange={(event) => setCategory(event.target.value)}>
            <option value="">{t('web.app.certification.apply.choose')}</option>
            {REASON_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`certification.reason.${c}`)}
              </option>
            ))}
          </select>
          {categoryError ? <p className="field-error">{categoryError}</p> : null}
        </div>
      ) : null}
      {hasReason ? (
        <div className={reasonError ? 'field field-invalid' : 'field'}>
          <label htmlFor="dialog-reason">
            {t(action === 'reissue' ? 'web.app.certification.certificates.correction' : 'web.app.certification.certificates.reason')}
            {action === 'reinstate' ? null : <span aria-hidden="true"> *</span>}
          </label>
          <textarea id="dialog-reason" rows={3} value={reason} aria-invalid={reasonError ? 'true' : undefined} onChange={(event) => setReason(event.target.value)} />
          {reasonError ? <p className="field-error">{reasonError}</p> : null}
        </div>
      ) : null}
    </ConfirmDialog>
  );
}

/** The buttons for a certificate's state changes, each opening its dialog. */
export function CertificateActions({ certificate, onChanged }: { certificate: Certificate; onChanged: (message: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Action | null>(null);
  const actions = actionsFor(certificate);
  if (actions.length === 0) return null;
  return (
    <div className="row-actions">
      {actions.map((action) => (
        <button key={action} type="button" className={action === 'revoke' ? 'danger small' : 'secondary small'} onClick={() => setOpen(action)}>
          {t(`web.app.certification.certificates.${action}`)}
          <span className="visually-hidden"> {certificate.number}</span>
        </button>
      ))}
      {open ? (
        <ActionDialog
          action={open}
          certificate={certificate}
          onCancel={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            onChanged(t(`web.app.certification.certificates.${open}_done`, { number: next.number }));
          }}
        />
      ) : null}
    </div>
  );
}
