import type { EventRow } from './events-repository.js';
import type { SessionDetail } from './get-session.js';
import type { SessionListItem } from './list-sessions.js';
import { sessionPath } from './list-upcoming-sessions.js';
import { localMoment } from './session-times.js';

/** The fields the API shows of a session in a list; nothing else leaves the server. */
export function sessionSummaryView(s: SessionListItem | SessionDetail) {
  return {
    id: s.id,
    associationId: s.associationId,
    eventId: s.eventId,
    courseId: s.courseId,
    course: s.course ? { id: s.course.id, code: s.course.code, slug: s.course.slug, title: s.course.title } : null,
    projectId: s.projectId,
    slug: s.slug,
    status: s.status,
    cancelledReason: s.cancelledReason,
    city: s.city,
    country: s.country,
    venue: s.venue,
    timeZone: s.timeZone,
    format: s.format,
    onlineUrl: s.onlineUrl,
    language: s.language,
    capacity: s.capacity,
    registrationOpensAt: s.registrationOpensAt,
    registrationClosesAt: s.registrationClosesAt,
    registrationOpensLocal: s.registrationOpensAt ? localMoment(s.registrationOpensAt, s.timeZone) : null,
    registrationClosesLocal: s.registrationClosesAt ? localMoment(s.registrationClosesAt, s.timeZone) : null,
    price: s.priceAmount !== null && s.priceCurrency !== null ? { amount: s.priceAmount, currency: s.priceCurrency } : null,
    minAttendancePercent: s.minAttendancePercent,
    requiresFinalTest: s.requiresFinalTest,
    minTestScore: s.minTestScore,
    days: s.days.map((d) => ({ id: d.id, date: d.day, start: d.start, end: d.end, startsAt: d.startsAt, endsAt: d.endsAt })),
    counts: s.counts,
    seatsLeft: s.seatsLeft,
    publicPath: sessionPath(s),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

export function sessionView(s: SessionDetail) {
  return {
    ...sessionSummaryView(s),
    trainers: s.trainers,
    partners: s.partners,
    guests: s.guests,
  };
}

export function eventView(e: EventRow) {
  return {
    id: e.id,
    associationId: e.associationId,
    projectId: e.projectId,
    slug: e.slug,
    kind: e.kind,
    title: e.title,
    description: e.description,
    city: e.city,
    country: e.country,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    timeZone: e.timeZone,
    status: e.status,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
