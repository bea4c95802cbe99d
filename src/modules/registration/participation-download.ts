import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { sessionForAttendance } from './attendance-access.js';
import { findAttendeeByTicket } from './attendance-repository.js';
import { findCertificate, type CertificateRecord } from './completions-repository.js';
import { renderParticipationCertificate, type CertificateDeps } from './participation-certificate.js';
import { findRegistrationByTicket } from './registrations-repository.js';
import { normaliseTicketCode, secretMatches } from './ticket-code.js';

export interface CertificateFile {
  fileName: string;
  pdf: Uint8Array;
}

function file(record: CertificateRecord, pdf: Uint8Array): CertificateFile {
  return { fileName: `certificate-${record.verificationCode}.pdf`, pdf };
}

const notCompleted = () => new AppError('not_found', { messageKey: 'registration.participation.not_completed' });

/**
 * The participant's own download: the ticket's secret (from the confirmation mail) or the link's
 * secret (from the completion mail) opens it; anything else is refused alike.
 */
export async function participantCertificate(db: Db, deps: CertificateDeps, options: { ticketCode: string; secret: string }): Promise<CertificateFile> {
  const code = normaliseTicketCode(options.ticketCode);
  const attendee = code ? await findAttendeeByTicket(db, code) : null;
  const record = attendee ? await findCertificate(db, attendee.registrationId) : null;
  const secret = options.secret;
  const opens = (hash: string | null | undefined) => !!hash && !!secret && secretMatches(secret, hash);
  if (!attendee) throw new AppError('invalid_token');
  if (!record) {
    // Without a record the ticket's own secret is still checked, so a guessed code learns nothing.
    const registration = await findRegistrationByTicket(db, attendee.ticketCode);
    if (!opens(registration?.cancelTokenHash)) throw new AppError('invalid_token');
    throw notCompleted();
  }
  if (!opens(record.cancelTokenHash) && !opens(record.certificateTokenHash)) throw new AppError('invalid_token');
  return file(record, await renderParticipationCertificate(db, deps, record));
}

/** Staff of the session's association and its trainers download any completer's certificate. */
export async function staffCertificate(db: Db, deps: CertificateDeps, options: { actor: AuthContext | null; sessionId: string; registrationId: string }): Promise<CertificateFile> {
  const { session } = await sessionForAttendance(db, options.actor, options.sessionId, 'record');
  const record = await findCertificate(db, options.registrationId);
  if (!record || record.sessionId !== session.id) throw notCompleted();
  return file(record, await renderParticipationCertificate(db, deps, record));
}

/** Whether a registration has a certificate of participation to download now (for the link on its ticket). */
export async function certificateAvailable(db: Db, registrationId: string): Promise<boolean> {
  const record = await findCertificate(db, registrationId);
  return record !== null && record.completed && record.registrationStatus === 'confirmed';
}
