import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { invoiceForStaff } from './fee-access.js';
import { MAX_REASON, requiredText } from './fee-text.js';
import { insertInvoiceEvent, updateInvoice, type InvoiceRow } from './invoices-repository.js';

export interface ReversePaymentOptions {
  actor: AuthContext | null;
  invoiceId: string;
  /** e.g. "refunded on 3 June: participant could not attend", "payment belonged to another invoice". */
  reason: string;
}

/**
 * Takes back the payment recorded on an invoice, with a reason: the invoice is issued (unpaid)
 * again and may then be paid anew or voided. The payment reversed, and why, stay in the invoice's
 * history.
 */
export async function reversePayment(db: Db, options: ReversePaymentOptions): Promise<InvoiceRow> {
  const reason = requiredText('reason', options.reason, MAX_REASON);
  return db.transaction(async (tx) => {
    const { auth, invoice } = await invoiceForStaff(tx, options.actor, options.invoiceId, { lock: true });
    if (invoice.status !== 'paid') throw new AppError('conflict', { messageKey: 'registration.invoice.errors.not_paid' });
    const reversed = await updateInvoice(tx, invoice.id, { status: 'issued', paidOn: null, paymentReference: null });
    await insertInvoiceEvent(tx, {
      invoiceId: invoice.id,
      kind: 'payment_reversed',
      paidOn: invoice.paidOn,
      paymentReference: invoice.paymentReference,
      reason,
      actorId: auth.user.id,
    });
    return reversed;
  });
}
