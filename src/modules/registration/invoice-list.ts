import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import type { SessionFacts } from '../events/get-session.js';
import { todayIn } from '../events/session-times.js';
import { sessionForFees } from './fee-access.js';
import { listSessionInvoices, type SessionInvoiceRow } from './invoices-repository.js';

export interface ListInvoicesOptions {
  actor: AuthContext | null;
  sessionId: string;
  now?: Date;
}

export interface InvoiceListItem extends SessionInvoiceRow {
  /** Issued, unpaid, and its due date has passed where the session takes place. */
  overdue: boolean;
}

export function isOverdue(invoice: { status: string; dueOn: string }, today: string): boolean {
  return invoice.status === 'issued' && invoice.dueOn < today;
}

/** Every invoice of a session, void ones included, in the order they were numbered. */
export async function listInvoices(db: DbOrTx, options: ListInvoicesOptions): Promise<{ session: SessionFacts; items: InvoiceListItem[] }> {
  const { session } = await sessionForFees(db, options.actor, options.sessionId);
  const today = todayIn(session.timeZone, options.now ?? new Date());
  const rows = await listSessionInvoices(db, session.id);
  return { session, items: rows.map((row) => ({ ...row, overdue: isOverdue(row, today) })) };
}
