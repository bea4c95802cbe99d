import type { Db, Tx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { FieldProblems } from '../../platform/field-problems.js';
import { appendAudit } from '../audit/append-audit.js';
import { checkRole, MANAGE_ROLES } from './access.js';
import { cleanNote } from './application-fields.js';
import { announceCertificateChanges, certificatesChanged } from './certificate-changes.js';
import { auditActor } from './certificate-issuance.js';
import { certificateView, type CertificateView } from './certificate-view.js';
import { findCertificate, insertCertificateEvent, lockCertificate, updateCertificateStatus, type CertificateRow } from './certificates-repository.js';
import type { CertificationDeps } from './deps.js';
import { mailHolder } from './holder-mail.js';
import { REASON_CATEGORIES, type CertificateStatus, type ReasonCategory } from './tables.js';

export type StatusAction = 'suspend' | 'reinstate' | 'revoke';

const PAST: Record<StatusAction, 'suspended' | 'reinstated' | 'revoked'> = { suspend: 'suspended', reinstate: 'reinstated', revoke: 'revoked' };

export interface StatusChangeOptions {
  actor: AuthContext | null;
  id: string;
  /** Required to suspend or revoke. */
  category?: string | null | undefined;
  /** Free text: required to suspend or revoke, optional to reinstate. */
  reason?: string | null | undefined;
}

/** Where each action may start from, and where it leads. Revocation is final; only a suspension is undone. */
function target(action: StatusAction, from: CertificateStatus): CertificateStatus {
  const refuse = (key: string) => new AppError('conflict', { messageKey: `certification.errors.${key}`, values: { status: from } });
  switch (action) {
    case 'suspend':
      if (from !== 'active') throw refuse('cannot_suspend');
      return 'suspended';
    case 'reinstate':
      if (from === 'revoked') throw refuse('revoked_final');
      if (from !== 'suspended') throw refuse('cannot_reinstate');
      return 'active';
    case 'revoke':
      if (from === 'revoked') throw refuse('revoked_final');
      return 'revoked';
  }
}

function cleanReason(action: StatusAction, options: StatusChangeOptions): { category: ReasonCategory | null; reason: string | null } {
  const problems = new FieldProblems();
  const needed = action !== 'reinstate';
  let category: ReasonCategory | null = null;
  if (needed) {
    if (!options.category) problems.add('category', 'required');
    else if (!(REASON_CATEGORIES as readonly string[]).includes(options.category)) {
      problems.add('category', 'one_of', { values: REASON_CATEGORIES.join(', ') });
    } else category = options.category as ReasonCategory;
  }
  const reason = cleanNote(options.reason, 'reason', problems, needed);
  problems.throwIfAny();
  return { category, reason };
}

/**
 * Suspends, reinstates or revokes a certificate: the stored status, the bit in the published
 * status list, the history, the audit entry and the holder's mail change in one transaction.
 */
export async function changeCertificateStatus(db: Db, deps: CertificationDeps, action: StatusAction, options: StatusChangeOptions): Promise<CertificateView> {
  const { category, reason } = cleanReason(action, options);
  const id = await db.transaction(async (tx) => {
    const certificate = await lockCertificate(tx, options.id);
    if (!certificate) throw new AppError('not_found', { values: { what: 'certificate' } });
    const auth = checkRole(options.actor, certificate.associationId, MANAGE_ROLES);
    const to = target(action, certificate.status);
    await updateCertificateStatus(tx, certificate.id, {
      status: to,
      statusReasonCategory: action === 'reinstate' ? null : category,
      statusReason: action === 'reinstate' ? null : reason,
    });
    await setStatusBit(tx, deps, certificate, action);
    await announceCertificateChanges(tx, [certificate.id]);
    const eventId = await insertCertificateEvent(tx, {
      certificateId: certificate.id,
      actorId: auth.user.id,
      action: PAST[action],
      reasonCategory: category,
      note: reason,
    });
    await mailHolder(tx, deps, certificate, PAST[action], `certification:certificate-event:${eventId}`, {
      category: category ?? 'other',
      reason: reason ?? '',
    });
    await appendAudit(tx, {
      actor: auditActor(auth.user.id),
      entity: `certificate:${certificate.id}`,
      action: PAST[action],
      data: { from: certificate.status, to, ...(category ? { category } : {}), ...(reason ? { reason } : {}) },
    });
    return certificate.id;
  });
  certificatesChanged(db, [id]);
  return certificateView((await findCertificate(db, id))!);
}

async function setStatusBit(tx: Tx, deps: CertificationDeps, c: CertificateRow, action: StatusAction): Promise<void> {
  if (action === 'revoke') {
    if (c.revocationListId !== null && c.revocationIndex !== null) await deps.statusLists.set(tx, { listId: c.revocationListId, index: c.revocationIndex }, true);
    return;
  }
  if (c.suspensionListId !== null && c.suspensionIndex !== null) {
    await deps.statusLists.set(tx, { listId: c.suspensionListId, index: c.suspensionIndex }, action === 'suspend');
  }
}
