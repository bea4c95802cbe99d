import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const associations = pgTable(
  'associations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    /** ISO 3166-1 alpha-2 */
    country: text('country').notNull(),
    defaultLocale: text('default_locale').notNull().default('en'),
    /** IANA zone used for dates when nothing more specific is known. */
    timeZone: text('time_zone').notNull().default('UTC'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('associations_country_iso', sql`${t.country} ~ '^[A-Z]{2}$'`)],
);
