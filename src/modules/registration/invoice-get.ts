import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { invoiceForStaff } from './fee-access.js';
import { findInvoiceParties, listInvoiceEvents, type InvoiceEventRow, type LocatedInvoice } from './invoices-repository.js';

export interface GetInvoiceOptions {
  actor: AuthContext | null;
  invoiceId: string;
}

export interface InvoiceDetail extends LocatedInvoice {
  fullName: string;
  nameLatin: string | null;
  history: InvoiceEventRow[];
}

/** One invoice with whom it is for and everything that happened to it. */
export async function getInvoice(db: DbOrTx, options: GetInvoiceOptions): Promise<InvoiceDetail> {
  const { invoice } = await invoiceForStaff(db, options.actor, options.invoiceId);
  const [parties, history] = await Promise.all([findInvoiceParties(db, invoice.id), listInvoiceEvents(db, invoice.id)]);
  return { ...invoice, fullName: parties!.fullName, nameLatin: parties!.nameLatin, history };
}
