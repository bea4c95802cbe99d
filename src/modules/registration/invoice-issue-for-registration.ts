import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { nextInSequence } from '../../platform/sequences/next-in-sequence.js';
import { todayIn } from '../events/session-times.js';
import { findLiveInvoice, insertInvoice, insertInvoiceEvent, lockFeeSubject, type FeeSubject, type InvoiceRow } from './invoices-repository.js';
import { invoiceCode, invoiceDueOn, invoiceNumber, invoiceSequenceScope } from './invoice-terms.js';

export interface IssueInvoiceForRegistrationOptions {
  /** The staff member who asked; null or absent when it follows a confirmation. */
  actorId?: string | null;
  now?: Date;
}

export interface IssuedInvoice {
  invoice: InvoiceRow;
  /** False when the registration had a live invoice already (it is returned unchanged). */
  created: boolean;
}

/** A confirmed seat on a priced session, to be paid by invoice. */
export function callsForInvoice(subject: Pick<FeeSubject, 'status' | 'feeMode' | 'priceAmount' | 'priceCurrency'>): boolean {
  return subject.status === 'confirmed' && subject.feeMode === 'invoice' && subject.priceAmount !== null && subject.priceCurrency !== null;
}

function asTransaction(db: DbOrTx): Tx {
  if (!(db instanceof PgTransaction)) throw new Error('issueInvoiceForRegistration must run in the transaction that confirms the registration');
  return db as Tx;
}

/**
 * Issues the invoice a confirmed registration on a priced session calls for, in the caller's
 * transaction: call it where a registration becomes confirmed. It does nothing (null) for a free
 * session, a sponsored seat or a registration that is not confirmed, and returns the existing
 * invoice when the registration has a live one — never two, however often or concurrently it is
 * called: the registration row is locked first, and a unique index stands behind that.
 *
 * The number comes from the association's gap-free sequence for the year of issue, taken in the
 * same transaction: if the confirmation rolls back, so does the number.
 */
export async function issueInvoiceForRegistration(db: DbOrTx, registrationId: string, options: IssueInvoiceForRegistrationOptions = {}): Promise<IssuedInvoice | null> {
  const tx = asTransaction(db);
  const subject = await lockFeeSubject(tx, registrationId);
  if (!subject) throw new AppError('not_found', { values: { what: 'registration' } });
  const existing = await findLiveInvoice(tx, registrationId);
  if (existing) return { invoice: existing, created: false };
  if (!callsForInvoice(subject)) return null;

  const issuedOn = todayIn(subject.associationTimeZone, options.now ?? new Date());
  const year = Number(issuedOn.slice(0, 4));
  // Taken last, just before the insert: the sequence row stays locked until the caller commits.
  const sequence = await nextInSequence(tx, invoiceSequenceScope(subject.associationId), year);
  const invoice = await insertInvoice(tx, {
    associationId: subject.associationId,
    registrationId,
    number: invoiceNumber(invoiceCode(subject.associationShortName), year, sequence),
    year,
    sequence,
    amount: subject.priceAmount!,
    currency: subject.priceCurrency!,
    dueOn: invoiceDueOn(issuedOn, subject.firstDay),
    locale: subject.locale,
    ...(options.now ? { issuedAt: options.now } : {}),
  });
  await insertInvoiceEvent(tx, { invoiceId: invoice.id, kind: 'issued', actorId: options.actorId ?? null });
  return { invoice, created: true };
}
