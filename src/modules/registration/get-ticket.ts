import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { loadSessionDetail, type SessionDetail } from '../events/get-session.js';
import type { Locale } from '../../config.js';
import type { ProjectAcknowledgement } from '../events/project-acknowledgement.js';
import { acknowledgementOf } from '../events/session-links.js';
import { findRegistrant, findRegistrationByTicket, waitlistPosition, type Registrant, type RegistrationRow } from './registrations-repository.js';
import { normaliseTicketCode, secretMatches } from './ticket-code.js';

export interface Ticket {
  registration: RegistrationRow;
  registrant: Registrant;
  session: SessionDetail;
  acknowledgement: ProjectAcknowledgement | null;
  position: number | null;
}

/** A ticket, for whoever holds its secret (the link in the registrant's mail); anyone else is refused alike. */
export async function getTicket(db: DbOrTx, options: { ticketCode: string; secret: string; locale: Locale }): Promise<Ticket> {
  const code = normaliseTicketCode(options.ticketCode);
  const registration = code ? await findRegistrationByTicket(db, code) : null;
  if (!registration || !options.secret || !secretMatches(options.secret, registration.cancelTokenHash)) throw new AppError('invalid_token');
  const [registrant, session, position] = await Promise.all([
    findRegistrant(db, registration.id),
    loadSessionDetail(db, registration.sessionId),
    waitlistPosition(db, registration),
  ]);
  return { registration, registrant: registrant!, session: session!, acknowledgement: await acknowledgementOf(db, session!.projectId, options.locale), position };
}
