import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { sessionDays, trainingSessions } from '../events/tables.js';
import { people } from '../people/tables.js';
import { attendance, registrations, testResults, type AttendanceSource, type RegistrationStatus } from './tables.js';

/** A registration with the person it is for: what check-in, the tick list and the sheet import work with. */
export interface AttendeeRow {
  registrationId: string;
  sessionId: string;
  associationId: string;
  personId: string;
  status: RegistrationStatus;
  ticketCode: string;
  locale: string;
  fullName: string;
  nameLatin: string | null;
  email: string | null;
}

const attendeeColumns = {
  registrationId: registrations.id,
  sessionId: registrations.sessionId,
  associationId: registrations.associationId,
  personId: registrations.personId,
  status: registrations.status,
  ticketCode: registrations.ticketCode,
  locale: registrations.locale,
  fullName: people.fullName,
  nameLatin: people.nameLatin,
  email: people.email,
};

function attendees(db: DbOrTx) {
  return db.select(attendeeColumns).from(registrations).innerJoin(people, eq(people.id, registrations.personId));
}

/** An attendee as one JSON array, in this order: shorter to build and read than an object with names. */
type AttendeeTuple = [string, string, string, RegistrationStatus, string, string, string, string | null, string | null];

/**
 * The registrations of a session in the given statuses, in name order. Read as one JSON value: a
 * session can have tens of thousands of registrants, and the embedded database hands over one value
 * many times faster than as many rows.
 */
export async function attendeesOfSession(db: DbOrTx, sessionId: string, statuses: RegistrationStatus[] = ['confirmed']): Promise<AttendeeRow[]> {
  const result = await db.execute(sql`
    select json_agg(json_build_array(
        ${registrations.id}, ${registrations.associationId}, ${registrations.personId}, ${registrations.status}, ${registrations.ticketCode},
        ${registrations.locale}, ${people.fullName}, ${people.nameLatin}, ${people.email})
      order by ${people.fullName}, ${registrations.id}) as attendees
    from ${registrations} inner join ${people} on ${people.id} = ${registrations.personId}
    where ${and(eq(registrations.sessionId, sessionId), inArray(registrations.status, statuses))}`);
  const tuples = (result as { rows: Array<{ attendees: AttendeeTuple[] | null }> }).rows[0]?.attendees ?? [];
  return tuples.map(([registrationId, associationId, personId, status, ticketCode, locale, fullName, nameLatin, email]) => ({
    registrationId,
    sessionId,
    associationId,
    personId,
    status,
    ticketCode,
    locale,
    fullName,
    nameLatin,
    email,
  }));
}

export async function findAttendeeByTicket(db: DbOrTx, ticketCode: string): Promise<AttendeeRow | null> {
  const rows = await attendees(db).where(eq(registrations.ticketCode, ticketCode)).limit(1);
  return rows[0] ?? null;
}

export async function findAttendee(db: DbOrTx, registrationId: string): Promise<AttendeeRow | null> {
  const rows = await attendees(db).where(eq(registrations.id, registrationId)).limit(1);
  return rows[0] ?? null;
}

export interface AttendanceMark {
  registrationId: string;
  dayId: string;
  present: boolean;
}

/** Every recorded mark of a session's days. */
export async function attendanceOfSession(db: DbOrTx, sessionId: string): Promise<AttendanceMark[]> {
  return db
    .select({ registrationId: attendance.registrationId, dayId: attendance.dayId, present: attendance.present })
    .from(attendance)
    .innerJoin(sessionDays, eq(sessionDays.id, attendance.dayId))
    .where(eq(sessionDays.sessionId, sessionId));
}

export async function findMark(db: DbOrTx, registrationId: string, dayId: string): Promise<{ present: boolean; recordedAt: Date } | null> {
  const rows = await db
    .select({ present: attendance.present, recordedAt: attendance.recordedAt })
    .from(attendance)
    .where(and(eq(attendance.registrationId, registrationId), eq(attendance.dayId, dayId)))
    .limit(1);
  return rows[0] ?? null;
}

export interface MarkWrite extends AttendanceMark {
  source: AttendanceSource;
  recordedBy: string | null;
}

export async function writeMark(db: DbOrTx, mark: MarkWrite): Promise<Date> {
  const rows = await db
    .insert(attendance)
    .values(mark)
    .onConflictDoUpdate({
      target: [attendance.registrationId, attendance.dayId],
      set: { present: mark.present, source: mark.source, recordedBy: mark.recordedBy, recordedAt: sql`now()` },
    })
    .returning({ recordedAt: attendance.recordedAt });
  return rows[0]!.recordedAt;
}

/**
 * Writes the marks of many rows (a sheet's) with one statement: each row is its registration and one
 * character per day ("1" present, "0" absent, "." no mark), all rows in a single JSON parameter,
 * expanded to one mark per day in the database — one round trip, and a fifth of the JSON.
 */
export async function writeMarkRows(
  db: DbOrTx,
  rows: Array<{ r: string; m: string }>,
  dayIds: Array<string | null>,
  source: AttendanceSource,
  recordedBy: string | null,
): Promise<void> {
  if (rows.length === 0 || dayIds.length === 0) return;
  const days = sql`${`{${dayIds.map((d) => d ?? 'NULL').join(',')}}`}::uuid[]`;
  await db.execute(sql`
    insert into ${attendance} (registration_id, day_id, present, source, recorded_by)
    select s.r, (${days})[k], substr(s.m, k, 1) = '1', ${source}, ${recordedBy}::uuid
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as s(r uuid, m text), generate_series(1, ${dayIds.length}) as k
    where substr(s.m, k, 1) in ('0', '1') and (${days})[k] is not null
    on conflict (registration_id, day_id) do update
      set present = excluded.present, source = excluded.source, recorded_by = excluded.recorded_by, recorded_at = now()`);
}

export async function writeTestResult(db: DbOrTx, registrationId: string, score: number, recordedBy: string | null): Promise<Date> {
  const rows = await db
    .insert(testResults)
    .values({ registrationId, score, recordedBy })
    .onConflictDoUpdate({ target: testResults.registrationId, set: { score, recordedBy, recordedAt: sql`now()` } })
    .returning({ recordedAt: testResults.recordedAt });
  return rows[0]!.recordedAt;
}

export async function deleteTestResult(db: DbOrTx, registrationId: string): Promise<void> {
  await db.delete(testResults).where(eq(testResults.registrationId, registrationId));
}

/** Sessions, not cancelled, whose first day begins after `from` and no later than `to`. */
export async function sessionsStartingBetween(db: DbOrTx, from: Date, to: Date): Promise<string[]> {
  const rows = await db
    .select({ sessionId: sessionDays.sessionId })
    .from(sessionDays)
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionDays.sessionId))
    .where(sql`${trainingSessions.status} <> 'cancelled'`)
    .groupBy(sessionDays.sessionId)
    .having(sql`min(${sessionDays.startsAt}) > ${from.toISOString()}::timestamptz and min(${sessionDays.startsAt}) <= ${to.toISOString()}::timestamptz`);
  return rows.map((r) => r.sessionId);
}

/** Sessions, not cancelled, whose last day ended before `instant`. */
export async function sessionsEndedBefore(db: DbOrTx, instant: Date): Promise<string[]> {
  const rows = await db
    .select({ sessionId: sessionDays.sessionId })
    .from(sessionDays)
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionDays.sessionId))
    .where(sql`${trainingSessions.status} <> 'cancelled'`)
    .groupBy(sessionDays.sessionId)
    .having(sql`max(${sessionDays.endsAt}) < ${instant.toISOString()}::timestamptz`);
  return rows.map((r) => r.sessionId);
}
