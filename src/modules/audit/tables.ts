import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The audit trail: one row per state change (a certificate issued, suspended, revoked…), chained
 * by hash. `hash` is the SHA-256 of the canonical JSON of {seq, at, actor, entity, action, data,
 * prevHash}, and `prevHash` is the previous entry's hash, so editing, deleting or reordering any
 * entry breaks the chain at that entry. A trigger refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    /** Who did it: `user:<id>`, `system` or `cli`. */
    actor: text('actor').notNull(),
    /** What it was done to, as `<kind>:<id>`, e.g. `certificate:8f1c…`. */
    entity: text('entity').notNull(),
    action: text('action').notNull(),
    data: jsonb('data').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_entity').on(t.entity, t.seq)],
);

/**
 * The end of the chain, one row. Appending locks it (SELECT … FOR UPDATE), so concurrent appends
 * on PostgreSQL queue up instead of forking the chain, and it records the last entry, so deleting
 * entries from the end is caught as well.
 */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: integer('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('audit_chain_head_single', sql`${t.id} = 1`)],
);
