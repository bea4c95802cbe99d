import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

/**
 * The embedded database runs no autovacuum, so nothing else reclaims dead rows or gathers the
 * planner's statistics: without statistics it takes every table for empty and passes over the
 * indexes (a name search over 100,000 people went from a few milliseconds to a full scan). Run at
 * start on the application's tables (the system catalogues would triple the cost for nothing).
 * PostgreSQL servers do this themselves.
 */
export async function refreshStatistics(database: Database): Promise<void> {
  if (database.kind !== 'pglite') return;
  const result = await database.db.execute<{ name: string }>(sql`
    select format('%I.%I', schemaname, tablename) as name from pg_tables
    where schemaname not in ('pg_catalog', 'information_schema') order by 1`);
  const tables = (Array.isArray(result) ? result : (result as { rows: Array<{ name: string }> }).rows) as Array<{ name: string }>;
  if (tables.length === 0) return;
  await database.db.execute(sql.raw(`vacuum (analyze) ${tables.map((t) => t.name).join(', ')}`));
}
