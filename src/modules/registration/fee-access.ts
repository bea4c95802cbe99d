import type { DbOrTx } from '../../db/client.js';
import { authorize, STAFF_ROLES, type AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { loadSessionFacts, type SessionFacts } from '../events/get-session.js';
import { findInvoice, type LocatedInvoice } from './invoices-repository.js';

/**
 * Fees, invoices, payments and exports are the business of the staff (admin, staff) of the
 * session's association: anyone else signed in is refused (403), trainers included.
 */
export async function sessionForFees(db: DbOrTx, actor: AuthContext | null, sessionId: string): Promise<{ auth: AuthContext; session: SessionFacts }> {
  const session = await loadSessionFacts(db, sessionId);
  if (!session) throw new AppError('not_found', { values: { what: 'session' } });
  return { auth: authorize(actor, session.associationId, STAFF_ROLES), session };
}

/** The invoice, when the caller is staff of its association; `lock` holds it for a change. */
export async function invoiceForStaff(
  db: DbOrTx,
  actor: AuthContext | null,
  invoiceId: string,
  options: { lock?: boolean } = {},
): Promise<{ auth: AuthContext; invoice: LocatedInvoice }> {
  const invoice = await findInvoice(db, invoiceId, options);
  if (!invoice) throw new AppError('not_found', { values: { what: 'invoice' } });
  return { auth: authorize(actor, invoice.associationId, STAFF_ROLES), invoice };
}
