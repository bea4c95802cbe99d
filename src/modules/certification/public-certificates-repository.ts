import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { certificates } from './tables.js';

/** A holder's certificates, newest first, optionally only those created after `since`; and how many there are. */
export async function holderCertificateIds(
  db: DbOrTx,
  personId: string,
  page: { since?: Date | undefined; limit: number; offset: number },
): Promise<{ ids: string[]; total: number }> {
  const where = page.since ? and(eq(certificates.personId, personId), gt(certificates.createdAt, page.since)) : eq(certificates.personId, personId);
  const [rows, count] = await Promise.all([
    db
      .select({ id: certificates.id })
      .from(certificates)
      .where(where)
      .orderBy(desc(certificates.createdAt), asc(certificates.number))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(certificates).where(where),
  ]);
  return { ids: rows.map((row) => row.id), total: count[0]?.n ?? 0 };
}
