import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { associations } from '../associations/tables.js';

export const GENDERS = ['female', 'male', 'another', 'not_stated'] as const;
export type Gender = (typeof GENDERS)[number];

export const SECTORS = [
  'water_supply',
  'wastewater',
  'rainwater',
  'heat_supply',
  'waste_management',
  'energy_efficiency',
  'smart_city',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const ORGANISATION_KINDS = [
  'company',
  'ministry',
  'utility',
  'university',
  'association',
  'ngo',
  'international',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    name: text('name').notNull(),
    nameLatin: text('name_latin'),
    kind: text('kind').$type<OrganisationKind>().notNull().default('company'),
    country: text('country'),
    city: text('city'),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    /** Lower-case Latin skeleton of both names, for search in either script. */
    searchKey: text('search_key').notNull(),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_association').on(t.associationId),
    index('organisations_search_trgm').using('gin', sql`${t.searchKey} gin_trgm_ops`).with({ fastupdate: false }),
    check('organisations_kind', sql`${t.kind} in (${inList(ORGANISATION_KINDS)})`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    /** The name as the person writes it, in any script. */
    fullName: text('full_name').notNull(),
    nameLatin: text('name_latin'),
    gender: text('gender').$type<Gender>().notNull().default('not_stated'),
    birthDate: date('birth_date', { mode: 'string' }),
    country: text('country'),
    city: text('city'),
    sector: text('sector').$type<Sector>(),
    employerId: uuid('employer_id').references(() => organisations.id),
    position: text('position'),
    email: text('email'),
    phone: text('phone'),
    /** Consent to be listed in the public registry: when it was given, or null. */
    registryConsentAt: timestamp('registry_consent_at', { withTimezone: true }),
    /** Consent to receive e-mails beyond those a registration needs: when it was given, or null. */
    emailConsentAt: timestamp('email_consent_at', { withTimezone: true }),
    searchKey: text('search_key').notNull(),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Only live records: serves the list in name order and counts it from the index alone.
    index('people_live_name')
      .on(t.associationId, t.fullName)
      .where(sql`${t.mergedIntoId} is null`),
    // Without fast update: a search never wades through a list of pending entries, which only a
    // vacuum would clear (and the embedded database runs none).
    index('people_search_trgm').using('gin', sql`${t.searchKey} gin_trgm_ops`).with({ fastupdate: false }),
    uniqueIndex('people_email_unique')
      .on(t.associationId, sql`lower(${t.email})`)
      .where(sql`${t.email} is not null and ${t.mergedIntoId} is null`),
    index('people_employer').on(t.employerId),
    check('people_gender', sql`${t.gender} in (${inList(GENDERS)})`),
    check('people_sector', sql`${t.sector} is null or ${t.sector} in (${inList(SECTORS)})`),
  ],
);
