import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { sequences } from './tables.js';

/**
 * Takes the next number of a sequence: one statement that creates the row at 1 or adds one to
 * it. The row stays locked until the caller's transaction ends, so a second writer waits and
 * then sees the committed value (or the old one, after a rollback).
 */
export async function takeNextNumber(db: DbOrTx, scope: string, year: number): Promise<number> {
  const rows = await db
    .insert(sequences)
    .values({ scope, year, last: 1 })
    .onConflictDoUpdate({ target: [sequences.scope, sequences.year], set: { last: sql`${sequences.last} + 1` } })
    .returning({ last: sequences.last });
  return rows[0]!.last;
}

/** Takes the next `count` numbers at once; returns the last of them. */
export async function takeNextNumbers(db: DbOrTx, scope: string, year: number, count: number): Promise<number> {
  const rows = await db
    .insert(sequences)
    .values({ scope, year, last: count })
    .onConflictDoUpdate({ target: [sequences.scope, sequences.year], set: { last: sql`${sequences.last} + ${count}` } })
    .returning({ last: sequences.last });
  return rows[0]!.last;
}

/** The last number taken, 0 when none was. */
export async function lastNumber(db: DbOrTx, scope: string, year: number): Promise<number> {
  const rows = await db
    .select({ last: sequences.last })
    .from(sequences)
    .where(sql`${sequences.scope} = ${scope} and ${sequences.year} = ${year}`)
    .limit(1);
  return rows[0]?.last ?? 0;
}
