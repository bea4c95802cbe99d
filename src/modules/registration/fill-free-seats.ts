import type { DbOrTx } from '../../db/client.js';
import { randomToken, tokenHash } from '../../platform/auth/secrets.js';
import type { Messages } from '../../platform/i18n/catalogue.js';
import { loadSessionFacts } from '../events/get-session.js';
import type { SessionRow } from '../events/sessions-repository.js';
import { callsForInvoice, issueInvoiceForRegistration } from './invoice-issue-for-registration.js';
import { queueRegistrationMail, ticketLinks } from './registration-mail.js';
import { confirmRegistration, countConfirmed, findRegistrant, firstWaitlisted } from './registrations-repository.js';

export interface FillFreeSeatsOptions {
  messages: Messages;
  publicUrl: string;
  /** The session, locked by the caller's transaction (lockSession) before anything changed. */
  session: SessionRow;
}

/**
 * Gives every free seat to the longest-waiting registrant, in the caller's transaction and under
 * its session lock, issues the invoice a paid seat calls for, and queues each one a promotion mail. The promotion mail carries fresh ticket
 * links: the secret is stored only as a hash, so a new one is drawn (earlier links stop working).
 * Returns the registrations promoted.
 */
export async function fillFreeSeats(tx: DbOrTx, options: FillFreeSeatsOptions): Promise<string[]> {
  const { session } = options;
  if (session.status === 'cancelled') return [];
  const free = session.capacity - (await countConfirmed(tx, session.id));
  const waiting = await firstWaitlisted(tx, session.id, free);
  if (waiting.length === 0) return [];
  const facts = (await loadSessionFacts(tx, session.id))!;
  for (const registration of waiting) {
    const secret = randomToken();
    await confirmRegistration(tx, registration.id, tokenHash(secret));
    const { feeMode } = registration;
    if (callsForInvoice({ status: 'confirmed', feeMode, priceAmount: session.priceAmount, priceCurrency: session.priceCurrency })) {
      await issueInvoiceForRegistration(tx, registration.id);
    }
    const registrant = (await findRegistrant(tx, registration.id))!;
    await queueRegistrationMail(tx, options.messages, {
      kind: 'promoted',
      registrationId: registration.id,
      to: registrant.email,
      locale: registration.locale,
      fullName: registrant.fullName,
      ticketCode: registration.ticketCode,
      session: facts,
      links: ticketLinks(options.publicUrl, registration.ticketCode, secret),
    });
  }
  return waiting.map((r) => r.id);
}
