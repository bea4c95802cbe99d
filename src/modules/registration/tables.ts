import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { associations } from '../associations/tables.js';
import { projects, sessionDays, trainingSessions } from '../events/tables.js';
import { people } from '../people/tables.js';

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_SOURCES = ['public', 'staff', 'import'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];
export const FEE_MODES = ['free', 'sponsored', 'invoice'] as const;
export type FeeMode = (typeof FEE_MODES)[number];

export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    status: text('status').$type<RegistrationStatus>().notNull(),
    /** Printed on the ticket and encoded in its QR code; typed at check-in when scanning fails. */
    ticketCode: text('ticket_code').notNull().unique(),
    /** SHA-256 of the secret in the self-service cancellation link. */
    cancelTokenHash: text('cancel_token_hash').notNull(),
    /** A retried or double-submitted registration carries the same key and gets the same answer. */
    idempotencyKey: text('idempotency_key'),
    locale: text('locale').notNull(),
    source: text('source').$type<RegistrationSource>().notNull(),
    feeMode: text('fee_mode').$type<FeeMode>().notNull(),
    sponsorProjectId: uuid('sponsor_project_id').references(() => projects.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** Waitlist order: the earliest waits least. */
    waitlistedAt: timestamp('waitlisted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledReason: text('cancelled_reason'),
  },
  (t) => [
    index('registrations_session_status').on(t.sessionId, t.status),
    uniqueIndex('registrations_person_once')
      .on(t.sessionId, t.personId)
      .where(sql`${t.status} <> 'cancelled'`),
    uniqueIndex('registrations_idempotency').on(t.sessionId, t.idempotencyKey),
    index('registrations_person').on(t.personId),
    check('registrations_status', sql`${t.status} in ('confirmed','waitlisted','cancelled')`),
    check('registrations_fee_mode', sql`${t.feeMode} in ('free','sponsored','invoice')`),
  ],
);

export const INVOICE_STATUSES = ['issued', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Invoices are never deleted: a mistaken one is voided, and its number stays used. */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id),
    /** e.g. ACEC-UZ-2026-000017, from a gap-free sequence per association and year. */
    number: text('number').notNull().unique(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').$type<InvoiceStatus>().notNull().default('issued'),
    locale: text('locale').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    paidOn: date('paid_on', { mode: 'string' }),
    paymentReference: text('payment_reference'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
  },
  (t) => [
    uniqueIndex('invoices_sequence').on(t.associationId, t.year, t.sequence),
    index('invoices_registration').on(t.registrationId),
    // Never two live invoices for one registration, however the requests race.
    uniqueIndex('invoices_live_registration')
      .on(t.registrationId)
      .where(sql`${t.status} <> 'void'`),
    check('invoices_status', sql`${t.status} in ('issued','paid','void')`),
    check('invoices_amount', sql`${t.amount} > 0`),
  ],
);

export const INVOICE_EVENT_KINDS = ['issued', 'paid', 'payment_reversed', 'voided'] as const;
export type InvoiceEventKind = (typeof INVOICE_EVENT_KINDS)[number];

/** What happened to an invoice, when and by whom (null: automatically, on confirmation). */
export const invoiceEvents = pgTable(
  'invoice_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    kind: text('kind').$type<InvoiceEventKind>().notNull(),
    /** The payment recorded, or the one reversed. */
    paidOn: date('paid_on', { mode: 'string' }),
    paymentReference: text('payment_reference'),
    reason: text('reason'),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('invoice_events_invoice').on(t.invoiceId),
    check('invoice_events_kind', sql`${t.kind} in ('issued','paid','payment_reversed','voided')`),
  ],
);

export const ATTENDANCE_SOURCES = ['check_in', 'tick', 'sheet'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/**
 * Presence of one registrant on one day of the session. Keyed by day first: a session's marks are
 * read and written day by day, and the one index costs a sheet of 50,000 rows less to write than a
 * key by registration beside an index by day.
 */
export const attendance = pgTable(
  'attendance',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id),
    dayId: uuid('day_id')
      .notNull()
      .references(() => sessionDays.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
    source: text('source').$type<AttendanceSource>().notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dayId, t.registrationId] })],
);

/** The result of a session's final test, entered by the trainer. */
export const testResults = pgTable('test_results', {
  registrationId: uuid('registration_id')
    .primaryKey()
    .references(() => registrations.id),
  score: numeric('score', { precision: 5, scale: 2, mode: 'number' }).notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Whether a registrant completed the session: computed from the completion rule, or overridden by
 * staff with a reason. Every change is kept in completion_history.
 */
export const completions = pgTable('completions', {
  registrationId: uuid('registration_id')
    .primaryKey()
    .references(() => registrations.id),
  completed: boolean('completed').notNull(),
  attendancePercent: integer('attendance_percent').notNull(),
  overridden: boolean('overridden').notNull().default(false),
  /** Unguessable code in the public verification URL of the certificate of participation. */
  verificationCode: text('verification_code').notNull().unique(),
  /** SHA-256 of the secret in the completion mail's certificate link (the ticket's own secret also opens it). */
  certificateTokenHash: text('certificate_token_hash'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const COMPLETION_CHANGES = ['computed', 'override', 'override_removed'] as const;
export type CompletionChange = (typeof COMPLETION_CHANGES)[number];

export const completionHistory = pgTable(
  'completion_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id),
    completed: boolean('completed').notNull(),
    kind: text('kind').$type<CompletionChange>().notNull().default('computed'),
    /** 'computed' for a rule evaluation; the staff member's reason for an override or its removal. */
    reason: text('reason').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('completion_history_registration').on(t.registrationId),
    check('completion_history_kind', sql`${t.kind} in ('computed','override','override_removed')`),
  ],
);
