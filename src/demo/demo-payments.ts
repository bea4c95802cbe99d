import type { Tx } from '../db/client.js';
import { todayIn } from '../modules/events/session-times.js';
import { insertInvoiceEvent, issuedInvoicesWithSession, updateInvoice } from '../modules/registration/invoices-repository.js';

const DAY = 86_400_000;

/**
 * Settles the demo's invoices as an association's accountant would have: for a session that is
 * over, every invoice paid a few days after it was issued but the last one, still outstanding
 * (so the payment report has something to chase); for an upcoming session, every other one paid.
 * Runs inside the demo's transaction, after the registrations that issued the invoices.
 */
export async function seedDemoPayments(tx: Tx, now = new Date()): Promise<{ paid: number; outstanding: number }> {
  const issued = await issuedInvoicesWithSession(tx);
  const bySession = new Map<string, typeof issued>();
  for (const invoice of issued) bySession.set(invoice.sessionId, [...(bySession.get(invoice.sessionId) ?? []), invoice]);
  let paid = 0;
  for (const invoices of bySession.values()) {
    for (const [index, invoice] of invoices.entries()) {
      const today = todayIn(invoice.timeZone, now);
      const over = invoice.lastDay < today;
      const pays = over ? index < invoices.length - 1 : index % 2 === 0;
      if (!pays) continue;
      const afterIssue = todayIn(invoice.timeZone, new Date(invoice.issuedAt.getTime() + (3 + (index % 5)) * DAY));
      const paidOn = afterIssue < today ? afterIssue : today;
      const reference = `PP-${invoice.number.slice(-6)}`;
      await updateInvoice(tx, invoice.id, { status: 'paid', paidOn, paymentReference: reference });
      await insertInvoiceEvent(tx, { invoiceId: invoice.id, kind: 'paid', paidOn, paymentReference: reference, actorId: null });
      paid += 1;
    }
  }
  return { paid, outstanding: issued.length - paid };
}
