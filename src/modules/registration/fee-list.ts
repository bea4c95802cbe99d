import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import type { SessionFacts } from '../events/get-session.js';
import { todayIn } from '../events/session-times.js';
import { sessionForFees } from './fee-access.js';
import { isOverdue } from './invoice-list.js';
import { listSessionFees, type FeeRow } from './invoices-repository.js';

export interface ListFeesOptions {
  actor: AuthContext | null;
  sessionId: string;
  now?: Date;
}

export interface FeeItem extends FeeRow {
  overdue: boolean;
}

/**
 * How each registrant of a session pays: free, sponsored (under which project) or by invoice
 * (which one, and where it stands). Cancelled registrations appear only when they were invoiced.
 */
export async function listFees(db: DbOrTx, options: ListFeesOptions): Promise<{ session: SessionFacts; items: FeeItem[] }> {
  const { session } = await sessionForFees(db, options.actor, options.sessionId);
  const today = todayIn(session.timeZone, options.now ?? new Date());
  const rows = await listSessionFees(db, session.id);
  return {
    session,
    items: rows.map((row) => ({ ...row, overdue: row.invoiceStatus !== null && row.dueOn !== null && isOverdue({ status: row.invoiceStatus, dueOn: row.dueOn }, today) })),
  };
}
