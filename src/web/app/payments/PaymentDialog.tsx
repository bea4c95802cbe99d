import { useState } from 'react';
import type { ApiError } from '../api.js';
import { TextField } from '../components/Fields.js';
import { useI18n } from '../i18n.js';
import { ActionDialog } from './ActionDialog.js';

function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Records the payment of an invoice: the day the money arrived and its reference. */
export function PaymentDialog({
  number,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  number: string;
  busy: boolean;
  error: ApiError | null;
  onConfirm: (payment: { paidOn: string; reference: string }) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [paidOn, setPaidOn] = useState(today());
  const [reference, setReference] = useState('');
  const fields = error?.fields ?? {};
  const other = error && !fields.paidOn && !fields.reference ? error.message : undefined;
  return (
    <ActionDialog title={t('web.app.payments.pay.title', { number })} confirmLabel={t('web.app.payments.pay.confirm')} busy={busy} onConfirm={() => onConfirm({ paidOn, reference })} onCancel={onCancel}>
      {other ? (
        <p className="field-error" role="alert">
          {other}
        </p>
      ) : null}
      <TextField name="paidOn" type="date" label={t('web.app.payments.pay.paid_on')} value={paidOn} onChange={setPaidOn} required error={fields.paidOn} />
      <TextField name="reference" label={t('web.app.payments.pay.reference')} hint={t('web.app.payments.pay.reference_hint')} value={reference} onChange={setReference} required error={fields.reference} />
    </ActionDialog>
  );
}
