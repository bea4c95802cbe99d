import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { outboxDue } from './outbox.js';
import { outbox, type MailStatus } from './tables.js';

export interface OutboxSummary {
  id: string;
  toAddress: string;
  subject: string;
  locale: string;
  template: string;
  associationId: string | null;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
}

export interface OutboxMail extends OutboxSummary {
  textBody: string;
}

const summaryColumns = {
  id: outbox.id,
  toAddress: outbox.toAddress,
  subject: outbox.subject,
  locale: outbox.locale,
  template: outbox.template,
  associationId: outbox.associationId,
  status: outbox.status,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  nextAttemptAt: outbox.nextAttemptAt,
  sentAt: outbox.sentAt,
};

/** `null` scope: every mail; otherwise only mails of those associations. */
function inScope(scope: readonly string[] | null): SQL | undefined {
  if (scope === null) return undefined;
  return scope.length === 0 ? sql`false` : inArray(outbox.associationId, [...scope]);
}

export async function listOutbox(
  db: DbOrTx,
  scope: readonly string[] | null,
  page: { limit: number; offset: number },
): Promise<{ items: OutboxSummary[]; total: number }> {
  const where = inScope(scope);
  const [items, totals] = await Promise.all([
    db.select(summaryColumns).from(outbox).where(where).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(page.limit).offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

export async function findOutboxMail(db: DbOrTx, id: string, scope: readonly string[] | null): Promise<OutboxMail | null> {
  const rows = await db
    .select({ ...summaryColumns, textBody: outbox.textBody })
    .from(outbox)
    .where(and(eq(outbox.id, id), inScope(scope)))
    .limit(1);
  return rows[0] ?? null;
}

export interface ClaimedMail {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
}

/**
 * Takes up to `limit` due mails for this instance. Rows another instance is claiming at the same
 * moment are skipped (not waited for), and a claimed row is not due again until the lease ends, so
 * a mail is sent twice only if an instance dies between sending it and recording that.
 */
export async function claimDueMail(db: DbOrTx, limit: number, leaseMinutes: number): Promise<ClaimedMail[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(outboxDue)
    .orderBy(outbox.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ nextAttemptAt: sql`now() + make_interval(mins => ${leaseMinutes}::int)` })
    .where(inArray(outbox.id, due))
    .returning({ id: outbox.id, toAddress: outbox.toAddress, subject: outbox.subject, textBody: outbox.textBody });
}

export async function markMailSent(db: DbOrTx, id: string): Promise<void> {
  await db.update(outbox).set({ status: 'sent', sentAt: sql`now()`, lastError: null }).where(eq(outbox.id, id));
}

/**
 * Records a failed attempt: retried after 1, 2, 4 … minutes (at most `maxBackoffMinutes`), and given
 * up on after `maxAttempts`. Computed from the stored count, so instances need not agree on it.
 */
export async function markMailFailed(
  db: DbOrTx,
  id: string,
  error: string,
  policy: { maxAttempts: number; maxBackoffMinutes: number },
): Promise<{ attempts: number; status: MailStatus }> {
  const rows = await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error.slice(0, 1000),
      status: sql`case when ${outbox.attempts} + 1 >= ${policy.maxAttempts}::int then 'failed' else 'queued' end`,
      nextAttemptAt: sql`now() + make_interval(mins => least(power(2, ${outbox.attempts})::int, ${policy.maxBackoffMinutes}::int))`,
    })
    .where(eq(outbox.id, id))
    .returning({ attempts: outbox.attempts, status: outbox.status });
  return rows[0]!;
}
