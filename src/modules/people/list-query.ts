import { and, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';

/** Paging and searching shared by the lists of people and of organisations. */
export interface ListQuery {
  /** null: every association. */
  associationIds: string[] | null;
  /** Each inner list holds the alternative forms of one query word; every word must match. */
  forms: string[][];
  /** The whole query's skeleton, for ranking by similarity. */
  rankBy: string;
  limit: number;
  offset: number;
}

/** Conditions kept to plain column comparisons and `like '%…%'` so the trigram index can serve them. */
export function listConditions(
  table: { associationId: AnyPgColumn; mergedIntoId: AnyPgColumn; searchKey: AnyPgColumn },
  query: ListQuery,
): SQL | undefined {
  const conditions: SQL[] = [isNull(table.mergedIntoId)];
  if (query.associationIds) {
    conditions.push(
      query.associationIds.length === 1
        ? eq(table.associationId, query.associationIds[0]!)
        : inArray(table.associationId, query.associationIds),
    );
  }
  for (const alternatives of query.forms) {
    const matches = alternatives.map((form) => like(table.searchKey, `%${form}%`));
    conditions.push(matches.length === 1 ? matches[0]! : or(...matches)!);
  }
  return and(...conditions);
}

export async function countWhere(db: DbOrTx, table: PgTable, where: SQL | undefined): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return rows[0]?.n ?? 0;
}

/**
 * Closest first without computing a similarity per row: the query found as one phrase early in the
 * key, then shorter keys (fewer other words, so nearer an exact match), then the name.
 */
export function closeness(searchKey: AnyPgColumn, rankBy: string): SQL[] {
  return [sql`nullif(strpos(${searchKey}, ${rankBy}), 0) asc nulls last`, sql`length(${searchKey})`];
}

/**
 * One page and the total. A search counts its matches in the same pass (they are all read to rank
 * them anyway); a plain list reads only its page from the name index, and counts only when the page
 * is full, from the same index.
 */
export async function pageAndTotal<T>(
  select: (withTotal: boolean) => Promise<Array<T & { total?: number }>>,
  count: () => Promise<number>,
  query: ListQuery,
): Promise<{ items: T[]; total: number }> {
  const searching = query.forms.length > 0;
  const rows = await select(searching);
  const items = rows.map(({ total: _total, ...item }) => item as T);
  if (searching && rows.length > 0) return { items, total: Number(rows[0]!.total) };
  if (rows.length < query.limit && (rows.length > 0 || query.offset === 0)) return { items, total: query.offset + rows.length };
  return { items, total: await count() };
}

export const windowTotal = sql<number>`count(*) over ()`;
