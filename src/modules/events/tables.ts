import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Translated } from '../../platform/i18n/translated.js';
import { associations } from '../associations/tables.js';
import { courses } from '../catalogue/tables.js';
import { organisations, people } from '../people/tables.js';

/** A donor-funded project under which trainings, documents and certificates are produced. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    name: text('name').notNull(),
    donor: text('donor').notNull(),
    programme: text('programme'),
    agreementNumber: text('agreement_number'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    /** Printed on every public page, document and certificate produced under the project. */
    acknowledgement: jsonb('acknowledgement').$type<Translated>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('projects_association').on(t.associationId)],
);

export const projectPartners = pgTable(
  'project_partners',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull().default('partner'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.organisationId] })],
);

export const EVENT_KINDS = ['training_week', 'forum', 'conference', 'study_visit', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const PUBLICATION_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** A training week, forum or conference that groups sessions. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    projectId: uuid('project_id').references(() => projects.id),
    slug: text('slug').notNull(),
    kind: text('kind').$type<EventKind>().notNull().default('training_week'),
    title: jsonb('title').$type<Translated>().notNull(),
    description: jsonb('description').$type<Translated>().notNull().default({}),
    city: text('city'),
    country: text('country'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    timeZone: text('time_zone').notNull(),
    status: text('status').$type<PublicationStatus>().notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('events_slug').on(t.associationId, t.slug),
    check('events_status', sql`${t.status} in ('draft','published','cancelled')`),
    check('events_dates', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const SESSION_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];

/** One delivery of a course: where, when, in which language, for how many, at what price. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    eventId: uuid('event_id').references(() => events.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    projectId: uuid('project_id').references(() => projects.id),
    slug: text('slug').notNull(),
    city: text('city'),
    country: text('country'),
    venue: text('venue'),
    /** IANA zone of the place, e.g. Asia/Tashkent; times are shown in it. */
    timeZone: text('time_zone').notNull(),
    format: text('format').$type<SessionFormat>().notNull().default('in_person'),
    onlineUrl: text('online_url'),
    /** Language of instruction (ISO 639-1). */
    language: text('language').notNull(),
    capacity: integer('capacity').notNull(),
    /**
     * Live registrations by status, kept by a trigger on registrations in the same transaction as
     * every change: the seat is decided from these under the session row's lock, without counting.
     */
    confirmedCount: integer('confirmed_count').notNull().default(0),
    waitlistedCount: integer('waitlisted_count').notNull().default(0),
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
    /** Null for a free session. */
    priceAmount: numeric('price_amount', { precision: 14, scale: 2, mode: 'number' }),
    /** ISO 4217, e.g. UZS, KZT, EUR. */
    priceCurrency: text('price_currency'),
    /** Completion rule: the share of days attended, and whether a final test must be passed. */
    minAttendancePercent: integer('min_attendance_percent').notNull().default(80),
    requiresFinalTest: boolean('requires_final_test').notNull().default(false),
    minTestScore: numeric('min_test_score', { precision: 5, scale: 2, mode: 'number' }),
    status: text('status').$type<PublicationStatus>().notNull().default('draft'),
    cancelledReason: text('cancelled_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_sessions_slug').on(t.associationId, t.slug),
    index('training_sessions_event').on(t.eventId),
    index('training_sessions_course').on(t.courseId),
    check('training_sessions_status', sql`${t.status} in ('draft','published','cancelled')`),
    check('training_sessions_format', sql`${t.format} in ('in_person','online','hybrid')`),
    check('training_sessions_capacity', sql`${t.capacity} > 0`),
    check(
      'training_sessions_price',
      sql`(${t.priceAmount} is null and ${t.priceCurrency} is null) or (${t.priceAmount} > 0 and ${t.priceCurrency} ~ '^[A-Z]{3}$')`,
    ),
    check('training_sessions_attendance', sql`${t.minAttendancePercent} between 0 and 100`),
  ],
);

/** The days of a multi-day session, each with its own start and end (stored with the time zone). */
export const sessionDays = pgTable(
  'session_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('session_days_day').on(t.sessionId, t.day),
    check('session_days_times', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const sessionTrainers = pgTable(
  'session_trainers',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull().default('trainer'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] })],
);

export const sessionPartners = pgTable(
  'session_partners',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull().default('partner'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.organisationId] })],
);

/** Officials and other guests of honour at the opening. */
export const sessionGuests = pgTable(
  'session_guests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id),
    name: text('name').notNull(),
    title: text('title'),
  },
  (t) => [index('session_guests_session').on(t.sessionId)],
);
