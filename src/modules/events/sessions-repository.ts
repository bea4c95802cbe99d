import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { associations } from '../associations/tables.js';
import type { CourseSummary } from '../catalogue/get-course.js';
import { courses } from '../catalogue/tables.js';
import { organisations, people } from '../people/tables.js';
import { registrations } from '../registration/tables.js';
import {
  sessionDays,
  sessionGuests,
  sessionPartners,
  sessionTrainers,
  trainingSessions,
  type PublicationStatus,
  type SessionFormat,
} from './tables.js';

export interface SessionRow {
  id: string;
  associationId: string;
  eventId: string | null;
  courseId: string;
  projectId: string | null;
  slug: string;
  city: string | null;
  country: string | null;
  venue: string | null;
  timeZone: string;
  format: SessionFormat;
  onlineUrl: string | null;
  language: string;
  capacity: number;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  priceAmount: number | null;
  priceCurrency: string | null;
  minAttendancePercent: number;
  requiresFinalTest: boolean;
  minTestScore: number | null;
  status: PublicationStatus;
  cancelledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns a session is written with. */
export type SessionValues = Omit<SessionRow, 'id' | 'status' | 'cancelledReason' | 'createdAt' | 'updatedAt'>;

export interface DayRow {
  id: string;
  day: string;
  startsAt: Date;
  endsAt: Date;
}

export interface DayValues {
  day: string;
  startsAt: Date;
  endsAt: Date;
}

export interface TrainerRow {
  personId: string;
  fullName: string;
  nameLatin: string | null;
  role: string;
}

export interface PartnerRow {
  organisationId: string;
  name: string;
  nameLatin: string | null;
  role: string;
}

export interface GuestRow {
  id: string;
  personId: string | null;
  name: string;
  title: string | null;
}

export interface SeatCounts {
  confirmed: number;
  waitlisted: number;
  cancelled: number;
}

const sessionColumns = {
  id: trainingSessions.id,
  associationId: trainingSessions.associationId,
  eventId: trainingSessions.eventId,
  courseId: trainingSessions.courseId,
  projectId: trainingSessions.projectId,
  slug: trainingSessions.slug,
  city: trainingSessions.city,
  country: trainingSessions.country,
  venue: trainingSessions.venue,
  timeZone: trainingSessions.timeZone,
  format: trainingSessions.format,
  onlineUrl: trainingSessions.onlineUrl,
  language: trainingSessions.language,
  capacity: trainingSessions.capacity,
  registrationOpensAt: trainingSessions.registrationOpensAt,
  registrationClosesAt: trainingSessions.registrationClosesAt,
  priceAmount: trainingSessions.priceAmount,
  priceCurrency: trainingSessions.priceCurrency,
  minAttendancePercent: trainingSessions.minAttendancePercent,
  requiresFinalTest: trainingSessions.requiresFinalTest,
  minTestScore: trainingSessions.minTestScore,
  status: trainingSessions.status,
  cancelledReason: trainingSessions.cancelledReason,
  createdAt: trainingSessions.createdAt,
  updatedAt: trainingSessions.updatedAt,
};

export async function insertSession(db: DbOrTx, values: SessionValues): Promise<string> {
  const rows = await db.insert(trainingSessions).values(values).returning({ id: trainingSessions.id });
  return rows[0]!.id;
}

export async function updateSessionRow(
  db: DbOrTx,
  id: string,
  values: Partial<SessionValues> & { status?: PublicationStatus; cancelledReason?: string | null },
): Promise<void> {
  await db.update(trainingSessions).set({ ...values, updatedAt: sql`now()` }).where(eq(trainingSessions.id, id));
}

export async function deleteSessionRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(trainingSessions).where(eq(trainingSessions.id, id));
}

export async function findSessionById(db: DbOrTx, id: string): Promise<SessionRow | null> {
  const rows = await db.select(sessionColumns).from(trainingSessions).where(eq(trainingSessions.id, id)).limit(1);
  return rows[0] ?? null;
}

/** A session with its association's slug, for public addresses. */
export async function findSessionWithSlug(db: DbOrTx, id: string): Promise<(SessionRow & { associationSlug: string }) | null> {
  const rows = await db
    .select({ ...sessionColumns, associationSlug: associations.slug })
    .from(trainingSessions)
    .innerJoin(associations, eq(associations.id, trainingSessions.associationId))
    .where(eq(trainingSessions.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** A session with its association's slug, its revision, its days and its course, in one statement. */
export async function findSessionWithDays(
  db: DbOrTx,
  id: string,
): Promise<(SessionRow & { associationSlug: string; revision: string; days: DayRow[]; course: CourseSummary | null }) | null> {
  const rows = await db
    .select({
      ...sessionColumns,
      associationSlug: associations.slug,
      // The last change to the row, exactly (a Date keeps only milliseconds): a writer can tell whether it changed since.
      revision: sql<string>`${trainingSessions.updatedAt}::text`,
      days: sql<Array<{ id: string; day: string; startsAt: string; endsAt: string }>>`coalesce((
        select json_agg(json_build_object('id', d.id, 'day', d.day, 'startsAt', d.starts_at, 'endsAt', d.ends_at) order by d.day)
        from ${sessionDays} d where d.session_id = ${trainingSessions.id}), '[]'::json)`,
      course: sql<CourseSummary | null>`(
        select json_build_object('id', c.id, 'associationId', c.association_id, 'code', c.code, 'slug', c.slug, 'title', c.title,
          'hours', c.hours, 'cpdCredits', c.cpd_credits, 'eqfLevel', c.eqf_level, 'status', c.status)
        from ${courses} c where c.id = ${trainingSessions.courseId})`,
    })
    .from(trainingSessions)
    .innerJoin(associations, eq(associations.id, trainingSessions.associationId))
    .where(eq(trainingSessions.id, id))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const course = row.course ? { ...row.course, hours: Number(row.course.hours), cpdCredits: Number(row.course.cpdCredits) } : null;
  return { ...row, course, days: row.days.map((d) => ({ id: d.id, day: d.day, startsAt: new Date(d.startsAt), endsAt: new Date(d.endsAt) })) };
}

/**
 * Locks the session row for the rest of the transaction and reads it as it is now: every change
 * to who holds a seat goes through this lock, so seats are counted by one writer at a time.
 */
export async function lockSession(db: DbOrTx, id: string): Promise<SessionRow | null> {
  const rows = await db.select(sessionColumns).from(trainingSessions).where(eq(trainingSessions.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function findSessionBySlug(db: DbOrTx, associationSlug: string, slug: string): Promise<(SessionRow & { associationSlug: string }) | null> {
  const rows = await db
    .select({ ...sessionColumns, associationSlug: associations.slug })
    .from(trainingSessions)
    .innerJoin(associations, eq(associations.id, trainingSessions.associationId))
    .where(and(eq(associations.slug, associationSlug), eq(trainingSessions.slug, slug)))
    .limit(1);
  return rows[0] ?? null;
}

/** Slugs of the association that start with `base`, to choose a free one. */
export async function sessionSlugsLike(db: DbOrTx, associationId: string, base: string): Promise<string[]> {
  const rows = await db
    .select({ slug: trainingSessions.slug })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.associationId, associationId), like(trainingSessions.slug, `${base}%`)));
  return rows.map((r) => r.slug);
}

export async function findDays(db: DbOrTx, sessionId: string): Promise<DayRow[]> {
  return db
    .select({ id: sessionDays.id, day: sessionDays.day, startsAt: sessionDays.startsAt, endsAt: sessionDays.endsAt })
    .from(sessionDays)
    .where(eq(sessionDays.sessionId, sessionId))
    .orderBy(asc(sessionDays.day));
}

export async function findDaysOf(db: DbOrTx, sessionIds: string[]): Promise<Map<string, DayRow[]>> {
  const out = new Map<string, DayRow[]>(sessionIds.map((id) => [id, []]));
  if (sessionIds.length === 0) return out;
  const rows = await db
    .select({ sessionId: sessionDays.sessionId, id: sessionDays.id, day: sessionDays.day, startsAt: sessionDays.startsAt, endsAt: sessionDays.endsAt })
    .from(sessionDays)
    .where(inArray(sessionDays.sessionId, sessionIds))
    .orderBy(asc(sessionDays.day));
  for (const { sessionId, ...day } of rows) out.get(sessionId)?.push(day);
  return out;
}

/**
 * Makes the session's days exactly `days`: a date already there keeps its row (and the attendance
 * recorded for it) with the new times; dates no longer listed are removed.
 */
export async function replaceDays(db: DbOrTx, sessionId: string, days: DayValues[]): Promise<void> {
  const keep = days.map((d) => d.day);
  await db
    .delete(sessionDays)
    .where(and(eq(sessionDays.sessionId, sessionId), keep.length > 0 ? sql`${sessionDays.day} <> all(${sql.param(keep)}::date[])` : undefined));
  if (days.length === 0) return;
  await db
    .insert(sessionDays)
    .values(days.map((d) => ({ sessionId, ...d })))
    .onConflictDoUpdate({
      target: [sessionDays.sessionId, sessionDays.day],
      set: { startsAt: sql`excluded.starts_at`, endsAt: sql`excluded.ends_at` },
    });
}

export async function findTrainers(db: DbOrTx, sessionId: string): Promise<TrainerRow[]> {
  return db
    .select({ personId: sessionTrainers.personId, fullName: people.fullName, nameLatin: people.nameLatin, role: sessionTrainers.role })
    .from(sessionTrainers)
    .innerJoin(people, eq(people.id, sessionTrainers.personId))
    .where(eq(sessionTrainers.sessionId, sessionId))
    .orderBy(asc(people.fullName));
}

export async function replaceTrainers(db: DbOrTx, sessionId: string, trainers: Array<{ personId: string; role: string }>): Promise<void> {
  await db.delete(sessionTrainers).where(eq(sessionTrainers.sessionId, sessionId));
  if (trainers.length > 0) await db.insert(sessionTrainers).values(trainers.map((t) => ({ sessionId, ...t })));
}

export async function findPartners(db: DbOrTx, sessionId: string): Promise<PartnerRow[]> {
  return db
    .select({ organisationId: sessionPartners.organisationId, name: organisations.name, nameLatin: organisations.nameLatin, role: sessionPartners.role })
    .from(sessionPartners)
    .innerJoin(organisations, eq(organisations.id, sessionPartners.organisationId))
    .where(eq(sessionPartners.sessionId, sessionId))
    .orderBy(asc(organisations.name));
}

export async function replacePartners(db: DbOrTx, sessionId: string, partners: Array<{ organisationId: string; role: string }>): Promise<void> {
  await db.delete(sessionPartners).where(eq(sessionPartners.sessionId, sessionId));
  if (partners.length > 0) await db.insert(sessionPartners).values(partners.map((p) => ({ sessionId, ...p })));
}

export async function findGuests(db: DbOrTx, sessionId: string): Promise<GuestRow[]> {
  return db
    .select({ id: sessionGuests.id, personId: sessionGuests.personId, name: sessionGuests.name, title: sessionGuests.title })
    .from(sessionGuests)
    .where(eq(sessionGuests.sessionId, sessionId))
    .orderBy(asc(sessionGuests.name), asc(sessionGuests.id));
}

export async function replaceGuests(db: DbOrTx, sessionId: string, guests: Array<{ personId: string | null; name: string; title: string | null }>): Promise<void> {
  await db.delete(sessionGuests).where(eq(sessionGuests.sessionId, sessionId));
  if (guests.length > 0) await db.insert(sessionGuests).values(guests.map((g) => ({ sessionId, ...g })));
}

/** Registrations per status for each session (zero for a session without any). */
export async function seatCounts(db: DbOrTx, sessionIds: string[]): Promise<Map<string, SeatCounts>> {
  const out = new Map<string, SeatCounts>(sessionIds.map((id) => [id, { confirmed: 0, waitlisted: 0, cancelled: 0 }]));
  if (sessionIds.length === 0) return out;
  const rows = await db
    .select({ sessionId: registrations.sessionId, status: registrations.status, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(inArray(registrations.sessionId, sessionIds))
    .groupBy(registrations.sessionId, registrations.status);
  for (const row of rows) {
    const counts = out.get(row.sessionId);
    if (counts) counts[row.status] = row.n;
  }
  return out;
}

export async function hasRegistrations(db: DbOrTx, sessionId: string): Promise<boolean> {
  const rows = await db.select({ id: registrations.id }).from(registrations).where(eq(registrations.sessionId, sessionId)).limit(1);
  return rows.length > 0;
}

export interface SessionListQuery {
  /** null: every association. */
  associationIds: string[] | null;
  eventId?: string;
  courseId?: string;
  status?: PublicationStatus;
  /** Only sessions whose last day ends after this instant. */
  endingAfter?: Date;
  limit: number;
  offset: number;
}

/** The first start and last end of each session's days, for ordering and filtering by date. */
const firstStart = sql<Date | null>`(select min(${sessionDays.startsAt}) from ${sessionDays} where ${sessionDays.sessionId} = ${trainingSessions.id})`;
const lastEnd = sql<Date | null>`(select max(${sessionDays.endsAt}) from ${sessionDays} where ${sessionDays.sessionId} = ${trainingSessions.id})`;

function listConditions(query: SessionListQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.associationIds) conditions.push(inArray(trainingSessions.associationId, query.associationIds));
  if (query.eventId) conditions.push(eq(trainingSessions.eventId, query.eventId));
  if (query.courseId) conditions.push(eq(trainingSessions.courseId, query.courseId));
  if (query.status) conditions.push(eq(trainingSessions.status, query.status));
  if (query.endingAfter) conditions.push(sql`${lastEnd} > ${query.endingAfter.toISOString()}::timestamptz`);
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export async function listSessions(db: DbOrTx, query: SessionListQuery): Promise<{ items: Array<SessionRow & { associationSlug: string }>; total: number }> {
  if (query.associationIds?.length === 0) return { items: [], total: 0 };
  const where = listConditions(query);
  const [items, totals] = await Promise.all([
    db
      .select({ ...sessionColumns, associationSlug: associations.slug })
      .from(trainingSessions)
      .innerJoin(associations, eq(associations.id, trainingSessions.associationId))
      .where(where)
      .orderBy(sql`${firstStart} asc nulls last`, asc(trainingSessions.slug))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(trainingSessions).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

/** Published sessions still to come (their last day has not ended), soonest first. */
export async function listUpcomingPublished(
  db: DbOrTx,
  filter: { courseId?: string; eventId?: string; withoutEvent?: boolean; now: Date; limit: number },
): Promise<Array<SessionRow & { associationSlug: string }>> {
  const conditions: SQL[] = [eq(trainingSessions.status, 'published'), sql`${lastEnd} > ${filter.now.toISOString()}::timestamptz`];
  if (filter.courseId) conditions.push(eq(trainingSessions.courseId, filter.courseId));
  if (filter.eventId) conditions.push(eq(trainingSessions.eventId, filter.eventId));
  if (filter.withoutEvent) conditions.push(sql`${trainingSessions.eventId} is null`);
  return db
    .select({ ...sessionColumns, associationSlug: associations.slug })
    .from(trainingSessions)
    .innerJoin(associations, eq(associations.id, trainingSessions.associationId))
    .where(and(...conditions))
    .orderBy(sql`${firstStart} asc`, asc(trainingSessions.id))
    .limit(filter.limit);
}

/** The published sessions of an event, past ones too, in date order. */
export async function listPublishedOfEvent(db: DbOrTx, eventId: string): Promise<Array<SessionRow & { associationSlug: string }>> {
  return db
    .select({ ...sessionColumns, associationSlug: associations.slug })
    .from(trainingSessions)
    .innerJoin(associations, eq(associations.id, trainingSessions.associationId))
    .where(and(eq(trainingSessions.eventId, eventId), inArray(trainingSessions.status, ['published', 'cancelled'])))
    .orderBy(sql`${firstStart} asc nulls last`, asc(trainingSessions.slug));
}

export async function countSessionsOfEvent(db: DbOrTx, eventId: string): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(trainingSessions).where(eq(trainingSessions.eventId, eventId));
  return rows[0]?.n ?? 0;
}

export async function sessionIdsOfEvent(db: DbOrTx, eventId: string, statuses: PublicationStatus[]): Promise<string[]> {
  const rows = await db
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.eventId, eventId), inArray(trainingSessions.status, statuses)))
    .orderBy(desc(trainingSessions.createdAt));
  return rows.map((r) => r.id);
}

