import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Gap-free numbering (invoice and certificate numbers): the next number is taken by an UPDATE of this
 * row inside the transaction that uses it, so a rollback gives the number back and two writers can
 * never take the same one.
 */
export const sequences = pgTable(
  'sequences',
  {
    scope: text('scope').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.year] })],
);
