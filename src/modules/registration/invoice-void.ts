import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { invoiceForStaff } from './fee-access.js';
import { MAX_REASON, requiredText } from './fee-text.js';
import { insertInvoiceEvent, updateInvoice, type InvoiceRow } from './invoices-repository.js';

export interface VoidInvoiceOptions {
  actor: AuthContext | null;
  invoiceId: string;
  reason: string;
}

/**
 * Voids an issued invoice, with a reason. The invoice stays, with its number, which is never
 * given again. A paid invoice cannot be voided: the payment must be reversed first (the money
 * refunded, or booked against the wrong invoice), so that no received payment disappears from the
 * books with a void. Voiding a void invoice again changes nothing.
 */
export async function voidInvoice(db: Db, options: VoidInvoiceOptions): Promise<InvoiceRow> {
  const reason = requiredText('reason', options.reason, MAX_REASON);
  return db.transaction(async (tx) => {
    const { auth, invoice } = await invoiceForStaff(tx, options.actor, options.invoiceId, { lock: true });
    if (invoice.status === 'void') return invoice;
    if (invoice.status === 'paid') throw new AppError('conflict', { messageKey: 'registration.invoice.errors.paid_void' });
    const voided = await updateInvoice(tx, invoice.id, { status: 'void', voidReason: reason, voided: true });
    await insertInvoiceEvent(tx, { invoiceId: invoice.id, kind: 'voided', reason, actorId: auth.user.id });
    return voided;
  });
}
