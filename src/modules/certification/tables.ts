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
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { files } from '../../platform/files/tables.js';
import type { Translated } from '../../platform/i18n/translated.js';
import { users } from '../accounts/tables.js';
import { associations } from '../associations/tables.js';
import { statusLists } from '../credentials/tables.js';
import { people } from '../people/tables.js';
import type { DocumentType, Requirement } from './requirements.js';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

export const SCHEME_STATUSES = ['draft', 'open', 'closed'] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];

export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_review', 'needs_info', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const CERTIFICATE_STATUSES = ['active', 'suspended', 'revoked', 'expired'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Why a certificate was suspended or revoked; staff choose one and add their own words. */
export const REASON_CATEGORIES = ['misconduct', 'false_information', 'holder_request', 'administrative_error', 'other'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];
/** Set by the platform alone: a re-issued certificate's predecessor is revoked as superseded. */
export type StatusReasonCategory = ReasonCategory | 'superseded';

export const CERTIFICATE_ORIGINS = ['application', 'renewal', 'reissue'] as const;
export type CertificateOrigin = (typeof CERTIFICATE_ORIGINS)[number];

/** A national certification scheme of one association, e.g. "National certification of consulting engineers". */
export const certificationSchemes = pgTable(
  'certification_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    name: jsonb('name').$type<Translated>().notNull(),
    description: jsonb('description').$type<Translated>().notNull().default({}),
    /** Starts every certificate number of the scheme, e.g. UZ-ENG → UZ-ENG-2026-000123. */
    numberPrefix: text('number_prefix').notNull(),
    validityYears: smallint('validity_years').notNull(),
    /** CPD credits a holder must earn within the validity period to renew. */
    renewalCpdCredits: numeric('renewal_cpd_credits', { precision: 6, scale: 1, mode: 'number' }).notNull().default(0),
    /** Null for a free scheme. */
    feeAmount: numeric('fee_amount', { precision: 14, scale: 2, mode: 'number' }),
    feeCurrency: text('fee_currency'),
    /** The languages the certificate is printed in, the association's own first. */
    certificateLocales: text('certificate_locales').array().notNull(),
    status: text('status').$type<SchemeStatus>().notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('certification_schemes_prefix').on(t.numberPrefix),
    index('certification_schemes_association').on(t.associationId),
    check('certification_schemes_status', sql`${t.status} in (${inList(SCHEME_STATUSES)})`),
    check('certification_schemes_validity', sql`${t.validityYears} between 1 and 20`),
    check('certification_schemes_prefix_form', sql`${t.numberPrefix} ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'`),
    check(
      'certification_schemes_fee',
      sql`(${t.feeAmount} is null and ${t.feeCurrency} is null) or (${t.feeAmount} > 0 and ${t.feeCurrency} ~ '^[A-Z]{3}$')`,
    ),
    check('certification_schemes_renewal', sql`${t.renewalCpdCredits} >= 0`),
  ],
);

/** The grades of a scheme in order (Engineer, Lead Engineer), each with its own requirements. */
export const schemeLevels = pgTable(
  'scheme_levels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => certificationSchemes.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    name: jsonb('name').$type<Translated>().notNull(),
    requirements: jsonb('requirements').$type<Requirement[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scheme_levels_scheme').on(t.schemeId, t.position)],
);

/** Exam results entered by an assessor (until exams are held on the platform). */
export const examResults = pgTable(
  'exam_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => certificationSchemes.id),
    levelId: uuid('level_id')
      .notNull()
      .references(() => schemeLevels.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    examName: text('exam_name').notNull(),
    score: numeric('score', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    passed: boolean('passed').notNull(),
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    assessorId: uuid('assessor_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exam_results_person').on(t.personId), index('exam_results_scheme').on(t.schemeId)],
);

/** An engineer's application for a level of a scheme, from draft to decision. */
export const certificationApplications = pgTable(
  'certification_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => certificationSchemes.id),
    levelId: uuid('level_id')
      .notNull()
      .references(() => schemeLevels.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The applicant's account: only they change it, and mails go to its address. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The applicant's language when they last acted: every mail about the application is written in it. */
    locale: text('locale').notNull(),
    status: text('status').$type<ApplicationStatus>().notNull().default('draft'),
    experienceYears: numeric('experience_years', { precision: 4, scale: 1, mode: 'number' }),
    statement: text('statement'),
    /** The level's requirements as they were when the application was submitted: the checklist's items. */
    requirements: jsonb('requirements').$type<Requirement[]>(),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open application per person and level, however the requests race.
    uniqueIndex('certification_applications_open')
      .on(t.personId, t.levelId)
      .where(sql`${t.status} not in ('approved','rejected')`),
    index('certification_applications_queue').on(t.associationId, t.status),
    index('certification_applications_user').on(t.userId),
    check('certification_applications_status', sql`${t.status} in (${inList(APPLICATION_STATUSES)})`),
    check('certification_applications_experience', sql`${t.experienceYears} is null or ${t.experienceYears} between 0 and 70`),
  ],
);

export const applicationDocuments = pgTable(
  'application_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => certificationApplications.id, { onDelete: 'cascade' }),
    documentType: text('document_type').$type<DocumentType>().notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_documents_application').on(t.applicationId)],
);

/** The assessor's checklist: one item per requirement of the submitted level, ticked with a note. */
export const applicationChecks = pgTable(
  'application_checks',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => certificationApplications.id, { onDelete: 'cascade' }),
    requirementId: text('requirement_id').notNull(),
    met: boolean('met').notNull(),
    note: text('note'),
    checkedBy: uuid('checked_by').references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.requirementId] })],
);

/** Everything that happened to an application, in order: its history as the applicant and assessors see it. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => certificationApplications.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    note: text('note'),
  },
  (t) => [index('application_events_application').on(t.applicationId, t.at)],
);

export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => certificationSchemes.id),
    levelId: uuid('level_id')
      .notNull()
      .references(() => schemeLevels.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The approved application it was issued from; renewals and re-issues name their predecessor instead. */
    applicationId: uuid('application_id').references(() => certificationApplications.id),
    origin: text('origin').$type<CertificateOrigin>().notNull(),
    /** e.g. UZ-ENG-2026-000123: the scheme's prefix, the year, and a gap-free sequence per scheme and year. */
    number: text('number').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    /** The holder's name as printed, in its own script and in Latin letters. */
    holderName: text('holder_name').notNull(),
    holderNameLatin: text('holder_name_latin'),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    status: text('status').$type<CertificateStatus>().notNull().default('active'),
    statusReasonCategory: text('status_reason_category').$type<StatusReasonCategory>(),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    /** Unguessable code carried by the QR code, so numbers alone never open a certificate. */
    verificationCode: text('verification_code').notNull(),
    replacesId: uuid('replaces_id').references((): AnyPgColumn => certificates.id),
    /** Positions in the revocation and suspension status lists of the signed credential. */
    revocationListId: integer('revocation_list_id').references(() => statusLists.id),
    revocationIndex: integer('revocation_index'),
    suspensionListId: integer('suspension_list_id').references(() => statusLists.id),
    suspensionIndex: integer('suspension_index'),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('certificates_number').on(t.number),
    uniqueIndex('certificates_sequence').on(t.schemeId, t.year, t.sequence),
    uniqueIndex('certificates_code').on(t.verificationCode),
    // One certificate per application and one successor per certificate: retries cannot issue twice.
    uniqueIndex('certificates_application')
      .on(t.applicationId)
      .where(sql`${t.applicationId} is not null`),
    uniqueIndex('certificates_replaces')
      .on(t.replacesId)
      .where(sql`${t.replacesId} is not null`),
    index('certificates_association_status').on(t.associationId, t.status),
    index('certificates_person').on(t.personId),
    check('certificates_status', sql`${t.status} in (${inList(CERTIFICATE_STATUSES)})`),
    check('certificates_origin', sql`${t.origin} in (${inList(CERTIFICATE_ORIGINS)})`),
    check('certificates_dates', sql`${t.validUntil} > ${t.issuedOn}`),
    check('certificates_reason', sql`(${t.status} in ('suspended','revoked')) <= (${t.statusReasonCategory} is not null)`),
  ],
);

/** Each state change of a certificate, for its history page; the audit log keeps the tamper-evident copy. */
export const certificateEvents = pgTable(
  'certificate_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    reasonCategory: text('reason_category').$type<StatusReasonCategory>(),
    note: text('note'),
  },
  (t) => [index('certificate_events_certificate').on(t.certificateId, t.at)],
);

/**
 * The signed credential of each certificate, made in the transaction that issued it and kept as
 * signed: the Data Integrity JSON and the same credential as a VC-JWT. Never re-signed, so the
 * copy a holder downloaded and the one served later are the same bytes.
 */
export const certificateCredentials = pgTable('certificate_credentials', {
  certificateId: uuid('certificate_id')
    .primaryKey()
    .references(() => certificates.id),
  /** The OpenBadgeCredential with its eddsa-rdfc-2022 proof, as JSON text exactly as signed. */
  credential: text('credential').notNull(),
  /** The same credential as an ES256 VC-JWT. */
  jwt: text('jwt').notNull(),
  /** The did:web verification method of the Data Integrity proof. */
  keyId: text('key_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
