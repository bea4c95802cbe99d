import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { sessionForAttendance } from './attendance-access.js';
import { chooseDay } from './attendance-days.js';
import { findAttendeeByTicket, findMark, writeMark } from './attendance-repository.js';
import { computeCompletions } from './completion-compute.js';
import type { TrainingMailDeps } from './completion-mail.js';
import { normaliseTicketCode } from './ticket-code.js';

export interface CheckInOptions {
  actor: AuthContext | null;
  sessionId: string;
  /** Typed from the ticket or read from its QR code: any case, spaces and dashes anywhere. */
  code: string;
  /** Default: the session's day that is today where it takes place. */
  dayId?: string;
  now: Date;
}

export interface CheckInResult {
  status: 'checked_in' | 'already_checked_in';
  registrationId: string;
  fullName: string;
  nameLatin: string | null;
  ticketCode: string;
  dayId: string;
  day: string;
  /** When the registrant was marked present (the first time, for a repeated check-in). */
  recordedAt: Date;
}

/**
 * Marks the holder of a ticket present for a day of the session. Checking in twice changes
 * nothing and says so; a ticket of another session, a waitlisted or a cancelled registration is
 * refused with a message naming why.
 */
export async function checkInRegistrant(db: Db, deps: TrainingMailDeps, options: CheckInOptions): Promise<CheckInResult> {
  const { auth, session } = await sessionForAttendance(db, options.actor, options.sessionId, 'record');
  const code = normaliseTicketCode(options.code);
  if (!code) throw fieldError('code', 'attendance_ticket_code');
  if (session.status === 'cancelled') throw new AppError('conflict', { messageKey: 'registration.attendance.session_cancelled' });
  const day = chooseDay(session, options.dayId, options.now);

  return db.transaction(async (tx) => {
    const attendee = await findAttendeeByTicket(tx, code);
    if (!attendee || attendee.sessionId !== session.id) {
      throw new AppError('not_found', { messageKey: 'registration.attendance.check_in.not_registered', values: { code } });
    }
    const name = attendee.fullName;
    if (attendee.status === 'waitlisted') throw new AppError('conflict', { messageKey: 'registration.attendance.check_in.waitlisted', values: { name } });
    if (attendee.status === 'cancelled') throw new AppError('conflict', { messageKey: 'registration.attendance.check_in.cancelled', values: { name } });

    const base = { registrationId: attendee.registrationId, fullName: name, nameLatin: attendee.nameLatin, ticketCode: code, dayId: day.id, day: day.day };
    const mark = await findMark(tx, attendee.registrationId, day.id);
    if (mark?.present) return { status: 'already_checked_in', ...base, recordedAt: mark.recordedAt };
    const recordedAt = await writeMark(tx, { registrationId: attendee.registrationId, dayId: day.id, present: true, source: 'check_in', recordedBy: auth.user.id });
    await computeCompletions(tx, deps, { session, registrationIds: [attendee.registrationId], actorId: auth.user.id, now: options.now });
    return { status: 'checked_in', ...base, recordedAt };
  });
}
