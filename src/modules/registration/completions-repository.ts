import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../accounts/tables.js';
import { sessionDays } from '../events/tables.js';
import { people } from '../people/tables.js';
import { attendance, completionHistory, completions, registrations, testResults, type CompletionChange } from './tables.js';

/** What the completion rule is evaluated on for one confirmed registration, with its stored record. */
export interface CompletionFactsRow {
  registrationId: string;
  personId: string;
  locale: string;
  ticketCode: string;
  fullName: string;
  nameLatin: string | null;
  email: string | null;
  attendedDays: number;
  testScore: number | null;
  /** The stored record; null before the first computation. */
  record: StoredCompletion | null;
}

export interface StoredCompletion {
  completed: boolean;
  overridden: boolean;
  attendancePercent: number;
  verificationCode: string;
  /** A completion mail with a certificate link has been queued. */
  mailed: boolean;
  updatedAt: Date;
}

/**
 * Serialises completion computations of one session for the rest of the transaction, so two
 * computations at once cannot both record the same change.
 */
export async function lockSessionCompletions(db: DbOrTx, sessionId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${sessionId}, 7305))`);
}

/** The facts of a session's confirmed registrations (or only of `registrationIds`), in name order. */
export async function completionFactsOfSession(db: DbOrTx, sessionId: string, registrationIds?: string[]): Promise<CompletionFactsRow[]> {
  const attended = db
    .select({
      registrationId: attendance.registrationId,
      days: sql<number>`count(*) filter (where ${attendance.present})::int`.as('days'),
    })
    .from(attendance)
    .innerJoin(sessionDays, eq(sessionDays.id, attendance.dayId))
    .where(eq(sessionDays.sessionId, sessionId))
    .groupBy(attendance.registrationId)
    .as('attended');
  const conditions = [eq(registrations.sessionId, sessionId), eq(registrations.status, 'confirmed')];
  if (registrationIds) conditions.push(inArray(registrations.id, registrationIds));
  const rows = await db
    .select({
      registrationId: registrations.id,
      personId: registrations.personId,
      locale: registrations.locale,
      ticketCode: registrations.ticketCode,
      fullName: people.fullName,
      nameLatin: people.nameLatin,
      email: people.email,
      attendedDays: sql<number>`coalesce(${attended.days}, 0)`.mapWith(Number),
      testScore: testResults.score,
      completed: completions.completed,
      overridden: completions.overridden,
      attendancePercent: completions.attendancePercent,
      verificationCode: completions.verificationCode,
      mailed: sql<boolean>`${completions.certificateTokenHash} is not null`,
      updatedAt: completions.updatedAt,
    })
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .leftJoin(attended, eq(attended.registrationId, registrations.id))
    .leftJoin(testResults, eq(testResults.registrationId, registrations.id))
    .leftJoin(completions, eq(completions.registrationId, registrations.id))
    .where(and(...conditions))
    .orderBy(asc(people.fullName), asc(registrations.id));
  return rows.map((r) => ({
    registrationId: r.registrationId,
    personId: r.personId,
    locale: r.locale,
    ticketCode: r.ticketCode,
    fullName: r.fullName,
    nameLatin: r.nameLatin,
    email: r.email,
    attendedDays: r.attendedDays,
    testScore: r.testScore,
    record:
      r.verificationCode === null
        ? null
        : {
            completed: r.completed!,
            overridden: r.overridden!,
            attendancePercent: r.attendancePercent!,
            verificationCode: r.verificationCode,
            mailed: r.mailed,
            updatedAt: r.updatedAt!,
          },
  }));
}

/** A session's completion rule with its number of days, as the bulk recomputation evaluates it. */
export interface SessionRule {
  dayCount: number;
  minAttendancePercent: number;
  requiresFinalTest: boolean;
  minTestScore: number | null;
}

/** Confirmed registrations of a session without a completion record yet: how many new verification codes a recomputation needs at most. */
export async function countUnrecordedCompletions(db: DbOrTx, sessionId: string): Promise<number> {
  // Counted as a difference: the planner's idea of an empty completions table turns "not exists" into one rescan per registration.
  const result = await db.execute(sql`
    select ((select count(*) from ${registrations} r where r.session_id = ${sessionId} and r.status = 'confirmed')
          - (select count(*) from ${completions} c join ${registrations} r on r.id = c.registration_id
             where r.session_id = ${sessionId} and r.status = 'confirmed'))::int as missing`);
  return (result as { rows: Array<{ missing: number }> }).rows[0]?.missing ?? 0;
}

/**
 * Recomputes every confirmed registration of a session in one statement, as computeCompletions
 * does one by one: the rule evaluated as meetsRule and attendancePercent do (completion-rule.ts;
 * a test holds the two to the same answers), a record written where it is new or differs (an
 * override keeps its status, its percentage is kept current), and each change of status appended
 * to the history. `codes` gives the verification codes of new records, one per registration
 * without a record; one confirmed since they were counted has no record until the next
 * computation. Returns how many records were written.
 */
export async function recomputeCompletionsInBulk(
  db: DbOrTx,
  options: { sessionId: string; rule: SessionRule; actorId: string | null; codes: string[] },
): Promise<number> {
  const { sessionId, rule, actorId, codes } = options;
  const meets =
    rule.dayCount <= 0
      ? sql`false`
      : sql`f.days * 100 >= ${rule.minAttendancePercent}::int * ${rule.dayCount}::int
          and (not ${rule.requiresFinalTest}::boolean or (f.score is not null and f.score >= ${rule.minTestScore ?? 0}::numeric))`;
  const percent = rule.dayCount <= 0 ? sql`0` : sql`f.days * 100 / ${rule.dayCount}::int`;
  const result = await db.execute(sql`
    with attended as (
      select a.registration_id, count(*) filter (where a.present)::int as days
      from ${attendance} a join ${sessionDays} d on d.id = a.day_id
      where d.session_id = ${sessionId}
      group by a.registration_id),
    facts as (
      select r.id, coalesce(attended.days, 0) as days, t.score, c.completed as was, c.attendance_percent as was_percent,
             coalesce(c.overridden, false) as overridden, c.verification_code
      from ${registrations} r
      left join attended on attended.registration_id = r.id
      left join ${testResults} t on t.registration_id = r.id
      left join ${completions} c on c.registration_id = r.id
      where r.session_id = ${sessionId} and r.status = 'confirmed'),
    verdicts as (
      select f.id, f.was, f.was_percent, f.overridden, f.verification_code, ${percent} as percent,
             case when f.overridden then f.was else ${meets} end as completed
      from facts f),
    numbered as (
      select v.*, row_number() over (partition by v.verification_code is null order by v.id) as n
      from verdicts v
      where v.was is null or v.was <> v.completed or v.was_percent <> v.percent),
    fresh as (
      select code, n from unnest(${`{${codes.join(',')}}`}::text[]) with ordinality as fresh(code, n)),
    changed as (
      select v.id, v.was, v.completed, v.percent, v.overridden, coalesce(v.verification_code, fresh.code) as code
      from numbered v left join fresh on v.verification_code is null and fresh.n = v.n
      where v.verification_code is not null or fresh.code is not null),
    written as (
      insert into ${completions} (registration_id, completed, attendance_percent, overridden, verification_code)
      select id, completed, percent, overridden, code from changed
      on conflict (registration_id) do update
        set completed = excluded.completed, attendance_percent = excluded.attendance_percent,
            overridden = excluded.overridden, updated_at = now()
      returning 1),
    logged as (
      insert into ${completionHistory} (registration_id, completed, kind, reason, actor_id, at)
      select id, completed, 'computed', 'computed', ${actorId}::uuid, clock_timestamp() from changed
      where coalesce(was, false) <> completed
      returning 1)
    select (select count(*)::int from written) as written, (select count(*)::int from logged) as logged`);
  return (result as { rows: Array<{ written: number }> }).rows[0]?.written ?? 0;
}

export interface CompletionWrite {
  registrationId: string;
  completed: boolean;
  attendancePercent: number;
  overridden: boolean;
  /** Kept from the first write: a certificate's address never changes. */
  verificationCode: string;
}

/** Inserts or updates many completion records with one statement (one JSON parameter). */
export async function writeCompletions(db: DbOrTx, rows: CompletionWrite[]): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map((r) => ({ r: r.registrationId, c: r.completed, p: r.attendancePercent, o: r.overridden, v: r.verificationCode }));
  await db.execute(sql`
    insert into ${completions} (registration_id, completed, attendance_percent, overridden, verification_code)
    select w.r, w.c, w.p, w.o, w.v from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as w(r uuid, c boolean, p int, o boolean, v text)
    on conflict (registration_id) do update
      set completed = excluded.completed, attendance_percent = excluded.attendance_percent,
          overridden = excluded.overridden, updated_at = now()`);
}

export interface HistoryWrite {
  registrationId: string;
  completed: boolean;
  kind: CompletionChange;
  reason: string;
  actorId: string | null;
}

/** Appends history entries; each is stamped with the clock at writing, so entries of one transaction keep their order. */
export async function appendHistory(db: DbOrTx, rows: HistoryWrite[]): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map((r) => ({ r: r.registrationId, c: r.completed, k: r.kind, why: r.reason, a: r.actorId }));
  await db.execute(sql`
    insert into ${completionHistory} (registration_id, completed, kind, reason, actor_id, at)
    select h.r, h.c, h.k, h.why, h.a, clock_timestamp()
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as h(r uuid, c boolean, k text, why text, a uuid)`);
}

/** Records that the completion mail with its certificate link went out, keeping only the link secret's hash. */
export async function markCompletionsMailed(db: DbOrTx, rows: Array<{ registrationId: string; tokenHash: string }>): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map((r) => ({ r: r.registrationId, h: r.tokenHash }));
  await db.execute(sql`
    update ${completions} as c set certificate_token_hash = m.h
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as m(r uuid, h text)
    where c.registration_id = m.r and c.certificate_token_hash is null`);
}

export interface HistoryEntry {
  id: string;
  completed: boolean;
  kind: CompletionChange;
  reason: string;
  actorName: string | null;
  at: Date;
}

export async function historyOf(db: DbOrTx, registrationId: string): Promise<HistoryEntry[]> {
  return db
    .select({
      id: completionHistory.id,
      completed: completionHistory.completed,
      kind: completionHistory.kind,
      reason: completionHistory.reason,
      actorName: users.displayName,
      at: completionHistory.at,
    })
    .from(completionHistory)
    .leftJoin(users, eq(users.id, completionHistory.actorId))
    .where(eq(completionHistory.registrationId, registrationId))
    .orderBy(desc(completionHistory.at), desc(completionHistory.id));
}

/** The reason of the override in force, for each registration whose latest change was an override. */
export async function overrideReasons(db: DbOrTx, registrationIds: string[]): Promise<Map<string, string>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([completionHistory.registrationId], {
      registrationId: completionHistory.registrationId,
      kind: completionHistory.kind,
      reason: completionHistory.reason,
    })
    .from(completionHistory)
    .where(and(inArray(completionHistory.registrationId, registrationIds), inArray(completionHistory.kind, ['override', 'override_removed'])))
    .orderBy(completionHistory.registrationId, desc(completionHistory.at));
  return new Map(rows.filter((r) => r.kind === 'override').map((r) => [r.registrationId, r.reason]));
}

/** A certificate as its verification code finds it. */
export interface CertificateRecord {
  registrationId: string;
  sessionId: string;
  associationId: string;
  registrationStatus: string;
  fullName: string;
  nameLatin: string | null;
  completed: boolean;
  verificationCode: string;
  certificateTokenHash: string | null;
  cancelTokenHash: string;
  ticketCode: string;
  locale: string;
  /** When it last became completed; null when it never was. */
  completedAt: Date | null;
}

function certificateQuery(db: DbOrTx) {
  return db
    .select({
      registrationId: completions.registrationId,
      sessionId: registrations.sessionId,
      associationId: registrations.associationId,
      registrationStatus: registrations.status,
      fullName: people.fullName,
      nameLatin: people.nameLatin,
      completed: completions.completed,
      verificationCode: completions.verificationCode,
      certificateTokenHash: completions.certificateTokenHash,
      cancelTokenHash: registrations.cancelTokenHash,
      ticketCode: registrations.ticketCode,
      locale: registrations.locale,
      completedAt: sql<Date | null>`(select max(h.at) from ${completionHistory} h where h.registration_id = ${completions.registrationId} and h.completed)`.mapWith(
        (value: unknown) => (value === null ? null : new Date(value as string)),
      ),
    })
    .from(completions)
    .innerJoin(registrations, eq(registrations.id, completions.registrationId))
    .innerJoin(people, eq(people.id, registrations.personId));
}

export async function findCertificateByCode(db: DbOrTx, verificationCode: string): Promise<CertificateRecord | null> {
  const rows = await certificateQuery(db).where(eq(completions.verificationCode, verificationCode)).limit(1);
  return rows[0] ?? null;
}

export async function findCertificate(db: DbOrTx, registrationId: string): Promise<CertificateRecord | null> {
  const rows = await certificateQuery(db).where(eq(completions.registrationId, registrationId)).limit(1);
  return rows[0] ?? null;
}

/**
 * Sessions with completed registrants (with an e-mail) whose completion mail has not gone out,
 * among sessions whose last day began between `since` and `now`.
 */
export async function sessionsWithCompletionMailDue(db: DbOrTx, now: Date, since: Date): Promise<string[]> {
  const lastDays = db
    .select({ sessionId: sessionDays.sessionId, lastStart: sql<Date>`max(${sessionDays.startsAt})`.as('last_start') })
    .from(sessionDays)
    .groupBy(sessionDays.sessionId)
    .as('last_days');
  const rows = await db
    .selectDistinct({ sessionId: registrations.sessionId })
    .from(completions)
    .innerJoin(registrations, eq(registrations.id, completions.registrationId))
    .innerJoin(people, eq(people.id, registrations.personId))
    .innerJoin(lastDays, eq(lastDays.sessionId, registrations.sessionId))
    .where(
      and(
        eq(completions.completed, true),
        sql`${people.email} is not null`,
        sql`${completions.certificateTokenHash} is null`,
        eq(registrations.status, 'confirmed'),
        sql`${lastDays.lastStart} <= ${now.toISOString()}::timestamptz`,
        sql`${lastDays.lastStart} > ${since.toISOString()}::timestamptz`,
      ),
    );
  return rows.map((r) => r.sessionId);
}

/** The registrations of a session whose registrant completed it (confirmed seats only), by name. */
export async function completedRegistrationIds(db: DbOrTx, sessionId: string): Promise<string[]> {
  const rows = await db
    .select({ id: completions.registrationId })
    .from(completions)
    .innerJoin(registrations, eq(registrations.id, completions.registrationId))
    .innerJoin(people, eq(people.id, registrations.personId))
    .where(and(eq(registrations.sessionId, sessionId), eq(registrations.status, 'confirmed'), eq(completions.completed, true)))
    .orderBy(asc(people.fullName), asc(registrations.id));
  return rows.map((row) => row.id);
}
