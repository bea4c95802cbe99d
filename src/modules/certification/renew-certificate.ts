import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import { checkRole, MANAGE_ROLES } from './access.js';
import { completedCoursesOf } from './applicant-records.js';
import { auditActor, writeCertificate } from './certificate-issuance.js';
import { addYears, localDate, localDayEnd, localDayStart } from './certificate-numbers.js';
import { certificateView, type CertificateView } from './certificate-view.js';
import { insertCertificateEvent, lockCertificate } from './certificates-repository.js';
import { violatedUniqueRule } from './constraint-violation.js';
import type { CertificationDeps } from './deps.js';
import { cpdCreditsBetween } from './evaluate-requirements.js';
import { mailHolder } from './holder-mail.js';

export interface RenewCertificateOptions {
  actor: AuthContext | null;
  id: string;
  now?: Date;
}

/**
 * Renews an active (or expired) certificate when the holder earned the scheme's renewal CPD
 * credits within its validity period: a new certificate, linked to the old one, valid for the
 * scheme's validity from where the old one ends (or from today, if it has ended). The old one
 * stays as it is until its own end.
 */
export async function renewCertificate(db: Db, deps: CertificationDeps, options: RenewCertificateOptions): Promise<CertificateView> {
  const now = options.now ?? new Date();
  const signer = await deps.credentials.signer();
  try {
    return await db.transaction(async (tx) => {
      const old = await lockCertificate(tx, options.id);
      if (!old) throw new AppError('not_found', { values: { what: 'certificate' } });
      const auth = checkRole(options.actor, old.associationId, MANAGE_ROLES);
      if (old.replacedById) throw new AppError('conflict', { messageKey: 'certification.errors.already_replaced', values: { number: old.replacedByNumber ?? '' } });
      if (old.status !== 'active' && old.status !== 'expired') {
        throw new AppError('conflict', { messageKey: 'certification.errors.cannot_renew', values: { status: old.status } });
      }
      // The validity period, from the start of the day of issue to now or its last day, in the association's zone.
      const lastDay = localDayEnd(old.validUntil, old.timeZone);
      const periodStart = new Date(localDayStart(old.issuedOn, old.timeZone).getTime() - 1);
      const earned = cpdCreditsBetween(await completedCoursesOf(tx, old.personId), periodStart, lastDay < now ? lastDay : now);
      if (earned < old.renewalCpdCredits) {
        throw new AppError('conflict', { messageKey: 'certification.errors.renewal_credits', values: { have: earned, need: old.renewalCpdCredits } });
      }
      const today = localDate(now, old.timeZone);
      const from = old.validUntil > today ? old.validUntil : today;
      const renewed = await writeCertificate(tx, deps, {
        associationId: old.associationId,
        schemeId: old.schemeId,
        numberPrefix: old.numberPrefix,
        levelId: old.levelId,
        personId: old.personId,
        applicationId: null,
        replacesId: old.id,
        origin: 'renewal',
        holderName: old.holderName,
        holderNameLatin: old.holderNameLatin,
        issuedOn: today,
        validUntil: addYears(from, old.validityYears),
        numberYear: Number(today.slice(0, 4)),
        actorId: auth.user.id,
        note: old.number,
        signer,
        creditsEarned: earned,
      });
      await insertCertificateEvent(tx, { certificateId: old.id, actorId: auth.user.id, action: 'renewed', note: renewed.number });
      await mailHolder(tx, deps, renewed, 'renewed', `certification:certificate:${renewed.id}:issued`, { newNumber: renewed.number });
      await appendAudit(tx, {
        actor: auditActor(auth.user.id),
        entity: `certificate:${old.id}`,
        action: 'renewed',
        data: { by: renewed.id, number: renewed.number, cpdCredits: earned },
      });
      return certificateView(renewed);
    });
  } catch (error) {
    if (violatedUniqueRule(error) === 'certificates_replaces') throw new AppError('conflict', { messageKey: 'certification.errors.already_replaced', values: { number: '' } });
    throw error;
  }
}
