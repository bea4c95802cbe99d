import type { Db } from '../../db/client.js';
import { authorize, STAFF_ROLES, type AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { issueInvoiceForRegistration, type IssuedInvoice } from './invoice-issue-for-registration.js';
import { findLiveInvoice, lockFeeSubject, setRegistrationFee } from './invoices-repository.js';

export interface IssueInvoiceOptions {
  actor: AuthContext | null;
  registrationId: string;
  now?: Date;
}

/**
 * Staff issue the invoice for a confirmed registration on a priced session. A seat that was
 * sponsored (or waived) is switched to paying by invoice: staff decide. Asking again returns the
 * live invoice the registration has.
 */
export async function issueInvoice(db: Db, options: IssueInvoiceOptions): Promise<IssuedInvoice> {
  return db.transaction(async (tx) => {
    const subject = await lockFeeSubject(tx, options.registrationId);
    if (!subject) throw new AppError('not_found', { values: { what: 'registration' } });
    const auth = authorize(options.actor, subject.associationId, STAFF_ROLES);
    const live = await findLiveInvoice(tx, subject.registrationId);
    if (live) return { invoice: live, created: false };
    if (subject.priceAmount === null) throw new AppError('conflict', { messageKey: 'registration.invoice.errors.free_session' });
    if (subject.status !== 'confirmed') throw new AppError('conflict', { messageKey: 'registration.invoice.errors.not_confirmed' });
    if (subject.feeMode !== 'invoice') await setRegistrationFee(tx, subject.registrationId, 'invoice', null);
    const issued = await issueInvoiceForRegistration(tx, subject.registrationId, { actorId: auth.user.id, ...(options.now ? { now: options.now } : {}) });
    return issued!;
  });
}
