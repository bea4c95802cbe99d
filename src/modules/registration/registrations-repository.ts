import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organisations, people, type Gender, type Sector } from '../people/tables.js';
import { registrations, type FeeMode, type RegistrationSource, type RegistrationStatus } from './tables.js';

export interface RegistrationRow {
  id: string;
  associationId: string;
  sessionId: string;
  personId: string;
  status: RegistrationStatus;
  ticketCode: string;
  cancelTokenHash: string;
  idempotencyKey: string | null;
  locale: string;
  source: RegistrationSource;
  feeMode: FeeMode;
  sponsorProjectId: string | null;
  createdAt: Date;
  confirmedAt: Date | null;
  waitlistedAt: Date | null;
  cancelledAt: Date | null;
  cancelledReason: string | null;
}

export type NewRegistration = Omit<RegistrationRow, 'id' | 'createdAt' | 'confirmedAt' | 'waitlistedAt' | 'cancelledAt' | 'cancelledReason'>;

const columns = {
  id: registrations.id,
  associationId: registrations.associationId,
  sessionId: registrations.sessionId,
  personId: registrations.personId,
  status: registrations.status,
  ticketCode: registrations.ticketCode,
  cancelTokenHash: registrations.cancelTokenHash,
  idempotencyKey: registrations.idempotencyKey,
  locale: registrations.locale,
  source: registrations.source,
  feeMode: registrations.feeMode,
  sponsorProjectId: registrations.sponsorProjectId,
  createdAt: registrations.createdAt,
  confirmedAt: registrations.confirmedAt,
  waitlistedAt: registrations.waitlistedAt,
  cancelledAt: registrations.cancelledAt,
  cancelledReason: registrations.cancelledReason,
};

/**
 * Stamps the seat or the waitlist place with the clock at the moment of writing (not the start of
 * the transaction), so places given one after another under the session lock keep their order.
 */
export async function insertRegistration(db: DbOrTx, values: NewRegistration, at?: Date): Promise<RegistrationRow> {
  const now = at ?? sql`clock_timestamp()`;
  const rows = await db
    .insert(registrations)
    .values({
      ...values,
      ...(at ? { createdAt: at } : {}),
      confirmedAt: values.status === 'confirmed' ? now : null,
      waitlistedAt: values.status === 'waitlisted' ? now : null,
    })
    .returning(columns);
  return rows[0]!;
}

export async function findRegistrationById(db: DbOrTx, id: string): Promise<RegistrationRow | null> {
  const rows = await db.select(columns).from(registrations).where(eq(registrations.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findRegistrationByTicket(db: DbOrTx, ticketCode: string): Promise<RegistrationRow | null> {
  const rows = await db.select(columns).from(registrations).where(eq(registrations.ticketCode, ticketCode)).limit(1);
  return rows[0] ?? null;
}

/**
 * What decides a new registration, read in one statement under the session lock: seats taken,
 * places on the waitlist, and the registration this request or this person already has (the
 * request's own first).
 */
export async function seatState(
  db: DbOrTx,
  sessionId: string,
  personId: string,
  idempotencyKey: string | null,
): Promise<{ confirmed: number; waitlisted: number; existing: RegistrationRow | null }> {
  const mine = idempotencyKey
    ? sql`(${registrations.idempotencyKey} = ${idempotencyKey} or (${registrations.personId} = ${personId} and ${registrations.status} <> 'cancelled'))`
    : sql`(${registrations.personId} = ${personId} and ${registrations.status} <> 'cancelled')`;
  const counted = (status: RegistrationStatus) =>
    sql<number>`(select count(*)::int from ${registrations} where ${registrations.sessionId} = ${sessionId} and ${registrations.status} = ${status})`;
  const order = idempotencyKey ? sql`(${registrations.idempotencyKey} = ${idempotencyKey}) desc nulls last, ${registrations.createdAt}` : sql`${registrations.createdAt}`;
  const rows = await db
    .select({
      confirmed: counted('confirmed'),
      waitlisted: counted('waitlisted'),
      existing: sql<string | null>`(select ${registrations.id} from ${registrations} where ${registrations.sessionId} = ${sessionId} and ${mine} order by ${order} limit 1)`,
    })
    .from(sql`(select 1) as one`);
  const row = rows[0]!;
  return {
    confirmed: row.confirmed,
    waitlisted: row.waitlisted,
    existing: row.existing ? await findRegistrationById(db, row.existing) : null,
  };
}

export async function countConfirmed(db: DbOrTx, sessionId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), eq(registrations.status, 'confirmed')));
  return rows[0]?.n ?? 0;
}

/** The longest-waiting registrations, locked, in the order they joined the waitlist. */
export async function firstWaitlisted(db: DbOrTx, sessionId: string, limit: number): Promise<RegistrationRow[]> {
  if (limit <= 0) return [];
  return db
    .select(columns)
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.waitlistedAt), asc(registrations.createdAt), asc(registrations.id))
    .limit(limit)
    .for('update');
}

export async function confirmRegistration(db: DbOrTx, id: string, cancelTokenHash: string): Promise<void> {
  await db.update(registrations).set({ status: 'confirmed', confirmedAt: sql`clock_timestamp()`, cancelTokenHash }).where(eq(registrations.id, id));
}

export async function cancelRegistrationRow(db: DbOrTx, id: string, reason: string | null): Promise<RegistrationRow | null> {
  const rows = await db
    .update(registrations)
    .set({ status: 'cancelled', cancelledAt: sql`now()`, cancelledReason: reason })
    .where(and(eq(registrations.id, id), ne(registrations.status, 'cancelled')))
    .returning(columns);
  return rows[0] ?? null;
}

/** 1 for the first in line; null when the registration is not waiting. */
export async function waitlistPosition(db: DbOrTx, registration: Pick<RegistrationRow, 'id' | 'sessionId' | 'status' | 'waitlistedAt'>): Promise<number | null> {
  if (registration.status !== 'waitlisted' || !registration.waitlistedAt) return null;
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      and(
        eq(registrations.sessionId, registration.sessionId),
        eq(registrations.status, 'waitlisted'),
        sql`(${registrations.waitlistedAt}, ${registrations.id}) <= (${registration.waitlistedAt.toISOString()}::timestamptz, ${registration.id}::uuid)`,
      ),
    );
  return rows[0]?.n ?? null;
}

/** Who a mail about a registration goes to. */
export interface Registrant {
  registrationId: string;
  personId: string;
  fullName: string;
  email: string | null;
  locale: string;
  status: RegistrationStatus;
  ticketCode: string;
}

const registrantColumns = {
  registrationId: registrations.id,
  personId: registrations.personId,
  fullName: people.fullName,
  email: people.email,
  locale: registrations.locale,
  status: registrations.status,
  ticketCode: registrations.ticketCode,
};

export async function findRegistrant(db: DbOrTx, registrationId: string): Promise<Registrant | null> {
  const rows = await db
    .select(registrantColumns)
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .where(eq(registrations.id, registrationId))
    .limit(1);
  return rows[0] ?? null;
}

export async function liveRegistrants(db: DbOrTx, sessionId: string): Promise<Registrant[]> {
  return db
    .select(registrantColumns)
    .from(registrations)
    .innerJoin(people, eq(people.id, registrations.personId))
    .where(and(eq(registrations.sessionId, sessionId), ne(registrations.status, 'cancelled')))
    .orderBy(asc(registrations.createdAt));
}

/** A registration as staff list it: who, and where they stand. */
export interface RegistrationListRow {
  id: string;
  personId: string;
  fullName: string;
  nameLatin: string | null;
  email: string | null;
  gender: Gender;
  country: string | null;
  sector: Sector | null;
  organisation: string | null;
  status: RegistrationStatus;
  /** Place on the waitlist, 1 for the first; null for the others. */
  position: number | null;
  ticketCode: string;
  source: RegistrationSource;
  feeMode: FeeMode;
  sponsorProjectId: string | null;
  locale: string;
  createdAt: Date;
  confirmedAt: Date | null;
  waitlistedAt: Date | null;
  cancelledAt: Date | null;
  cancelledReason: string | null;
}

export interface RegistrationListQuery {
  sessionId: string;
  status?: RegistrationStatus;
  limit: number;
  offset: number;
}

export async function listRegistrations(db: DbOrTx, query: RegistrationListQuery): Promise<{ items: RegistrationListRow[]; total: number }> {
  const conditions: SQL[] = [eq(registrations.sessionId, query.sessionId)];
  if (query.status) conditions.push(eq(registrations.status, query.status));
  const where = and(...conditions);
  const [items, totals] = await Promise.all([
    db
      .select({
        id: registrations.id,
        personId: registrations.personId,
        fullName: people.fullName,
        nameLatin: people.nameLatin,
        email: people.email,
        gender: people.gender,
        country: people.country,
        sector: people.sector,
        organisation: organisations.name,
        status: registrations.status,
        position: sql<number | null>`case when ${registrations.status} = 'waitlisted' then (row_number() over (partition by ${registrations.status} order by ${registrations.waitlistedAt}, ${registrations.createdAt}, ${registrations.id}))::int end`,
        ticketCode: registrations.ticketCode,
        source: registrations.source,
        feeMode: registrations.feeMode,
        sponsorProjectId: registrations.sponsorProjectId,
        locale: registrations.locale,
        createdAt: registrations.createdAt,
        confirmedAt: registrations.confirmedAt,
        waitlistedAt: registrations.waitlistedAt,
        cancelledAt: registrations.cancelledAt,
        cancelledReason: registrations.cancelledReason,
      })
      .from(registrations)
      .innerJoin(people, eq(people.id, registrations.personId))
      .leftJoin(organisations, eq(organisations.id, people.employerId))
      .where(where)
      .orderBy(
        sql`case ${registrations.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`,
        sql`case when ${registrations.status} = 'waitlisted' then ${registrations.waitlistedAt} end asc`,
        asc(people.fullName),
        desc(registrations.createdAt),
      )
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(registrations).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

/** People of the list already holding a live registration for the session. */
export async function liveRegisteredPeople(db: DbOrTx, sessionId: string, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .select({ personId: registrations.personId })
    .from(registrations)
    .where(and(eq(registrations.sessionId, sessionId), ne(registrations.status, 'cancelled'), inArray(registrations.personId, personIds)));
  return new Set(rows.map((r) => r.personId));
}

function hasConstraint(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint === constraint) return true;
  }
  return false;
}

/** A unique rule a retry of the whole transaction resolves: a code drawn twice, or a racing twin. */
export function isRetryableConflict(error: unknown): boolean {
  return ['registrations_ticket_code_unique', 'registrations_idempotency', 'registrations_person_once', 'people_email_unique'].some((c) =>
    hasConstraint(error, c),
  );
}
