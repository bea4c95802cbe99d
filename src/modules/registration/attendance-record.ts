import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { fieldError } from '../../platform/errors.js';
import { sessionForAttendance } from './attendance-access.js';
import { chooseDay } from './attendance-days.js';
import { findAttendee, writeMark } from './attendance-repository.js';
import { computeCompletions } from './completion-compute.js';
import type { TrainingMailDeps } from './completion-mail.js';

export interface RecordAttendanceOptions {
  actor: AuthContext | null;
  sessionId: string;
  registrationId: string;
  dayId: string;
  present: boolean;
  now: Date;
}

export interface RecordedMark {
  registrationId: string;
  dayId: string;
  present: boolean;
  recordedAt: Date;
  /** The registrant's completion after this mark. */
  completed: boolean;
  attendancePercent: number;
}

/** One tick (or untick) of the per-day list: saved at once, and the registrant's completion follows it. */
export async function recordAttendance(db: Db, deps: TrainingMailDeps, options: RecordAttendanceOptions): Promise<RecordedMark> {
  const { auth, session } = await sessionForAttendance(db, options.actor, options.sessionId, 'record');
  const day = chooseDay(session, options.dayId, options.now);
  return db.transaction(async (tx) => {
    const attendee = await findAttendee(tx, options.registrationId);
    if (!attendee || attendee.sessionId !== session.id || attendee.status !== 'confirmed') throw fieldError('registrationId', 'attendance_not_confirmed');
    const recordedAt = await writeMark(tx, { registrationId: attendee.registrationId, dayId: day.id, present: options.present, source: 'tick', recordedBy: auth.user.id });
    const [completion] = await computeCompletions(tx, deps, { session, registrationIds: [attendee.registrationId], actorId: auth.user.id, now: options.now });
    return {
      registrationId: attendee.registrationId,
      dayId: day.id,
      present: options.present,
      recordedAt,
      completed: completion?.record?.completed ?? false,
      attendancePercent: completion?.attendancePercent ?? 0,
    };
  });
}
