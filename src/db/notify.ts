import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.js';

/**
 * Sends each payload on `channel` (NOTIFY). Inside a transaction, PostgreSQL delivers them only
 * if and when it commits; listeners receive them through `Database.listen`.
 */
export async function notify(db: DbOrTx, channel: string, payloads: readonly string[]): Promise<void> {
  if (payloads.length === 0) return;
  await db.execute(sql`select pg_notify(${channel}, payload) from unnest(${sql.param([...payloads])}::text[]) as payload`);
}
