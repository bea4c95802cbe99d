import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { cleanText } from '../../platform/field-problems.js';
import { checkRecordAccess } from '../events/event-access.js';
import { findDays, lockSession } from '../events/sessions-repository.js';
import { fillFreeSeats } from './fill-free-seats.js';
import type { RegistrationServices } from './register-for-session.js';
import { cancelRegistrationRow, findRegistrationById, findRegistrationByTicket, type RegistrationRow } from './registrations-repository.js';
import { normaliseTicketCode, secretMatches } from './ticket-code.js';

export type CancelRegistrationOptions = { reason?: string | null; now?: Date } & (
  | { by: 'staff'; actor: AuthContext | null; registrationId: string }
  | { by: 'registrant'; ticketCode: string; secret: string }
);

export interface CancellationOutcome {
  registration: RegistrationRow;
  /** False when it was cancelled already (a repeated click): nothing changed. */
  cancelled: boolean;
  /** Registrations moved from the waitlist into the freed seat. */
  promoted: string[];
}

export const MAX_REASON = 1000;

/** The registration the caller may cancel: staff of its association, or whoever holds the ticket's secret. */
async function findCancellable(db: Db, options: CancelRegistrationOptions): Promise<RegistrationRow> {
  if (options.by === 'staff') {
    const registration = await findRegistrationById(db, options.registrationId);
    if (!registration) throw new AppError('not_found', { values: { what: 'registration' } });
    checkRecordAccess(options.actor, registration.associationId, 'write', 'session');
    return registration;
  }
  const code = normaliseTicketCode(options.ticketCode);
  const registration = code ? await findRegistrationByTicket(db, code) : null;
  if (!registration || !secretMatches(options.secret, registration.cancelTokenHash)) throw new AppError('invalid_token');
  return registration;
}

/**
 * Cancels a registration; never deletes it. A freed seat goes at once, in the same transaction
 * and under the session lock, to the first person on the waitlist, who is mailed.
 */
export async function cancelRegistration(db: Db, services: RegistrationServices, options: CancelRegistrationOptions): Promise<CancellationOutcome> {
  const found = await findCancellable(db, options);
  const reason = cleanText(options.reason) ?? null;
  if (reason && reason.length > MAX_REASON) throw new AppError('validation', { fields: { reason: { key: 'too_long', values: { max: MAX_REASON } } } });
  if (options.by === 'registrant') {
    const days = await findDays(db, found.sessionId);
    const last = days[days.length - 1];
    if (last && (options.now ?? new Date()) >= last.endsAt) throw new AppError('conflict', { messageKey: 'registration.errors.session_over' });
  }
  return db.transaction(async (tx) => {
    const session = (await lockSession(tx, found.sessionId))!;
    const cancelled = await cancelRegistrationRow(tx, found.id, reason);
    if (!cancelled) return { registration: (await findRegistrationById(tx, found.id))!, cancelled: false, promoted: [] };
    const promoted = await fillFreeSeats(tx, { messages: services.messages, publicUrl: services.publicUrl, session });
    return { registration: cancelled, cancelled: true, promoted };
  });
}
