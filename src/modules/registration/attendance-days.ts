import { fieldError } from '../../platform/errors.js';
import type { SessionDay, SessionFacts } from '../events/get-session.js';
import { todayIn } from '../events/session-times.js';

/**
 * The day a mark is for: the one asked for, which must be a day of the session, or else today on
 * the clocks of the session's place (a session in Almaty has its own today while it is still
 * yesterday in Riga).
 */
export function chooseDay(session: Pick<SessionFacts, 'days' | 'timeZone'>, dayId: string | undefined, now: Date): SessionDay {
  if (dayId) {
    const day = session.days.find((d) => d.id === dayId);
    if (!day) throw fieldError('dayId', 'attendance_day');
    return day;
  }
  const today = todayIn(session.timeZone, now);
  const day = session.days.find((d) => d.day === today);
  if (!day) throw fieldError('dayId', 'attendance_no_day_today');
  return day;
}
