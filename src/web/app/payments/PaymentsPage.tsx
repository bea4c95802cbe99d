import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { pick } from '../catalogue/types.js';
import { ErrorMessage, Loading, Notice } from '../components/ErrorMessage.js';
import { Page } from '../components/Page.js';
import type { Session } from '../events/types.js';
import { useI18n } from '../i18n.js';
import { useResource } from '../use-resource.js';
import { ExportLinks } from './ExportLinks.js';
import { FeesTable, type FeeChange } from './FeesTable.js';
import { InvoicesTable } from './InvoicesTable.js';
import { PaymentReportView } from './PaymentReportView.js';
import type { FeeItem, InvoiceListItem, PaymentReport } from './types.js';

/** A session's money and spreadsheets: the payment report, each registrant's fee, every invoice, and the exports. */
export function PaymentsPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const session = useResource<Session>(`/sessions/${id}`);
  const report = useResource<PaymentReport>(`/sessions/${id}/payments`);
  const fees = useResource<{ items: FeeItem[] }>(`/sessions/${id}/fees`);
  const invoices = useResource<{ items: InvoiceListItem[] }>(`/sessions/${id}/invoices`);
  const [notice, setNotice] = useState<string | null>(null);

  const changed = (change: FeeChange, number: string | null) => {
    setNotice(t(`web.app.payments.notice.${change}`, { number: number ?? '' }));
    report.reload();
    fees.reload();
    invoices.reload();
  };

  const current = session.data?.id === id ? session.data : undefined;
  const title = current?.course ? pick(current.course.title, locale) : (current?.slug ?? '');
  if (!current) {
    return (
      <Page title={t('web.app.payments.title_short')}>
        <ErrorMessage error={session.error} />
        {session.error ? null : <Loading />}
      </Page>
    );
  }
  return (
    <Page
      title={t('web.app.payments.title', { title })}
      actions={
        <Link className="button secondary" to={`/events/sessions/${current.id}`}>
          {t('web.app.payments.back')}
        </Link>
      }
    >
      <Notice>{notice}</Notice>
      <ErrorMessage error={report.error ?? fees.error ?? invoices.error} />
      {report.data ? <PaymentReportView report={report.data} /> : <Loading />}
      <ExportLinks sessionId={current.id} />
      <section aria-labelledby="fees-heading">
        <h2 id="fees-heading">{t('web.app.payments.fees.heading')}</h2>
        {fees.data ? (
          fees.data.items.length > 0 ? (
            <FeesTable items={fees.data.items} associationId={current.associationId} sessionProjectId={current.projectId} priced={current.price !== null} onChanged={changed} />
          ) : (
            <p>{t('web.app.payments.fees.empty')}</p>
          )
        ) : null}
      </section>
      {invoices.data ? <InvoicesTable items={invoices.data.items} /> : null}
    </Page>
  );
}
