import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { auditChainHead, auditLog } from './tables.js';

export interface AuditRow {
  seq: number;
  at: Date;
  actor: string;
  entity: string;
  action: string;
  data: unknown;
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

const rowColumns = {
  seq: auditLog.seq,
  at: auditLog.at,
  actor: auditLog.actor,
  entity: auditLog.entity,
  action: auditLog.action,
  data: auditLog.data,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};

/** The chain head, locked until the transaction ends: appends queue here, one at a time. */
export async function lockChainHead(tx: Tx): Promise<ChainHead | null> {
  const rows = await tx
    .select({ seq: auditChainHead.seq, hash: auditChainHead.hash })
    .from(auditChainHead)
    .where(eq(auditChainHead.id, 1))
    .for('update');
  return rows[0] ?? null;
}

export async function readChainHead(db: DbOrTx): Promise<ChainHead | null> {
  const rows = await db.select({ seq: auditChainHead.seq, hash: auditChainHead.hash }).from(auditChainHead).where(eq(auditChainHead.id, 1));
  return rows[0] ?? null;
}

export async function insertAuditRow(tx: Tx, row: AuditRow): Promise<void> {
  await tx.insert(auditLog).values(row);
  await tx.update(auditChainHead).set({ seq: row.seq, hash: row.hash }).where(eq(auditChainHead.id, 1));
}

/** Several entries in chain order, and the head moved past the last of them. */
export async function insertAuditRows(tx: Tx, rows: AuditRow[]): Promise<void> {
  const last = rows.at(-1);
  if (!last) return;
  await tx.insert(auditLog).values(rows);
  await tx.update(auditChainHead).set({ seq: last.seq, hash: last.hash }).where(eq(auditChainHead.id, 1));
}

/** Entries after `afterSeq` in chain order, at most `limit`. */
export async function readAuditPage(db: DbOrTx, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db.select(rowColumns).from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
}

/** The history of one entity, oldest first. */
export async function auditRowsFor(db: DbOrTx, entity: string, uptoSeq?: number): Promise<AuditRow[]> {
  const where = uptoSeq === undefined ? eq(auditLog.entity, entity) : and(eq(auditLog.entity, entity), lte(auditLog.seq, uptoSeq));
  return db.select(rowColumns).from(auditLog).where(where).orderBy(asc(auditLog.seq));
}
