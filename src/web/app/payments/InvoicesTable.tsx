import { useI18n } from '../i18n.js';
import { formatMoney, invoicePdfUrl, type InvoiceListItem } from './types.js';

/** Every invoice of the session in number order, void ones included: the record of what was issued. */
export function InvoicesTable({ items }: { items: InvoiceListItem[] }) {
  const { t, tag, formatDate, formatDateTime } = useI18n();
  return (
    <section aria-labelledby="invoices-heading">
      <h2 id="invoices-heading">{t('web.app.payments.invoices.heading')}</h2>
      <p>{t('web.app.payments.invoices.lead')}</p>
      {items.length === 0 ? (
        <p>{t('web.app.payments.invoices.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('web.app.payments.invoices.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('web.app.payments.invoices.number')}</th>
                <th scope="col">{t('web.app.payments.fees.person')}</th>
                <th scope="col">{t('web.app.payments.fees.amount')}</th>
                <th scope="col">{t('web.app.payments.invoices.status')}</th>
                <th scope="col">{t('web.app.payments.invoices.issued')}</th>
                <th scope="col">{t('web.app.payments.fees.due')}</th>
                <th scope="col">{t('web.app.payments.invoices.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((invoice) => {
                const status = invoice.overdue ? 'overdue' : invoice.status;
                return (
                  <tr key={invoice.id}>
                    <th scope="row">
                      <a href={invoicePdfUrl(invoice.id)} aria-label={t('web.app.payments.actions.pdf_of', { number: invoice.number })}>
                        {invoice.number}
                      </a>
                    </th>
                    <td>
                      {invoice.fullName}
                      {invoice.registrationStatus === 'cancelled' ? <span className="latin">{t('web.app.payments.registration_status.cancelled')}</span> : null}
                    </td>
                    <td className="num">{formatMoney(invoice.amount, invoice.currency, tag)}</td>
                    <td className={`invoice-${status}`}>{t(`web.app.payments.invoice_status.${status}`)}</td>
                    <td>{formatDateTime(invoice.issuedAt)}</td>
                    <td>{formatDate(invoice.dueOn)}</td>
                    <td>
                      {invoice.paidOn ? t('web.app.payments.invoices.paid_on', { date: formatDate(invoice.paidOn), reference: invoice.paymentReference ?? '' }) : null}
                      {invoice.voidReason ? invoice.voidReason : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
