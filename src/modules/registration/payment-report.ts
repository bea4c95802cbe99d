import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { todayIn } from '../events/session-times.js';
import { sessionForFees } from './fee-access.js';
import { isOverdue } from './invoice-list.js';
import { listSessionFees, listSessionInvoices, type FeeRow, type SessionInvoiceRow } from './invoices-repository.js';

export interface PaymentReportOptions {
  actor: AuthContext | null;
  sessionId: string;
  now?: Date;
}

export interface CountAndSum {
  count: number;
  amount: number;
}

/** The money of one currency (a session's price may have changed currency while invoices were out). */
export interface CurrencyTotals {
  currency: string;
  /** Every invoice not voided: issued or paid. */
  invoiced: CountAndSum;
  paid: CountAndSum;
  /** Issued and not yet paid. */
  outstanding: CountAndSum;
  /** Outstanding past the due date. */
  overdue: CountAndSum;
  /** Confirmed seats whose fee is waived under a project, at the session's price. */
  sponsored: CountAndSum;
}

export interface PaymentReport {
  sessionId: string;
  price: { amount: number; currency: string } | null;
  /** Confirmed registrations. */
  confirmed: number;
  /** Confirmed seats paid by invoice, sponsored, or free (a free session, or the fee waived). */
  byFee: { invoice: number; sponsored: number; free: number };
  /** Confirmed seats to be invoiced that have no live invoice (e.g. after a void). */
  awaitingInvoice: number;
  voided: number;
  currencies: CurrencyTotals[];
}

const cents = (amount: number) => Math.round(amount * 100);
const zero = (): CountAndSum => ({ count: 0, amount: 0 });

/** Sums in cents, so that many amounts add up exactly. */
function add(into: CountAndSum, amount: number): void {
  into.count += 1;
  into.amount = (cents(into.amount) + cents(amount)) / 100;
}

export function summarisePayments(
  price: PaymentReport['price'],
  fees: readonly Pick<FeeRow, 'status' | 'feeMode' | 'invoiceStatus'>[],
  invoices: readonly Pick<SessionInvoiceRow, 'status' | 'amount' | 'currency' | 'dueOn'>[],
  today: string,
): Omit<PaymentReport, 'sessionId'> {
  const byCurrency = new Map<string, CurrencyTotals>();
  const totals = (currency: string) => {
    let row = byCurrency.get(currency);
    if (!row) byCurrency.set(currency, (row = { currency, invoiced: zero(), paid: zero(), outstanding: zero(), overdue: zero(), sponsored: zero() }));
    return row;
  };
  let voided = 0;
  for (const invoice of invoices) {
    if (invoice.status === 'void') {
      voided += 1;
      continue;
    }
    const row = totals(invoice.currency);
    add(row.invoiced, invoice.amount);
    add(invoice.status === 'paid' ? row.paid : row.outstanding, invoice.amount);
    if (isOverdue(invoice, today)) add(row.overdue, invoice.amount);
  }
  const confirmed = fees.filter((fee) => fee.status === 'confirmed');
  const byFee = { invoice: 0, sponsored: 0, free: 0 };
  let awaitingInvoice = 0;
  for (const fee of confirmed) {
    byFee[fee.feeMode] += 1;
    if (fee.feeMode === 'sponsored' && price) add(totals(price.currency).sponsored, price.amount);
    if (fee.feeMode === 'invoice' && price && (fee.invoiceStatus === null || fee.invoiceStatus === 'void')) awaitingInvoice += 1;
  }
  const currencies = [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  return { price, confirmed: confirmed.length, byFee, awaitingInvoice, voided, currencies };
}

/**
 * Where a session's money stands: invoiced, paid, outstanding (and overdue) and sponsored, with
 * counts and sums per currency, and how the confirmed seats are paid for.
 */
export async function paymentReport(db: DbOrTx, options: PaymentReportOptions): Promise<PaymentReport> {
  const { session } = await sessionForFees(db, options.actor, options.sessionId);
  const [fees, invoices] = await Promise.all([listSessionFees(db, session.id), listSessionInvoices(db, session.id)]);
  const price = session.priceAmount !== null && session.priceCurrency !== null ? { amount: session.priceAmount, currency: session.priceCurrency } : null;
  return { sessionId: session.id, ...summarisePayments(price, fees, invoices, todayIn(session.timeZone, options.now ?? new Date())) };
}
