import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { associations } from '../associations/tables.js';
import { events, type EventKind, type PublicationStatus } from './tables.js';

export interface EventRow {
  id: string;
  associationId: string;
  projectId: string | null;
  slug: string;
  kind: EventKind;
  title: Translated;
  description: Translated;
  city: string | null;
  country: string | null;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  status: PublicationStatus;
  createdAt: Date;
  updatedAt: Date;
}

export type EventValues = Omit<EventRow, 'id' | 'status' | 'createdAt' | 'updatedAt'>;

const eventColumns = {
  id: events.id,
  associationId: events.associationId,
  projectId: events.projectId,
  slug: events.slug,
  kind: events.kind,
  title: events.title,
  description: events.description,
  city: events.city,
  country: events.country,
  startsOn: events.startsOn,
  endsOn: events.endsOn,
  timeZone: events.timeZone,
  status: events.status,
  createdAt: events.createdAt,
  updatedAt: events.updatedAt,
};

export async function insertEvent(db: DbOrTx, values: EventValues): Promise<string> {
  const rows = await db.insert(events).values(values).returning({ id: events.id });
  return rows[0]!.id;
}

export async function updateEventRow(db: DbOrTx, id: string, values: Partial<EventValues> & { status?: PublicationStatus }): Promise<void> {
  await db.update(events).set({ ...values, updatedAt: sql`now()` }).where(eq(events.id, id));
}

export async function deleteEventRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(events).where(eq(events.id, id));
}

export async function findEventById(db: DbOrTx, id: string): Promise<EventRow | null> {
  const rows = await db.select(eventColumns).from(events).where(eq(events.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function lockEvent(db: DbOrTx, id: string): Promise<EventRow | null> {
  const rows = await db.select(eventColumns).from(events).where(eq(events.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function findEventsByIds(db: DbOrTx, ids: string[]): Promise<Map<string, EventRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select(eventColumns).from(events).where(inArray(events.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findEventBySlug(
  db: DbOrTx,
  associationSlug: string,
  slug: string,
): Promise<(EventRow & { associationSlug: string; associationName: string }) | null> {
  const rows = await db
    .select({ ...eventColumns, associationSlug: associations.slug, associationName: associations.name })
    .from(events)
    .innerJoin(associations, eq(associations.id, events.associationId))
    .where(and(eq(associations.slug, associationSlug), eq(events.slug, slug)))
    .limit(1);
  return rows[0] ?? null;
}

export async function eventSlugsLike(db: DbOrTx, associationId: string, base: string): Promise<string[]> {
  const rows = await db
    .select({ slug: events.slug })
    .from(events)
    .where(and(eq(events.associationId, associationId), like(events.slug, `${base}%`)));
  return rows.map((r) => r.slug);
}

export interface EventListQuery {
  /** null: every association. */
  associationIds: string[] | null;
  status?: PublicationStatus;
  limit: number;
  offset: number;
}

export async function listEvents(db: DbOrTx, query: EventListQuery): Promise<{ items: EventRow[]; total: number }> {
  if (query.associationIds?.length === 0) return { items: [], total: 0 };
  const conditions: SQL[] = [];
  if (query.associationIds) conditions.push(inArray(events.associationId, query.associationIds));
  if (query.status) conditions.push(eq(events.status, query.status));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [items, totals] = await Promise.all([
    db.select(eventColumns).from(events).where(where).orderBy(desc(events.startsOn), asc(events.slug)).limit(query.limit).offset(query.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(events).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

/** Published events that have not ended (by the calendar of their own zone), soonest first. */
export async function listUpcomingPublishedEvents(
  db: DbOrTx,
  limit: number,
): Promise<Array<EventRow & { associationSlug: string; associationName: string }>> {
  return db
    .select({ ...eventColumns, associationSlug: associations.slug, associationName: associations.name })
    .from(events)
    .innerJoin(associations, eq(associations.id, events.associationId))
    .where(and(eq(events.status, 'published'), sql`${events.endsOn} >= (now() at time zone ${events.timeZone})::date`))
    .orderBy(asc(events.startsOn), asc(events.slug))
    .limit(limit);
}
