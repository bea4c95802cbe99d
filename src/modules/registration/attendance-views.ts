import type { Locale } from '../../config.js';
import { pickTranslation } from '../../platform/i18n/translated.js';
import type { SessionFacts } from '../events/get-session.js';

/** What the attendance screens show of the session at the top and in the grid's columns. */
export function sessionHeading(session: SessionFacts, locale: Locale) {
  return {
    id: session.id,
    associationId: session.associationId,
    title: pickTranslation(session.course.title, locale),
    city: session.city,
    timeZone: session.timeZone,
    status: session.status,
    days: session.days.map((d) => ({ id: d.id, day: d.day, startsAt: d.startsAt, endsAt: d.endsAt, start: d.start, end: d.end })),
    minAttendancePercent: session.minAttendancePercent,
    requiresFinalTest: session.requiresFinalTest,
    minTestScore: session.minTestScore,
  };
}
