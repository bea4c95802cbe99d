import { useState } from 'react';
import { Link } from 'react-router';
import { api, toApiError, type ApiError } from '../api.js';
import { useI18n } from '../i18n.js';
import { ReasonDialog } from '../events/ReasonDialog.js';
import { PaymentDialog } from './PaymentDialog.js';
import { SponsorDialog } from './SponsorDialog.js';
import { formatMoney, invoicePdfUrl, type FeeItem, type Invoice } from './types.js';

type Action = { kind: 'pay' | 'void' | 'reverse' | 'sponsor'; fee: FeeItem } | null;

export type FeeChange = 'issued' | 'paid' | 'voided' | 'reversed' | 'sponsored';

/**
 * How each registrant pays, with what staff can do about it: issue an invoice, record or reverse
 * a payment, void an unpaid invoice, or waive the fee under a project.
 */
export function FeesTable({
  items,
  associationId,
  sessionProjectId,
  priced,
  onChanged,
}: {
  items: FeeItem[];
  associationId: string;
  sessionProjectId: string | null;
  priced: boolean;
  onChanged: (change: FeeChange, number: string | null) => void;
}) {
  const { t, tag, formatDate } = useI18n();
  const [action, setAction] = useState<Action>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (request: () => Promise<unknown>, change: FeeChange, number: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const result = await request();
      setAction(null);
      onChanged(change, (result as { invoice?: Invoice } | undefined)?.invoice?.number ?? number);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const open = (next: Action) => {
    setError(null);
    setAction(next);
  };

  const invoiceCell = (fee: FeeItem) => {
    if (!fee.invoiceId || !fee.invoiceNumber) return fee.feeMode === 'invoice' && fee.status === 'confirmed' && priced ? t('web.app.payments.invoice_status.none') : '';
    const status = fee.overdue ? 'overdue' : fee.invoiceStatus!;
    return (
      <>
        <a href={invoicePdfUrl(fee.invoiceId)} aria-label={t('web.app.payments.actions.pdf_of', { number: fee.invoiceNumber })}>
          {fee.invoiceNumber}
        </a>
        <span className={`latin invoice-${status}`}>{t(`web.app.payments.invoice_status.${status}`)}</span>
      </>
    );
  };

  const actions = (fee: FeeItem) => {
    const live = fee.invoiceStatus === 'issued' || fee.invoiceStatus === 'paid';
    const buttons = [];
    if (priced && fee.status === 'confirmed' && !live) {
      buttons.push(
        <button key="issue" type="button" className="secondary small" disabled={busy} onClick={() => void run(() => api.post(`/registrations/${fee.registrationId}/invoice`), 'issued', null)}>
          {t(fee.feeMode === 'invoice' ? 'web.app.payments.actions.issue' : 'web.app.payments.actions.issue_instead')}
        </button>,
      );
    }
    if (fee.invoiceStatus === 'issued') {
      buttons.push(
        <button key="pay" type="button" className="small" onClick={() => open({ kind: 'pay', fee })}>
          {t('web.app.payments.actions.pay')}
        </button>,
        <button key="void" type="button" className="secondary small" onClick={() => open({ kind: 'void', fee })}>
          {t('web.app.payments.actions.void')}
        </button>,
      );
    }
    if (fee.invoiceStatus === 'paid') {
      buttons.push(
        <button key="reverse" type="button" className="secondary small" onClick={() => open({ kind: 'reverse', fee })}>
          {t('web.app.payments.actions.reverse')}
        </button>,
      );
    }
    if (priced && fee.status !== 'cancelled' && fee.feeMode !== 'sponsored' && fee.invoiceStatus !== 'paid') {
      buttons.push(
        <button key="sponsor" type="button" className="secondary small" onClick={() => open({ kind: 'sponsor', fee })}>
          {t('web.app.payments.actions.sponsor')}
        </button>,
      );
    }
    return buttons;
  };

  const number = action?.fee.invoiceNumber ?? '';
  return (
    <>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{t('web.app.payments.fees.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('web.app.payments.fees.person')}</th>
              <th scope="col">{t('web.app.payments.fees.registration')}</th>
              <th scope="col">{t('web.app.payments.fees.fee')}</th>
              <th scope="col">{t('web.app.payments.fees.invoice')}</th>
              <th scope="col">{t('web.app.payments.fees.amount')}</th>
              <th scope="col">{t('web.app.payments.fees.due')}</th>
              <th scope="col">{t('web.app.payments.fees.paid')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('web.app.common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((fee) => (
              <tr key={fee.registrationId}>
                <th scope="row">
                  <Link to={`/people/${fee.personId}`}>{fee.fullName}</Link>
                  {fee.nameLatin && fee.nameLatin !== fee.fullName ? (
                    <span className="latin" lang="und-Latn">
                      {fee.nameLatin}
                    </span>
                  ) : null}
                  {fee.organisation ? <span className="latin">{fee.organisation}</span> : null}
                </th>
                <td>{t(`web.app.payments.registration_status.${fee.status}`)}</td>
                <td>
                  {t(`web.app.payments.fee_mode.${fee.feeMode}`)}
                  {fee.sponsorProjectName ? <span className="latin">{fee.sponsorProjectName}</span> : null}
                </td>
                <td>{invoiceCell(fee)}</td>
                <td className="num">{fee.amount !== null && fee.currency ? formatMoney(fee.amount, fee.currency, tag) : ''}</td>
                <td>{fee.dueOn ? formatDate(fee.dueOn) : ''}</td>
                <td>
                  {fee.paidOn ? formatDate(fee.paidOn) : ''}
                  {fee.paymentReference ? <span className="latin">{fee.paymentReference}</span> : null}
                </td>
                <td>
                  <div className="row-actions">{actions(fee)}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {action?.kind === 'pay' && action.fee.invoiceId ? (
        <PaymentDialog
          number={number}
          busy={busy}
          error={error}
          onConfirm={(payment) => void run(() => api.post(`/invoices/${action.fee.invoiceId}/payment`, payment), 'paid', number)}
          onCancel={() => setAction(null)}
        />
      ) : null}
      {action?.kind === 'sponsor' ? (
        <SponsorDialog
          associationId={associationId}
          defaultProjectId={sessionProjectId}
          name={action.fee.fullName}
          busy={busy}
          error={error}
          onConfirm={(projectId) => void run(() => api.post(`/registrations/${action.fee.registrationId}/sponsor`, { projectId }), 'sponsored', null)}
          onCancel={() => setAction(null)}
        />
      ) : null}
      <ReasonDialog
        key={action ? `${action.kind}-${action.fee.registrationId}` : 'none'}
        open={action?.kind === 'void' || action?.kind === 'reverse'}
        title={t(action?.kind === 'reverse' ? 'web.app.payments.reverse.title' : 'web.app.payments.void.title', { number })}
        text={t(action?.kind === 'reverse' ? 'web.app.payments.reverse.text' : 'web.app.payments.void.text')}
        label={t('web.app.payments.reason')}
        confirmLabel={t(action?.kind === 'reverse' ? 'web.app.payments.reverse.confirm' : 'web.app.payments.void.confirm')}
        required
        busy={busy}
        error={error}
        onConfirm={(reason) => {
          if (!action?.fee.invoiceId) return;
          const path = action.kind === 'reverse' ? 'payment/reversal' : 'void';
          void run(() => api.post(`/invoices/${action.fee.invoiceId}/${path}`, { reason }), action.kind === 'reverse' ? 'reversed' : 'voided', number);
        }}
        onCancel={() => setAction(null)}
      />
    </>
  );
}
