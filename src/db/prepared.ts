import crypto from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.js';

/** The parts of a Drizzle database (or transaction) that build a statement and run it under a name. */
interface Internals {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: string | undefined,
      arrayMode: boolean,
    ): { execute(): Promise<unknown> };
  };
}

const names = new Map<string, string>();

/** A statement's name is drawn from its text: the same text, the same statement on every connection. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= 1000) names.clear();
    names.set(text, (name = `s_${crypto.createHash('sha256').update(text).digest('hex').slice(0, 40)}`));
  }
  return name;
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/**
 * Runs a statement that each PostgreSQL connection parses and plans once and then keeps (a named
 * prepared statement), for statements run many times a second whose text does not change from call
 * to call — only their parameters. The embedded database runs it as any other statement.
 */
export async function executePrepared<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const { dialect, session } = db as unknown as Internals;
  const built = dialect.sqlToQuery(query);
  return rowsOf<T>(await session.prepareQuery(built, undefined, nameOf(built.sql), false).execute());
}
