import type { DbOrTx } from '../../db/client.js';
import type { Messages } from '../../platform/i18n/catalogue.js';
import type { SessionFacts } from '../events/get-session.js';
import { queueRegistrationMail } from './registration-mail.js';
import { liveRegistrants } from './registrations-repository.js';

/**
 * Tells everyone holding a seat or a waitlist place that the session is cancelled, each in the
 * language they registered in, in the caller's transaction. Returns how many mails were queued.
 */
export async function notifySessionCancelled(tx: DbOrTx, messages: Messages, session: SessionFacts, reason: string): Promise<number> {
  let queued = 0;
  for (const registrant of await liveRegistrants(tx, session.id)) {
    const sent = await queueRegistrationMail(tx, messages, {
      kind: 'session_cancelled',
      registrationId: registrant.registrationId,
      to: registrant.email,
      locale: registrant.locale,
      fullName: registrant.fullName,
      ticketCode: registrant.ticketCode,
      session,
      reason,
    });
    if (sent) queued++;
  }
  return queued;
}
