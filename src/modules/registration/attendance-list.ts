import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import type { SessionDetail } from '../events/get-session.js';
import { todayIn } from '../events/session-times.js';
import { sessionForAttendance } from './attendance-access.js';
import { attendanceOfSession, attendeesOfSession } from './attendance-repository.js';

export interface AttendanceListOptions {
  actor: AuthContext | null;
  sessionId: string;
  now: Date;
}

export interface AttendanceRow {
  registrationId: string;
  fullName: string;
  nameLatin: string | null;
  ticketCode: string;
  /** Recorded marks by day id; a day without a mark is absent from the map. */
  marks: Record<string, boolean>;
}

export interface AttendanceList {
  session: SessionDetail;
  /** The session's day that is today where it takes place, if any. */
  today: string;
  /** Whether the caller may import sheets and override completions. */
  canManage: boolean;
  rows: AttendanceRow[];
}

/** The tick list: every confirmed registrant by every day of the session. */
export async function getAttendanceList(db: Db, options: AttendanceListOptions): Promise<AttendanceList> {
  const { session, staff } = await sessionForAttendance(db, options.actor, options.sessionId, 'record');
  const [attendees, marks] = await Promise.all([attendeesOfSession(db, session.id), attendanceOfSession(db, session.id)]);
  const byRegistration = new Map<string, Record<string, boolean>>();
  for (const mark of marks) {
    let row = byRegistration.get(mark.registrationId);
    if (!row) byRegistration.set(mark.registrationId, (row = {}));
    row[mark.dayId] = mark.present;
  }
  return {
    session,
    today: todayIn(session.timeZone, options.now),
    canManage: staff,
    rows: attendees.map((a) => ({
      registrationId: a.registrationId,
      fullName: a.fullName,
      nameLatin: a.nameLatin,
      ticketCode: a.ticketCode,
      marks: byRegistration.get(a.registrationId) ?? {},
    })),
  };
}
