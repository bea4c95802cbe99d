import type { Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { isLocale, type Messages } from '../../platform/i18n/catalogue.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import type { SessionFacts } from '../events/get-session.js';
import { dayLines, formatZone, placeLine } from '../events/session-format.js';

export type RegistrationMail = 'confirmed' | 'waitlisted' | 'promoted' | 'session_cancelled';

export interface TicketLinks {
  ticketUrl: string;
  cancelUrl: string;
}

/** The ticket page, and its self-service cancellation form; the secret is what opens them. */
export function ticketLinks(publicUrl: string, ticketCode: string, secret: string): TicketLinks {
  const ticketUrl = `${publicUrl}${ticketPath(ticketCode, secret)}`;
  return { ticketUrl, cancelUrl: `${ticketUrl}#cancel` };
}

export function ticketPath(ticketCode: string, secret: string): string {
  return `/tickets/${ticketCode}?token=${encodeURIComponent(secret)}`;
}

export interface RegistrationMailOptions {
  kind: RegistrationMail;
  registrationId: string;
  to: string | null;
  locale: string;
  fullName: string;
  ticketCode: string;
  session: SessionFacts;
  /** Absent where the secret is not known (a session cancelled by staff). */
  links?: TicketLinks;
  reason?: string | null;
  position?: number | null;
}

/**
 * Queues one mail about a registration in the registrant's language, in the caller's transaction.
 * Each registration gets each kind of mail at most once (dedupe key), so a retried transaction or
 * a second promotion attempt never sends it twice. A person without an e-mail gets none.
 */
export async function queueRegistrationMail(db: DbOrTx, messages: Messages, mail: RegistrationMailOptions): Promise<boolean> {
  if (!mail.to) return false;
  const locale: Locale = isLocale(mail.locale) ? mail.locale : 'en';
  const tr = messages.translator(locale);
  const { session } = mail;
  const days = session.days;
  const when = dayLines(days, session.timeZone, locale).join('\n');
  const zone = days[0] ? formatZone(days[0].startsAt, session.timeZone, locale) : session.timeZone;
  const place = [placeLine(tr, session), session.format !== 'in_person' && session.onlineUrl ? session.onlineUrl : null].filter(Boolean).join('\n');
  return enqueueMail(db, messages, {
    to: mail.to,
    locale,
    template: `registration.mail.${mail.kind}`,
    values: {
      name: mail.fullName,
      course: pickTranslation(session.course.title, locale),
      when,
      zone,
      place,
      ticketCode: mail.ticketCode,
      ticketUrl: mail.links?.ticketUrl ?? '',
      cancelUrl: mail.links?.cancelUrl ?? '',
      reason: mail.reason ?? '',
      position: mail.position ?? 0,
    },
    dedupeKey: `registration:${mail.registrationId}:${mail.kind}`,
    associationId: session.associationId,
  });
}
