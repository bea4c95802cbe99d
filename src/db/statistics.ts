import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

/**
 * The embedded database runs no autovacuum, so nothing else gathers the planner's statistics: without
 * them it takes every table for empty and passes over the indexes (a name search over 100,000 people
 * went from a few milliseconds to a full scan). PostgreSQL servers keep their own statistics.
 */
export async function refreshStatistics(database: Database): Promise<void> {
  if (database.kind === 'pglite') await database.db.execute(sql`analyze`);
}
