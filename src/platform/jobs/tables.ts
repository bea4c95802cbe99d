import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const JOB_STATUSES = ['preview', 'queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Long work (imports, bulk issuance, exports). Progress is kept here so a page can show it and a
 * restarted server can pick up a job that was running.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id'),
    kind: text('kind').notNull(),
    status: text('status').$type<JobStatus>().notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    input: jsonb('input').notNull(),
    result: jsonb('result'),
    error: text('error'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('jobs_status').on(t.status),
    check('jobs_status_check', sql`${t.status} in ('preview','queued','running','done','failed','cancelled')`),
  ],
);
