import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { isIsoDay, todayIn } from '../events/session-times.js';
import { invoiceForStaff } from './fee-access.js';
import { MAX_REFERENCE, requiredText } from './fee-text.js';
import { insertInvoiceEvent, updateInvoice, type InvoiceRow } from './invoices-repository.js';

export interface MarkInvoicePaidOptions {
  actor: AuthContext | null;
  invoiceId: string;
  /** The day the money arrived, YYYY-MM-DD. */
  paidOn: string;
  /** The bank's or the cashier's reference for the payment. */
  reference: string;
  now?: Date;
}

/**
 * Records the payment of an issued invoice. Sending the same payment again changes nothing; a
 * different one for a paid invoice is refused (reverse the first one), as is paying a void invoice.
 */
export async function markInvoicePaid(db: Db, options: MarkInvoicePaidOptions): Promise<InvoiceRow> {
  const reference = requiredText('reference', options.reference, MAX_REFERENCE);
  if (!isIsoDay(options.paidOn)) throw fieldError('paidOn', 'date');
  return db.transaction(async (tx) => {
    const { auth, invoice } = await invoiceForStaff(tx, options.actor, options.invoiceId, { lock: true });
    if (options.paidOn > todayIn(invoice.associationTimeZone, options.now ?? new Date())) throw fieldError('paidOn', 'payment_in_future');
    if (invoice.status === 'void') throw new AppError('conflict', { messageKey: 'registration.invoice.errors.void' });
    if (invoice.status === 'paid') {
      if (invoice.paidOn === options.paidOn && invoice.paymentReference === reference) return invoice;
      throw new AppError('conflict', { messageKey: 'registration.invoice.errors.already_paid' });
    }
    const paid = await updateInvoice(tx, invoice.id, { status: 'paid', paidOn: options.paidOn, paymentReference: reference });
    await insertInvoiceEvent(tx, { invoiceId: invoice.id, kind: 'paid', paidOn: options.paidOn, paymentReference: reference, actorId: auth.user.id });
    return paid;
  });
}
