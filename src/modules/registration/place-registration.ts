import crypto from 'node:crypto';
import type { Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { tokenHash } from '../../platform/auth/secrets.js';
import type { Messages } from '../../platform/i18n/catalogue.js';
import type { PendingPerson } from '../people/repository.js';
import type { RevisedSessionFacts, SessionFacts } from '../events/get-session.js';
import type { SessionRow } from '../events/sessions-repository.js';
import { callsForInvoice, issueInvoiceForRegistration } from './invoice-issue-for-registration.js';
import { queueRegistrationMail, renderRegistrationMails, ticketLinks, type TicketLinks } from './registration-mail.js';
import { insertRegistration, type RegistrationRow } from './registrations-repository.js';
import { decideSeat, POSITION_MARKER } from './seat-repository.js';
import type { FeeMode, RegistrationSource } from './tables.js';
import { newTicketCode, ticketSecret } from './ticket-code.js';

export interface PlaceRegistrationOptions {
  messages: Messages;
  publicUrl: string;
  /** Locked by the caller's transaction; the seats and waitlist places were counted under that lock. */
  session: SessionRow;
  facts: SessionFacts;
  confirmed: number;
  waitlisted: number;
  person: { id: string; fullName: string; email: string | null };
  /** The caller's idempotency key as sent, and as stored (hashed). */
  idempotencyKey: string | null;
  idempotencyKeyHash: string | null;
  locale: Locale;
  source: RegistrationSource;
  fee: { feeMode: FeeMode; sponsorProjectId: string | null };
  /** When it happened, for records entered after the fact (the demo's past sessions); default now. */
  at?: Date;
  /** False only for records entered after the fact: nobody is mailed about them. */
  mail?: boolean;
}

export interface Placement {
  registration: RegistrationRow;
  position: number | null;
  secret: string;
  links: TicketLinks;
}

/**
 * Writes one registration — a seat while `confirmed` is below capacity, else a waitlist place —
 * issues the invoice a paid seat calls for, and queues its mail with the ticket links. Only ever
 * called under the session lock.
 */
export async function placeRegistration(tx: DbOrTx, options: PlaceRegistrationOptions): Promise<Placement> {
  const { session, person } = options;
  const status = options.confirmed < session.capacity ? 'confirmed' : 'waitlisted';
  const secret = ticketSecret(session.id, options.idempotencyKey);
  const registration = await insertRegistration(tx, {
    associationId: session.associationId,
    sessionId: session.id,
    personId: person.id,
    status,
    ticketCode: newTicketCode(),
    cancelTokenHash: tokenHash(secret),
    idempotencyKey: options.idempotencyKeyHash,
    locale: options.locale,
    source: options.source,
    ...options.fee,
  }, options.at);
  const position = status === 'waitlisted' ? options.waitlisted + 1 : null;
  if (callsForInvoice({ status, feeMode: options.fee.feeMode, priceAmount: session.priceAmount, priceCurrency: session.priceCurrency })) {
    await issueInvoiceForRegistration(tx, registration.id, options.at ? { now: options.at } : {});
  }
  const links = ticketLinks(options.publicUrl, registration.ticketCode, secret);
  if (options.mail !== false) await queueRegistrationMail(tx, options.messages, {
    kind: status,
    registrationId: registration.id,
    to: person.email,
    locale: options.locale,
    fullName: person.fullName,
    ticketCode: registration.ticketCode,
    session: options.facts,
    links,
    position,
  });
  return { registration, position, secret, links };
}

export type TakeSeatOptions = Omit<PlaceRegistrationOptions, 'session' | 'facts' | 'confirmed' | 'waitlisted' | 'at' | 'mail'> & {
  /** The session as read before: the statement writes nothing if its row changed since. */
  facts: RevisedSessionFacts;
  /** A new person, written by the same statement if the registration is. */
  pending: PendingPerson | null;
  /** The statement commits on its own (no transaction around it): it must write the mail too, or nothing. */
  alone: boolean;
};

/** What took the seat: a placement, the registration there already was, or why nothing was written. */
export type SeatOutcome = Placement | { existingId: string } | { retry: 'stale' | 'unmailed' };

/**
 * `placeRegistration` in one statement that counts nothing itself: under the session row's lock it
 * reads the seat counters, finds the registration the request or the person already has — then
 * nothing is written and its id is returned — else writes the new one with its mail (both versions
 * of which are written out beforehand) and, if new, the person. Run alone, it holds the lock only
 * while the database runs it.
 */
export async function takeSeat(tx: DbOrTx, options: TakeSeatOptions): Promise<SeatOutcome> {
  const { facts: session, person } = options;
  const id = crypto.randomUUID();
  const ticketCode = newTicketCode();
  const secret = ticketSecret(session.id, options.idempotencyKey);
  const links = ticketLinks(options.publicUrl, ticketCode, secret);
  const mail = { registrationId: id, to: person.email, locale: options.locale, fullName: person.fullName, ticketCode, session, links };
  const mails = renderRegistrationMails(options.messages, ['confirmed', 'waitlisted'], { ...mail, position: POSITION_MARKER });
  // A catalogue that formats the place itself (a plural, a number style) leaves the waitlist mail to be written once the place is known.
  const waitlisted = mails?.waitlisted.textBody.includes(POSITION_MARKER) && !mails.waitlisted.subject.includes(POSITION_MARKER) ? mails.waitlisted : null;
  const decision = await decideSeat(
    tx,
    {
      id,
      associationId: session.associationId,
      sessionId: session.id,
      personId: person.id,
      status: 'confirmed',
      ticketCode,
      cancelTokenHash: tokenHash(secret),
      idempotencyKey: options.idempotencyKeyHash,
      locale: options.locale,
      source: options.source,
      ...options.fee,
    },
    {
      revision: session.revision,
      mails: mails && { to: mails.confirmed.to, locale: mails.confirmed.locale, associationId: session.associationId, confirmed: mails.confirmed, waitlisted },
      mailRequired: options.alone,
      newPerson: options.pending,
    },
  );
  if (decision.kind === 'existing') return { existingId: decision.existingId };
  if (decision.kind !== 'placed') return { retry: decision.kind };
  const { registration, position } = decision;
  if (callsForInvoice({ status: registration.status, feeMode: options.fee.feeMode, priceAmount: session.priceAmount, priceCurrency: session.priceCurrency })) {
    await issueInvoiceForRegistration(tx, registration.id, {});
  }
  if (mails && !decision.mailed) await queueRegistrationMail(tx, options.messages, { ...mail, kind: registration.status === 'confirmed' ? 'confirmed' : 'waitlisted', position });
  return { registration, position, secret, links };
}
