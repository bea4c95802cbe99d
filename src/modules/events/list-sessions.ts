import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import type { CourseSummary } from '../catalogue/get-course.js';
import { readableAssociations } from './event-access.js';
import { localDays, type SessionDay } from './get-session.js';
import { coursesOf } from './session-links.js';
import { findDaysOf, listSessions as querySessions, seatCounts, type SeatCounts, type SessionRow } from './sessions-repository.js';
import type { PublicationStatus } from './tables.js';

export interface ListSessionsOptions {
  actor: AuthContext | null;
  associationId?: string;
  eventId?: string;
  courseId?: string;
  status?: PublicationStatus;
  /** Only sessions that have not ended. */
  upcoming?: boolean;
  page: number;
  pageSize: number;
}

export interface SessionListItem extends SessionRow {
  associationSlug: string;
  course: CourseSummary | null;
  days: SessionDay[];
  counts: SeatCounts;
  seatsLeft: number;
}

/** Adds course, days and seat counts to session rows. */
export async function withListFacts(db: DbOrTx, rows: Array<SessionRow & { associationSlug: string }>): Promise<SessionListItem[]> {
  const ids = rows.map((r) => r.id);
  const [courses, days, counts] = await Promise.all([coursesOf(db, rows.map((r) => r.courseId)), findDaysOf(db, ids), seatCounts(db, ids)]);
  return rows.map((row) => {
    const seats = counts.get(row.id)!;
    return {
      ...row,
      course: courses.get(row.courseId) ?? null,
      days: localDays(days.get(row.id) ?? [], row.timeZone),
      counts: seats,
      seatsLeft: Math.max(0, row.capacity - seats.confirmed),
    };
  });
}

/** Sessions of the associations the caller works in, soonest first. */
export async function listSessions(db: DbOrTx, options: ListSessionsOptions) {
  const associationIds = readableAssociations(options.actor, options.associationId);
  const page = await querySessions(db, {
    associationIds,
    ...(options.eventId ? { eventId: options.eventId } : {}),
    ...(options.courseId ? { courseId: options.courseId } : {}),
    ...(options.status ? { status: options.status } : {}),
    ...(options.upcoming ? { endingAfter: new Date() } : {}),
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  });
  return { items: await withListFacts(db, page.items), total: page.total, page: options.page, pageSize: options.pageSize };
}
