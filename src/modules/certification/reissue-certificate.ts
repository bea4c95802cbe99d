import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { appendAudit } from '../audit/append-audit.js';
import { findLivePerson } from '../people/person-values.js';
import { checkRole, MANAGE_ROLES } from './access.js';
import { cleanNote } from './application-fields.js';
import { announceCertificateChanges, certificatesChanged } from './certificate-changes.js';
import { auditActor, writeCertificate } from './certificate-issuance.js';
import { localDate } from './certificate-numbers.js';
import { certificateView, type CertificateView } from './certificate-view.js';
import { insertCertificateEvent, lockCertificate, updateCertificateStatus } from './certificates-repository.js';
import { violatedUniqueRule } from './constraint-violation.js';
import type { CertificationDeps } from './deps.js';
import { mailHolder } from './holder-mail.js';

export interface ReissueCertificateOptions {
  actor: AuthContext | null;
  id: string;
  /** What was corrected, e.g. the spelling of the name; kept in both certificates' history. */
  reason: string;
  now?: Date;
}

/**
 * Re-issues an active certificate after a correction (made first in the register, e.g. the name's
 * spelling): a new certificate with a new number and the same validity, with the holder's name
 * as the register has it now. The old one is revoked as superseded and points to the new one, so
 * its history and every document printed from it stay explained.
 */
export async function reissueCertificate(db: Db, deps: CertificationDeps, options: ReissueCertificateOptions): Promise<CertificateView> {
  const problems = new FieldProblems();
  const reason = cleanNote(options.reason, 'reason', problems, true)!;
  problems.throwIfAny();
  const now = options.now ?? new Date();
  const signer = await deps.credentials.signer();
  try {
    const view = await db.transaction(async (tx) => {
      const old = await lockCertificate(tx, options.id);
      if (!old) throw new AppError('not_found', { values: { what: 'certificate' } });
      const auth = checkRole(options.actor, old.associationId, MANAGE_ROLES);
      if (old.replacedById) throw new AppError('conflict', { messageKey: 'certification.errors.already_replaced', values: { number: old.replacedByNumber ?? '' } });
      if (old.status !== 'active') throw new AppError('conflict', { messageKey: 'certification.errors.cannot_reissue', values: { status: old.status } });
      const person = await findLivePerson(tx, old.personId);
      const today = localDate(now, old.timeZone);
      const reissued = await writeCertificate(tx, deps, {
        associationId: old.associationId,
        schemeId: old.schemeId,
        numberPrefix: old.numberPrefix,
        levelId: old.levelId,
        personId: person?.id ?? old.personId,
        applicationId: null,
        replacesId: old.id,
        origin: 'reissue',
        holderName: person?.fullName ?? old.holderName,
        holderNameLatin: person ? person.nameLatin : old.holderNameLatin,
        issuedOn: old.issuedOn,
        validUntil: old.validUntil,
        numberYear: Number(today.slice(0, 4)),
        actorId: auth.user.id,
        note: reason,
        signer,
      });
      await updateCertificateStatus(tx, old.id, { status: 'revoked', statusReasonCategory: 'superseded', statusReason: reason });
      if (old.revocationListId !== null && old.revocationIndex !== null) {
        await deps.statusLists.set(tx, { listId: old.revocationListId, index: old.revocationIndex }, true);
      }
      await announceCertificateChanges(tx, [old.id]);
      await insertCertificateEvent(tx, { certificateId: old.id, actorId: auth.user.id, action: 'reissued', reasonCategory: 'superseded', note: `${reissued.number} · ${reason}` });
      await mailHolder(tx, deps, reissued, 'reissued', `certification:certificate:${reissued.id}:issued`, { newNumber: reissued.number, reason });
      await appendAudit(tx, {
        actor: auditActor(auth.user.id),
        entity: `certificate:${old.id}`,
        action: 'revoked',
        data: { from: old.status, to: 'revoked', category: 'superseded', reason, by: reissued.id, number: reissued.number },
      });
      return certificateView(reissued);
    });
    certificatesChanged(db, [options.id]);
    return view;
  } catch (error) {
    if (violatedUniqueRule(error) === 'certificates_replaces') throw new AppError('conflict', { messageKey: 'certification.errors.already_replaced', values: { number: '' } });
    throw error;
  }
}
