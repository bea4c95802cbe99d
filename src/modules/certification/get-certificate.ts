import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/access.js';
import { AppError } from '../../platform/errors.js';
import { checkRole, REVIEW_ROLES } from './access.js';
import { certificateView, type CertificateDetail } from './certificate-view.js';
import { certificateEventsOf, findCertificate } from './certificates-repository.js';

export interface GetCertificateOptions {
  actor: AuthContext | null;
  id: string;
}

/** A certificate with its history, for staff and assessors of its association. */
export async function getCertificate(db: DbOrTx, options: GetCertificateOptions): Promise<CertificateDetail> {
  const certificate = await findCertificate(db, options.id);
  if (!certificate) throw new AppError('not_found', { values: { what: 'certificate' } });
  checkRole(options.actor, certificate.associationId, REVIEW_ROLES);
  return { ...certificateView(certificate), history: await certificateEventsOf(db, [certificate.id]) };
}
