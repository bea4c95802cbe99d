import QRCode from 'qrcode';
import { pickTranslation } from '../../../platform/i18n/translated.js';
import { CsrfField, PublicLayout, type PageContext } from '../../../web/server/layout.js';
import { sessionPath } from '../../events/list-upcoming-sessions.js';
import { Acknowledgement } from '../../events/pages/public-parts.js';
import { dayLines, formatZone, placeLine } from '../../events/session-format.js';
import type { Ticket } from '../get-ticket.js';
import { ticketQrContent } from '../ticket-code.js';

/** The QR code of a ticket as an SVG drawing, for the page itself (no image request, no script). */
export async function ticketQrSvg(code: string): Promise<string> {
  return QRCode.toString(ticketQrContent(code), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

export interface TicketPageProps {
  ctx: PageContext;
  ticket: Ticket;
  secret: string;
  qrSvg: string;
  /** The session has ended: nothing to cancel any more. */
  over: boolean;
  /** The registrant completed the course: their certificate of participation can be downloaded. */
  completed?: boolean;
}

function statusText(ctx: PageContext, ticket: Ticket): string {
  const { tr } = ctx;
  switch (ticket.registration.status) {
    case 'confirmed':
      return tr.t('registration.ticket.confirmed');
    case 'waitlisted':
      return tr.t('registration.ticket.waitlisted', { position: ticket.position ?? 0 });
    case 'cancelled':
      return tr.t('registration.ticket.cancelled');
  }
}

/** The registrant's ticket: the code and its QR for the door, when and where, and a way to cancel. */
export function TicketPage({ ctx, ticket, secret, qrSvg, over, completed }: TicketPageProps) {
  const { tr, locale } = ctx;
  const { registration, registrant, session } = ticket;
  const zone = session.days[0] ? formatZone(session.days[0].startsAt, session.timeZone, locale) : session.timeZone;
  const live = registration.status !== 'cancelled' && session.status !== 'cancelled';
  return (
    <PublicLayout ctx={ctx} title={tr.t('registration.ticket.title')}>
      <p className={registration.status === 'cancelled' ? 'notice notice-warning' : 'notice'} role="status">
        {statusText(ctx, ticket)}
      </p>
      {session.status === 'cancelled' ? <p className="notice notice-warning">{tr.t('events.page.session_cancelled')}</p> : null}
      <div className="ticket">
        <h2>{pickTranslation(session.course.title, locale)}</h2>
        <p className="ticket-holder">{registrant.fullName}</p>
        <p>
          {tr.t('registration.ticket.code')}: <strong className="ticket-code">{registration.ticketCode}</strong>
        </p>
        {registration.status === 'confirmed' && live ? (
          <figure className="ticket-qr" role="img" aria-label={tr.t('registration.ticket.qr_label', { code: registration.ticketCode })}>
            <div dangerouslySetInnerHTML={{ __html: qrSvg }} />
            <figcaption>{tr.t('registration.ticket.qr_hint')}</figcaption>
          </figure>
        ) : null}
        <ul className="plain">
          {dayLines(session.days, session.timeZone, locale).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="muted">{tr.t('events.page.times_in_zone', { zone })}</p>
        <p>{placeLine(tr, session)}</p>
        {session.format !== 'in_person' && session.onlineUrl && registration.status === 'confirmed' ? (
          <p>
            <a href={session.onlineUrl} rel="noopener noreferrer external">
              {tr.t('registration.ticket.join_online')}
            </a>
          </p>
        ) : null}
      </div>
      <p>
        <a href={sessionPath(session)}>{tr.t('registration.ticket.session_page')}</a>
      </p>
      {registration.feeMode === 'invoice' && registration.status === 'confirmed' ? (
        <p>
          <a href={`/tickets/${registration.ticketCode}/invoice.pdf?token=${encodeURIComponent(secret)}`}>{tr.t('registration.invoice.ticket_link')}</a>
        </p>
      ) : null}
      {completed ? (
        <p>
          <a href={`/tickets/${registration.ticketCode}/certificate.pdf?token=${encodeURIComponent(secret)}`}>{tr.t('registration.participation.ticket_link')}</a>
        </p>
      ) : null}
      {live && !over ? (
        <section aria-labelledby="cancel-heading" id="cancel">
          <h2 id="cancel-heading">{tr.t('registration.cancel.title')}</h2>
          <p>{tr.t(registration.status === 'confirmed' ? 'registration.cancel.lead_confirmed' : 'registration.cancel.lead_waitlisted')}</p>
          <form method="post" action={`/tickets/${registration.ticketCode}/cancel`} className="stacked">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="token" value={secret} />
            <div className="field">
              <label htmlFor="field-reason">{tr.t('registration.cancel.reason')}</label>
              <input id="field-reason" name="reason" type="text" maxLength={1000} />
            </div>
            <button type="submit" className="secondary">
              {tr.t('registration.cancel.submit')}
            </button>
          </form>
        </section>
      ) : null}
      <Acknowledgement ctx={ctx} acknowledgement={ticket.acknowledgement} />
    </PublicLayout>
  );
}

/** The answer to a person who is registered already: their ticket went to their own mailbox. */
export function AlreadyRegisteredPage({ ctx, courseTitle, sessionHref }: { ctx: PageContext; courseTitle: string; sessionHref: string }) {
  const { tr } = ctx;
  return (
    <PublicLayout ctx={ctx} title={tr.t('registration.already.title')}>
      <p className="notice" role="status">
        {tr.t('registration.already.text', { course: courseTitle })}
      </p>
      <p>
        <a href={sessionHref}>{tr.t('registration.ticket.session_page')}</a>
      </p>
    </PublicLayout>
  );
}
