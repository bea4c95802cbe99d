import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { refreshStatistics } from './statistics.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table statistics_probe (n int)`);
  await database.db.execute(sql`insert into statistics_probe select generate_series(1, 500)`);
});
afterAll(async () => database.destroy());

async function estimatedRows(): Promise<number> {
  const result = await database.db.execute<{ n: number }>(sql`select reltuples::int as n from pg_class where relname = 'statistics_probe'`);
  const rows = (Array.isArray(result) ? result : (result as { rows: Array<{ n: number }> }).rows) as Array<{ n: number }>;
  return rows[0]!.n;
}

describe('refreshStatistics', () => {
  it('gives the embedded database the planner statistics its missing autovacuum would have gathered', async () => {
    const before = await estimatedRows();
    // A server keeps its own statistics (its autovacuum may even get there first): nothing to check there.
    await expect(refreshStatistics(database)).resolves.toBeUndefined();
    if (database.kind === 'pglite') {
      expect(before).toBeLessThan(500);
      expect(await estimatedRows()).toBe(500);
    }
  });
});
