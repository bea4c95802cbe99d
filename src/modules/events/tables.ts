import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { associations } from '../associations/tables.js';

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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('projects_association').on(t.associationId)],
);
