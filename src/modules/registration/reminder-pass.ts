import type { Locale } from '../../config.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { isLocale } from '../../platform/i18n/catalogue.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { loadSessionFacts, type SessionFacts } from '../events/get-session.js';
import { dayLines, formatZone, placeLine } from '../events/session-format.js';
import { instantToZoned } from '../events/session-times.js';
import { attendeesOfSession, sessionsStartingBetween, type AttendeeRow } from './attendance-repository.js';
import type { TrainingMailDeps } from './completion-mail.js';

const DAY_MS = 86_400_000;

/** The calendar day before `day` (YYYY-MM-DD). */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/** Reminders are not sent in the small hours: from this time of the day before, on the place's clocks. */
const FROM_TIME = '08:00';

/** True on the day before the session's first day, from the morning, on the clocks of the session's place. */
export function reminderDue(session: Pick<SessionFacts, 'days' | 'timeZone'>, now: Date): boolean {
  const first = session.days[0];
  if (!first) return false;
  const local = instantToZoned(now, session.timeZone);
  return local.day === dayBefore(first.day) && local.time >= FROM_TIME;
}

async function queueReminder(db: DbOrTx, deps: TrainingMailDeps, session: SessionFacts, attendee: AttendeeRow): Promise<boolean> {
  if (!attendee.email) return false;
  const locale: Locale = isLocale(attendee.locale) ? attendee.locale : 'en';
  const tr = deps.messages.translator(locale);
  const first = session.days[0]!;
  const place = [placeLine(tr, session), session.format !== 'in_person' && session.onlineUrl ? session.onlineUrl : null].filter(Boolean).join('\n');
  return enqueueMail(db, deps.messages, {
    to: attendee.email,
    locale,
    template: 'registration.attendance.reminder',
    values: {
      name: attendee.fullName,
      course: pickTranslation(session.course.title, locale),
      when: dayLines(session.days, session.timeZone, locale).join('\n'),
      zone: formatZone(first.startsAt, session.timeZone, locale),
      place,
      ticketCode: attendee.ticketCode,
    },
    dedupeKey: `registration:${attendee.registrationId}:reminder`,
    associationId: session.associationId,
  });
}

/**
 * The reminder the day before a session: every confirmed registrant of a session whose first day
 * is tomorrow (where it takes place) gets one, in their language. Run as often as one likes — by
 * every server of a cluster at once — a registrant is never reminded twice (dedupe key).
 */
export async function queueSessionReminders(db: Db, deps: TrainingMailDeps, now: Date): Promise<{ sessions: number; mails: number }> {
  // Whatever the zone, "tomorrow" begins within the next 48 hours.
  const candidates = await sessionsStartingBetween(db, now, new Date(now.getTime() + 2 * DAY_MS));
  let sessions = 0;
  let mails = 0;
  for (const id of candidates) {
    const session = await loadSessionFacts(db, id);
    if (!session || session.status === 'cancelled' || !reminderDue(session, now)) continue;
    sessions += 1;
    const attendees = await attendeesOfSession(db, id);
    await db.transaction(async (tx) => {
      for (const attendee of attendees) if (await queueReminder(tx, deps, session, attendee)) mails += 1;
    });
  }
  return { sessions, mails };
}
