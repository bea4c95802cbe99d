import type { OutboxMail } from '../../../platform/mail/repository.js';
import type { OutboxPage } from '../../../platform/mail/read-outbox.js';
import { PublicLayout, type PageContext } from '../../../web/server/layout.js';

function StatusBadge({ ctx, status }: { ctx: PageContext; status: string }) {
  return <span className={`status status-${status}`}>{ctx.tr.t(`accounts.outbox.status_${status}`)}</span>;
}

/** Newest first, a page at a time. */
export function OutboxListPage({ ctx, page, delivering }: { ctx: PageContext; page: OutboxPage; delivering: boolean }) {
  const { tr } = ctx;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <PublicLayout ctx={ctx} title={tr.t('accounts.outbox.title')}>
      <p className="lead">{tr.t(delivering ? 'accounts.outbox.lead_smtp' : 'accounts.outbox.lead_no_smtp')}</p>
      {page.items.length === 0 ? (
        <p>{tr.t('accounts.outbox.empty')}</p>
      ) : (
        <table className="table">
          <caption>{tr.t('accounts.outbox.count', { count: page.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr.t('accounts.outbox.created')}</th>
              <th scope="col">{tr.t('accounts.outbox.to')}</th>
              <th scope="col">{tr.t('accounts.outbox.subject')}</th>
              <th scope="col">{tr.t('accounts.outbox.status')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((mail) => (
              <tr key={mail.id}>
                <td>
                  <time dateTime={mail.createdAt.toISOString()}>{tr.formatDateTime(mail.createdAt)}</time>
                </td>
                <td>{mail.toAddress}</td>
                <td>
                  <a href={`/admin/outbox/${mail.id}`}>{mail.subject}</a>
                </td>
                <td>
                  <StatusBadge ctx={ctx} status={mail.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <nav className="pager" aria-label={tr.t('accounts.outbox.pages')}>
          {page.page > 1 ? <a href={`/admin/outbox?page=${page.page - 1}`}>{tr.t('accounts.outbox.previous')}</a> : null}{' '}
          <span>{tr.t('accounts.outbox.page', { page: page.page, pages })}</span>{' '}
          {page.page < pages ? <a href={`/admin/outbox?page=${page.page + 1}`}>{tr.t('accounts.outbox.next')}</a> : null}
        </nav>
      ) : null}
    </PublicLayout>
  );
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/;

/** Links in the text become links on the page, so a demo can follow a reset or invitation link. */
function TextWithLinks({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function OutboxMailPage({ ctx, mail }: { ctx: PageContext; mail: OutboxMail }) {
  const { tr } = ctx;
  return (
    <PublicLayout ctx={ctx} title={mail.subject}>
      <dl className="facts">
        <dt>{tr.t('accounts.outbox.to')}</dt>
        <dd>{mail.toAddress}</dd>
        <dt>{tr.t('accounts.outbox.created')}</dt>
        <dd>
          <time dateTime={mail.createdAt.toISOString()}>{tr.formatDateTime(mail.createdAt)}</time>
        </dd>
        <dt>{tr.t('accounts.outbox.status')}</dt>
        <dd>
          <StatusBadge ctx={ctx} status={mail.status} />
          {mail.sentAt ? <> · {tr.formatDateTime(mail.sentAt)}</> : null}
        </dd>
        <dt>{tr.t('accounts.outbox.attempts')}</dt>
        <dd>{tr.formatNumber(mail.attempts)}</dd>
        {mail.lastError ? (
          <>
            <dt>{tr.t('accounts.outbox.last_error')}</dt>
            <dd>{mail.lastError}</dd>
          </>
        ) : null}
      </dl>
      <pre className="mail-text" lang={mail.locale}>
        <TextWithLinks text={mail.textBody} />
      </pre>
      <p>
        <a href="/admin/outbox">{tr.t('accounts.outbox.back')}</a>
      </p>
    </PublicLayout>
  );
}
