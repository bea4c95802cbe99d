import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import type { CourseSummary } from '../catalogue/get-course.js';
import { checkRecordAccess } from './event-access.js';
import { courseOf } from './session-links.js';
import { instantToZoned } from './session-times.js';
import {
  findDays,
  findGuests,
  findPartners,
  findSessionWithDays,
  findSessionWithSlug,
  findTrainers,
  seatCounts,
  type DayRow,
  type GuestRow,
  type PartnerRow,
  type SeatCounts,
  type SessionRow,
  type TrainerRow,
} from './sessions-repository.js';

/** A day with the times its place's clocks show. */
export interface SessionDay extends DayRow {
  start: string;
  end: string;
}

/** What a registration and its mails need to know of a session. */
export interface SessionFacts extends SessionRow {
  associationSlug: string;
  course: CourseSummary;
  days: SessionDay[];
}

/** The facts as of one version of the session row. */
export interface RevisedSessionFacts extends SessionFacts {
  /** `updated_at` as the database wrote it, to tell whether the row changed since these facts were read. */
  revision: string;
}

export interface SessionDetail extends SessionFacts {
  trainers: TrainerRow[];
  partners: PartnerRow[];
  guests: GuestRow[];
  counts: SeatCounts;
  seatsLeft: number;
}

export function localDays(days: DayRow[], zone: string): SessionDay[] {
  return days.map((d) => ({ ...d, start: instantToZoned(d.startsAt, zone).time, end: instantToZoned(d.endsAt, zone).time }));
}

export async function loadSessionFacts(db: DbOrTx, id: string): Promise<RevisedSessionFacts | null> {
  const session = await findSessionWithDays(db, id);
  if (!session) return null;
  if (!session.course) throw new AppError('not_found', { values: { what: 'course' } });
  return { ...session, course: session.course, days: localDays(session.days, session.timeZone) };
}

/** Everything about one session, without an access check: for pages and mails that decided it already. */
export async function loadSessionDetail(db: DbOrTx, id: string): Promise<SessionDetail | null> {
  const session = await findSessionWithSlug(db, id);
  if (!session) return null;
  const [course, days, trainers, partners, guests, counts] = await Promise.all([
    courseOf(db, session.courseId),
    findDays(db, id),
    findTrainers(db, id),
    findPartners(db, id),
    findGuests(db, id),
    seatCounts(db, [id]),
  ]);
  const seats = counts.get(id)!;
  return {
    ...session,
    course,
    days: localDays(days, session.timeZone),
    trainers,
    partners,
    guests,
    counts: seats,
    seatsLeft: Math.max(0, session.capacity - seats.confirmed),
  };
}

export interface GetSessionOptions {
  actor: AuthContext | null;
  id: string;
}

/** A session as its association's members see it. */
export async function getSession(db: DbOrTx, options: GetSessionOptions): Promise<SessionDetail> {
  const detail = await loadSessionDetail(db, options.id);
  if (!detail) throw new AppError('not_found', { values: { what: 'session' } });
  checkRecordAccess(options.actor, detail.associationId, 'read', 'session');
  return detail;
}
