import { useI18n } from '../i18n.js';
import { formatMoney, type PaymentReport } from './types.js';

const ROWS = ['invoiced', 'paid', 'outstanding', 'overdue', 'sponsored'] as const;

/** Where the session's money stands: how seats are paid for, then counts and sums per currency. */
export function PaymentReportView({ report }: { report: PaymentReport }) {
  const { t, tag, formatNumber } = useI18n();
  const counts: Array<[string, number]> = [
    ['confirmed', report.confirmed],
    ['by_invoice', report.byFee.invoice],
    ['by_sponsored', report.byFee.sponsored],
    ['by_free', report.byFee.free],
    ['awaiting', report.awaitingInvoice],
    ['voided', report.voided],
  ];
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('web.app.payments.report.heading')}</h2>
      {report.price ? (
        <p>{t('web.app.payments.report.price', { price: formatMoney(report.price.amount, report.price.currency, tag) })}</p>
      ) : (
        <p>{t('web.app.payments.report.free_session')}</p>
      )}
      <dl className="counts">
        {counts.map(([key, value]) => (
          <div key={key} className="count">
            <dt>{t(`web.app.payments.report.${key}`)}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
      {report.currencies.map((row) => (
        <div key={row.currency} className="table-wrap">
          <table className="data-table">
            <caption>{t('web.app.payments.report.in_currency', { currency: row.currency })}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('web.app.payments.report.what')}</span>
                </th>
                <th scope="col">{t('web.app.payments.report.count')}</th>
                <th scope="col">{t('web.app.payments.report.sum')}</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map((key) => (
                <tr key={key}>
                  <th scope="row">{t(`web.app.payments.report.${key}`)}</th>
                  <td className="num">{formatNumber(row[key].count)}</td>
                  <td className="num">{formatMoney(row[key].amount, row.currency, tag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
