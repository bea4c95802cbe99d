import type { Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { isLocale, type Messages, type Translator } from '../../platform/i18n/catalogue.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import { queueRenderedMail } from '../../platform/mail/outbox.js';
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
  /** The waitlist place, or a marker the statement that decides the place replaces. */
  position?: number | string | null;
}

/** A registration mail as the outbox keeps it: addressed, in its language, written out. */
export interface RenderedRegistrationMail {
  to: string;
  locale: Locale;
  template: string;
  subject: string;
  textBody: string;
  dedupeKey: string;
  associationId: string;
}

/**
 * Each registration gets each kind of mail at most once (dedupe key), so a retried transaction or
 * a second promotion attempt never sends it twice.
 */
export function registrationMailKey(registrationId: string, kind: RegistrationMail): string {
  return `registration:${registrationId}:${kind}`;
}

interface SessionLines {
  course: string;
  when: string;
  zone: string;
  place: string;
}

/** Written once per session (as read) and language: a burst of registrations mails the same lines. */
const linesCache = new WeakMap<SessionFacts, Map<Locale, SessionLines>>();

function sessionLines(tr: Translator, session: SessionFacts, locale: Locale): SessionLines {
  let byLocale = linesCache.get(session);
  if (!byLocale) linesCache.set(session, (byLocale = new Map<Locale, SessionLines>()));
  let lines = byLocale.get(locale);
  if (!lines) {
    const days = session.days;
    lines = {
      course: pickTranslation(session.course.title, locale),
      when: dayLines(days, session.timeZone, locale).join('\n'),
      zone: days[0] ? formatZone(days[0].startsAt, session.timeZone, locale) : session.timeZone,
      place: [placeLine(tr, session), session.format !== 'in_person' && session.onlineUrl ? session.onlineUrl : null].filter(Boolean).join('\n'),
    };
    byLocale.set(locale, lines);
  }
  return lines;
}

/**
 * The mails of `kinds` about one registration in the registrant's language, sharing the session's
 * lines (days, zone, place), which are written out once; null for a person without an e-mail.
 */
export function renderRegistrationMails<K extends RegistrationMail>(
  messages: Messages,
  kinds: readonly K[],
  mail: Omit<RegistrationMailOptions, 'kind'>,
): Record<K, RenderedRegistrationMail> | null {
  if (!mail.to) return null;
  const locale: Locale = isLocale(mail.locale) ? mail.locale : 'en';
  const tr = messages.translator(locale);
  const values = {
    name: mail.fullName,
    ...sessionLines(tr, mail.session, locale),
    ticketCode: mail.ticketCode,
    ticketUrl: mail.links?.ticketUrl ?? '',
    cancelUrl: mail.links?.cancelUrl ?? '',
    reason: mail.reason ?? '',
    position: mail.position ?? 0,
  };
  const out = {} as Record<K, RenderedRegistrationMail>;
  for (const kind of kinds) {
    const template = `registration.mail.${kind}`;
    out[kind] = {
      to: mail.to,
      locale,
      template,
      subject: tr.t(`${template}.subject`, values),
      textBody: tr.t(`${template}.body`, values),
      dedupeKey: registrationMailKey(mail.registrationId, kind),
      associationId: mail.session.associationId,
    };
  }
  return out;
}

/**
 * Queues one mail about a registration in the registrant's language, in the caller's transaction
 * (at most once per registration and kind). A person without an e-mail gets none.
 */
export async function queueRegistrationMail(db: DbOrTx, messages: Messages, mail: RegistrationMailOptions): Promise<boolean> {
  const rendered = renderRegistrationMails(messages, [mail.kind], mail);
  if (!rendered) return false;
  return queueRenderedMail(db, rendered[mail.kind]);
}
