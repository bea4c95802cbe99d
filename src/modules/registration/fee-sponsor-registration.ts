import type { Db } from '../../db/client.js';
import { authorize, STAFF_ROLES, type AuthContext } from '../../platform/auth/access.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { Translator } from '../../platform/i18n/catalogue.js';
import { getProject } from '../events/get-project.js';
import { findLiveInvoice, insertInvoiceEvent, lockFeeSubject, setRegistrationFee, updateInvoice, type InvoiceRow } from './invoices-repository.js';

export interface SponsorRegistrationOptions {
  actor: AuthContext | null;
  registrationId: string;
  /** The donor project that pays for the seat; of the registration's association. */
  projectId: string;
  /** Writes the reason kept on an invoice voided because the seat is now sponsored. */
  tr: Translator;
}

export interface SponsoredSeat {
  registrationId: string;
  sponsorProjectId: string;
  /** The unpaid invoice voided because the fee is now waived, if there was one. */
  voidedInvoice: InvoiceRow | null;
}

/**
 * Waives a registration's fee under a donor project (before or after it was confirmed). An unpaid
 * invoice it had is voided in the same transaction, its number staying used; a paid one is not
 * touched and the change is refused — reverse the payment first.
 */
export async function sponsorRegistration(db: Db, options: SponsorRegistrationOptions): Promise<SponsoredSeat> {
  return db.transaction(async (tx) => {
    const subject = await lockFeeSubject(tx, options.registrationId);
    if (!subject) throw new AppError('not_found', { values: { what: 'registration' } });
    const auth = authorize(options.actor, subject.associationId, STAFF_ROLES);
    if (subject.priceAmount === null) throw new AppError('conflict', { messageKey: 'registration.invoice.errors.free_session' });
    if (subject.status === 'cancelled') throw new AppError('conflict', { messageKey: 'registration.invoice.errors.cancelled' });
    const project = await getProject(tx, { actor: auth, id: options.projectId }).catch((error: unknown) => {
      if (error instanceof AppError) return null;
      throw error;
    });
    if (!project || project.associationId !== subject.associationId) throw fieldError('projectId', 'same_association');

    let voidedInvoice: InvoiceRow | null = null;
    const live = await findLiveInvoice(tx, subject.registrationId);
    if (live?.status === 'paid') throw new AppError('conflict', { messageKey: 'registration.invoice.errors.paid_sponsor' });
    if (live) {
      const reason = options.tr.t('registration.invoice.sponsored_reason', { project: project.name });
      voidedInvoice = await updateInvoice(tx, live.id, { status: 'void', voidReason: reason, voided: true });
      await insertInvoiceEvent(tx, { invoiceId: live.id, kind: 'voided', reason, actorId: auth.user.id });
    }
    if (subject.feeMode !== 'sponsored' || subject.sponsorProjectId !== project.id) {
      await setRegistrationFee(tx, subject.registrationId, 'sponsored', project.id);
    }
    return { registrationId: subject.registrationId, sponsorProjectId: project.id, voidedInvoice };
  });
}
